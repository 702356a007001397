/** useK8sWatchResource(s): `[data, loaded, loadError]` from the shared watch cache. */
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type {
  K8sResourceCommon,
  ResourcesObject,
  WatchK8sResource,
  WatchK8sResources,
  WatchK8sResults,
  WatchK8sResultsObject,
} from '@openshift-console/dynamic-plugin-sdk';
import { HttpError } from '@openshift-console/dynamic-plugin-sdk/lib/utils/error/http-error';
import { getDiscovery, loadDiscovery, subscribeDiscovery } from './discovery';
import { getWatchEntry, type WatchEntry } from './watchCache';
import { resolveWatch, type ResolvedWatch } from './watchQuery';
import type { WatchState } from './watchReducer';

const notFoundErrors = new WeakMap<WatchState, HttpError>();

type Result = WatchK8sResultsObject<K8sResourceCommon | K8sResourceCommon[]>;
type Slot = { resolved: ResolvedWatch; entry?: WatchEntry; isList: boolean };

const resultFor = (slot: Slot | undefined, state: WatchState | undefined): Result => {
  if (!slot) return { data: undefined as never, loaded: true, loadError: undefined };
  const empty = slot.isList ? [] : {};
  if (slot.resolved.status === 'pending')
    return { data: empty, loaded: false, loadError: undefined };
  if (slot.resolved.status === 'error')
    return { data: empty, loaded: true, loadError: slot.resolved.error };
  if (!state) return { data: empty, loaded: false, loadError: undefined };
  if (slot.isList) return { data: state.items, loaded: state.loaded, loadError: state.loadError };
  const obj = state.items[0];
  if (state.loaded && !obj) {
    const { name = '', model } = slot.resolved.query;
    let error = notFoundErrors.get(state);
    if (!error) {
      error = new HttpError(`${model.plural} "${name}" not found`, 404);
      notFoundErrors.set(state, error);
    }
    return { data: empty, loaded: false, loadError: state.loadError ?? error };
  }
  return { data: obj ?? empty, loaded: state.loaded, loadError: state.loadError };
};

/** Watches several resources; the result object and each entry are stable until something changes. */
const useWatchResources = (
  resources: Record<string, WatchK8sResource | null>,
): Record<string, Result> => {
  const discovery = useSyncExternalStore(subscribeDiscovery, getDiscovery);
  if (!discovery.loaded) void loadDiscovery();
  const signature = JSON.stringify(resources);
  const slots = useMemo(() => {
    const parsed = JSON.parse(signature) as Record<string, WatchK8sResource | null>;
    const out: Record<string, Slot | undefined> = {};
    for (const [key, res] of Object.entries(parsed)) {
      if (!res) {
        out[key] = undefined;
        continue;
      }
      const resolved = resolveWatch(res, discovery);
      out[key] = {
        resolved,
        isList: !!res.isList,
        entry: resolved.status === 'ok' ? getWatchEntry(resolved.query) : undefined,
      };
    }
    return out;
  }, [signature, discovery]);

  const subscribe = useCallback(
    (listener: () => void) => {
      const unsubscribes = Object.values(slots).map((s) => s?.entry?.subscribe(listener));
      return () => unsubscribes.forEach((u) => u?.());
    },
    [slots],
  );
  const snapshot = useSyncExternalStore(subscribe, () =>
    Object.values(slots)
      .map((s) => s?.entry?.version ?? '-')
      .join(','),
  );

  const previous = useRef<Record<string, Result>>({});
  return useMemo(() => {
    void snapshot;
    const next: Record<string, Result> = {};
    let changed = Object.keys(previous.current).length !== Object.keys(slots).length;
    for (const [key, slot] of Object.entries(slots)) {
      const fresh = resultFor(slot, slot?.entry?.state);
      const old = previous.current[key];
      const same =
        old &&
        old.data === fresh.data &&
        old.loaded === fresh.loaded &&
        old.loadError === fresh.loadError;
      next[key] = same ? old : fresh;
      if (!same) changed = true;
    }
    if (changed) previous.current = next;
    return previous.current;
  }, [slots, snapshot]);
};

export const useK8sWatchResource = <R extends K8sResourceCommon | K8sResourceCommon[]>(
  resource: WatchK8sResource | null,
): [R, boolean, unknown] => {
  const results = useWatchResources({ resource });
  const r = results.resource;
  return useMemo(() => [r.data as R, r.loaded, r.loadError], [r]);
};

export const useK8sWatchResources = <R extends ResourcesObject>(
  resources: WatchK8sResources<R>,
): WatchK8sResults<R> =>
  useWatchResources(resources as Record<string, WatchK8sResource | null>) as WatchK8sResults<R>;

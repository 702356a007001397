/** The state of one watched query, and how list results and watch events change it (pure). */
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';

export type WatchEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; object: K8sResourceCommon }
  | { type: 'ERROR'; object: { code?: number; message?: string; reason?: string } };

export type WatchState = {
  /** Objects by `namespace/name`, in arrival order. */
  byKey: ReadonlyMap<string, K8sResourceCommon>;
  /** The same objects as an array; a new array only when something changed. */
  items: K8sResourceCommon[];
  resourceVersion?: string;
  loaded: boolean;
  loadError?: unknown;
};

export const initialWatchState: WatchState = { byKey: new Map(), items: [], loaded: false };

export const objectKey = (o: K8sResourceCommon): string =>
  `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

const sameVersion = (a: K8sResourceCommon | undefined, b: K8sResourceCommon) =>
  !!a?.metadata?.resourceVersion && a.metadata.resourceVersion === b.metadata?.resourceVersion;

/** A fresh list (first load or relist): unchanged objects keep their identity. */
export const applyList = (
  state: WatchState,
  items: K8sResourceCommon[],
  resourceVersion: string | undefined,
): WatchState => {
  const byKey = new Map<string, K8sResourceCommon>();
  let changed = items.length !== state.byKey.size;
  for (const item of items) {
    const key = objectKey(item);
    const old = state.byKey.get(key);
    const kept = sameVersion(old, item) ? (old as K8sResourceCommon) : item;
    if (kept !== old) changed = true;
    byKey.set(key, kept);
  }
  return {
    byKey: changed ? byKey : state.byKey,
    items: changed || !state.loaded ? [...byKey.values()] : state.items,
    resourceVersion,
    loaded: true,
    loadError: undefined,
  };
};

/** Applies a batch of ADDED/MODIFIED/DELETED/BOOKMARK events; ERROR events are handled by the caller. */
export const applyEvents = (state: WatchState, events: WatchEvent[]): WatchState => {
  let byKey: Map<string, K8sResourceCommon> | undefined;
  let resourceVersion = state.resourceVersion;
  for (const event of events) {
    if (event.type === 'ERROR') continue;
    const obj = event.object;
    const key = objectKey(obj);
    const current = (byKey ?? state.byKey).get(key);
    // Replayed events (same version as we hold) change nothing, not even the resume point.
    if (event.type !== 'BOOKMARK' && sameVersion(current, obj)) continue;
    resourceVersion = obj.metadata?.resourceVersion ?? resourceVersion;
    if (event.type === 'BOOKMARK') continue;
    if (event.type === 'DELETED') {
      if (!current) continue;
      byKey ??= new Map(state.byKey);
      byKey.delete(key);
    } else {
      byKey ??= new Map(state.byKey);
      byKey.set(key, obj);
    }
  }
  if (!byKey)
    return resourceVersion === state.resourceVersion ? state : { ...state, resourceVersion };
  return { ...state, byKey, items: [...byKey.values()], resourceVersion };
};

/** A failed list keeps the last data (if any) and records the error. */
export const applyError = (state: WatchState, loadError: unknown): WatchState => ({
  ...state,
  loadError,
});

import type { KubeObject } from '../core/types';
import { StatusError } from '../core/statusError';
import type { ResourceKind } from '../registry/resourceKind';
import { apiVersionOf } from '../registry/resourceKind';
import { storageKey } from '../registry/kindRegistry';
import type { ListOptions, ResourceService } from '../rest/resourceService';
import type { StoreEvent } from '../storage/objectStore';
import type { WatchCache } from '../watch/watchCache';
import type { IncludeObject, Representation } from './tableView';
import { watchEventJson } from './objectJson';
import { partialMetadata, toTable } from './tableView';

export interface WatchRequest {
  kind: ResourceKind;
  namespace?: string;
  selectors: Pick<ListOptions, 'labelSelector' | 'fieldSelector'>;
  /** undefined or "0": start with synthetic ADDED events for what exists now, as kube does. */
  resourceVersion?: string;
  allowBookmarks: boolean;
  timeoutSeconds?: number;
  representation: Representation;
  includeObject: IncludeObject;
  /** Narrows events further (projects: only the namespaces the user may see). */
  visible?: (obj: KubeObject) => boolean;
  /** Turns stored objects into what the client watches (projects are namespaces underneath). */
  transform?: (obj: KubeObject) => KubeObject;
}

export interface WatchSink {
  /** One serialized watch event (`{"type":…,"object":…}`), without a line terminator. */
  send(event: string): void;
  close(): void;
  onClose(listener: () => void): void;
}

/** How often an idle watch gets a BOOKMARK, when the client allows them. */
export const BOOKMARK_INTERVAL_MS = Number(process.env.LOCAL_CLUSTER_BOOKMARK_MS ?? 30_000);

/**
 * One watch: replays history from the requested revision, then streams live changes that match
 * the namespace and selectors, turning selector entries and exits into ADDED and DELETED like
 * kube's watch cache. An expired revision ends the stream with an ERROR event carrying 410.
 */
export const startWatch = (
  service: ResourceService,
  cache: WatchCache,
  req: WatchRequest,
  sink: WatchSink,
): void => {
  const key = storageKey(req.kind);
  const transform = (obj: KubeObject): KubeObject => {
    const versioned =
      obj.apiVersion === apiVersionOf(req.kind)
        ? obj
        : { ...obj, apiVersion: apiVersionOf(req.kind) };
    return req.transform ? req.transform(versioned) : versioned;
  };
  let sentColumns = false;
  const render = (obj: KubeObject): unknown => {
    if (req.representation === 'partialMetadata') return partialMetadata(obj);
    if (req.representation === 'table') {
      const table = toTable(
        req.kind,
        [obj],
        { resourceVersion: obj.metadata.resourceVersion },
        req.includeObject,
        !sentColumns,
      );
      sentColumns = true;
      return table;
    }
    return obj;
  };
  const inScope = (obj: KubeObject | undefined): boolean =>
    Boolean(obj) &&
    (!req.kind.namespaced || !req.namespace || obj?.metadata.namespace === req.namespace) &&
    service.matches(obj as KubeObject, req.selectors) &&
    (!req.visible || req.visible(obj as KubeObject));

  let lastRevision: number;
  const onEvent = (e: StoreEvent): void => {
    if (e.kindKey !== key) return;
    lastRevision = e.resourceVersion;
    const now = inScope(e.object);
    if (e.type === 'MODIFIED') {
      const before = inScope(e.previous);
      if (now && before) sink.send(watchEventJson('MODIFIED', render(transform(e.object))));
      else if (now) sink.send(watchEventJson('ADDED', render(transform(e.object))));
      else if (before) sink.send(watchEventJson('DELETED', render(transform(e.object))));
      return;
    }
    if (now) sink.send(watchEventJson(e.type, render(transform(e.object))));
  };

  let unsubscribe: () => void = () => undefined;
  try {
    const rv = req.resourceVersion;
    if (rv === undefined || rv === '' || rv === '0') {
      const start = service.store.currentRevision;
      lastRevision = start;
      for (const obj of service.store.list(key, req.kind.namespaced ? req.namespace : undefined)) {
        if (inScope(obj)) sink.send(watchEventJson('ADDED', render(transform(obj))));
      }
      unsubscribe = cache.subscribe(start, onEvent);
    } else {
      const from = Number(rv);
      if (!Number.isInteger(from) || from < 0)
        throw new StatusError(400, 'BadRequest', `invalid resource version: ${rv}`);
      lastRevision = from;
      unsubscribe = cache.subscribe(from, onEvent);
    }
  } catch (err) {
    if (err instanceof StatusError) {
      sink.send(watchEventJson('ERROR', err.toStatus()));
      sink.close();
      return;
    }
    throw err;
  }

  const timers: NodeJS.Timeout[] = [];
  if (req.allowBookmarks) {
    timers.push(
      setInterval(() => {
        sink.send(
          JSON.stringify({
            type: 'BOOKMARK',
            object: {
              kind: req.kind.kind,
              apiVersion: apiVersionOf(req.kind),
              metadata: { resourceVersion: String(lastRevision) },
            },
          }),
        );
      }, BOOKMARK_INTERVAL_MS),
    );
  }
  if (req.timeoutSeconds && req.timeoutSeconds > 0) {
    timers.push(setTimeout(() => sink.close(), req.timeoutSeconds * 1000));
  }
  const untrack = cache.trackStream(() => sink.close());
  sink.onClose(() => {
    untrack();
    unsubscribe();
    for (const t of timers) clearTimeout(t);
  });
};

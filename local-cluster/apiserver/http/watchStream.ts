import type { KubeObject } from '../core/types';
import { StatusError } from '../core/statusError';
import type { ResourceKind } from '../registry/resourceKind';
import { apiVersionOf } from '../registry/resourceKind';
import { storageKey } from '../registry/kindRegistry';
import type { ListOptions, ResourceService } from '../rest/resourceService';
import type { StoreEvent } from '../storage/objectStore';
import type { WatchCache } from '../watch/watchCache';
import type { IncludeObject, Representation } from './tableView';
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

const serialized = new WeakMap<object, Map<string, string>>();

/**
 * Serializes an event once for every watcher that receives the same stored object: with 50
 * watchers on a list, one JSON.stringify per change instead of 50.
 */
const eventText = (type: string, object: unknown): string => {
  if (!object || typeof object !== 'object' || !Object.isFrozen(object))
    return JSON.stringify({ type, object });
  let byType = serialized.get(object);
  if (!byType) serialized.set(object, (byType = new Map()));
  let text = byType.get(type);
  if (text === undefined) byType.set(type, (text = JSON.stringify({ type, object })));
  return text;
};

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
      if (now && before) sink.send(eventText('MODIFIED', render(transform(e.object))));
      else if (now) sink.send(eventText('ADDED', render(transform(e.object))));
      else if (before) sink.send(eventText('DELETED', render(transform(e.object))));
      return;
    }
    if (now) sink.send(eventText(e.type, render(transform(e.object))));
  };

  let unsubscribe: () => void = () => undefined;
  try {
    const rv = req.resourceVersion;
    if (rv === undefined || rv === '' || rv === '0') {
      const start = service.store.currentRevision;
      lastRevision = start;
      for (const obj of service.store.list(key, req.kind.namespaced ? req.namespace : undefined)) {
        if (inScope(obj)) sink.send(eventText('ADDED', render(transform(obj))));
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
      sink.send(eventText('ERROR', err.toStatus()));
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

/**
 * One shared, ref-counted cache entry per watched query: a paged list, then a websocket watch from
 * the list's resourceVersion; relists on 410 Gone or an abnormal close, with backoff.
 */
import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { listAll } from './crud';
import { resourceURL, websocketURL, type QueryParams } from './url';
import {
  applyError,
  applyEvents,
  applyList,
  initialWatchState,
  type WatchEvent,
  type WatchState,
} from './watchReducer';

export type WatchQuery = {
  model: K8sModel;
  ns?: string;
  name?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  partialMetadata?: boolean;
};

const STOP_GRACE_MS = 5000;
const FLUSH_MS = 50;
const POLL_MS = 15000;
const MAX_BACKOFF_MS = 30000;

const fieldSelectorOf = (q: WatchQuery): string | undefined =>
  [q.name ? `metadata.name=${q.name}` : '', q.fieldSelector ?? ''].filter(Boolean).join(',') ||
  undefined;

const paramsOf = (q: WatchQuery): QueryParams => ({
  labelSelector: q.labelSelector,
  fieldSelector: fieldSelectorOf(q),
});

/** The cache key: the list URL with selectors (and the options that change the response). */
export const watchQueryKey = (q: WatchQuery): string =>
  `${resourceURL(q.model, { ns: q.ns, queryParams: paramsOf(q) })}#${q.limit ?? ''}${q.partialMetadata ? '#pm' : ''}`;

export class WatchEntry {
  state: WatchState = initialWatchState;
  /** Bumped on every state change; what hooks compare. */
  version = 0;
  private readonly listeners = new Set<() => void>();
  private refs = 0;
  private running = false;
  private socket?: WebSocket;
  private timer?: ReturnType<typeof setTimeout>;
  private stopTimer?: ReturnType<typeof setTimeout>;
  private flushTimer?: ReturnType<typeof setTimeout>;
  private pending: WatchEvent[] = [];
  private backoff = 1000;

  constructor(
    readonly key: string,
    readonly query: WatchQuery,
    private readonly onStopped: (entry: WatchEntry) => void,
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    this.refs++;
    clearTimeout(this.stopTimer);
    if (!this.running) this.start();
    return () => {
      this.listeners.delete(listener);
      if (--this.refs === 0) this.stopTimer = setTimeout(() => this.stop(), STOP_GRACE_MS);
    };
  }

  private setState(next: WatchState) {
    if (next === this.state) return;
    this.state = next;
    this.version++;
    this.listeners.forEach((l) => l());
  }

  private start() {
    this.running = true;
    void this.list();
  }

  private stop() {
    this.running = false;
    clearTimeout(this.timer);
    clearTimeout(this.flushTimer);
    this.closeSocket();
    this.onStopped(this);
  }

  private closeSocket() {
    const ws = this.socket;
    this.socket = undefined;
    if (ws) {
      ws.onclose = ws.onmessage = ws.onerror = null;
      ws.close();
    }
  }

  private retryLater(action: () => void) {
    clearTimeout(this.timer);
    this.timer = setTimeout(action, this.backoff);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
  }

  private async list() {
    const q = this.query;
    const headers: HeadersInit | undefined = q.partialMetadata
      ? { Accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1' }
      : undefined;
    const url = (token?: string) =>
      resourceURL(q.model, {
        ns: q.ns,
        queryParams: {
          limit: String(q.limit ?? 250),
          ...paramsOf(q),
          continue: q.limit ? undefined : token,
        },
      });
    // A first load shows each page as it arrives, as the console does (first rows of a big list
    // within one request); a relist swaps in the whole new list at once.
    const showPage = this.state.loaded
      ? undefined
      : (soFar: K8sResourceCommon[]) => {
          if (this.running) this.setState(applyList(this.state, soFar, undefined));
        };
    try {
      const { items, resourceVersion } = await listAll(
        url,
        headers ? { headers } : undefined,
        !!q.limit,
        showPage,
      );
      if (!this.running) return;
      this.setState(applyList(this.state, items, resourceVersion));
      this.backoff = 1000;
      if (q.model.verbs && !q.model.verbs.includes('watch')) {
        this.timer = setTimeout(() => void this.list(), POLL_MS);
      } else {
        this.watch(resourceVersion);
      }
    } catch (e) {
      if (!this.running) return;
      this.setState(applyError(this.state, e));
      this.retryLater(() => void this.list());
    }
  }

  private relist() {
    this.closeSocket();
    this.retryLater(() => void this.list());
  }

  private watch(resourceVersion: string | undefined) {
    this.closeSocket();
    const path = resourceURL(this.query.model, {
      ns: this.query.ns,
      queryParams: { ...paramsOf(this.query), watch: 'true', resourceVersion },
    });
    const ws = new WebSocket(websocketURL(path, window.location));
    this.socket = ws;
    ws.onmessage = (msg) => {
      let event: WatchEvent;
      try {
        event = JSON.parse(String(msg.data)) as WatchEvent;
      } catch {
        return;
      }
      if (event.type === 'ERROR') {
        // 410 Gone: our resourceVersion is too old. Anything else: start over too.
        this.flush();
        this.relist();
        return;
      }
      this.pending.push(event);
      this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
    };
    ws.onclose = (e) => {
      this.socket = undefined;
      this.flush();
      if (!this.running) return;
      // A normal close (server-side watch timeout) resumes from where we are; anything else relists.
      if (e.code === 1000) this.watch(this.state.resourceVersion);
      else this.relist();
    };
  }

  private flush() {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.pending.length) return;
    const events = this.pending;
    this.pending = [];
    this.setState(applyEvents(this.state, events));
  }
}

const entries = new Map<string, WatchEntry>();

/** The shared entry for a query (created idle; it starts on its first subscriber). */
export const getWatchEntry = (query: WatchQuery): WatchEntry => {
  const key = watchQueryKey(query);
  let entry = entries.get(key);
  if (!entry) {
    entry = new WatchEntry(key, query, (stopped) => {
      if (entries.get(stopped.key) === stopped) entries.delete(stopped.key);
    });
    entries.set(key, entry);
  }
  return entry;
};

import { gone } from '../core/statusError';
import type { ObjectStore, StoreEvent } from '../storage/objectStore';

/**
 * The recent history of changes, like kube-apiserver's watch cache: a watch may start from any
 * revision still held here; older ones get 410 Gone, so clients relist, exactly as against a real
 * cluster whose etcd compacted. After a restart the history starts at the restart revision.
 */
export class WatchCache {
  private readonly events: StoreEvent[] = [];
  private readonly subscribers = new Set<(event: StoreEvent) => void>();
  private readonly openStreams = new Set<() => void>();
  private oldestRevision: number;

  constructor(
    store: ObjectStore,
    private readonly capacity = 100_000,
  ) {
    this.oldestRevision = store.currentRevision;
    store.onChange((event) => this.record(event));
  }

  private record(event: StoreEvent): void {
    this.events.push(event);
    if (this.events.length > this.capacity) {
      const dropped = this.events.splice(0, this.events.length - this.capacity);
      this.oldestRevision = dropped[dropped.length - 1].resourceVersion;
    }
    for (const s of this.subscribers) s(event);
  }

  /**
   * Calls `onEvent` for every change after `fromRevision` still in the history, then for each new
   * one until the returned function is called. Throws 410 when the history no longer reaches back.
   */
  subscribe(fromRevision: number, onEvent: (event: StoreEvent) => void): () => void {
    if (fromRevision < this.oldestRevision) {
      throw gone(`too old resource version: ${fromRevision} (${this.oldestRevision + 1})`);
    }
    for (const e of this.eventsAfter(fromRevision)) onEvent(e);
    this.subscribers.add(onEvent);
    return () => this.subscribers.delete(onEvent);
  }

  private eventsAfter(revision: number): StoreEvent[] {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid].resourceVersion <= revision) lo = mid + 1;
      else hi = mid;
    }
    return this.events.slice(lo);
  }

  /** Registers a way to end an open watch stream; returns the function that unregisters it. */
  trackStream(end: () => void): () => void {
    this.openStreams.add(end);
    return () => this.openStreams.delete(end);
  }

  /** Ends every open watch stream properly (final chunk, close frame), as on server shutdown. */
  endAllStreams(): void {
    for (const end of [...this.openStreams]) end();
    this.openStreams.clear();
  }

  /** Drops everything below a revision, as an etcd compaction would (used by tests of 410). */
  compact(): void {
    if (this.events.length)
      this.oldestRevision = this.events[this.events.length - 1].resourceVersion;
    this.events.length = 0;
  }
}

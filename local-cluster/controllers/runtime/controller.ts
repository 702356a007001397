import type { KubeObject } from '../../apiserver/core/types';
import { isConflict } from './apiClient';
import type { Informer } from './informer';
import { keyOf } from './resources';

/** What a reconcile may ask for besides success: to look again after a while. */
export interface ReconcileResult {
  requeueAfterMs?: number;
}

export type Reconcile = (key: string) => Promise<void> | Promise<ReconcileResult | undefined>;

const MAX_BACKOFF_MS = 30_000;
const BASE_BACKOFF_MS = 20;

/**
 * A keyed work queue with the guarantees of client-go's: a key is queued at most once, never
 * reconciled by two workers at a time, re-run when it changed while being reconciled, retried
 * with exponential backoff on errors (immediately on 409 conflicts, which only mean a stale read).
 */
export class Controller {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private active = 0;
  private stopped = false;

  constructor(
    readonly name: string,
    private readonly reconcile: Reconcile,
    private readonly options: { concurrency?: number; log?: (message: string) => void } = {},
  ) {}

  /** Queues the keys `map` derives from every change of `informer` (default: the object's key). */
  watch<T extends KubeObject>(
    informer: Informer<T>,
    map: (obj: T) => string | string[] | undefined = (o) =>
      keyOf(o.metadata.namespace, o.metadata.name ?? ''),
  ): this {
    informer.onChange((_type, obj, previous) => {
      for (const o of previous ? [obj, previous] : [obj]) {
        const keys = map(o);
        for (const k of Array.isArray(keys) ? keys : keys ? [keys] : []) this.enqueue(k);
      }
    });
    return this;
  }

  enqueue(key: string): void {
    if (this.stopped) return;
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.pump();
  }

  enqueueAfter(key: string, ms: number): void {
    if (this.stopped) return;
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.enqueue(key);
      }, ms),
    );
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.queue.length = 0;
    this.queued.clear();
  }

  private pump(): void {
    const concurrency = this.options.concurrency ?? 4;
    while (this.active < concurrency && this.queue.length) {
      const key = this.queue.shift() as string;
      this.queued.delete(key);
      this.running.add(key);
      this.active++;
      void this.process(key);
    }
  }

  private async process(key: string): Promise<void> {
    try {
      const result = await this.reconcile(key);
      this.failures.delete(key);
      if (result?.requeueAfterMs !== undefined) this.enqueueAfter(key, result.requeueAfterMs);
    } catch (err) {
      if (!this.stopped) {
        const n = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, n);
        // A conflict only means the informer had not caught up yet: look again soon.
        if (isConflict(err)) this.enqueueAfter(key, Math.min(1000, 5 * n));
        else {
          this.options.log?.(
            `${this.name} ${key}: ${err instanceof Error ? err.message : String(err)}`,
          );
          this.enqueueAfter(key, Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.min(n, 12)));
        }
      }
    } finally {
      this.running.delete(key);
      this.active--;
      if (this.dirty.delete(key)) this.enqueue(key);
      this.pump();
    }
  }
}

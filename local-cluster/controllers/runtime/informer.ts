import type { KubeObject } from '../../apiserver/core/types';
import type { ApiClient, WatchEvent } from './apiClient';
import type { ResourceRef } from './resources';
import { keyOf } from './resources';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export type ChangeListener<T extends KubeObject> = (
  type: ChangeType,
  obj: T,
  previous: T | undefined,
) => void;

const RETRY_MS = 500;

/**
 * A list+watch cache of one kind, like client-go's shared informer: lists once, then follows the
 * watch from the list's resourceVersion, resumes after the stream ends, relists after 410 Gone.
 * Listeners see every change after the cache applied it; after a relist they see the difference.
 */
export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new Map<string, T>();
  private readonly listeners: ChangeListener<T>[] = [];
  private readonly abort = new AbortController();
  private resourceVersion = '';
  private syncedResolve!: () => void;
  /** Resolves after the first list has been applied. */
  readonly synced = new Promise<void>((resolve) => {
    this.syncedResolve = resolve;
  });

  constructor(
    private readonly client: ApiClient,
    readonly ref: ResourceRef,
    private readonly log: (message: string) => void = () => {},
  ) {}

  start(): void {
    void this.run();
  }

  stop(): void {
    this.abort.abort();
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.cache.get(keyOf(this.ref.namespaced ? namespace : undefined, name));
  }

  list(namespace?: string): T[] {
    const all = [...this.cache.values()];
    return namespace ? all.filter((o) => o.metadata.namespace === namespace) : all;
  }

  onChange(listener: ChangeListener<T>): void {
    this.listeners.push(listener);
  }

  private emit(type: ChangeType, obj: T, previous: T | undefined): void {
    for (const l of this.listeners) {
      try {
        l(type, obj, previous);
      } catch (err) {
        this.log(`informer ${this.ref.kind} listener failed: ${String(err)}`);
      }
    }
  }

  private apply(type: ChangeType, obj: T): void {
    const key = keyOf(obj.metadata.namespace, obj.metadata.name ?? '');
    const previous = this.cache.get(key);
    if (type === 'DELETED') this.cache.delete(key);
    else this.cache.set(key, obj);
    this.emit(type, obj, previous);
  }

  private async relist(): Promise<void> {
    const list = await this.client.list<T>(this.ref);
    const seen = new Set<string>();
    for (const item of list.items) {
      const obj = { apiVersion: this.ref.apiVersion, kind: this.ref.kind, ...item } as T;
      const key = keyOf(obj.metadata.namespace, obj.metadata.name ?? '');
      seen.add(key);
      const previous = this.cache.get(key);
      if (previous?.metadata.resourceVersion !== obj.metadata.resourceVersion)
        this.apply(previous ? 'MODIFIED' : 'ADDED', obj);
    }
    for (const [key, obj] of [...this.cache]) if (!seen.has(key)) this.apply('DELETED', obj);
    this.resourceVersion = list.metadata.resourceVersion ?? '';
  }

  private async run(): Promise<void> {
    let needList = true;
    while (!this.abort.signal.aborted) {
      try {
        if (needList) {
          await this.relist();
          needList = false;
          this.syncedResolve();
        }
        await this.client.watch<T>(
          this.ref,
          this.resourceVersion,
          (event: WatchEvent<T>) => {
            if (event.type === 'ERROR') {
              needList = true;
              return;
            }
            const rv = event.object.metadata.resourceVersion;
            if (rv) this.resourceVersion = rv;
            if (event.type !== 'BOOKMARK') this.apply(event.type, event.object);
          },
          this.abort.signal,
        );
      } catch (err) {
        if (this.abort.signal.aborted) return;
        this.log(`informer ${this.ref.kind}: ${String(err)}; retrying`);
        needList = true;
        await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    }
  }
}

/** One shared informer per kind, started on first use. */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>();

  constructor(
    private readonly client: ApiClient,
    private readonly log: (message: string) => void,
  ) {}

  for<T extends KubeObject = KubeObject>(ref: ResourceRef): Informer<T> {
    const key = `${ref.apiVersion}/${ref.plural}`;
    let informer = this.informers.get(key);
    if (!informer) {
      informer = new Informer(this.client, ref, this.log);
      this.informers.set(key, informer);
      informer.start();
    }
    return informer as unknown as Informer<T>;
  }

  /** Waits until every informer asked for so far has listed once. */
  async synced(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.synced));
  }

  stop(): void {
    for (const i of this.informers.values()) i.stop();
  }
}

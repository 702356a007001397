import type { KubeObject } from '../core/types';
import type { KindRegistry } from '../registry/kindRegistry';
import { storageKey } from '../registry/kindRegistry';
import type { ResourceKind } from '../registry/resourceKind';
import type { ResourceService } from '../rest/resourceService';
import { systemContext } from '../rest/requestContext';
import type { ObjectStore, StoreEvent } from '../storage/objectStore';
import type { ObjectRef } from './ownerIndex';
import { OwnerIndex, refId } from './ownerIndex';

/**
 * kube-controller-manager's garbage collector and namespace controller, run inside the server:
 * dependents of a deleted owner are deleted (background) or released (orphan), foreground deletion
 * waits for blocking dependents, and a Terminating namespace is emptied, then removed. Work runs
 * after the request that caused it has been answered, as it would in a separate controller.
 */
export class GarbageCollector {
  private readonly index: OwnerIndex;
  private readonly queue: StoreEvent[] = [];
  private scheduled = false;
  private readonly timer: NodeJS.Timeout;
  /** Objects marked for deletion and not gone yet, so the retry sweep never scans whole kinds. */
  private readonly terminating = new Map<string, ObjectRef>();

  constructor(
    private readonly store: ObjectStore,
    private readonly registry: KindRegistry,
    private readonly service: ResourceService,
  ) {
    this.index = new OwnerIndex(store, () => this.storageKeys());
    for (const kindKey of this.storageKeys()) {
      for (const obj of store.list(kindKey)) this.trackTermination(kindKey, obj, false);
    }
    store.onChange((e) => {
      this.trackTermination(e.kindKey, e.object, e.type === 'DELETED');
      if (e.type === 'DELETED' || e.object.metadata.deletionTimestamp) this.enqueue(e);
    });
    // Namespaces and foreground owners can be waiting on objects that hold finalizers of their
    // own; a slow sweep retries them the way the real controllers resync.
    this.timer = setInterval(() => this.sweep(), 1000);
    this.timer.unref();
  }

  private storageKeys(): string[] {
    return [
      ...new Set(
        this.registry
          .all()
          .filter((k) => !k.virtual)
          .map(storageKey),
      ),
    ];
  }

  private trackTermination(kindKey: string, obj: KubeObject, deleted: boolean): void {
    const ref: ObjectRef = {
      kindKey,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name ?? '',
    };
    const id = refId(ref);
    if (!deleted && obj.metadata.deletionTimestamp) this.terminating.set(id, ref);
    else this.terminating.delete(id);
  }

  private kindOf(kindKey: string): ResourceKind | undefined {
    return this.registry.all().find((k) => storageKey(k) === kindKey);
  }

  private enqueue(e: StoreEvent): void {
    this.queue.push(e);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  private drain(): void {
    this.scheduled = false;
    while (this.queue.length) {
      const e = this.queue.shift() as StoreEvent;
      try {
        this.handle(e);
      } catch (err) {
        // A dependent that vanished meanwhile or refuses deletion is retried by the sweep.
        if (process.env.LOCAL_CLUSTER_DEBUG) console.error('garbage collector:', err);
      }
    }
  }

  private handle(e: StoreEvent): void {
    const uid = e.object.metadata.uid ?? '';
    if (e.type === 'DELETED') {
      for (const ref of this.index.dependentsOf(uid)) this.releaseOrDelete(ref, uid, 'Background');
      return;
    }
    if (e.kindKey === '/namespaces') {
      this.finalizeNamespace(e.object);
      return;
    }
    const finalizers = e.object.metadata.finalizers ?? [];
    if (finalizers.includes('orphan')) {
      for (const ref of this.index.dependentsOf(uid)) this.dropOwner(ref, uid);
      this.removeFinalizer(e.kindKey, e.object, 'orphan');
    } else if (finalizers.includes('foregroundDeletion')) {
      const blocking = this.index.dependentsOf(uid).filter((ref) => {
        const dep = this.store.get(ref.kindKey, ref.namespace, ref.name);
        return dep?.metadata.ownerReferences?.some((o) => o.uid === uid && o.blockOwnerDeletion);
      });
      for (const ref of this.index.dependentsOf(uid)) this.releaseOrDelete(ref, uid, 'Foreground');
      if (!blocking.length) this.removeFinalizer(e.kindKey, e.object, 'foregroundDeletion');
    }
  }

  /** A dependent with other owners left only loses this owner; the last owner's goes with it. */
  private releaseOrDelete(
    ref: ObjectRef,
    ownerUid: string,
    policy: 'Background' | 'Foreground',
  ): void {
    const dep = this.store.get(ref.kindKey, ref.namespace, ref.name);
    const kind = this.kindOf(ref.kindKey);
    if (!dep || !kind) return;
    const others = (dep.metadata.ownerReferences ?? []).filter((o) => o.uid !== ownerUid);
    if (others.length) {
      this.dropOwner(ref, ownerUid);
      return;
    }
    if (!dep.metadata.deletionTimestamp || policy === 'Foreground')
      this.tryDelete(kind, dep.metadata.namespace, ref.name, policy);
  }

  /**
   * Deletes one object; a refusal (an admission policy such as VM delete protection) leaves it for
   * the sweep to retry without holding up the objects after it.
   */
  private tryDelete(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    policy: 'Background' | 'Foreground',
  ): void {
    try {
      this.service.delete(kind, namespace, name, { propagationPolicy: policy }, systemContext());
    } catch (err) {
      if (process.env.LOCAL_CLUSTER_DEBUG) console.error('garbage collector:', err);
    }
  }

  private dropOwner(ref: ObjectRef, ownerUid: string): void {
    const dep = this.store.get(ref.kindKey, ref.namespace, ref.name);
    if (!dep) return;
    const ownerReferences = (dep.metadata.ownerReferences ?? []).filter((o) => o.uid !== ownerUid);
    const { ownerReferences: _old, ...rest } = dep.metadata;
    const metadata = ownerReferences.length ? { ...rest, ownerReferences } : rest;
    this.store.put(ref.kindKey, { ...dep, metadata }, 'MODIFIED');
  }

  private removeFinalizer(kindKey: string, obj: KubeObject, finalizer: string): void {
    const current = this.store.get(kindKey, obj.metadata.namespace, obj.metadata.name ?? '');
    if (!current?.metadata.finalizers?.includes(finalizer)) return;
    const finalizers = current.metadata.finalizers.filter((f) => f !== finalizer);
    const next = { ...current, metadata: { ...current.metadata, finalizers } };
    if (!finalizers.length && next.metadata.deletionTimestamp) this.store.remove(kindKey, next);
    else this.store.put(kindKey, next, 'MODIFIED');
  }

  private finalizeNamespace(ns: KubeObject): void {
    const name = ns.metadata.name ?? '';
    let remaining = 0;
    for (const kind of this.registry.all()) {
      if (!kind.namespaced || kind.virtual) continue;
      for (const obj of this.store.list(storageKey(kind), name)) {
        remaining++;
        if (!obj.metadata.deletionTimestamp)
          this.tryDelete(kind, name, obj.metadata.name ?? '', 'Background');
      }
    }
    if (remaining) return;
    const current = this.store.get('/namespaces', undefined, name);
    if (!current) return;
    const spec = { ...((current.spec ?? {}) as Record<string, unknown>), finalizers: [] };
    if (current.metadata.finalizers?.length)
      this.store.put('/namespaces', { ...current, spec }, 'MODIFIED');
    else this.store.remove('/namespaces', { ...current, spec });
  }

  /** Retries what is still pending: terminating namespaces and owners waiting in foreground. */
  private sweep(): void {
    for (const ref of this.terminating.values()) {
      const obj = this.store.get(ref.kindKey, ref.namespace, ref.name);
      if (obj)
        this.enqueue({ type: 'MODIFIED', kindKey: ref.kindKey, resourceVersion: 0, object: obj });
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

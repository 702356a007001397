import type { KubeObject } from '../core/types';
import type { ObjectStore } from '../storage/objectStore';

export interface ObjectRef {
  kindKey: string;
  namespace?: string;
  name: string;
}

export const refId = (r: ObjectRef): string => `${r.kindKey}|${r.namespace ?? ''}|${r.name}`;

/** Dependents by owner uid, kept current from the change feed so the collector never scans. */
export class OwnerIndex {
  private readonly dependents = new Map<string, Map<string, ObjectRef>>();
  private readonly ownersOf = new Map<string, string[]>();

  constructor(store: ObjectStore, kindKeys: () => string[]) {
    for (const kindKey of kindKeys()) for (const o of store.list(kindKey)) this.track(kindKey, o);
    store.onChange((e) => {
      if (e.type === 'DELETED') this.untrack(e.kindKey, e.object);
      else this.track(e.kindKey, e.object);
    });
  }

  private track(kindKey: string, obj: KubeObject): void {
    const ref: ObjectRef = {
      kindKey,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name ?? '',
    };
    this.untrack(kindKey, obj);
    const owners = (obj.metadata.ownerReferences ?? []).map((o) => o.uid);
    if (!owners.length) return;
    this.ownersOf.set(refId(ref), owners);
    for (const uid of owners) {
      let m = this.dependents.get(uid);
      if (!m) this.dependents.set(uid, (m = new Map()));
      m.set(refId(ref), ref);
    }
  }

  private untrack(kindKey: string, obj: KubeObject): void {
    const id = refId({ kindKey, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' });
    for (const uid of this.ownersOf.get(id) ?? []) {
      const m = this.dependents.get(uid);
      m?.delete(id);
      if (m && !m.size) this.dependents.delete(uid);
    }
    this.ownersOf.delete(id);
  }

  dependentsOf(uid: string): ObjectRef[] {
    return [...(this.dependents.get(uid)?.values() ?? [])];
  }
}

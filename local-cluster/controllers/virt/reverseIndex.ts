import type { KubeObject } from '../../apiserver/core/types';
import type { Informer } from '../runtime/informer';
import { keyOf } from '../runtime/resources';

/**
 * "Which objects point at X" for an informer's objects (the VMs using a claim, the pods of a
 * VMI), kept up to date from its changes so controllers can map events without scanning.
 */
export class ReverseIndex {
  private readonly byTarget = new Map<string, Set<string>>();
  private readonly bySource = new Map<string, string[]>();

  update(source: string, targets: string[]): void {
    this.remove(source);
    this.bySource.set(source, targets);
    for (const t of targets) {
      let set = this.byTarget.get(t);
      if (!set) this.byTarget.set(t, (set = new Set()));
      set.add(source);
    }
  }

  remove(source: string): void {
    for (const t of this.bySource.get(source) ?? []) {
      const set = this.byTarget.get(t);
      set?.delete(source);
      if (set && !set.size) this.byTarget.delete(t);
    }
    this.bySource.delete(source);
  }

  get(target: string): string[] {
    return [...(this.byTarget.get(target) ?? [])];
  }

  /** Follows `informer`; register before any controller watch that reads the index. */
  static over<T extends KubeObject>(
    informer: Informer<T>,
    targets: (obj: T) => string[],
  ): ReverseIndex {
    const index = new ReverseIndex();
    informer.onChange((type, obj) => {
      const key = keyOf(obj.metadata.namespace, obj.metadata.name ?? '');
      if (type === 'DELETED') index.remove(key);
      else index.update(key, targets(obj));
    });
    return index;
  }
}

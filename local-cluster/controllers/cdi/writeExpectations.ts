import type { KubeObject } from '../../apiserver/core/types';

/**
 * Remembers the resourceVersion of each object a controller wrote, so that a reconcile started by
 * an older watch event does not act on state the controller itself already replaced (the job of
 * client-go's "expectations"). The local API server's resourceVersions are one increasing revision
 * counter, which makes "older than what I wrote" a number comparison.
 */
export class WriteExpectations {
  private readonly written = new Map<string, number>();

  wrote(key: string, obj: KubeObject | undefined): void {
    const rv = Number(obj?.metadata.resourceVersion);
    if (!Number.isFinite(rv)) return;
    if (rv > (this.written.get(key) ?? 0)) this.written.set(key, rv);
  }

  /** True when `obj` (from a cache) predates the last write this controller made to it. */
  stale(key: string, obj: KubeObject | undefined): boolean {
    const expected = this.written.get(key);
    if (expected === undefined || !obj) return false;
    const rv = Number(obj.metadata.resourceVersion);
    if (!Number.isFinite(rv) || rv >= expected) {
      this.written.delete(key);
      return false;
    }
    return true;
  }

  forget(key: string): void {
    this.written.delete(key);
  }
}

import { randomUUID } from 'node:crypto';
import { StatusError } from '../core/statusError';
import type { KubeObject } from '../core/types';

interface Snapshot {
  items: KubeObject[];
  revision: number;
  expires: number;
}

const SNAPSHOT_TTL_MS = 5 * 60_000;

/**
 * Paged lists read one consistent snapshot, as `limit`/`continue` do against etcd: the first page
 * freezes the matching items at the list revision, later pages read from that freeze. A token
 * older than the TTL answers 410 like an expired continue token from a compacted etcd.
 */
export class ListPaging {
  private readonly snapshots = new Map<string, Snapshot>();

  page(
    items: KubeObject[],
    revision: number,
    limit: number | undefined,
    continueToken: string | undefined,
  ): { items: KubeObject[]; revision: number; continue?: string; remainingItemCount?: number } {
    this.expire();
    let source = { items, revision };
    let offset = 0;
    let id: string | undefined;
    if (continueToken) {
      const parsed = this.parse(continueToken);
      const snap = this.snapshots.get(parsed.id);
      if (!snap) {
        throw new StatusError(
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        );
      }
      source = snap;
      offset = parsed.offset;
      id = parsed.id;
    }
    if (!limit || offset + limit >= source.items.length) {
      if (id) this.snapshots.delete(id);
      return { items: source.items.slice(offset), revision: source.revision };
    }
    if (!id) {
      id = randomUUID();
      this.snapshots.set(id, { ...source, expires: Date.now() + SNAPSHOT_TTL_MS });
    }
    const next = offset + limit;
    return {
      items: source.items.slice(offset, next),
      revision: source.revision,
      continue: Buffer.from(JSON.stringify({ id, offset: next, rv: source.revision })).toString(
        'base64url',
      ),
      remainingItemCount: source.items.length - next,
    };
  }

  private parse(token: string): { id: string; offset: number } {
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64url').toString()) as {
        id?: unknown;
        offset?: unknown;
      };
      if (typeof parsed.id === 'string' && typeof parsed.offset === 'number')
        return { id: parsed.id, offset: parsed.offset };
    } catch {
      // fall through to the kube answer for a malformed token
    }
    throw new StatusError(
      400,
      'BadRequest',
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }

  private expire(): void {
    const t = Date.now();
    for (const [id, s] of this.snapshots) if (s.expires < t) this.snapshots.delete(id);
  }
}

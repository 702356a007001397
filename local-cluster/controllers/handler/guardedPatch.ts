import type { JsonPatchOp } from '../runtime/apiClient';
import { ApiError } from '../runtime/apiClient';

/**
 * JSON patches guarded the way KubeVirt guards its writes: each changed field is `test`ed against
 * the value read, so the write fails if someone changed that field meanwhile, but not when some
 * other field of the object moved (status updates happen all the time).
 */
export interface FieldChange {
  /** A JSON pointer, e.g. `/status/stateChangeRequests`. */
  path: string;
  /** The new value; undefined removes the field. */
  value: unknown;
  /** The value read; undefined when the field is absent. */
  current: unknown;
  /** Set false to write without testing the old value. Default true. */
  guard?: boolean;
}

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** Wraps `value` in the parent objects of `segments` that `obj` lacks, for an `add` at the first one. */
const firstMissing = (
  obj: unknown,
  segments: string[],
  value: unknown,
): { path: string; value: unknown } => {
  let node = obj;
  for (let i = 0; i < segments.length - 1; i++) {
    const next =
      node && typeof node === 'object' ? (node as Record<string, unknown>)[segments[i]] : undefined;
    if (next === undefined || next === null) {
      const nested = segments
        .slice(i + 1)
        .reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
      return {
        path: `/${segments
          .slice(0, i + 1)
          .map(escape)
          .join('/')}`,
        value: nested,
      };
    }
    node = next;
  }
  return { path: `/${segments.map(escape).join('/')}`, value };
};

/** Sets a value in a plain-object tree, creating parents (on the working copy only). */
const setIn = (root: Record<string, unknown>, segments: string[], value: unknown): void => {
  let node = root;
  for (const key of segments.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[segments[segments.length - 1]] = value;
};

/** The operations for `changes` on `obj`; empty when nothing changes. */
export const guardedPatch = (obj: unknown, changes: FieldChange[]): JsonPatchOp[] => {
  const ops: JsonPatchOp[] = [];
  // Later changes must see the parents earlier ones created.
  const working = structuredClone(obj ?? {}) as Record<string, unknown>;
  for (const change of changes) {
    if (JSON.stringify(change.value) === JSON.stringify(change.current)) continue;
    const segments = change.path.split('/').slice(1).map(unescape);
    if (change.current !== undefined && change.guard !== false) {
      ops.push({ op: 'test', path: change.path, value: change.current });
    }
    if (change.value === undefined) {
      ops.push({ op: 'remove', path: change.path });
    } else if (change.current !== undefined) {
      ops.push({ op: 'replace', path: change.path, value: change.value });
    } else {
      ops.push({ op: 'add', ...firstMissing(working, segments, change.value) });
      setIn(working, segments, change.value);
    }
  }
  return ops;
};

/** The value at a JSON pointer, or undefined. */
export const valueAt = (obj: unknown, path: string): unknown => {
  let node = obj;
  for (const segment of path.split('/').slice(1).map(unescape)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
};

/** The API server answers a failed `test` with a 422 naming the tested path: a lost race. */
export const isFailedTest = (err: unknown): err is ApiError =>
  err instanceof ApiError &&
  err.code === 422 &&
  (err.status.details?.causes ?? []).some((c) => c.message.startsWith('testing value'));

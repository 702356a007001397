import { StatusError } from '../core/statusError';
import type { ManagedFieldsEntry } from '../core/types';
import { formatPath } from './fieldSet';
import type { FieldPath } from './fieldSet';

const seconds = (time: string): number => {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** kube stores entries sorted: Apply before Update, then by time, manager, apiVersion, subresource. */
export function sortManagedFields(entries: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  return [...entries].sort(
    (p, q) =>
      compare(p.operation, q.operation) ||
      seconds(p.time) - seconds(q.time) ||
      compare(p.manager, q.manager) ||
      compare(p.apiVersion, q.apiVersion) ||
      compare(p.subresource ?? '', q.subresource ?? ''),
  );
}

const rfc3339 = (time: string): string => {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
};

/** How kube names a manager in conflict messages: updaters carry their apiVersion and time. */
export function describeManager(entry: ManagedFieldsEntry): string {
  let name = JSON.stringify(entry.manager);
  if (entry.subresource) name += ` with subresource ${JSON.stringify(entry.subresource)}`;
  if (entry.operation === 'Update') {
    name += ` using ${entry.apiVersion}`;
    if (entry.time) name += ` at ${rfc3339(entry.time)}`;
  }
  return name;
}

export interface FieldConflict {
  manager: ManagedFieldsEntry;
  path: FieldPath;
}

/** The 409 kube answers when an apply would change fields another manager owns. */
export function applyConflictError(conflicts: FieldConflict[]): StatusError {
  const described = conflicts
    .map((c) => ({ manager: describeManager(c.manager), field: formatPath(c.path) }))
    .sort((a, b) => compare(a.manager, b.manager) || compare(a.field, b.field));
  let message: string;
  if (described.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${described[0].manager}: ${described[0].field}`;
  } else {
    const lines: string[] = [];
    for (const manager of [...new Set(described.map((c) => c.manager))]) {
      lines.push(`conflicts with ${manager}:`);
      for (const c of described) if (c.manager === manager) lines.push(`- ${c.field}`);
    }
    message = `Apply failed with ${described.length} conflicts: ${lines.join('\n')}`;
  }
  return new StatusError(409, 'Conflict', message, {
    causes: described.map((c) => ({
      reason: 'FieldManagerConflict',
      message: `conflict with ${c.manager}`,
      field: c.field,
    })),
  });
}

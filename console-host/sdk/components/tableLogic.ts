/** Sorting and row windowing for VirtualizedTable (pure). */
import type { TableColumn } from '@openshift-console/dynamic-plugin-sdk';

export type SortDirection = 'asc' | 'desc';

/** `a.b.c` lookup (what TableColumn.sort strings name). */
export const getPath = (obj: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, key) => (o == null ? undefined : (o as Record<string, unknown>)[key]),
      obj,
    );

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const compareValues = (a: unknown, b: unknown): number => {
  if (a == null || a === '') return b == null || b === '' ? 0 : 1;
  if (b == null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
};

/** Sorts by a column: its `sort` function, or the value at its `sort` path. */
export const sortRows = <D>(
  data: D[],
  column: TableColumn<D> | undefined,
  direction: SortDirection,
): D[] => {
  const sort = column?.sort;
  if (!sort) return data;
  if (typeof sort === 'function') return sort([...data], direction as never);
  const sign = direction === 'desc' ? -1 : 1;
  return [...data].sort((a, b) => sign * compareValues(getPath(a, sort), getPath(b, sort)));
};

export type RowWindow = { start: number; end: number };

/**
 * The rows to render: those intersecting the viewport plus `overscan` on each side.
 * `offset` is how far the first row is below the top of the viewport (negative when scrolled past).
 */
export const rowWindow = (
  offset: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 10,
): RowWindow => {
  const first = Math.floor(Math.max(0, -offset) / rowHeight);
  const visible = Math.ceil((viewportHeight - Math.max(0, offset)) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + Math.max(0, visible) + overscan);
  return { start: Math.min(start, end), end };
};

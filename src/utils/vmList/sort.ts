/** A sort key; rows without one go last in either direction. */
export type SortValue = string | number | undefined;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A sorted copy of `rows` by `value`: numbers numerically, text in natural order (vm-2 < vm-10). */
export const sortByValue = <T>(
  rows: readonly T[],
  value: (row: T) => SortValue,
  direction: 'asc' | 'desc',
): T[] => {
  const sign = direction === 'desc' ? -1 : 1;
  const keyed = rows.map((row) => ({ row, key: value(row) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || a.key === '') return b.key === undefined || b.key === '' ? 0 : 1;
    if (b.key === undefined || b.key === '') return -1;
    const order =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : collator.compare(String(a.key), String(b.key));
    return sign * order;
  });
  return keyed.map((k) => k.row);
};

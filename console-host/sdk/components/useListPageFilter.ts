/** useListPageFilter: `[staticData, filteredData, onFilterChange]`, with the filters in the URL query. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AnyRowFilter, FilterValue } from '@openshift-console/dynamic-plugin-sdk';
import { applyFilters, filtersFromSearch, searchWithFilter } from './listFilters';

export const useListPageFilter = <D, R>(
  data: D[],
  rowFilters?: AnyRowFilter<R>[],
  staticFilters?: { [key: string]: FilterValue },
): [D[], D[], (type: string, value: FilterValue) => void] => {
  const [search, setSearch] = useSearchParams();
  const searchKey = search.toString();
  const staticKey = JSON.stringify(staticFilters ?? {});
  const staticData = useMemo(() => {
    const statics = JSON.parse(staticKey) as Record<string, FilterValue>;
    const staticRowFilters = (rowFilters ?? []).filter(
      (rf) => rf.type in statics,
    ) as AnyRowFilter[];
    return applyFilters(data ?? [], statics, staticRowFilters);
  }, [data, staticKey, rowFilters]);
  const filtered = useMemo(
    () =>
      applyFilters(
        staticData,
        filtersFromSearch(new URLSearchParams(searchKey)),
        rowFilters as AnyRowFilter[],
      ),
    [staticData, searchKey, rowFilters],
  );
  const onFilterChange = useCallback(
    (type: string, value: FilterValue) =>
      setSearch((prev) => searchWithFilter(prev, type, value), { replace: true }),
    [setSearch],
  );
  return [staticData, filtered, onFilterChange];
};

import type { VMListEntry } from './entries';

/** The facet filters of the VM list, each a set of accepted values (empty: all). */
export const VM_FACETS = ['status', 'template', 'os', 'instanceType', 'node', 'project'] as const;
export type VMFacet = (typeof VM_FACETS)[number];

/** What the list shows: facets plus the three searches. Lives in the URL query. */
export type VMListFilters = Record<VMFacet, string[]> & {
  name: string;
  labels: string[];
  ip: string;
};

/** URL query parameter of each filter (short, stable: shared links keep working). */
export const VM_FILTER_PARAMS: Record<keyof VMListFilters, string> = {
  status: 'status',
  template: 'template',
  os: 'os',
  instanceType: 'instancetype',
  node: 'node',
  project: 'project',
  name: 'name',
  labels: 'labels',
  ip: 'ip',
};

const facetValue = (entry: VMListEntry, facet: VMFacet): string | undefined => {
  switch (facet) {
    case 'status':
      return entry.status.status;
    case 'project':
      return entry.namespace;
    default:
      return entry[facet];
  }
};

const splitList = (value: string | null): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const parseVMListFilters = (search: URLSearchParams): VMListFilters => {
  const filters = Object.fromEntries(
    VM_FACETS.map((facet) => [facet, splitList(search.get(VM_FILTER_PARAMS[facet]))]),
  ) as Record<VMFacet, string[]>;
  return {
    ...filters,
    name: search.get(VM_FILTER_PARAMS.name) ?? '',
    labels: splitList(search.get(VM_FILTER_PARAMS.labels)),
    ip: search.get(VM_FILTER_PARAMS.ip) ?? '',
  };
};

/** A copy of `search` with one filter set (removed when empty); other parameters stay. */
export const withVMListFilter = <K extends keyof VMListFilters>(
  search: URLSearchParams,
  filter: K,
  value: VMListFilters[K],
): URLSearchParams => {
  const next = new URLSearchParams(search);
  const text: string = Array.isArray(value) ? value.join(',') : (value as string);
  if (text) next.set(VM_FILTER_PARAMS[filter], text);
  else next.delete(VM_FILTER_PARAMS[filter]);
  return next;
};

/** A copy of `search` without any VM list filter. */
export const withoutVMListFilters = (search: URLSearchParams): URLSearchParams => {
  const next = new URLSearchParams(search);
  Object.values(VM_FILTER_PARAMS).forEach((param) => next.delete(param));
  return next;
};

/** Only the filter parameters of `search`, in a stable order: what a saved view stores. */
export const vmListFilterQuery = (search: URLSearchParams): string => {
  const next = new URLSearchParams();
  Object.values(VM_FILTER_PARAMS).forEach((param) => {
    const value = search.get(param);
    if (value) next.set(param, value);
  });
  return next.toString();
};

export const countActiveFilters = (filters: VMListFilters): number =>
  VM_FACETS.reduce((n, facet) => n + filters[facet].length, 0) +
  filters.labels.length +
  (filters.name ? 1 : 0) +
  (filters.ip ? 1 : 0);

/**
 * A label selector term matches `key=value` exactly, or just `key` for any value.
 */
const hasLabel = (entry: VMListEntry, term: string): boolean =>
  term.includes('=')
    ? entry.labels.includes(term)
    : entry.labels.some((label) => label.slice(0, label.indexOf('=')) === term);

/** The entries that pass every filter (facets OR within, AND across; searches AND). */
export const filterVMListEntries = (
  entries: readonly VMListEntry[],
  filters: VMListFilters,
): VMListEntry[] => {
  const facets = VM_FACETS.filter((facet) => filters[facet].length).map(
    (facet) => [facet, new Set(filters[facet])] as const,
  );
  const name = filters.name.trim().toLowerCase();
  const ip = filters.ip.trim();
  if (!facets.length && !name && !ip && !filters.labels.length) return [...entries];
  return entries.filter(
    (entry) =>
      facets.every(([facet, accepted]) => accepted.has(facetValue(entry, facet) ?? '')) &&
      (!name || entry.name.toLowerCase().includes(name)) &&
      (!ip || entry.ips.some((address) => address.startsWith(ip))) &&
      filters.labels.every((term) => hasLabel(entry, term)),
  );
};

/** A value a facet can take and how many entries have it. */
export type FacetOption = { value: string; count: number };

/** The values present in the data for each facet, sorted, with counts. */
export const getFacetOptions = (
  entries: readonly VMListEntry[],
): Record<VMFacet, FacetOption[]> => {
  const counts = Object.fromEntries(VM_FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    VMFacet,
    Map<string, number>
  >;
  for (const entry of entries) {
    for (const facet of VM_FACETS) {
      const value = facetValue(entry, facet);
      if (value) counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
    }
  }
  return Object.fromEntries(
    VM_FACETS.map((facet) => [
      facet,
      [...counts[facet]]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => a.value.localeCompare(b.value)),
    ]),
  ) as Record<VMFacet, FacetOption[]>;
};

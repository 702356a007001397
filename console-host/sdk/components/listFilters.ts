/** Name, label and row filters of list pages (pure); their state lives in the URL query. */
import type {
  AnyRowFilter,
  FilterValue,
  K8sResourceCommon,
} from '@openshift-console/dynamic-plugin-sdk';

export type FilterState = Record<string, FilterValue>;

export const NAME_FILTER = 'name';
export const LABEL_FILTER = 'labels';
const ROW_FILTER_PREFIX = 'rowFilter-';

/** Case-insensitive fuzzy match: the characters of `needle` appear in `hay` in order. */
export const fuzzyMatch = (needle: string, hay: string): boolean => {
  const n = needle.toLowerCase();
  const h = hay.toLowerCase();
  let i = 0;
  for (const ch of h) if (ch === n[i]) i++;
  return i === n.length;
};

/** `app=web,tier` → every requirement must match the object's labels. */
export const matchesLabels = (obj: K8sResourceCommon, requirements: string[]): boolean => {
  const labels = obj.metadata?.labels ?? {};
  return requirements.every((req) => {
    const [key, value] = req.split('=').map((s) => s.trim());
    if (!key) return true;
    return value === undefined ? key in labels : labels[key] === value;
  });
};

/** Reads filters from URL search params: `name`, `labels` (comma separated), `rowFilter-<type>`. */
export const filtersFromSearch = (search: URLSearchParams): FilterState => {
  const state: FilterState = {};
  for (const [key, value] of search.entries()) {
    if (key === NAME_FILTER) state[NAME_FILTER] = { selected: [value] };
    else if (key === LABEL_FILTER)
      state[LABEL_FILTER] = { selected: value.split(',').filter(Boolean) };
    else if (key.startsWith(ROW_FILTER_PREFIX)) {
      state[key.slice(ROW_FILTER_PREFIX.length)] = { selected: value.split(',').filter(Boolean) };
    }
  }
  return state;
};

/** Writes one filter into URL search params (returns a copy). */
export const searchWithFilter = (
  search: URLSearchParams,
  type: string,
  value: FilterValue,
): URLSearchParams => {
  const next = new URLSearchParams(search);
  const key = type === NAME_FILTER || type === LABEL_FILTER ? type : ROW_FILTER_PREFIX + type;
  const selected = (value.selected ?? []).filter(Boolean);
  if (selected.length) next.set(key, selected.join(','));
  else next.delete(key);
  return next;
};

/** Applies name, label and row filters; row filters get `{selected, all}` like the console's. */
export const applyFilters = <D>(
  data: D[],
  filters: FilterState,
  rowFilters: AnyRowFilter[] = [],
): D[] => {
  const name = filters[NAME_FILTER]?.selected?.[0];
  const labels = filters[LABEL_FILTER]?.selected ?? [];
  const active = rowFilters
    .map((rf) => {
      const value = filters[rf.type];
      const all = 'items' in rf ? rf.items.map((i) => i.id) : [];
      const selected =
        value?.selected ?? ('defaultSelected' in rf ? rf.defaultSelected : undefined);
      return selected === undefined ? undefined : { rf, input: { selected, all } };
    })
    .filter((x) => !!x);
  if (!name && !labels.length && !active.length) return data;
  return data.filter((item) => {
    const obj = item as K8sResourceCommon;
    if (name && !fuzzyMatch(name, obj.metadata?.name ?? '')) return false;
    if (labels.length && !matchesLabels(obj, labels)) return false;
    return active.every(({ rf, input }) => rf.filter(input, item));
  });
};

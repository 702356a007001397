import { describe, expect, it } from 'vitest';
import { namespaceFromPath, pathWithNamespace } from './namespacePath';
import { rowWindow, sortRows } from '../components/tableLogic';
import { applyFilters, filtersFromSearch } from '../components/listFilters';

describe('namespace in the URL', () => {
  it('reads the namespace', () => {
    expect(namespaceFromPath('/k8s/ns/demo/pods')).toBe('demo');
    expect(namespaceFromPath('/k8s/all-namespaces/pods')).toBe('#ALL_NS#');
    expect(namespaceFromPath('/virtualization/overview/ns/demo')).toBe('demo');
    expect(namespaceFromPath('/')).toBeUndefined();
  });
  it('rewrites the namespace, going from details to the list', () => {
    expect(pathWithNamespace('/k8s/ns/a/pods', 'b')).toBe('/k8s/ns/b/pods');
    expect(pathWithNamespace('/k8s/ns/a/pods/p1/yaml', 'b')).toBe('/k8s/ns/b/pods');
    expect(pathWithNamespace('/k8s/ns/a/pods', '#ALL_NS#')).toBe('/k8s/all-namespaces/pods');
    expect(pathWithNamespace('/k8s/all-namespaces/pods', 'x')).toBe('/k8s/ns/x/pods');
    expect(pathWithNamespace('/', 'x')).toBeUndefined();
  });
});

describe('table logic', () => {
  it('windows rows', () => {
    expect(rowWindow(100, 500, 50, 1000, 0)).toEqual({ start: 0, end: 9 });
    expect(rowWindow(-5000, 500, 50, 10000, 5)).toEqual({ start: 95, end: 116 });
    expect(rowWindow(-1e9, 500, 50, 10, 5).end).toBe(10);
  });
  it('sorts by path and by function', () => {
    const data = [{ n: 'b10' }, { n: 'b9' }, { n: 'a' }];
    expect(sortRows(data, { id: 'n', title: 'N', sort: 'n' }, 'asc').map((d) => d.n)).toEqual([
      'a',
      'b9',
      'b10',
    ]);
    expect(sortRows(data, { id: 'n', title: 'N', sort: 'n' }, 'desc').map((d) => d.n)).toEqual([
      'b10',
      'b9',
      'a',
    ]);
    expect(sortRows(data, { id: 'n', title: 'N', sort: (d) => d.slice(0, 1) }, 'asc')).toHaveLength(
      1,
    );
  });
  it('filters by name, label and row filters from the URL', () => {
    const items = [
      { metadata: { name: 'web-1', labels: { app: 'web' } }, s: 'Running' },
      { metadata: { name: 'db-1', labels: { app: 'db' } }, s: 'Stopped' },
    ];
    const rowFilter = {
      filterGroupName: 'Status',
      type: 'status',
      items: [
        { id: 'Running', title: 'Running' },
        { id: 'Stopped', title: 'Stopped' },
      ],
      reducer: (o: { s: string }) => o.s,
      filter: (input: { selected?: string[] }, o: { s: string }) =>
        !input.selected?.length || input.selected.includes(o.s),
    };
    expect(applyFilters(items, filtersFromSearch(new URLSearchParams('name=wb')))).toHaveLength(1);
    expect(
      applyFilters(items, filtersFromSearch(new URLSearchParams('labels=app%3Ddb')))[0].metadata
        .name,
    ).toBe('db-1');
    expect(
      applyFilters(items, filtersFromSearch(new URLSearchParams('rowFilter-status=Stopped')), [
        rowFilter,
      ])[0].metadata.name,
    ).toBe('db-1');
  });
});

import { describe, expect, it } from 'vitest';
import type { VMListEntry } from './entries';
import {
  countActiveFilters,
  filterVMListEntries,
  getFacetOptions,
  parseVMListFilters,
  vmListFilterQuery,
  withoutVMListFilters,
  withVMListFilter,
} from './filters';

const entry = (name: string, over: Partial<VMListEntry> = {}): VMListEntry =>
  ({
    key: `ns/${name}`,
    name,
    namespace: 'ns',
    created: '',
    status: { status: 'Running', kind: 'running' },
    ips: [],
    labels: [],
    conditions: [],
    ...over,
  }) as VMListEntry;

const entries = [
  entry('web-01', {
    template: 'fedora',
    os: 'Fedora',
    node: 'n1',
    ips: ['10.0.0.5'],
    labels: ['app=web'],
  }),
  entry('web-02', {
    template: 'fedora',
    os: 'Fedora',
    status: { status: 'Stopped', kind: 'stopped' } as VMListEntry['status'],
    labels: ['app=web', 'tier=front'],
  }),
  entry('db-01', {
    namespace: 'prod',
    template: 'rhel9',
    instanceType: 'u1.medium',
    node: 'n2',
    ips: ['10.0.1.7'],
    labels: ['app=db'],
  }),
];

const filtersOf = (query: string) => parseVMListFilters(new URLSearchParams(query));
const names = (query: string) => filterVMListEntries(entries, filtersOf(query)).map((e) => e.name);

describe('parseVMListFilters', () => {
  it('reads lists and searches from the query', () => {
    expect(filtersOf('status=Running,Stopped&name=web&labels=app%3Dweb,tier&ip=10.')).toMatchObject(
      {
        status: ['Running', 'Stopped'],
        template: [],
        name: 'web',
        labels: ['app=web', 'tier'],
        ip: '10.',
      },
    );
  });
});

describe('filterVMListEntries', () => {
  it.each([
    ['', ['web-01', 'web-02', 'db-01']],
    ['status=Stopped', ['web-02']],
    ['status=Running,Stopped&template=rhel9', ['db-01']],
    ['os=Fedora&node=n1', ['web-01']],
    ['instancetype=u1.medium', ['db-01']],
    ['project=prod', ['db-01']],
    ['name=WEB', ['web-01', 'web-02']],
    ['labels=app%3Dweb,tier', ['web-02']],
    ['labels=tier%3Dback', []],
    ['ip=10.0.1', ['db-01']],
    ['ip=10.0.0.5', ['web-01']],
    ['name=web&ip=10.0.1', []],
  ])('%s → %j', (query, expected) => {
    expect(names(query)).toEqual(expected);
  });
});

describe('URL helpers', () => {
  it('sets and removes one filter, keeping other parameters', () => {
    const search = new URLSearchParams('view=x&name=a');
    expect(withVMListFilter(search, 'status', ['Running', 'Paused']).toString()).toBe(
      'view=x&name=a&status=Running%2CPaused',
    );
    expect(withVMListFilter(search, 'name', '').toString()).toBe('view=x');
    expect(withoutVMListFilters(new URLSearchParams('view=x&os=a&ip=1')).toString()).toBe('view=x');
  });

  it('keeps only filters, in a stable order, for saved views', () => {
    expect(vmListFilterQuery(new URLSearchParams('ip=1&other=2&status=Running'))).toBe(
      'status=Running&ip=1',
    );
  });

  it('counts active filters', () => {
    expect(countActiveFilters(filtersOf('status=Running,Stopped&name=a&labels=x,y'))).toBe(5);
    expect(countActiveFilters(filtersOf(''))).toBe(0);
  });
});

describe('getFacetOptions', () => {
  it('lists present values with counts, sorted', () => {
    const options = getFacetOptions(entries);
    expect(options.template).toEqual([
      { value: 'fedora', count: 2 },
      { value: 'rhel9', count: 1 },
    ]);
    expect(options.status).toEqual([
      { value: 'Running', count: 2 },
      { value: 'Stopped', count: 1 },
    ]);
    expect(options.instanceType).toEqual([{ value: 'u1.medium', count: 1 }]);
    expect(options.project.map((o) => o.value)).toEqual(['ns', 'prod']);
  });
});

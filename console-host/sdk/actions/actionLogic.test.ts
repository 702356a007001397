import { describe, expect, it } from 'vitest';
import type { Action } from '@openshift-console/dynamic-plugin-sdk';
import {
  createMenuOptions,
  filterActions,
  modelMatchesReference,
  providersForContext,
  sortByInsertion,
  type ProviderLike,
} from './actionLogic';

const VM = 'kubevirt.io~v1~VirtualMachine';
const vm = { metadata: { name: 'vm1' } };
const action = (id: string, extra: Partial<Action> = {}): Action => ({
  id,
  label: id,
  cta: () => undefined,
  ...extra,
});

const extensions: ProviderLike[] = [
  {
    uid: 'res',
    type: 'console.action/resource-provider',
    properties: {
      model: { group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' },
      provider: 'p1',
    },
  },
  {
    uid: 'any-version',
    type: 'console.action/resource-provider',
    properties: { model: { group: 'kubevirt.io', kind: 'VirtualMachine' }, provider: 'p2' },
  },
  {
    uid: 'pod',
    type: 'console.action/resource-provider',
    properties: { model: { version: 'v1', kind: 'Pod' }, provider: 'p3' },
  },
  {
    uid: 'ctx',
    type: 'console.action/provider',
    properties: { contextId: 'vm-bulk', provider: 'p4' },
  },
];

describe('providersForContext', () => {
  it('matches resource providers by the kind reference and providers by context id', () => {
    const uses = providersForContext(extensions, { [VM]: vm });
    expect(uses.map((u) => u.uid)).toEqual(['res', 'any-version']);
    expect(uses[0].scope).toBe(vm);
    expect(providersForContext(extensions, { 'vm-bulk': [vm] }).map((u) => u.uid)).toEqual(['ctx']);
    expect(providersForContext(extensions, { 'core~v1~Pod': {} }).map((u) => u.uid)).toEqual([
      'pod',
    ]);
  });

  it('ignores other kinds, versions and non-reference keys', () => {
    expect(
      modelMatchesReference({ group: 'kubevirt.io', version: 'v2', kind: 'VirtualMachine' }, VM),
    ).toBe(false);
    expect(modelMatchesReference({ version: 'v1', kind: 'Pod' }, 'pods')).toBe(false);
    expect(providersForContext(extensions, { 'other~v1~Thing': {} })).toEqual([]);
  });
});

describe('filterActions', () => {
  it('applies only the filters of the context ids present, with their scope', () => {
    const seen: unknown[] = [];
    const filters: ProviderLike[] = [
      {
        uid: 'f1',
        type: 'console.action/filter',
        properties: {
          contextId: VM,
          filter: (scope: unknown, a: Action) => {
            seen.push(scope);
            return a.id !== 'delete';
          },
        },
      },
      {
        uid: 'f2',
        type: 'console.action/filter',
        properties: { contextId: 'x', filter: () => false },
      },
    ];
    const out = filterActions([action('start'), action('delete')], filters, { [VM]: vm });
    expect(out.map((a) => a.id)).toEqual(['start']);
    expect(seen[0]).toBe(vm);
  });
});

describe('menu options', () => {
  it('sorts by insertBefore / insertAfter and keeps the rest in order', () => {
    const sorted = sortByInsertion([
      action('c'),
      action('a', { insertBefore: 'b' }),
      action('b'),
      action('d', { insertAfter: 'c' }),
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('groups actions by path, labels known groups, nests and drops empty groups', () => {
    const options = createMenuOptions(
      [
        action('edit'),
        action('start', { path: 'power' }),
        action('stop', { path: 'power', insertBefore: 'start' }),
        action('migrate', { path: 'power/advanced' }),
        action('clone', { path: 'misc' }),
      ],
      [
        { id: 'power', label: 'Power', insertBefore: 'edit' },
        { id: 'unused', label: 'Unused' },
      ],
    );
    expect(options.map((o) => o.id)).toEqual(['misc', 'power', 'edit']);
    const power = options[1] as {
      label?: string;
      children: { id: string; children?: unknown[] }[];
    };
    expect(power.label).toBe('Power');
    expect(power.children.map((c) => c.id)).toEqual(['advanced', 'stop', 'start']);
    expect((power.children[0].children as Action[]).map((a) => a.id)).toEqual(['migrate']);
  });
});

import { describe, expect, it } from 'vitest';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { applyEvents, applyList, initialWatchState } from './watchReducer';
import { selectorToString, resourceURL } from './url';

const obj = (name: string, rv: string, ns = 'demo'): K8sResourceCommon => ({
  metadata: { name, namespace: ns, resourceVersion: rv },
});

describe('watch reducer', () => {
  it('loads a list, then applies ADDED/MODIFIED/DELETED', () => {
    let s = applyList(initialWatchState, [obj('a', '1'), obj('b', '2')], '2');
    expect(s.loaded).toBe(true);
    expect(s.items.map((o) => o.metadata?.name)).toEqual(['a', 'b']);
    const a = s.items[0];
    s = applyEvents(s, [
      { type: 'ADDED', object: obj('c', '3') },
      { type: 'MODIFIED', object: obj('b', '4') },
      { type: 'DELETED', object: obj('a', '5') },
    ]);
    expect(s.items.map((o) => `${o.metadata?.name}@${o.metadata?.resourceVersion}`)).toEqual([
      'b@4',
      'c@3',
    ]);
    expect(s.resourceVersion).toBe('5');
    expect(s.items).not.toContain(a);
  });
  it('keeps identity for unchanged objects and arrays', () => {
    const s1 = applyList(initialWatchState, [obj('a', '1'), obj('b', '2')], '2');
    const s2 = applyEvents(s1, [{ type: 'MODIFIED', object: obj('a', '1') }]);
    expect(s2).toBe(s1);
    const relisted = applyList(s1, [obj('a', '1'), obj('b', '2')], '9');
    expect(relisted.items).toBe(s1.items);
    expect(relisted.resourceVersion).toBe('9');
    const changed = applyList(s1, [obj('a', '1'), obj('b', '3')], '10');
    expect(changed.items[0]).toBe(s1.items[0]);
    expect(changed.items[1]).not.toBe(s1.items[1]);
  });
  it('relist drops objects deleted while disconnected; bookmarks only move the version', () => {
    const s1 = applyList(initialWatchState, [obj('a', '1'), obj('b', '2')], '2');
    expect(applyList(s1, [obj('b', '2')], '5').items.map((o) => o.metadata?.name)).toEqual(['b']);
    const s2 = applyEvents(s1, [
      { type: 'BOOKMARK', object: { metadata: { resourceVersion: '7' } } },
    ]);
    expect(s2.items).toBe(s1.items);
    expect(s2.resourceVersion).toBe('7');
    expect(applyEvents(s1, [{ type: 'DELETED', object: obj('zz', '8') }]).items).toBe(s1.items);
  });
  it('keys objects by namespace and name', () => {
    const s = applyList(initialWatchState, [obj('a', '1', 'x'), obj('a', '2', 'y')], '2');
    expect(s.items).toHaveLength(2);
  });
});

describe('urls and selectors', () => {
  it('stringifies label selectors', () => {
    expect(
      selectorToString({
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'x', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=web,tier in (a,b),!x');
  });
  it('builds REST URLs', () => {
    const model = {
      kind: 'VirtualMachine',
      plural: 'virtualmachines',
      apiGroup: 'kubevirt.io',
      apiVersion: 'v1',
      namespaced: true,
      abbr: 'VM',
      label: 'VM',
      labelPlural: 'VMs',
    };
    expect(resourceURL(model, { ns: 'demo', name: 'vm1', path: 'status' })).toBe(
      '/api/kubernetes/apis/kubevirt.io/v1/namespaces/demo/virtualmachines/vm1/status',
    );
    expect(
      resourceURL(model, {
        queryParams: { limit: '250', labelSelector: { matchLabels: { a: 'b' } } },
      }),
    ).toBe('/api/kubernetes/apis/kubevirt.io/v1/virtualmachines?limit=250&labelSelector=a%3Db');
  });
});

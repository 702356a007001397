import { describe, expect, it } from 'vitest';
import { translateDeep, translateString } from './translate';
import { buildNav, isActive, sortByInsertion } from './nav/navModel';

const t = (key: string) => `[${key}]`;

describe('%ns~key% translation', () => {
  it('translates marked strings only', () => {
    expect(translateString('%plugin__x~VirtualMachines%', t)).toBe('[plugin__x~VirtualMachines]');
    expect(translateString('VirtualMachines', t)).toBe('VirtualMachines');
    expect(translateString('50%', t)).toBe('50%');
    expect(translateDeep({ a: ['%ns~A%', 1], b: { c: '%ns~C%' } }, t)).toEqual({
      a: ['[ns~A]', 1],
      b: { c: '[ns~C]' },
    });
  });
});

describe('nav model', () => {
  const p = (id: string, extra = {}) => ({
    type: 'console.navigation/href',
    properties: { id, name: id, href: `/${id}`, ...extra },
  });
  it('orders by insertBefore/insertAfter', () => {
    const sorted = sortByInsertion([
      p('a'),
      p('b', { insertBefore: 'a' }),
      p('c', { insertAfter: 'a' }),
    ]);
    expect(sorted.map((e) => e.properties.id)).toEqual(['b', 'a', 'c']);
  });
  it('builds sections with namespaced links and resource items', () => {
    const findModel = (m: { kind: string }) =>
      m.kind === 'VirtualMachine'
        ? {
            kind: 'VirtualMachine',
            plural: 'virtualmachines',
            apiGroup: 'kubevirt.io',
            apiVersion: 'v1',
            namespaced: true,
            abbr: 'VM',
            label: 'VM',
            labelPlural: 'VirtualMachines',
          }
        : undefined;
    const nav = buildNav(
      [
        {
          type: 'console.navigation/section',
          properties: { id: 'virt', name: '%ns~Virtualization%' },
        },
        {
          type: 'console.navigation/resource-ns',
          properties: {
            id: 'vms',
            section: 'virt',
            model: { group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' },
          },
        },
        {
          type: 'console.navigation/href',
          properties: {
            id: 'overview',
            section: 'virt',
            name: 'Overview',
            href: '/virt/overview',
            namespaced: true,
            insertBefore: 'vms',
          },
        },
        {
          type: 'console.navigation/resource-ns',
          properties: { id: 'missing', section: 'virt', model: { version: 'v1', kind: 'Nope' } },
        },
        {
          type: 'console.navigation/href',
          properties: { id: 'dev', perspective: 'dev', name: 'Dev', href: '/dev' },
        },
      ],
      { namespace: 'demo', perspective: 'admin', findModel },
      (props, model) => props.name ?? model?.labelPlural ?? props.id,
    );
    expect(nav).toHaveLength(1);
    const section = nav[0];
    expect(section.kind).toBe('section');
    if (section.kind !== 'section') return;
    expect(section.items.map((i) => (i.kind === 'link' ? [i.name, i.href] : i.id))).toEqual([
      ['Overview', '/virt/overview/ns/demo'],
      ['VirtualMachines', '/k8s/ns/demo/kubevirt.io~v1~VirtualMachine'],
    ]);
    const vms = section.items[1];
    if (vms.kind === 'link') {
      expect(isActive(vms, '/k8s/all-namespaces/kubevirt.io~v1~VirtualMachine')).toBe(true);
      expect(isActive(vms, '/k8s/ns/x/kubevirt.io~v1~VirtualMachine/vm1')).toBe(true);
      expect(isActive(vms, '/k8s/ns/x/pods')).toBe(false);
    }
  });
});

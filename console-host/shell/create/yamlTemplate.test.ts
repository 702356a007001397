import { describe, expect, it } from 'vitest';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { initialObject, skeletonFor, templateForModel } from './yamlTemplate';

const VM: K8sModel = {
  apiGroup: 'kubevirt.io',
  apiVersion: 'v1',
  kind: 'VirtualMachine',
  plural: 'virtualmachines',
  abbr: 'VM',
  label: 'VirtualMachine',
  labelPlural: 'VirtualMachines',
  namespaced: true,
};
const NODE: K8sModel = {
  ...VM,
  apiGroup: undefined,
  kind: 'Node',
  plural: 'nodes',
  namespaced: false,
};

const template = (name: string, kind: string, text: string, version?: string) => ({
  properties: { name, model: { group: 'kubevirt.io', version, kind }, template: text },
});

describe('yaml templates', () => {
  it('picks the default template of the kind', () => {
    const list = [
      template('other', 'VirtualMachine', 'a: 1'),
      template('default', 'VirtualMachineInstance', 'b: 1'),
      template('default', 'VirtualMachine', 'c: 1', 'v1'),
    ];
    expect(templateForModel(list, VM)?.properties.template).toBe('c: 1');
    expect(templateForModel(list, VM, 'other')?.properties.template).toBe('a: 1');
    expect(
      templateForModel([template('default', 'VirtualMachine', 'x', 'v2')], VM),
    ).toBeUndefined();
  });

  it('fills metadata.namespace with the active project, replacing the template value', () => {
    const text =
      'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: example\n  namespace: elsewhere\nspec:\n  runStrategy: Halted\n';
    const obj = initialObject(text, VM, 'demo-apps');
    expect(obj.metadata).toEqual({ name: 'example', namespace: 'demo-apps' });
    expect((obj as { spec?: unknown }).spec).toEqual({ runStrategy: 'Halted' });
  });

  it('accepts an object template without changing it', () => {
    const source = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'a' },
    };
    const obj = initialObject(source, VM, 'ns1');
    expect(obj.metadata?.namespace).toBe('ns1');
    expect(source.metadata).toEqual({ name: 'a' });
  });

  it('falls back to a skeleton; cluster-scoped kinds get no namespace', () => {
    expect(initialObject(undefined, VM, 'ns1')).toEqual({
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'example', namespace: 'ns1' },
    });
    expect(initialObject(undefined, NODE, 'ns1')).toEqual(skeletonFor(NODE));
    expect(skeletonFor(NODE).apiVersion).toBe('v1');
  });
});

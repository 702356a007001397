import { describe, expect, it } from 'vitest';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import {
  parseReference,
  referenceFor,
  resourceDetailsPath,
  resourceListPath,
  urlReferenceForModel,
} from './ref';
import { findModel, type ModelMap } from './models';
import { modelsFromResourceList, pluralLabel } from './discoveryModels';

const vm: K8sModel = {
  kind: 'VirtualMachine',
  plural: 'virtualmachines',
  apiGroup: 'kubevirt.io',
  apiVersion: 'v1',
  namespaced: true,
  abbr: 'VM',
  label: 'VirtualMachine',
  labelPlural: 'VirtualMachines',
};
const pod: K8sModel = {
  kind: 'Pod',
  plural: 'pods',
  apiVersion: 'v1',
  namespaced: true,
  abbr: 'P',
  label: 'Pod',
  labelPlural: 'Pods',
};
const node: K8sModel = {
  kind: 'Node',
  plural: 'nodes',
  apiVersion: 'v1',
  namespaced: false,
  abbr: 'N',
  label: 'Node',
  labelPlural: 'Nodes',
};

describe('references', () => {
  it('formats and parses group~version~Kind', () => {
    expect(referenceFor({ group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' })).toBe(
      'kubevirt.io~v1~VirtualMachine',
    );
    expect(referenceFor({ version: 'v1', kind: 'Pod' })).toBe('core~v1~Pod');
    expect(parseReference('kubevirt.io~v1~VirtualMachine')).toEqual({
      group: 'kubevirt.io',
      version: 'v1',
      kind: 'VirtualMachine',
    });
    expect(parseReference('core~v1~Pod')).toEqual({ version: 'v1', kind: 'Pod' });
    expect(parseReference('pods')).toBeUndefined();
    expect(parseReference('a~b')).toBeUndefined();
  });
  it('builds console URLs: plural for core kinds, reference otherwise', () => {
    expect(urlReferenceForModel(pod)).toBe('pods');
    expect(urlReferenceForModel(vm)).toBe('kubevirt.io~v1~VirtualMachine');
    expect(resourceListPath(vm, 'demo')).toBe('/k8s/ns/demo/kubevirt.io~v1~VirtualMachine');
    expect(resourceListPath(vm, '#ALL_NS#')).toBe(
      '/k8s/all-namespaces/kubevirt.io~v1~VirtualMachine',
    );
    expect(resourceListPath(node, 'demo')).toBe('/k8s/cluster/nodes');
    expect(resourceDetailsPath(pod, 'p1', 'demo')).toBe('/k8s/ns/demo/pods/p1');
    expect(resourceDetailsPath(node, 'n1')).toBe('/k8s/cluster/nodes/n1');
  });
});

describe('findModel', () => {
  const vmV1alpha3 = { ...vm, apiVersion: 'v1alpha3' };
  const models: ModelMap = {
    'kubevirt.io~v1~VirtualMachine': vm,
    'kubevirt.io~v1alpha3~VirtualMachine': vmV1alpha3,
    'core~v1~Pod': pod,
    'core~v1~Node': node,
  };
  it('finds by reference, gvk, kind and plural', () => {
    expect(findModel(models, 'kubevirt.io~v1alpha3~VirtualMachine')).toBe(vmV1alpha3);
    expect(findModel(models, { group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' })).toBe(
      vm,
    );
    expect(findModel(models, 'Pod')).toBe(pod);
    expect(findModel(models, 'nodes')).toBe(node);
    expect(findModel(models, 'core~v1~Pod')).toBe(pod);
    expect(findModel(models, 'kubevirt.io~v2~VirtualMachine')).toBeUndefined();
    expect(findModel(models, undefined)).toBeUndefined();
  });
  it('uses the preferred version when none is given', () => {
    expect(
      findModel(models, { group: 'kubevirt.io', kind: 'VirtualMachine' }, { 'kubevirt.io': 'v1' }),
    ).toBe(vm);
    expect(findModel(models, 'VirtualMachine', { 'kubevirt.io': 'v1alpha3' })).toBe(vmV1alpha3);
  });
});

describe('discovery models', () => {
  it('turns an APIResourceList into models, skipping subresources', () => {
    const models = modelsFromResourceList({
      groupVersion: 'kubevirt.io/v1',
      resources: [
        {
          name: 'virtualmachines',
          kind: 'VirtualMachine',
          namespaced: true,
          verbs: ['list', 'watch'],
          shortNames: ['vm'],
        },
        { name: 'virtualmachines/status', kind: 'VirtualMachine', namespaced: true },
      ],
    });
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({
      apiGroup: 'kubevirt.io',
      apiVersion: 'v1',
      plural: 'virtualmachines',
      abbr: 'VM',
      labelPlural: 'VirtualMachines',
    });
    expect(
      modelsFromResourceList({
        groupVersion: 'v1',
        resources: [{ name: 'pods', kind: 'Pod', namespaced: true }],
      })[0].apiGroup,
    ).toBeUndefined();
    expect(pluralLabel('MigrationPolicy')).toBe('MigrationPolicies');
  });
});

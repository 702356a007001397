import { describe, expect, it } from 'vitest';
import type { InstancetypeLookup } from './instancetypeSource';
import { vmFixture } from './testFixtures';
import type { InstancetypeObject, PreferenceObject } from './types';
import { DEFAULT_VIRT_CONFIG } from './virtConfig';
import { deniedBy, validateVm } from './vmAdmission';

const small: InstancetypeObject = {
  metadata: { name: 'u1.small' },
  spec: { cpu: { guest: 1 }, memory: { guest: '2Gi' } },
};
const windows: PreferenceObject = {
  metadata: { name: 'windows.11' },
  spec: { requirements: { cpu: { guest: 2 }, memory: { guest: '4Gi' } } },
};

const lookup: InstancetypeLookup = {
  instancetype: () => undefined,
  clusterInstancetype: (n) => (n === 'u1.small' ? small : undefined),
  preference: () => undefined,
  clusterPreference: (n) => (n === 'windows.11' ? windows : undefined),
  revision: () => undefined,
};

const withInstancetype = (domain: object = {}) =>
  vmFixture({
    instancetype: { name: 'u1.small' },
    template: {
      spec: {
        domain: { devices: {}, ...domain },
        volumes: [{ name: 'rootdisk', dataVolume: { name: 'vm1-root' } }],
      },
    },
  });

describe('validateVm', () => {
  it('accepts a plain VM and an instance type VM without CPU or memory', () => {
    expect(validateVm(vmFixture(), lookup, DEFAULT_VIRT_CONFIG)).toEqual([]);
    expect(validateVm(withInstancetype(), lookup, DEFAULT_VIRT_CONFIG)).toEqual([]);
  });

  it('rejects CPU and memory next to an instance type', () => {
    const causes = validateVm(
      withInstancetype({ cpu: { sockets: 2 }, resources: { requests: { memory: '4Gi' } } }),
      lookup,
      DEFAULT_VIRT_CONFIG,
    );
    expect(causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        message:
          'VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type',
        field: 'spec.template.spec.domain.cpu.sockets',
      },
      {
        reason: 'FieldValueInvalid',
        message:
          'VM field(s) spec.template.spec.domain.resources.requests.memory conflicts with selected instance type',
        field: 'spec.template.spec.domain.resources.requests.memory',
      },
    ]);
    expect(deniedBy(causes, 'vm1').toStatus()).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message:
        'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type, VM field(s) spec.template.spec.domain.resources.requests.memory conflicts with selected instance type',
      details: { name: 'vm1', group: 'kubevirt.io', kind: 'VirtualMachine' },
    });
  });

  it('rejects a missing instance type or preference', () => {
    expect(
      validateVm(vmFixture({ instancetype: { name: 'u1.tiny' } }), lookup, DEFAULT_VIRT_CONFIG),
    ).toEqual([
      {
        reason: 'FieldValueNotFound',
        message:
          'Failure to find instancetype: virtualmachineclusterinstancetypes.instancetype.kubevirt.io "u1.tiny" not found',
        field: 'spec.instancetype',
      },
    ]);
    expect(
      validateVm(vmFixture({ preference: { name: 'nope' } }), lookup, DEFAULT_VIRT_CONFIG)[0]
        .message,
    ).toBe(
      'Failure to find preference: virtualmachineclusterpreferences.instancetype.kubevirt.io "nope" not found',
    );
  });

  it('checks preference requirements against the instance type', () => {
    const vm = {
      ...withInstancetype(),
      spec: { ...withInstancetype().spec, preference: { name: 'windows.11' } },
    };
    expect(validateVm(vm, lookup, DEFAULT_VIRT_CONFIG).map((c) => c.message)).toEqual([
      'failure checking preference requirements: insufficient CPU resources of 1 vCPU provided by instance type, preference requires 2 vCPU',
      'failure checking preference requirements: insufficient Memory resources of 2Gi provided by instance type, preference requires 4Gi',
    ]);
  });

  it('rejects both running and runStrategy, unknown strategies and unused DataVolume templates', () => {
    const vm = vmFixture({
      running: true,
      runStrategy: 'Sometimes',
      dataVolumeTemplates: [{ metadata: { name: 'orphan' }, spec: {} }],
    });
    expect(validateVm(vm, lookup, DEFAULT_VIRT_CONFIG).map((c) => c.message)).toEqual([
      'Running and RunStrategy are mutually exclusive',
      'Invalid RunStrategy (Sometimes)',
      "DataVolumeTemplate entry spec.dataVolumeTemplate[0] must be referenced in the VMI template's 'volumes' list",
    ]);
  });

  it('limits sockets to maxSockets with LiveUpdate', () => {
    const vm = vmFixture({
      template: { spec: { domain: { devices: {}, cpu: { sockets: 8, maxSockets: 4 } } } },
    });
    expect(validateVm(vm, lookup, DEFAULT_VIRT_CONFIG).map((c) => c.field)).toEqual([
      'spec.template.spec.domain.cpu.sockets',
    ]);
  });
});

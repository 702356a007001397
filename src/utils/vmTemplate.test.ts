import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildExampleVirtualMachine } from './vmTemplate';
import { defaultVirtualMachineYAML } from './yamlTemplates';

describe('buildExampleVirtualMachine', () => {
  const vm = buildExampleVirtualMachine();
  const spec = vm.spec.template?.spec;

  it('is a halted kubevirt.io/v1 VirtualMachine with runStrategy only (never spec.running too)', () => {
    expect(vm.apiVersion).toBe('kubevirt.io/v1');
    expect(vm.kind).toBe('VirtualMachine');
    expect(vm.spec.runStrategy).toBe('Halted');
    expect(vm.spec).not.toHaveProperty('running');
  });

  it('boots Fedora from a container disk with 2Gi and 1 core', () => {
    expect(spec?.volumes).toContainEqual({
      name: 'rootdisk',
      containerDisk: { image: 'quay.io/containerdisks/fedora:latest' },
    });
    expect(spec?.domain.memory?.guest).toBe('2Gi');
    expect(spec?.domain.resources?.requests).toEqual({ memory: '2Gi' });
    expect(spec?.domain.cpu?.cores).toBe(1);
  });

  it('has one masquerade interface whose name matches the pod network', () => {
    expect(spec?.domain.devices.interfaces).toEqual([{ name: 'default', masquerade: {} }]);
    expect(spec?.networks).toEqual([{ name: 'default', pod: {} }]);
  });

  it('declares a disk for every volume and a volume for every disk', () => {
    const disks = spec?.domain.devices.disks?.map((d) => d.name).sort();
    const volumes = spec?.volumes?.map((v) => v.name).sort();
    expect(disks).toEqual(volumes);
  });

  it('takes overrides without changing the defaults', () => {
    const custom = buildExampleVirtualMachine({ name: 'db', cores: 4 });
    expect(custom.metadata?.name).toBe('db');
    expect(custom.spec.template?.spec?.domain.cpu?.cores).toBe(4);
    expect(buildExampleVirtualMachine().metadata?.name).toBe('example');
  });
});

describe('defaultVirtualMachineYAML', () => {
  it('parses back to the example VM', () => {
    expect(load(defaultVirtualMachineYAML)).toEqual(buildExampleVirtualMachine());
  });
});

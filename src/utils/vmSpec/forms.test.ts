import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../../models/types';
import type { DiskForm } from './disks';
import { validateDiskForm, validateNICForm, validateToleration } from './forms';
import type { NICForm } from './nics';

const vm: VirtualMachine = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', namespace: 'ns' },
  spec: {
    template: {
      spec: {
        domain: {
          devices: {
            disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
            interfaces: [{ name: 'default', masquerade: {} }],
          },
        },
        networks: [{ name: 'default', pod: {} }],
        volumes: [{ name: 'rootdisk', containerDisk: { image: 'x' } }],
      },
    },
  },
} as VirtualMachine;

const disk = (over: Partial<DiskForm>): DiskForm => ({
  name: 'data',
  source: 'blank',
  size: '10Gi',
  drive: 'disk',
  bus: 'virtio',
  ...over,
});

describe('validateDiskForm', () => {
  it.each<[string, Partial<DiskForm>, object]>([
    ['valid blank', {}, {}],
    ['missing name', { name: '' }, { name: { code: 'required' } }],
    ['bad name', { name: 'Data_1' }, { name: { code: 'dns-1123-label' } }],
    ['taken name', { name: 'rootdisk' }, { name: 'taken' }],
    ['no size', { size: '' }, { size: { code: 'required' } }],
    ['bad size', { size: '10 GB' }, { size: { code: 'quantity' } }],
    ['too small', { size: '10Ki' }, { size: { code: 'min', min: 2 ** 20 } }],
    ['pvc without claim', { source: 'pvc', size: '' }, { pvcName: { code: 'required' } }],
    ['pvc with claim, no size needed', { source: 'pvc', size: '', pvcName: 'c1' }, {}],
    ['clone needs size and claim', { source: 'pvcClone' }, { pvcName: { code: 'required' } }],
  ])('%s', (_name, over, expected) => {
    expect(validateDiskForm(vm, disk(over))).toEqual(expected);
  });
});

const nic = (over: Partial<NICForm>): NICForm => ({
  name: 'nic-1',
  model: 'virtio',
  network: { kind: 'multus', networkName: 'br1' },
  ...over,
});

describe('validateNICForm', () => {
  it.each<[string, Partial<NICForm>, string | undefined, object]>([
    ['valid NAD NIC', {}, undefined, {}],
    ['taken name', { name: 'default' }, undefined, { name: 'taken' }],
    ['own name when editing', { name: 'default', network: { kind: 'pod' } }, 'default', {}],
    ['bad MAC', { macAddress: '02:00:00' }, undefined, { macAddress: 'mac' }],
    ['good MAC', { macAddress: '02:00:00:00:00:01' }, undefined, {}],
    [
      'NAD not chosen',
      { network: { kind: 'multus', networkName: '' } },
      undefined,
      { network: { code: 'required' } },
    ],
    ['second pod network', { network: { kind: 'pod' } }, undefined, { network: 'taken' }],
  ])('%s', (_name, over, original, expected) => {
    expect(validateNICForm(vm, nic(over), original)).toEqual(expected);
  });
});

describe('validateToleration', () => {
  it.each<[string, object, object]>([
    ['key and value', { key: 'gpu', operator: 'Equal', value: 'yes', effect: 'NoSchedule' }, {}],
    ['Exists without key tolerates all', { operator: 'Exists' }, {}],
    ['Equal needs a key', { operator: 'Equal', value: 'x' }, { key: { code: 'required' } }],
    ['bad key', { key: 'a b', operator: 'Exists' }, { key: { code: 'label-key' } }],
    [
      'bad value',
      { key: 'k', operator: 'Equal', value: 'a b' },
      { value: { code: 'label-value' } },
    ],
    ['operator defaults to Equal', { key: 'k', value: 'v' }, {}],
  ])('%s', (_name, toleration, expected) => {
    expect(validateToleration(toleration)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import { getPendingChanges, isRestartRequired } from './pendingChanges';
import { applyRecipes } from './vmPatch';
import { addDisk } from './vmSpec/disks';
import { setBootOrder, setCPUMemory, setHeadless, setHostname } from './vmSpec/details';
import { removeNIC, upsertNIC } from './vmSpec/nics';
import { setEvictionStrategy, setNodeSelector } from './vmSpec/scheduling';
import { setCloudInit } from './vmSpec/cloudInit';
import { setLogSerialConsole } from './guestSystemLog';
import { draftTemplateSpec, draftVMSpec } from './vmSpec/types';

const vm: VirtualMachine = {
  metadata: { name: 'vm1', namespace: 'ns' },
  spec: {
    template: {
      spec: {
        domain: {
          cpu: { sockets: 1, cores: 1, threads: 1 },
          resources: { requests: { memory: '2Gi' } },
          devices: {
            disks: [{ name: 'root', disk: { bus: 'virtio' } }],
            interfaces: [{ name: 'default', masquerade: {} }],
          },
        },
        networks: [{ name: 'default', pod: {} }],
        volumes: [{ name: 'root', containerDisk: { image: 'x' } }],
      },
    },
  },
};
const vmi = { spec: structuredClone(vm.spec?.template.spec) } as VirtualMachineInstance;

describe('getPendingChanges', () => {
  it('nothing pending when the instance matches, or without an instance', () => {
    expect(getPendingChanges(vm, vmi)).toEqual([]);
    expect(getPendingChanges(applyRecipes(vm, setHostname('x')), undefined)).toEqual([]);
  });

  it.each<[string, Parameters<typeof applyRecipes<VirtualMachine>>[1], object]>([
    [
      'cpu',
      setCPUMemory({ sockets: 2, cores: 1, threads: 1, memory: '2Gi' }),
      { kind: 'cpu', from: '1/1/1', to: '2/1/1' },
    ],
    [
      'memory',
      setCPUMemory({ sockets: 1, cores: 1, threads: 1, memory: '4Gi' }),
      { kind: 'memory', from: '2Gi', to: '4Gi' },
    ],
    [
      'disk',
      addDisk({ name: 'data', source: 'blank', size: '1Gi', drive: 'disk', bus: 'virtio' }),
      { kind: 'disk-added', name: 'data' },
    ],
    [
      'nic added',
      upsertNIC({ name: 'nic2', model: 'virtio', network: { kind: 'multus', networkName: 'br' } }),
      { kind: 'nic-added', name: 'nic2' },
    ],
    ['nic removed', removeNIC('default'), { kind: 'nic-removed', name: 'default' }],
    ['boot order', setBootOrder([{ kind: 'disk', name: 'root' }]), { kind: 'boot-order' }],
    ['hostname', setHostname('web'), { kind: 'hostname' }],
    ['headless', setHeadless(true), { kind: 'headless' }],
    ['guest log on', setLogSerialConsole(true), { kind: 'guest-log' }],
    ['guest log off (explicit, unset before)', setLogSerialConsole(false), { kind: 'guest-log' }],
    ['node selector', setNodeSelector({ a: 'b' }), { kind: 'node-selector' }],
    ['eviction', setEvictionStrategy('None'), { kind: 'eviction-strategy' }],
    ['cloud-init', setCloudInit('#cloud-config\n', ''), { kind: 'cloud-init' }],
  ])('%s', (_name, recipe, change) => {
    expect(getPendingChanges(applyRecipes(vm, recipe), vmi)).toContainEqual(change);
  });

  it('hot-plugged disks are live, not pending', () => {
    const next = applyRecipes(vm, (d) => {
      const spec = draftTemplateSpec(d as VirtualMachine);
      spec.volumes?.push({
        name: 'hp',
        dataVolume: { name: 'hp', hotpluggable: true },
      });
      spec.domain.devices.disks?.push({ name: 'hp', disk: { bus: 'scsi' } });
    });
    expect(getPendingChanges(next, vmi)).toEqual([]);
  });

  it('defaults the instance got from the cluster are not changes', () => {
    const bare = applyRecipes(vm, (d) => {
      const spec = draftTemplateSpec(d as VirtualMachine);
      delete spec.domain.devices.interfaces;
      delete spec.networks;
    });
    const defaulted = { spec: { ...structuredClone(vmi.spec), evictionStrategy: 'LiveMigrate' } };
    expect(getPendingChanges(bare, defaulted as VirtualMachineInstance)).toEqual([]);
    const headlessNet = applyRecipes(bare, (d) => {
      draftTemplateSpec(d as VirtualMachine).domain.devices.autoattachPodInterface = false;
    });
    expect(getPendingChanges(headlessNet, defaulted as VirtualMachineInstance)).toContainEqual({
      kind: 'nic-removed',
      name: 'default',
    });
  });

  it('ignores CPU and memory for instance-type VMs', () => {
    const next = applyRecipes(
      vm,
      setCPUMemory({ sockets: 4, cores: 1, threads: 1, memory: '8Gi' }),
      (d) => {
        draftVMSpec(d as VirtualMachine).instancetype = { name: 'u1.small' };
      },
    );
    expect(getPendingChanges(next, vmi)).toEqual([]);
  });
});

describe('isRestartRequired', () => {
  it.each([
    [[{ type: 'RestartRequired', status: 'True' }], true],
    [[{ type: 'RestartRequired', status: 'False' }], false],
    [[{ type: 'Ready', status: 'True' }], false],
    [undefined, false],
  ])('%j → %s', (conditions, out) => {
    expect(isRestartRequired({ ...vm, status: { conditions } } as VirtualMachine)).toBe(out);
  });
});

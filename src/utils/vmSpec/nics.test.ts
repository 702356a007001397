import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../../models/types';
import { applyRecipes } from '../vmPatch';
import {
  getNICRows,
  hasPodNetwork,
  isNICNameTaken,
  isValidMAC,
  isHotpluggableNIC,
  removeNIC,
  unplugNIC,
  upsertNIC,
} from './nics';

const vm: VirtualMachine = {
  metadata: { name: 'vm1', namespace: 'ns' },
  spec: {
    template: {
      spec: {
        domain: {
          devices: {
            interfaces: [{ name: 'default', masquerade: {}, model: 'virtio', bootOrder: 2 }],
          },
        },
        networks: [{ name: 'default', pod: {} }],
      },
    },
  },
};

describe('upsertNIC', () => {
  it('adds a bridge NIC on a NAD with a network of the same name', () => {
    const next = applyRecipes(
      vm,
      upsertNIC({ name: 'nic-1', model: 'e1000e', network: { kind: 'multus', networkName: 'br' } }),
    );
    expect(next.spec?.template.spec?.domain.devices.interfaces?.[1]).toEqual({
      name: 'nic-1',
      model: 'e1000e',
      bridge: {},
    });
    expect(next.spec?.template.spec?.networks?.[1]).toEqual({
      name: 'nic-1',
      multus: { networkName: 'br' },
    });
  });

  it('edits in place: renames both entries, keeps the boot order, sets the MAC', () => {
    const next = applyRecipes(
      vm,
      upsertNIC(
        {
          name: 'eth0',
          model: 'virtio',
          network: { kind: 'pod' },
          macAddress: '02:00:00:00:00:01',
        },
        'default',
      ),
    );
    expect(next.spec?.template.spec?.domain.devices.interfaces).toEqual([
      {
        name: 'eth0',
        masquerade: {},
        model: 'virtio',
        bootOrder: 2,
        macAddress: '02:00:00:00:00:01',
      },
    ]);
    expect(next.spec?.template.spec?.networks).toEqual([{ name: 'eth0', pod: {} }]);
  });

  it('removes interface and network', () => {
    const next = applyRecipes(vm, removeNIC('default'));
    expect(next.spec?.template.spec?.domain.devices.interfaces).toBeUndefined();
    expect(next.spec?.template.spec?.networks).toBeUndefined();
  });
});

describe('NIC helpers', () => {
  it.each([
    ['', true],
    ['02:00:00:00:00:01', true],
    ['02-00-00-00-00-0A', true],
    ['02:00:00:00:00', false],
    ['zz:00:00:00:00:00', false],
  ])('MAC %s valid: %s', (mac, ok) => expect(isValidMAC(mac)).toBe(ok));

  it('rows, pod network and names', () => {
    expect(getNICRows(vm)).toEqual([
      {
        name: 'default',
        model: 'virtio',
        network: { kind: 'pod' },
        type: 'masquerade',
        macAddress: undefined,
        state: 'active',
      },
    ]);
    expect(hasPodNetwork(vm)).toBe(true);
    expect(hasPodNetwork(vm, 'default')).toBe(false);
    expect(isNICNameTaken(vm, 'default')).toBe(true);
    expect(isNICNameTaken(vm, 'default', 'default')).toBe(false);
  });
});

describe('NIC hot plug', () => {
  it('keeps the implicit pod network when the first explicit NIC is a NAD one', () => {
    const bare: VirtualMachine = {
      metadata: { name: 'vm', namespace: 'ns' },
      spec: { template: { spec: { domain: { devices: {} } } } },
    };
    const next = applyRecipes(
      bare,
      upsertNIC({ name: 'nic-0', model: 'virtio', network: { kind: 'multus', networkName: 'br' } }),
    );
    expect(next.spec?.template?.spec?.domain?.devices?.interfaces).toEqual([
      { name: 'default', masquerade: {} },
      { name: 'nic-0', model: 'virtio', bridge: {} },
    ]);
    expect(next.spec?.template?.spec?.networks).toEqual([
      { name: 'default', pod: {} },
      { name: 'nic-0', multus: { networkName: 'br' } },
    ]);
  });

  it.each([
    [{ model: 'virtio', network: { kind: 'multus', networkName: 'br' } }, true],
    [{ model: 'e1000e', network: { kind: 'multus', networkName: 'br' } }, false],
    [{ model: 'virtio', network: { kind: 'pod' } }, false],
  ] as const)('%j hot-pluggable: %s', (form, ok) => expect(isHotpluggableNIC(form)).toBe(ok));

  it('unplug marks the interface absent and keeps its network', () => {
    const next = applyRecipes(vm, unplugNIC('default'));
    expect(next.spec?.template?.spec?.domain?.devices?.interfaces?.[0]).toMatchObject({
      name: 'default',
      state: 'absent',
    });
    expect(next.spec?.template?.spec?.networks).toEqual([{ name: 'default', pod: {} }]);
  });

  it('row states against the running instance', () => {
    const two: VirtualMachine = {
      ...vm,
      spec: {
        template: {
          spec: {
            domain: {
              devices: {
                interfaces: [
                  { name: 'a', bridge: {} },
                  { name: 'b', bridge: {} },
                  { name: 'c', bridge: {} },
                  { name: 'd', bridge: {}, state: 'absent' },
                ],
              },
            },
          },
        },
      },
    };
    const vmi = {
      metadata: { name: 'vm1', namespace: 'ns' },
      spec: { domain: { devices: { interfaces: [{ name: 'a' }, { name: 'b' }, { name: 'd' }] } } },
      status: { interfaces: [{ name: 'a' }, { name: 'd' }] },
    } as Parameters<typeof getNICRows>[1];
    expect(getNICRows(two, vmi).map((r) => r.state)).toEqual([
      'active',
      'hotplugging',
      'pendingRestart',
      'unplugging',
    ]);
    expect(getNICRows(two).map((r) => r.state)).toEqual(['active', 'active', 'active', 'active']);
  });
});

import { describe, expect, it } from 'vitest';
import { clearDetachedNics, isHotpluggableNic, planNicSync } from './nicHotplug';
import type { VirtualMachineInstance, VmiSpec } from './types';

const spec = (
  interfaces: VmiSpec['domain']['devices']['interfaces'],
  networks: VmiSpec['networks'],
): VmiSpec => ({ domain: { devices: { interfaces } }, networks });
const POD_NIC = { name: 'default', masquerade: {} };
const POD_NET = { name: 'default', pod: {} };
const OFFICE_NET = { name: 'office', multus: { networkName: 'bridge-network' } };
const vmiWith = (s: VmiSpec, reported: string[]): VirtualMachineInstance => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name: 'vm', namespace: 'ns' },
  spec: s,
  status: { interfaces: reported.map((name) => ({ name })) },
});

describe('isHotpluggableNic', () => {
  it.each([
    [{ name: 'office', bridge: {} }, true],
    [{ name: 'office', bridge: {}, model: 'virtio' }, true],
    [{ name: 'office', bridge: {}, model: 'e1000e' }, false],
    [{ name: 'office', masquerade: {} }, false],
    [{ name: 'default', bridge: {} }, false],
  ])('%j → %s', (iface, expected) => {
    expect(isHotpluggableNic(iface, [POD_NET, OFFICE_NET])).toBe(expected);
  });
});

describe('clearDetachedNics', () => {
  it('drops absent NICs no longer reported, keeps the rest', () => {
    const nics = {
      interfaces: [POD_NIC, { name: 'office', bridge: {}, state: 'absent' }],
      networks: [POD_NET, OFFICE_NET],
    };
    expect(clearDetachedNics(nics, new Set(['default', 'office']))).toEqual(nics);
    expect(clearDetachedNics(nics, new Set(['default']))).toEqual({
      interfaces: [POD_NIC],
      networks: [POD_NET],
    });
  });
});

describe('planNicSync', () => {
  const running = spec([POD_NIC], [POD_NET]);
  const withOffice = (state?: string) =>
    spec(
      [POD_NIC, { name: 'office', bridge: {}, ...(state ? { state } : {}) }],
      [POD_NET, OFFICE_NET],
    );

  it('adds a hot-pluggable NIC to the VMI with a tested replace', () => {
    const plan = planNicSync(withOffice(), withOffice(), vmiWith(running, ['default']));
    expect(plan.vmPatch).toEqual([]);
    expect(plan.vmiPatch).toEqual([
      { op: 'test', path: '/spec/domain/devices/interfaces', value: [POD_NIC] },
      {
        op: 'replace',
        path: '/spec/domain/devices/interfaces',
        value: withOffice().domain.devices.interfaces,
      },
      { op: 'test', path: '/spec/networks', value: [POD_NET] },
      { op: 'replace', path: '/spec/networks', value: [POD_NET, OFFICE_NET] },
    ]);
  });

  it('leaves a NIC that is not hot-pluggable for the restart', () => {
    const cold = spec(
      [POD_NIC, { name: 'office', bridge: {}, model: 'e1000e' }],
      [POD_NET, OFFICE_NET],
    );
    expect(planNicSync(cold, cold, vmiWith(running, ['default'])).vmiPatch).toEqual([]);
  });

  it('marks an unplugged NIC absent on the VMI, then clears it from both specs', () => {
    const marking = planNicSync(
      withOffice('absent'),
      withOffice('absent'),
      vmiWith(withOffice(), ['default', 'office']),
    );
    expect(marking.vmPatch).toEqual([]);
    expect(marking.vmiPatch[1]).toEqual({
      op: 'replace',
      path: '/spec/domain/devices/interfaces',
      value: withOffice('absent').domain.devices.interfaces,
    });
    const gone = planNicSync(
      withOffice('absent'),
      withOffice('absent'),
      vmiWith(withOffice('absent'), ['default']),
    );
    expect(gone.vmPatch.filter((o) => o.op === 'replace').map((o) => o.value)).toEqual([
      [POD_NIC],
      [POD_NET],
    ]);
    expect(gone.vmiPatch.filter((o) => o.op === 'replace').map((o) => o.value)).toEqual([
      [POD_NIC],
      [POD_NET],
    ]);
  });
});

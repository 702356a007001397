import { describe, expect, it } from 'vitest';
import { migrationRequired } from './migrationRequired';
import type { VirtualMachineInstance } from './types';

const vmi = (
  reported: { name: string; infoSource?: string }[],
  state?: string,
): VirtualMachineInstance => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name: 'vm', namespace: 'ns' },
  spec: {
    domain: {
      devices: {
        interfaces: [
          { name: 'default', masquerade: {} },
          { name: 'office', bridge: {}, ...(state ? { state } : {}) },
        ],
      },
    },
    networks: [
      { name: 'default', pod: {} },
      { name: 'office', multus: { networkName: 'bridge-network' } },
    ],
  },
  status: { phase: 'Running', interfaces: [{ name: 'default' }, ...reported] },
});
const T0 = '2026-12-07T10:00:00Z';
const T20 = '2026-12-07T10:00:20Z';

describe('migrationRequired', () => {
  it('is pending (False) for a plugged NIC the VMI does not report, True after the grace period', () => {
    const first = migrationRequired(vmi([]), [], T0, 15_000);
    expect(first.conditions).toMatchObject([
      { type: 'MigrationRequired', status: 'False', reason: 'AutoMigrationPending' },
    ]);
    expect(first.recheckInMs).toBe(16_000);
    const later = migrationRequired(vmi([]), first.conditions, T20, 15_000);
    expect(later.conditions).toMatchObject([{ type: 'MigrationRequired', status: 'True' }]);
    expect(later.recheckInMs).toBeUndefined();
  });

  it('is gone once the NIC is reported', () => {
    const pending = migrationRequired(vmi([]), [], T0, 15_000).conditions;
    expect(migrationRequired(vmi([{ name: 'office' }]), pending, T20, 15_000).conditions).toEqual(
      [],
    );
  });

  it('asks for a migration for an unplugged NIC still in the pod, not one still in the domain', () => {
    const inPodOnly = vmi([{ name: 'office', infoSource: 'multus-status' }], 'absent');
    expect(migrationRequired(inPodOnly, [], T0, 15_000).conditions).toHaveLength(1);
    const inDomain = vmi([{ name: 'office', infoSource: 'domain, multus-status' }], 'absent');
    expect(migrationRequired(inDomain, [], T0, 15_000).conditions).toEqual([]);
  });
});

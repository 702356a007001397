import { describe, expect, it } from 'vitest';
import { migratability } from './liveMigratable';
import { pvcFixture, vmiFixture } from './testFixtures';
import type { PersistentVolumeClaim, VmiSpec } from './types';

const pvcs = [
  pvcFixture('rwx', 'Bound', { accessModes: ['ReadWriteMany'] }),
  pvcFixture('rwo', 'Bound', { accessModes: ['ReadWriteOnce'] }),
];
const lookup = (n: string): PersistentVolumeClaim | undefined =>
  pvcs.find((p) => p.metadata.name === n);

const spec = (
  overrides: Partial<VmiSpec>,
  iface: object = { name: 'default', masquerade: {} },
): VmiSpec => ({
  domain: { devices: { interfaces: [iface as { name: string }] } },
  networks: [{ name: 'default', pod: {} }],
  volumes: [
    { name: 'root', persistentVolumeClaim: { claimName: 'rwx' } },
    { name: 'cloudinitdisk', cloudInitNoCloud: { userData: '' } },
  ],
  ...overrides,
});

describe('migratability', () => {
  it('is live-migratable on shared storage with a masquerade NIC', () => {
    expect(migratability(vmiFixture('Running', [], {}, spec({})), lookup)).toEqual({
      condition: { type: 'LiveMigratable', status: 'True' },
      migrationMethod: 'LiveMigration',
    });
  });

  it('refuses RWO disks', () => {
    const r = migratability(
      vmiFixture(
        'Running',
        [],
        {},
        spec({ volumes: [{ name: 'root', dataVolume: { name: 'rwo' } }] }),
      ),
      lookup,
    );
    expect(r.condition).toEqual({
      type: 'LiveMigratable',
      status: 'False',
      reason: 'DisksNotLiveMigratable',
      message:
        'cannot migrate VMI: PVC rwo is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)',
    });
  });

  it('refuses a bridge on the pod network unless annotated', () => {
    const bridge = spec({}, { name: 'default', bridge: {} });
    expect(migratability(vmiFixture('Running', [], {}, bridge), lookup).condition.reason).toBe(
      'InterfaceNotLiveMigratable',
    );
    const annotated = vmiFixture(
      'Running',
      [],
      {
        metadata: {
          name: 'v',
          annotations: { 'kubevirt.io/allow-pod-bridge-network-live-migration': '' },
        },
      },
      bridge,
    );
    expect(migratability(annotated, lookup).condition.status).toBe('True');
  });

  it('block-migrates container disks', () => {
    const r = migratability(
      vmiFixture(
        'Running',
        [],
        {},
        spec({
          volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora' } }],
        }),
      ),
      lookup,
    );
    expect(r).toEqual({
      condition: { type: 'LiveMigratable', status: 'True' },
      migrationMethod: 'BlockMigration',
    });
  });

  it.each([
    [
      { domain: { devices: { hostDevices: [{ name: 'h', deviceName: 'x' }] } } },
      'HostDeviceNotLiveMigratable',
    ],
    [{ domain: { devices: {}, cpu: { model: 'host-passthrough' } } }, 'CPUModeLiveMigratable'],
  ] as [Partial<VmiSpec>, string][])('names the blocking device %#', (overrides, reason) => {
    expect(
      migratability(vmiFixture('Running', [], {}, spec(overrides)), lookup).condition.reason,
    ).toBe(reason);
  });
});

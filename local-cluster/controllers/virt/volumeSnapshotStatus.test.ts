import { describe, expect, it } from 'vitest';
import { vmFixture, pvcFixture } from './testFixtures';
import type { SnapshotLookups } from './volumeSnapshotStatus';
import { volumeSnapshotStatuses } from './volumeSnapshotStatus';

const lookups: SnapshotLookups = {
  pvc: (n) =>
    ({
      'local-pvc': pvcFixture('local-pvc', 'Bound', { storageClassName: 'standard-csi' }),
      'shared-pvc': pvcFixture('shared-pvc', 'Bound', { storageClassName: 'shared-rwx' }),
      'no-class': pvcFixture('no-class', 'Bound', {}),
    })[n],
  dataVolume: () => undefined,
  storageClass: (n) =>
    ({
      'standard-csi': {
        metadata: { name: 'standard-csi' },
        provisioner: 'local.csi.virt-console.dev',
      },
      'shared-rwx': {
        metadata: { name: 'shared-rwx' },
        provisioner: 'shared.csi.virt-console.dev',
      },
    })[n],
  snapshotDrivers: new Set(['local.csi.virt-console.dev']),
};

describe('volumeSnapshotStatuses', () => {
  it('answers per volume with KubeVirt’s reasons', () => {
    const vm = vmFixture({
      dataVolumeTemplates: [
        {
          metadata: { name: 'pending-dv' },
          spec: { storage: { storageClassName: 'standard-csi' } },
        },
      ],
      template: {
        spec: {
          domain: { devices: {} },
          volumes: [
            { name: 'rootdisk', dataVolume: { name: 'local-pvc' } },
            { name: 'shared', persistentVolumeClaim: { claimName: 'shared-pvc' } },
            { name: 'classless', persistentVolumeClaim: { claimName: 'no-class' } },
            { name: 'importing', dataVolume: { name: 'pending-dv' } },
            { name: 'missing', persistentVolumeClaim: { claimName: 'gone' } },
            { name: 'cloudinitdisk', cloudInitNoCloud: { userData: '' } },
          ],
        },
      },
    });
    expect(volumeSnapshotStatuses(vm, lookups)).toEqual([
      { name: 'rootdisk', enabled: true },
      {
        name: 'shared',
        enabled: false,
        reason:
          'No VolumeSnapshotClass: Volume snapshots are not configured for this StorageClass [shared-rwx] [shared]',
      },
      {
        name: 'classless',
        enabled: false,
        reason:
          'No VolumeSnapshotClass: Volume snapshots are not configured for this StorageClass [] [classless]',
      },
      { name: 'importing', enabled: true },
      { name: 'missing', enabled: false, reason: 'PVC not found' },
      {
        name: 'cloudinitdisk',
        enabled: false,
        reason: 'Snapshot is not supported for this volumeSource type [cloudinitdisk]',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { volumeSnapshotClassFor } from './snapshotClass';
import type { StorageClass, StorageProfile, VolumeSnapshotClass } from './snapshotTypes';

const sc = (name: string, provisioner: string): StorageClass => ({
  metadata: { name },
  provisioner,
});
const vsc = (name: string, driver: string, isDefault = false): VolumeSnapshotClass => ({
  metadata: {
    name,
    annotations: isDefault
      ? { 'snapshot.storage.kubernetes.io/is-default-class': 'true' }
      : undefined,
  },
  driver,
});
const profile = (name: string, snapshotClass?: string): StorageProfile => ({
  metadata: { name },
  status: { snapshotClass },
});

const storageClasses = [
  sc('standard-csi', 'local.csi'),
  sc('shared-rwx', 'shared.csi'),
  sc('multi', 'multi.csi'),
];

describe('volumeSnapshotClassFor', () => {
  it.each([
    ['no storage class', undefined, [], [], undefined],
    ['an unknown storage class', 'nope', [], [vsc('a', 'local.csi')], undefined],
    [
      'the only class of the driver',
      'standard-csi',
      [],
      [vsc('local-snap', 'local.csi')],
      { name: 'local-snap' },
    ],
    ['no class for the driver', 'shared-rwx', [], [vsc('local-snap', 'local.csi')], undefined],
    [
      "the StorageProfile's class",
      'standard-csi',
      [profile('standard-csi', 'picked')],
      [vsc('local-snap', 'local.csi'), vsc('picked', 'local.csi')],
      { name: 'picked' },
    ],
    [
      'a StorageProfile naming a missing class',
      'standard-csi',
      [profile('standard-csi', 'gone')],
      [vsc('local-snap', 'local.csi')],
      undefined,
    ],
    [
      'the default among several',
      'multi',
      [],
      [vsc('m1', 'multi.csi'), vsc('m2', 'multi.csi', true)],
      { name: 'm2' },
    ],
    [
      'several without a default',
      'multi',
      [],
      [vsc('m1', 'multi.csi'), vsc('m2', 'multi.csi')],
      { error: '2 matching VolumeSnapshotClasses for multi' },
    ],
  ])('%s', (_what, name, storageProfiles, snapshotClasses, expected) => {
    expect(
      volumeSnapshotClassFor(name, { storageClasses, storageProfiles, snapshotClasses }),
    ).toEqual(expected);
  });
});

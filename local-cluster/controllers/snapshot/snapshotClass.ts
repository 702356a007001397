import type { StorageClass, StorageProfile, VolumeSnapshotClass } from './snapshotTypes';
import { ANNOTATIONS } from './snapshotNames';

export interface SnapshotClassSources {
  storageClasses: readonly StorageClass[];
  storageProfiles: readonly StorageProfile[];
  snapshotClasses: readonly VolumeSnapshotClass[];
}

export type SnapshotClassResult = { name: string } | { error: string } | undefined;

/**
 * The VolumeSnapshotClass KubeVirt snapshots a storage class's volumes with: the class named by
 * its StorageProfile (`status.snapshotClass`) when that exists, else the only class for the
 * provisioner's driver, else the one among several marked default; none when the driver has no
 * snapshot class (the volume cannot be snapshotted).
 */
export const volumeSnapshotClassFor = (
  storageClassName: string | undefined,
  sources: SnapshotClassSources,
): SnapshotClassResult => {
  if (!storageClassName) return undefined;
  const sc = sources.storageClasses.find((c) => c.metadata.name === storageClassName);
  if (!sc) return undefined;
  const profileClass = sources.storageProfiles.find((p) => p.metadata.name === storageClassName)
    ?.status?.snapshotClass;
  if (profileClass) {
    return sources.snapshotClasses.some((c) => c.metadata.name === profileClass)
      ? { name: profileClass }
      : undefined;
  }
  const matches = sources.snapshotClasses.filter((c) => c.driver === sc.provisioner);
  if (matches.length === 0) return undefined;
  if (matches.length === 1) return { name: matches[0].metadata.name ?? '' };
  const preferred = matches.find(
    (c) => c.metadata.annotations?.[ANNOTATIONS.defaultSnapshotClass] !== undefined,
  );
  return preferred
    ? { name: preferred.metadata.name ?? '' }
    : { error: `${matches.length} matching VolumeSnapshotClasses for ${storageClassName}` };
};

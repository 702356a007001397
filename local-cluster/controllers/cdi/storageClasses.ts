import { K8S_ANN } from './cdiNames';
import type { StorageClass, VolumeSnapshotClass } from './cdiTypes';

/**
 * The CSI drivers the local cluster simulates (the seeded classes). Claims of other provisioners
 * wait for an external provisioner that never comes, as they would on a cluster without that driver.
 */
export const SIMULATED_CSI_DRIVERS: ReadonlySet<string> = new Set([
  'local.csi.virt-console.dev',
  'shared.csi.virt-console.dev',
]);

/** Drivers whose volumes live on one node: their PVs carry node affinity and clones stay local. */
export const NODE_LOCAL_DRIVERS: ReadonlySet<string> = new Set(['local.csi.virt-console.dev']);

export const isWaitForFirstConsumer = (sc: StorageClass | undefined): boolean =>
  sc?.volumeBindingMode === 'WaitForFirstConsumer';

const byNewestThenName = (a: StorageClass, b: StorageClass): number => {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? 1 : -1;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
};

const annotatedDefault = (classes: StorageClass[], annotation: string): StorageClass | undefined =>
  classes.filter((c) => c.metadata.annotations?.[annotation] === 'true').sort(byNewestThenName)[0];

/**
 * The class a claim without `storageClassName` gets. Several defaults: the newest wins, then the
 * name, as Kubernetes decides. For virtual machine disks CDI prefers the default *virt* class.
 */
export const defaultStorageClass = (
  classes: StorageClass[],
  options: { forVirt?: boolean } = {},
): StorageClass | undefined =>
  (options.forVirt ? annotatedDefault(classes, K8S_ANN.defaultVirtClass) : undefined) ??
  annotatedDefault(classes, K8S_ANN.defaultClass);

/** The class a claim asks for: its own name, else (only when the name is absent) the default. */
export const resolveStorageClass = (
  classes: StorageClass[],
  name: string | null | undefined,
  options: { forVirt?: boolean } = {},
): StorageClass | undefined =>
  name === undefined || name === null
    ? defaultStorageClass(classes, options)
    : classes.find((c) => c.metadata.name === name);

/** The VolumeSnapshotClass for a driver: the one marked default, else the first by name. */
export const snapshotClassFor = (
  classes: VolumeSnapshotClass[],
  driver: string,
): VolumeSnapshotClass | undefined => {
  const matching = classes
    .filter((c) => c.driver === driver)
    .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  return (
    matching.find((c) => c.metadata.annotations?.[K8S_ANN.defaultSnapshotClass] === 'true') ??
    matching[0]
  );
};

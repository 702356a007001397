import type { V1Volume, V1VolumeSnapshotStatus } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { DataVolume, PersistentVolumeClaim, StorageClass, VirtualMachine } from './types';

/**
 * `status.volumeSnapshotStatuses`: per VM volume, whether a VirtualMachineSnapshot can snapshot
 * it — only PVC and DataVolume volumes whose StorageClass's CSI driver has a VolumeSnapshotClass —
 * with KubeVirt's reasons when not.
 */

export interface SnapshotLookups {
  pvc(name: string): PersistentVolumeClaim | undefined;
  dataVolume(name: string): DataVolume | undefined;
  storageClass(name: string): StorageClass | undefined;
  /** CSI drivers that have a VolumeSnapshotClass. */
  snapshotDrivers: ReadonlySet<string>;
}

const dvStorageClass = (spec: DataVolume['spec'] | undefined): string | undefined =>
  spec?.pvc?.storageClassName ?? spec?.storage?.storageClassName;

/** The storage class a volume's claim has or will have; an Error when nothing says. */
const storageClassOf = (
  vm: VirtualMachine,
  volume: V1Volume,
  l: SnapshotLookups,
): string | Error => {
  const claim = volume.dataVolume?.name ?? volume.persistentVolumeClaim?.claimName ?? '';
  const pvc = l.pvc(claim);
  if (pvc) return pvc.spec?.storageClassName ?? '';
  const template = vm.spec.dataVolumeTemplates?.find((t) => t.metadata?.name === claim);
  if (template) return dvStorageClass(template.spec as DataVolume['spec']) ?? '';
  const dv = l.dataVolume(claim);
  if (dv) return dvStorageClass(dv.spec) ?? '';
  return new Error('PVC not found');
};

export const volumeSnapshotStatuses = (
  vm: VirtualMachine,
  l: SnapshotLookups,
): V1VolumeSnapshotStatus[] =>
  (vm.spec.template.spec?.volumes ?? []).map((volume) => {
    const name = volume.name;
    if (!volume.dataVolume && !volume.persistentVolumeClaim)
      return {
        name,
        enabled: false,
        reason: `Snapshot is not supported for this volumeSource type [${name}]`,
      };
    const sc = storageClassOf(vm, volume, l);
    if (sc instanceof Error) return { name, enabled: false, reason: sc.message };
    const provisioner = sc ? l.storageClass(sc)?.provisioner : undefined;
    if (!provisioner || !l.snapshotDrivers.has(provisioner))
      return {
        name,
        enabled: false,
        reason: `No VolumeSnapshotClass: Volume snapshots are not configured for this StorageClass [${sc}] [${name}]`,
      };
    return { name, enabled: true };
  });

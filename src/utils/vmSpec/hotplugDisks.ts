import type { VirtualMachine, VirtualMachineInstance } from '../../models/types';
import type { Recipe } from '../vmPatch';
import { getDiskRows, type DiskRow } from './disks';
import type { VMDisk, VMVolume } from './types';
import { draftTemplateSpec } from './types';

/**
 * A row of the disks table. `persistent: false` marks a disk hot-plugged into the running
 * instance only (`virtctl addvolume` without `--persist`): it is gone after a restart unless it is
 * made persistent.
 */
export type StorageDiskRow = DiskRow & { persistent: boolean };

const isHotpluggable = (volume: VMVolume): boolean =>
  Boolean(volume.dataVolume?.hotpluggable || volume.persistentVolumeClaim?.hotpluggable);

/** The running instance's hot-plugged volumes (with their disks) the VM template lacks. */
export const vmiOnlyHotplugVolumes = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
): { volume: VMVolume; disk: VMDisk }[] => {
  const spec = vm.spec?.template?.spec;
  const inVM = new Set([
    ...(spec?.volumes ?? []).map((v) => v.name),
    ...(spec?.domain?.devices?.disks ?? []).map((d) => d.name),
  ]);
  const disks = vmi?.spec?.domain?.devices?.disks ?? [];
  return ((vmi?.spec?.volumes ?? []) as VMVolume[]).flatMap((volume) => {
    const disk = disks.find((d) => d.name === volume.name) as VMDisk | undefined;
    return disk && isHotpluggable(volume) && !inVM.has(volume.name) ? [{ volume, disk }] : [];
  });
};

type StorageRequest = {
  resources?: { requests?: { storage?: string } };
  storageClassName?: string;
};

/** A PersistentVolumeClaim as far as the disks table reads it. */
export type ClaimLike = {
  metadata?: { name?: string };
  spec?: StorageRequest;
  status?: { capacity?: { storage?: string } };
};

/** A DataVolume as far as the disks table reads it. */
export type DataVolumeSizeLike = {
  metadata?: { name?: string };
  spec?: { storage?: StorageRequest; pvc?: StorageRequest };
};

/** The PVCs and DataVolumes of the VM's namespace (as far as they are known). */
export type StorageObjects = { claims?: ClaimLike[]; dataVolumes?: DataVolumeSizeLike[] };

/**
 * Whether a row lacks a size or storage class a PVC or DataVolume could tell (a hot-plugged
 * volume, or a PVC / DataVolume not created by the VM's DataVolume templates).
 */
export const needsStorageObjects = (rows: DiskRow[]): boolean =>
  rows.some(
    (row) =>
      (row.sourceKind === 'pvc' || row.sourceKind === 'dataVolume') &&
      Boolean(row.source) &&
      (!row.size || !row.storageClass),
  );

/**
 * Fills a row's missing size and storage class from the claim or DataVolume it uses: the PVC's
 * capacity (what it really got) or else its request, else the DataVolume's request (a
 * DataVolume's PVC has the DataVolume's name). What the row already has wins; nothing found
 * leaves it unknown.
 */
export const withClaimSize = <R extends DiskRow>(row: R, objects: StorageObjects): R => {
  if ((row.sourceKind !== 'pvc' && row.sourceKind !== 'dataVolume') || !row.source) return row;
  const claim = (objects.claims ?? []).find((c) => c.metadata?.name === row.source);
  const dv =
    row.sourceKind === 'dataVolume'
      ? (objects.dataVolumes ?? []).find((d) => d.metadata?.name === row.source)
      : undefined;
  const dvRequest = dv?.spec?.storage ?? dv?.spec?.pvc;
  const size =
    row.size ||
    claim?.status?.capacity?.storage ||
    claim?.spec?.resources?.requests?.storage ||
    dvRequest?.resources?.requests?.storage ||
    undefined;
  const storageClass =
    row.storageClass || claim?.spec?.storageClassName || dvRequest?.storageClassName || undefined;
  return { ...row, size, storageClass };
};

/**
 * The disks table: the VM's disks (persistent), then the disks hot-plugged into the running
 * instance only (not persistent). Sizes and storage classes the VM's DataVolume templates do
 * not tell come from the PVCs and DataVolumes in `objects`.
 */
export const getStorageDiskRows = (
  vm: VirtualMachine,
  vmi?: VirtualMachineInstance,
  objects: StorageObjects = {},
): StorageDiskRow[] => getStorageDiskRowsOnly(vm, vmi).map((row) => withClaimSize(row, objects));

/** The disks table rows from the VM and its instance alone. */
export const getStorageDiskRowsOnly = (
  vm: VirtualMachine,
  vmi?: VirtualMachineInstance,
): StorageDiskRow[] => [
  ...getDiskRows(vm, vmi).map((row) => ({ ...row, persistent: true })),
  ...vmiOnlyHotplugVolumes(vm, vmi).map(({ volume, disk }): StorageDiskRow => ({
    name: volume.name,
    source: volume.dataVolume?.name ?? volume.persistentVolumeClaim?.claimName ?? '',
    sourceKind: volume.dataVolume ? 'dataVolume' : 'pvc',
    drive: disk.cdrom ? 'cdrom' : disk.lun ? 'lun' : 'disk',
    bus: disk.cdrom?.bus ?? disk.disk?.bus ?? disk.lun?.bus,
    bootOrder: disk.bootOrder,
    hotplug: true,
    pending: false,
    persistent: false,
  })),
];

/**
 * Makes a disk hot-plugged into the running instance persistent (as `virtctl addvolume --persist`
 * would have): copies its disk and volume from the instance into the VM template, the volume
 * source still `hotpluggable`. What the template already has is not added again.
 */
export const persistHotplugDisk =
  (vmi: VirtualMachineInstance, diskName: string): Recipe<VirtualMachine> =>
  (vm) => {
    const volume = ((vmi.spec?.volumes ?? []) as VMVolume[]).find((v) => v.name === diskName);
    const disk = (vmi.spec?.domain?.devices?.disks ?? []).find((d) => d.name === diskName) as
      VMDisk | undefined;
    if (!volume || !disk) return;
    const spec = draftTemplateSpec(vm as VirtualMachine);
    if (!(spec.volumes ?? []).some((v) => v.name === diskName)) {
      const copy: VMVolume = structuredClone(volume);
      if (copy.dataVolume) copy.dataVolume.hotpluggable = true;
      if (copy.persistentVolumeClaim) copy.persistentVolumeClaim.hotpluggable = true;
      spec.volumes = [...(spec.volumes ?? []), copy];
    }
    if (!(spec.domain.devices.disks ?? []).some((d) => d.name === diskName)) {
      spec.domain.devices.disks = [...(spec.domain.devices.disks ?? []), structuredClone(disk)];
    }
  };

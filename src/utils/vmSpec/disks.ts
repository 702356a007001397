import type { VirtualMachine, VirtualMachineInstance } from '../../models/types';
import type { Recipe } from '../vmPatch';
import { dataVolumeAnnotations, dataVolumeSource } from './diskSource';
import type { VMDataVolumeTemplate, VMDisk, VMVolume } from './types';
import { draftTemplateSpec, draftVMSpec, pruneEmpty } from './types';

/** Where a new disk's data comes from (Add disk dialog). */
export type DiskSourceKind = 'blank' | 'http' | 'registry' | 'pvcClone' | 'upload' | 'pvc';
export type DiskDrive = 'disk' | 'cdrom';
export type DiskBus = 'virtio' | 'sata' | 'scsi';

/** What the Add disk dialog collects. */
export type DiskForm = {
  name: string;
  source: DiskSourceKind;
  /** http(s) URL for `http`. */
  url?: string;
  /** `docker://` image for `registry` (the prefix is added when missing). */
  image?: string;
  /** PVC to clone (`pvcClone`) or to use (`pvc`). */
  pvcName?: string;
  /** Namespace of the PVC to clone (defaults to the VM's). */
  pvcNamespace?: string;
  /** Size in bytes of the image file to upload (`upload`). */
  uploadBytes?: number;
  /** Size quantity (all sources except `pvc`). */
  size?: string;
  drive: DiskDrive;
  bus: DiskBus;
  /** Storage class; the cluster default when empty. */
  storageClass?: string;
  /** Writes the whole volume up front (DataVolume `spec.preallocation`). */
  preallocation?: boolean;
  /** Volume mode; the storage profile's when unset. */
  volumeMode?: VolumeMode;
  /** Access mode; the storage profile's when unset. */
  accessMode?: AccessMode;
};

export type VolumeMode = 'Filesystem' | 'Block';
export type AccessMode = 'ReadWriteOnce' | 'ReadWriteMany' | 'ReadOnlyMany';

/** Name of the DataVolume a new disk of the VM gets. */
export const dataVolumeName = (vmName: string, diskName: string): string =>
  `${vmName}-${diskName}`.slice(0, 253);

/**
 * The DataVolume `spec` for a form (not for `pvc`, which uses the claim as it is). Volume and
 * access mode are left out unless chosen, so CDI takes them from the storage profile.
 */
export const dataVolumeSpec = (form: DiskForm, vmNamespace: string) => ({
  source: dataVolumeSource(form, vmNamespace),
  storage: {
    resources: { requests: { storage: (form.size ?? '').trim() } },
    ...(form.storageClass ? { storageClassName: form.storageClass } : {}),
    ...(form.volumeMode ? { volumeMode: form.volumeMode } : {}),
    ...(form.accessMode ? { accessModes: [form.accessMode] } : {}),
  },
  ...(form.preallocation ? { preallocation: true } : {}),
});

/** The disk device of a form (`disk` or `cdrom`, with its bus). */
export const diskDevice = (name: string, drive: DiskDrive, bus: DiskBus): VMDisk =>
  drive === 'cdrom' ? { name, cdrom: { bus } } : { name, disk: { bus } };

/**
 * Adds a disk to a (stopped) VM's spec: a DataVolume template + volume + disk, or for an existing
 * PVC a `persistentVolumeClaim` volume + disk.
 */
export const addDisk =
  (form: DiskForm): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    const vmName = vm.metadata?.name ?? '';
    let volume: VMVolume;
    if (form.source === 'pvc') {
      volume = { name: form.name, persistentVolumeClaim: { claimName: form.pvcName ?? '' } };
    } else {
      const dvName = dataVolumeName(vmName, form.name);
      const annotations = dataVolumeAnnotations(form);
      const template: VMDataVolumeTemplate = {
        metadata: { name: dvName, ...(annotations ? { annotations } : {}) },
        spec: dataVolumeSpec(form, vm.metadata?.namespace ?? ''),
      } as VMDataVolumeTemplate;
      const vmSpec = draftVMSpec(vm as VirtualMachine);
      vmSpec.dataVolumeTemplates = [...(vmSpec.dataVolumeTemplates ?? []), template];
      volume = { name: form.name, dataVolume: { name: dvName } };
    }
    spec.volumes = [...(spec.volumes ?? []), volume];
    spec.domain.devices.disks = [
      ...(spec.domain.devices.disks ?? []),
      diskDevice(form.name, form.drive, form.bus),
    ];
  };

/** The DataVolume to create before hot-plugging a new disk into a running VM. */
export const hotplugDataVolume = (vm: VirtualMachine, form: DiskForm) => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataVolume',
  metadata: {
    name: dataVolumeName(vm.metadata?.name ?? '', form.name),
    namespace: vm.metadata?.namespace,
    annotations: dataVolumeAnnotations(form),
  },
  spec: dataVolumeSpec(form, vm.metadata?.namespace ?? ''),
});

/**
 * The body of `addvolume` for a running VM: hot-plugged disks use the SCSI bus; the source is the
 * new DataVolume, or the existing PVC.
 */
export const hotplugAddVolumeOptions = (vm: VirtualMachine, form: DiskForm) => ({
  name: form.name,
  disk: { disk: { bus: 'scsi' as const } },
  volumeSource:
    form.source === 'pvc'
      ? { persistentVolumeClaim: { claimName: form.pvcName ?? '', hotpluggable: true } }
      : {
          dataVolume: {
            name: dataVolumeName(vm.metadata?.name ?? '', form.name),
            hotpluggable: true,
          },
        },
});

/** Removes a disk, its volume, and the DataVolume template the volume came from. */
export const removeDisk =
  (diskName: string): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    const volume = spec.volumes?.find((v) => v.name === diskName);
    spec.domain.devices.disks = (spec.domain.devices.disks ?? []).filter(
      (d) => d.name !== diskName,
    );
    spec.volumes = (spec.volumes ?? []).filter((v) => v.name !== diskName);
    const dvName = volume?.dataVolume?.name;
    if (dvName && vm.spec?.dataVolumeTemplates) {
      vm.spec.dataVolumeTemplates = vm.spec.dataVolumeTemplates.filter(
        (t) => t.metadata?.name !== dvName,
      );
      pruneEmpty(vm.spec, 'dataVolumeTemplates');
    }
    pruneEmpty(spec.domain.devices, 'disks');
    pruneEmpty(spec, 'volumes');
  };

/** Changes a disk's drive type and bus, keeping its other fields (boot order, serial...). */
export const editDisk =
  (diskName: string, drive: DiskDrive, bus: DiskBus): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    const disk = spec.domain.devices.disks?.find((d) => d.name === diskName);
    if (!disk) return;
    delete disk.disk;
    delete disk.cdrom;
    delete disk.lun;
    if (drive === 'cdrom') disk.cdrom = { bus };
    else disk.disk = { bus };
  };

/** Kinds that can be attached as a disk of environment data. */
export type EnvironmentKind = 'configMap' | 'secret' | 'serviceAccount';

/** A 6-character serial (lowercase letters and digits) from a random source. */
export const generateSerial = (random: () => number = Math.random): string => {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 6 }, () => chars[Math.floor(random() * chars.length)]).join('');
};

/** Attaches a ConfigMap, Secret or ServiceAccount as a disk with a serial. */
export const addEnvironmentDisk =
  (kind: EnvironmentKind, resourceName: string, serial: string): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    const prefix = kind === 'configMap' ? 'configmap' : kind === 'secret' ? 'secret' : 'sa';
    const name = `${prefix}-${resourceName}`.slice(0, 63).replace(/[^a-z0-9]+$/, '');
    const volume: VMVolume =
      kind === 'configMap'
        ? { name, configMap: { name: resourceName } }
        : kind === 'secret'
          ? { name, secret: { secretName: resourceName } }
          : { name, serviceAccount: { serviceAccountName: resourceName } };
    spec.volumes = [...(spec.volumes ?? []), volume];
    spec.domain.devices.disks = [
      ...(spec.domain.devices.disks ?? []),
      { name, serial, disk: { bus: 'virtio' } },
    ];
  };

/** One row of the disks table. */
export type DiskRow = {
  name: string;
  /** What the volume is (PVC / DataVolume name, image, "cloud-init", ...). */
  source: string;
  sourceKind:
    | 'dataVolume'
    | 'pvc'
    | 'containerDisk'
    | 'cloudInit'
    | 'configMap'
    | 'secret'
    | 'serviceAccount'
    | 'other';
  size?: string;
  drive: DiskDrive | 'lun';
  bus?: string;
  storageClass?: string;
  bootOrder?: number;
  hotplug: boolean;
  /** In the VM spec but not (yet) in the running instance. */
  pending: boolean;
};

const volumeSource = (volume: VMVolume | undefined): Pick<DiskRow, 'source' | 'sourceKind'> => {
  if (!volume) return { source: '', sourceKind: 'other' };
  if (volume.dataVolume) return { source: volume.dataVolume.name, sourceKind: 'dataVolume' };
  if (volume.persistentVolumeClaim)
    return { source: volume.persistentVolumeClaim.claimName, sourceKind: 'pvc' };
  if (volume.containerDisk)
    return { source: volume.containerDisk.image, sourceKind: 'containerDisk' };
  if (volume.cloudInitNoCloud || volume.cloudInitConfigDrive)
    return { source: 'cloud-init', sourceKind: 'cloudInit' };
  if (volume.configMap) return { source: volume.configMap.name ?? '', sourceKind: 'configMap' };
  if (volume.secret) return { source: volume.secret.secretName ?? '', sourceKind: 'secret' };
  if (volume.serviceAccount)
    return { source: volume.serviceAccount.serviceAccountName ?? '', sourceKind: 'serviceAccount' };
  return { source: '', sourceKind: 'other' };
};

/** The disks of the VM as the table shows them (size and storage class from its DataVolume templates). */
export const getDiskRows = (vm: VirtualMachine, vmi?: VirtualMachineInstance): DiskRow[] => {
  const spec = vm.spec?.template?.spec;
  const volumes = spec?.volumes ?? [];
  const templates = vm.spec?.dataVolumeTemplates ?? [];
  const running = new Set((vmi?.spec?.volumes ?? []).map((v) => v.name));
  return (spec?.domain?.devices?.disks ?? []).map((disk) => {
    const volume = volumes.find((v) => v.name === disk.name);
    const template = volume?.dataVolume
      ? templates.find((t) => t.metadata?.name === volume.dataVolume?.name)
      : undefined;
    const storage = (
      template?.spec as
        | {
            storage?: {
              resources?: { requests?: { storage?: string } };
              storageClassName?: string;
            };
          }
        | undefined
    )?.storage;
    const pvc = template?.spec?.pvc;
    return {
      name: disk.name,
      ...volumeSource(volume),
      size:
        storage?.resources?.requests?.storage ??
        (pvc?.resources?.requests?.storage as string | undefined),
      drive: disk.cdrom ? 'cdrom' : disk.lun ? 'lun' : 'disk',
      bus: disk.cdrom?.bus ?? disk.disk?.bus ?? disk.lun?.bus,
      storageClass: storage?.storageClassName ?? pvc?.storageClassName,
      bootOrder: disk.bootOrder,
      hotplug: Boolean(
        volume?.dataVolume?.hotpluggable || volume?.persistentVolumeClaim?.hotpluggable,
      ),
      pending: Boolean(vmi) && !running.has(disk.name),
    };
  });
};

/** Whether a disk name is already used by a disk or volume of the VM. */
export const isDiskNameTaken = (vm: VirtualMachine, name: string): boolean => {
  const spec = vm.spec?.template?.spec;
  return (
    (spec?.domain?.devices?.disks ?? []).some((d) => d.name === name) ||
    (spec?.volumes ?? []).some((v) => v.name === name)
  );
};

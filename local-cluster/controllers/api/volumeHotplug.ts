import type {
  V1AddVolumeOptions,
  V1Disk,
  V1RemoveVolumeOptions,
  V1Volume,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { subresourceBadRequest } from './subresourceErrors';

/**
 * Hotplug of disks (addvolume/removevolume), as KubeVirt validates and applies a volume request to
 * a VM template or a VMI spec. Pure: the handlers patch the results in.
 */
export type VolumeRequest =
  | { add: V1AddVolumeOptions; remove?: undefined }
  | { remove: V1RemoveVolumeOptions; add?: undefined };

/** The add options as virt-api stores them: the disk named after the volume, the source hotpluggable. */
export const normalizeAddOptions = (opts: V1AddVolumeOptions | undefined): V1AddVolumeOptions => {
  if (!opts) {
    throw subresourceBadRequest('Request with no body, a new name is expected as the request body');
  }
  if (!opts.name) throw subresourceBadRequest('AddVolumeOptions requires name to be set');
  if (!opts.disk) throw subresourceBadRequest('AddVolumeOptions requires disk to not be nil');
  if (!opts.volumeSource) {
    throw subresourceBadRequest('AddVolumeOptions requires VolumeSource to not be nil');
  }
  const source = opts.volumeSource;
  return {
    ...opts,
    disk: { ...opts.disk, name: opts.name },
    volumeSource: source.dataVolume
      ? { dataVolume: { ...source.dataVolume, hotpluggable: true } }
      : source.persistentVolumeClaim
        ? { persistentVolumeClaim: { ...source.persistentVolumeClaim, hotpluggable: true } }
        : source,
  };
};

export const validateRemoveOptions = (
  opts: V1RemoveVolumeOptions | undefined,
): V1RemoveVolumeOptions => {
  if (!opts) {
    throw subresourceBadRequest('Request with no body, a new name is expected as the request body');
  }
  if (!opts.name) throw subresourceBadRequest('RemoveVolumeOptions requires name to be set');
  return opts;
};

const sourceName = (v: Pick<V1Volume, 'dataVolume' | 'persistentVolumeClaim'>): string =>
  v.dataVolume?.name ?? v.persistentVolumeClaim?.claimName ?? '';

const hotpluggable = (v: V1Volume): boolean =>
  Boolean(v.dataVolume?.hotpluggable || v.persistentVolumeClaim?.hotpluggable);

const matchesVolume = (v: V1Volume, name: string): boolean =>
  v.name === name || (sourceName(v) !== '' && sourceName(v) === name);

/** KubeVirt's verifyVolumeOption: the message of the 409 to answer, or undefined. */
export const volumeRequestConflict = (
  volumes: V1Volume[],
  request: VolumeRequest,
): string | undefined => {
  if (request.add) {
    const wanted = sourceName(request.add.volumeSource);
    for (const v of volumes) {
      if (v.name === request.add.name) {
        return `Unable to add volume [${request.add.name}] because volume with that name already exists`;
      }
      if (wanted && sourceName(v) === wanted) {
        return `Unable to add volume source [${wanted}] because it already exists`;
      }
    }
    return undefined;
  }
  const target = volumes.find((v) => matchesVolume(v, request.remove.name));
  if (!target) return `Unable to remove volume [${request.remove.name}] because it does not exist`;
  if (!hotpluggable(target)) {
    return `Unable to remove volume [${target.name}] because it is not hotpluggable`;
  }
  return undefined;
};

export interface VolumesAndDisks {
  volumes: V1Volume[];
  disks: V1Disk[];
}

/** The volumes and disks after the request (KubeVirt's ApplyVolumeRequestOnVMISpec). */
export const applyVolumeRequest = (
  current: VolumesAndDisks,
  request: VolumeRequest,
): VolumesAndDisks => {
  if (request.add) {
    const { name, disk, volumeSource } = request.add;
    return {
      volumes: [...current.volumes, { name, ...volumeSource }],
      disks: [...current.disks, { ...disk, name }],
    };
  }
  const removed = current.volumes.find((v) => matchesVolume(v, request.remove.name));
  if (!removed) return current;
  return {
    volumes: current.volumes.filter((v) => v !== removed),
    disks: current.disks.filter((d) => d.name !== removed.name),
  };
};

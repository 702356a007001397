import { dump, load } from 'js-yaml';
import type { VirtualMachine } from '../../models/types';
import type { Recipe } from '../vmPatch';
import type { VMVolume } from './types';
import { draftTemplateSpec } from './types';

export type CloudInitData = {
  /** The volume's name (`cloudinitdisk` by convention). */
  volumeName?: string;
  kind: 'noCloud' | 'configDrive';
  userData: string;
  networkData: string;
};

const cloudInitVolume = (vm: VirtualMachine): VMVolume | undefined =>
  vm.spec?.template?.spec?.volumes?.find((v) => v.cloudInitNoCloud || v.cloudInitConfigDrive);

export const getCloudInit = (vm: VirtualMachine): CloudInitData | undefined => {
  const volume = cloudInitVolume(vm);
  if (!volume) return undefined;
  const source = volume.cloudInitNoCloud ?? volume.cloudInitConfigDrive;
  return {
    volumeName: volume.name,
    kind: volume.cloudInitNoCloud ? 'noCloud' : 'configDrive',
    userData: source?.userData ?? '',
    networkData: source?.networkData ?? '',
  };
};

/**
 * Sets the cloud-init user and network data on the existing cloud-init volume, or adds a
 * `cloudinitdisk` NoCloud volume and disk.
 */
export const setCloudInit =
  (userData: string, networkData: string): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    const volume = spec.volumes?.find((v) => v.cloudInitNoCloud || v.cloudInitConfigDrive);
    const source = { userData, ...(networkData.trim() ? { networkData } : {}) };
    if (volume) {
      if (volume.cloudInitConfigDrive) volume.cloudInitConfigDrive = source;
      else volume.cloudInitNoCloud = source;
      return;
    }
    spec.volumes = [...(spec.volumes ?? []), { name: 'cloudinitdisk', cloudInitNoCloud: source }];
    if (!(spec.domain.devices.disks ?? []).some((d) => d.name === 'cloudinitdisk')) {
      spec.domain.devices.disks = [
        ...(spec.domain.devices.disks ?? []),
        { name: 'cloudinitdisk', disk: { bus: 'virtio' } },
      ];
    }
  };

/** User and password of `#cloud-config` user data (the simple form). */
export const getUserPassword = (userData: string): { user: string; password: string } => {
  try {
    const doc = load(userData) as Record<string, unknown> | null;
    return {
      user: typeof doc?.user === 'string' ? doc.user : '',
      password: typeof doc?.password === 'string' ? doc.password : '',
    };
  } catch {
    return { user: '', password: '' };
  }
};

/**
 * `#cloud-config` user data with `user` and `password` set (and passwords not expiring), other
 * keys kept; a new document when there is none or it is not a cloud-config mapping.
 */
export const withUserPassword = (userData: string, user: string, password: string): string => {
  let doc: Record<string, unknown> = {};
  if (userData.trimStart().startsWith('#cloud-config')) {
    try {
      const parsed = load(userData);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        doc = parsed as Record<string, unknown>;
    } catch {
      doc = {};
    }
  }
  const next: Record<string, unknown> = { ...doc, user };
  if (password) {
    next.password = password;
    next.chpasswd = { ...((doc.chpasswd as object) ?? {}), expire: false };
  } else delete next.password;
  return `#cloud-config\n${dump(next, { lineWidth: -1 })}`;
};

export type SysprepSource = { kind: 'configMap' | 'secret'; name: string };

export const getSysprep = (vm: VirtualMachine): SysprepSource | undefined => {
  const sysprep = vm.spec?.template?.spec?.volumes?.find((v) => v.sysprep)?.sysprep;
  if (sysprep?.configMap?.name) return { kind: 'configMap', name: sysprep.configMap.name };
  if (sysprep?.secret?.name) return { kind: 'secret', name: sysprep.secret.name };
  return undefined;
};

/** Sets (or with undefined removes) the sysprep volume and its CD-ROM. */
export const setSysprep =
  (source: SysprepSource | undefined): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    const existing = spec.volumes?.find((v) => v.sysprep);
    const name = existing?.name ?? 'sysprep';
    spec.volumes = (spec.volumes ?? []).filter((v) => !v.sysprep);
    spec.domain.devices.disks = (spec.domain.devices.disks ?? []).filter((d) => d.name !== name);
    if (!source) return;
    spec.volumes.push({
      name,
      sysprep:
        source.kind === 'configMap'
          ? { configMap: { name: source.name } }
          : { secret: { name: source.name } },
    });
    spec.domain.devices.disks.push({ name, cdrom: { bus: 'sata' } });
  };

/** A sysprep ConfigMap with the answer file under its expected key. */
export const sysprepConfigMap = (
  namespace: string,
  name: string,
  file: 'Autounattend.xml' | 'Unattend.xml',
  content: string,
) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data: { [file]: content },
});

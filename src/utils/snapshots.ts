import type { V1Volume } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { VirtualMachineRestoreModel, VirtualMachineSnapshotModel } from '../models/snapshot';
import type {
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineRestore,
  VirtualMachineSnapshot,
} from '../models/types';

/** Longest Kubernetes object name (DNS-1123 subdomain). */
const MAX_NAME = 253;

/** `prefix` cut so that `prefix + suffix` fits a name, without a trailing `-` or `.`. */
export const fitName = (prefix: string, suffix: string, max = MAX_NAME): string =>
  `${prefix.slice(0, Math.max(0, max - suffix.length)).replace(/[-.]+$/, '')}${suffix}`;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `yyyymmddhhmmss` of a time, in UTC (the cluster's clock, not the browser's zone). */
export const compactTimestamp = (date: Date): string =>
  `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
  `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;

/** The name the Take snapshot dialog proposes: `<vm>-snapshot-<yyyymmddhhmmss>`. */
export const defaultSnapshotName = (vmName: string, now: Date): string =>
  fitName(vmName, `-snapshot-${compactTimestamp(now)}`);

/** A short random suffix of lowercase letters and digits, as Kubernetes' generateName uses. */
export const randomSuffix = (random: () => number = Math.random, length = 5): string => {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
};

// ---- which volumes a snapshot backs up ---------------------------------------------------------

/** Why a volume cannot be part of a snapshot. */
export type SnapshotExclusion =
  /** Not a DataVolume or PVC (container disk, cloud-init, ConfigMap, empty disk, ...). */
  | 'unsupported-source'
  /** A DataVolume or PVC whose storage cannot take volume snapshots (KubeVirt says why). */
  | 'not-snapshottable'
  /** Hot-plugged into the running instance only; the VM's spec does not have it. */
  | 'hotplug-not-in-spec';

/** One volume of the VM as a snapshot sees it. */
export type SnapshotVolume = {
  /** The volume name in the VM spec (or the VMI, for hot-plugged volumes). */
  name: string;
  /** Its source kind, as the API names it (`DataVolume`, `PersistentVolumeClaim`, `containerDisk`...). */
  source: string;
  included: boolean;
  /** Set when not included. */
  exclusion?: SnapshotExclusion;
  /** KubeVirt's own reason (`status.volumeSnapshotStatuses[].reason`), when it gave one. */
  detail?: string;
};

const SOURCE_NAMES: Record<string, string> = {
  dataVolume: 'DataVolume',
  persistentVolumeClaim: 'PersistentVolumeClaim',
  cloudInitNoCloud: 'cloud-init (NoCloud)',
  cloudInitConfigDrive: 'cloud-init (ConfigDrive)',
  configMap: 'ConfigMap',
  secret: 'Secret',
  serviceAccount: 'ServiceAccount',
};

/** The source kind of a volume: its one source key, with the kind names the console uses. */
export const volumeSourceName = (volume: V1Volume): string => {
  const key = Object.keys(volume).find((k) => k !== 'name') ?? '';
  return SOURCE_NAMES[key] ?? key;
};

/**
 * The VM's volumes and whether a VirtualMachineSnapshot backs each up, as KubeVirt decides:
 * only DataVolume and PVC volumes, and only when `status.volumeSnapshotStatuses` does not say
 * their storage cannot snapshot; volumes hot-plugged into the running instance but absent from
 * the VM's spec are left out too (an online snapshot copies the spec).
 */
export const getSnapshotVolumes = (
  vm: VirtualMachine,
  vmi?: VirtualMachineInstance,
): SnapshotVolume[] => {
  const volumes = vm.spec?.template?.spec?.volumes ?? [];
  const statuses = vm.status?.volumeSnapshotStatuses ?? [];
  const fromSpec = volumes.map((volume): SnapshotVolume => {
    const source = volumeSourceName(volume);
    if (!volume.dataVolume && !volume.persistentVolumeClaim)
      return { name: volume.name, source, included: false, exclusion: 'unsupported-source' };
    const status = statuses.find((s) => s.name === volume.name);
    if (status && !status.enabled)
      return {
        name: volume.name,
        source,
        included: false,
        exclusion: 'not-snapshottable',
        ...(status.reason ? { detail: status.reason } : {}),
      };
    return { name: volume.name, source, included: true };
  });
  const inSpec = new Set(volumes.map((v) => v.name));
  const hotplugged = (vmi?.status?.volumeStatus ?? [])
    .filter((s) => s.hotplugVolume && !inSpec.has(s.name))
    .map((s): SnapshotVolume => {
      const volume = vmi?.spec?.volumes?.find((v) => v.name === s.name);
      return {
        name: s.name,
        source: volume ? volumeSourceName(volume) : 'PersistentVolumeClaim',
        included: false,
        exclusion: 'hotplug-not-in-spec',
      };
    });
  return [...fromSpec, ...hotplugged];
};

// ---- builders -----------------------------------------------------------------------------------

const apiVersionOf = (model: { apiGroup?: string; apiVersion: string }): string =>
  `${model.apiGroup}/${model.apiVersion}`;

/** The VirtualMachineSnapshot the Take snapshot dialog creates. */
export const buildVMSnapshot = ({
  vm,
  name,
  description,
}: {
  vm: VirtualMachine;
  name: string;
  description?: string;
}): VirtualMachineSnapshot => ({
  apiVersion: apiVersionOf(VirtualMachineSnapshotModel),
  kind: VirtualMachineSnapshotModel.kind,
  metadata: {
    name,
    namespace: vm.metadata?.namespace,
    ...(description?.trim() ? { annotations: { description: description.trim() } } : {}),
  },
  spec: {
    source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vm.metadata?.name ?? '' },
  },
});

/** The VirtualMachineRestore that puts a snapshot back onto its VM. */
export const buildVMRestore = ({
  namespace,
  vmName,
  snapshotName,
  suffix,
}: {
  namespace: string;
  vmName: string;
  snapshotName: string;
  /** Makes the restore's name unique (`<snapshot>-restore-<suffix>`). */
  suffix: string;
}): VirtualMachineRestore => ({
  apiVersion: apiVersionOf(VirtualMachineRestoreModel),
  kind: VirtualMachineRestoreModel.kind,
  metadata: { name: fitName(snapshotName, `-restore-${suffix}`), namespace },
  spec: {
    target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vmName },
    virtualMachineSnapshotName: snapshotName,
  },
});

// ---- reading snapshots and restores ------------------------------------------------------------

/** Whether the snapshot's source is the VM of that name. */
export const isSnapshotOf = (snapshot: VirtualMachineSnapshot, vmName: string): boolean =>
  snapshot.spec?.source?.kind === 'VirtualMachine' && snapshot.spec.source.name === vmName;

/** Whether the restore's target is the VM of that name. */
export const isRestoreOf = (restore: VirtualMachineRestore, vmName: string): boolean =>
  restore.spec?.target?.kind === 'VirtualMachine' && restore.spec.target.name === vmName;

/** The snapshot phases KubeVirt sets, in the order the status filter lists them. */
export const SNAPSHOT_PHASES = ['InProgress', 'Succeeded', 'Failed', 'Deleting', 'Unknown'];

/** What the table shows of a snapshot. */
export type SnapshotState = {
  /** `status.phase` as the API spells it; `InProgress` until the controller writes one. */
  phase: string;
  readyToUse: boolean;
  /** `status.indications`: Online, GuestAgent, NoGuestAgent, Paused. */
  indications: string[];
  /** The failure or the reason it does not progress, when KubeVirt gives one. */
  message?: string;
};

export const getSnapshotState = (snapshot: VirtualMachineSnapshot): SnapshotState => {
  const status = snapshot.status;
  const progressing = status?.conditions?.find((c) => c.type === 'Progressing');
  const message =
    status?.error?.message ??
    (progressing?.status === 'False' && status?.phase !== 'Succeeded'
      ? progressing.reason
      : undefined);
  return {
    phase: status?.phase || 'InProgress',
    readyToUse: !!status?.readyToUse,
    indications: status?.indications ?? [],
    ...(message ? { message } : {}),
  };
};

/** What the table shows of a restore. */
export type RestoreState = {
  complete: boolean;
  /** When it completed (`status.restoreTime`). */
  restoreTime?: string;
  /** While incomplete: why it waits or what failed (its conditions' reason). */
  message?: string;
};

export const getRestoreState = (restore: VirtualMachineRestore): RestoreState => {
  const status = restore.status;
  if (status?.complete)
    return { complete: true, ...(status.restoreTime ? { restoreTime: status.restoreTime } : {}) };
  const waiting = status?.conditions?.find(
    (c) => (c.type === 'Ready' || c.type === 'Progressing') && c.status === 'False' && c.reason,
  );
  return { complete: false, ...(waiting?.reason ? { message: waiting.reason } : {}) };
};

const timeOf = (restore: VirtualMachineRestore): number =>
  Date.parse(restore.status?.restoreTime ?? restore.metadata?.creationTimestamp ?? '') || 0;

/** The newest restore of each snapshot, among the restores of one VM. */
export const latestRestores = (
  restores: VirtualMachineRestore[],
): Map<string, VirtualMachineRestore> => {
  const latest = new Map<string, VirtualMachineRestore>();
  for (const restore of restores) {
    const snapshot = restore.spec?.virtualMachineSnapshotName;
    if (!snapshot) continue;
    const current = latest.get(snapshot);
    if (!current || timeOf(restore) >= timeOf(current)) latest.set(snapshot, restore);
  }
  return latest;
};

/** Why a snapshot cannot be restored now. */
export type RestoreBlock = 'vm-not-stopped' | 'snapshot-not-ready' | 'restore-in-progress';

/**
 * Whether the snapshot can be restored onto its VM: the VM must be stopped (no instance, status
 * Stopped), no other restore in progress, and the snapshot ready to use.
 */
export const getRestoreBlock = (
  vm: VirtualMachine,
  snapshot: VirtualMachineSnapshot,
  vmi?: VirtualMachineInstance,
): RestoreBlock | undefined => {
  if (!snapshot.status?.readyToUse) return 'snapshot-not-ready';
  if (vmi || (vm.status?.printableStatus ?? 'Stopped') !== 'Stopped') return 'vm-not-stopped';
  if (vm.status?.restoreInProgress) return 'restore-in-progress';
  return undefined;
};

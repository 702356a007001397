import type { V1Volume } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { ObjectMeta } from '../../apiserver/core/types';
import { findCondition } from '../runtime/conditions';
import { volumeSnapshotName } from './snapshotNames';
import type {
  DataVolume,
  Pod,
  Pvc,
  PvcRecord,
  VirtualMachine,
  Vmi,
  VolumeBackup,
} from './snapshotTypes';

/** What decides a VM snapshot, kept pure: which volumes, whether the VM can be locked, the
 * indications of an online snapshot. */

export interface VolumeClaim {
  volumeName: string;
  claimName: string;
}

/** The PVC behind a VM volume (DataVolume volumes use the PVC of the same name). */
export const claimNameOf = (volume: V1Volume): string | undefined =>
  volume.dataVolume?.name ?? volume.persistentVolumeClaim?.claimName;

export const vmVolumes = (vm: { spec?: VirtualMachine['spec'] }): V1Volume[] =>
  vm.spec?.template.spec?.volumes ?? [];

export const vmVolumeClaims = (vm: { spec?: VirtualMachine['spec'] }): VolumeClaim[] =>
  vmVolumes(vm).flatMap((v) => {
    const claimName = claimNameOf(v);
    return claimName ? [{ volumeName: v.name, claimName }] : [];
  });

/** CDI's IsPopulated: a PVC a DataVolume owns is populated once the DataVolume succeeded. */
export const isPvcPopulated = (pvc: Pvc, dataVolumes: readonly DataVolume[]): boolean => {
  const owner = pvc.metadata.ownerReferences?.find((o) => o.kind === 'DataVolume');
  if (!owner) return true;
  const dv = dataVolumes.find(
    (d) => d.metadata.name === owner.name && d.metadata.namespace === pvc.metadata.namespace,
  );
  return dv?.status?.phase === 'Succeeded';
};

export interface SourceState {
  online: boolean;
  paused: boolean;
  guestAgent: boolean;
  frozen: boolean;
  locked: boolean;
}

export const sourceStateOf = (
  vm: VirtualMachine,
  vmi: Vmi | undefined,
  snapshotName: string,
  sourceFinalizer: string,
): SourceState => ({
  online: !!vmi,
  paused: !!vmi && findCondition(vmi.status?.conditions, 'Paused')?.status === 'True',
  guestAgent: !!vmi && !!findCondition(vmi.status?.conditions, 'AgentConnected'),
  frozen: vmi?.status?.fsFreezeStatus === 'frozen',
  locked:
    vm.status?.snapshotInProgress === snapshotName &&
    (vm.metadata.finalizers ?? []).includes(sourceFinalizer),
});

/**
 * Why the VM cannot be locked for this snapshot now (appended to "Source not locked"), as
 * KubeVirt's vmSnapshotSource.Lock: every claim must exist, be Bound, populated and not being
 * deleted; an offline VM's claims must not be used by any pod; no other snapshot in progress.
 */
export const lockBlocker = (input: {
  vm: VirtualMachine;
  snapshotName: string;
  online: boolean;
  claims: readonly VolumeClaim[];
  pvcs: readonly Pvc[];
  dataVolumes: readonly DataVolume[];
  pods: readonly Pod[];
}): string | undefined => {
  const { vm } = input;
  const source = `source ${vm.metadata.namespace ?? ''}/${vm.metadata.name ?? ''}`;
  const names = [...new Set(input.claims.map((c) => c.claimName))];
  for (const name of names) {
    const pvc = input.pvcs.find((p) => p.metadata.name === name);
    if (!pvc) return `${source} volume doesnt exist: ${name}`;
    if (pvc.metadata.deletionTimestamp) return `${source} volume is being deleted: ${name}`;
    if (pvc.status?.phase !== 'Bound') return `${source} volume not bound: ${name}`;
    if (!isPvcPopulated(pvc, input.dataVolumes)) return `${source} volume not populated: ${name}`;
  }
  if (!input.online) {
    const users = input.pods.filter(
      (p) =>
        p.status?.phase !== 'Succeeded' &&
        p.status?.phase !== 'Failed' &&
        (p.spec.volumes ?? []).some(
          (v) => v.persistentVolumeClaim && names.includes(v.persistentVolumeClaim.claimName),
        ),
    );
    if (users.length) {
      return `source is offline but ${users.length} pods using PVCs [${names.join(' ')}]`;
    }
  }
  const other = vm.status?.snapshotInProgress;
  if (other && other !== input.snapshotName) return `snapshot "${other}" in progress`;
  return undefined;
};

/** Object metadata as KubeVirt records it in a snapshot (no managed fields). */
export const simplifiedMeta = (meta: ObjectMeta): ObjectMeta => {
  const { managedFields: _managedFields, ...rest } = meta;
  return rest;
};

/**
 * The volume backups of a snapshot: every claim whose PVC is Bound and whose storage class has a
 * VolumeSnapshotClass. Others are left out (they show as excluded volumes).
 */
export const volumeBackupsFor = (
  snapshotUid: string,
  claims: readonly VolumeClaim[],
  pvcs: readonly Pvc[],
  hasSnapshotClass: (storageClassName: string | undefined) => boolean,
): VolumeBackup[] =>
  claims.flatMap(({ volumeName, claimName }) => {
    const pvc = pvcs.find((p) => p.metadata.name === claimName);
    if (!pvc || pvc.status?.phase !== 'Bound' || !pvc.spec.storageClassName) return [];
    if (!hasSnapshotClass(pvc.spec.storageClassName)) return [];
    const record: PvcRecord = { metadata: simplifiedMeta(pvc.metadata), spec: { ...pvc.spec } };
    return [
      {
        volumeName,
        persistentVolumeClaim: record,
        volumeSnapshotName: volumeSnapshotName(snapshotUid, volumeName),
      },
    ];
  });

/** Included (backed up) and excluded volumes of the snapshotted VM, in spec order. */
export const snapshotVolumeLists = (
  volumes: readonly V1Volume[],
  backups: readonly VolumeBackup[],
): { includedVolumes: string[]; excludedVolumes: string[] } => {
  const included = new Set(backups.map((b) => b.volumeName));
  return {
    includedVolumes: volumes.filter((v) => included.has(v.name)).map((v) => v.name),
    excludedVolumes: volumes.filter((v) => !included.has(v.name)).map((v) => v.name),
  };
};

const INDICATION_MESSAGES: Record<string, string> = {
  Online: 'Snapshot taken while the VM was running. Consistency depends on guest-agent quiescing.',
  GuestAgent:
    'Guest agent was active and attempted to quiesce the filesystem for application consistency.',
  NoGuestAgent:
    'Guest agent was not available. Snapshot is crash-consistent and may not be application-consistent.',
  Paused:
    'Snapshot taken while the VM was paused. Snapshot is crash-consistent and may not be application-consistent.',
  PartialSnapshot:
    'Not all snapshotable volumes were included in the snapshot. Check status.snapshotVolumes for excluded volumes and VM VolumeSnapshotStatus for details.',
};

export interface Indications {
  indications: string[];
  sourceIndications: { indication: string; message: string }[];
}

/** KubeVirt's snapshot indications: Online, then Paused, GuestAgent or NoGuestAgent; none for an
 * offline snapshot. Sorted as KubeVirt's set listing sorts them. */
export const indicationsFor = (
  source: Pick<SourceState, 'online' | 'paused' | 'guestAgent'>,
): Indications => {
  if (!source.online) return { indications: [], sourceIndications: [] };
  const list = [
    'Online',
    source.paused ? 'Paused' : source.guestAgent ? 'GuestAgent' : 'NoGuestAgent',
  ].sort();
  return {
    indications: list,
    sourceIndications: list.map((indication) => ({
      indication,
      message: INDICATION_MESSAGES[indication],
    })),
  };
};

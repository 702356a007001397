import type { VmSnapshotContent, VolumeSnapshot, VolumeSnapshotStatusEntry } from './snapshotTypes';

export const volumeSnapshotStatusEntry = (vs: VolumeSnapshot): VolumeSnapshotStatusEntry => ({
  volumeSnapshotName: vs.metadata.name ?? '',
  ...(vs.status?.readyToUse !== undefined ? { readyToUse: vs.status.readyToUse } : {}),
  ...(vs.status?.creationTime ? { creationTime: vs.status.creationTime } : {}),
  ...(vs.status?.error ? { error: vs.status.error } : {}),
});

/**
 * A VirtualMachineSnapshotContent's status from its VolumeSnapshots, as KubeVirt computes it:
 * created once every VolumeSnapshot has a creation time (the moment the guest is thawed), ready
 * once all are ready to use; missing or skipped snapshots are errors.
 */
export const computeContentStatus = (input: {
  content: VmSnapshotContent;
  entries: VolumeSnapshotStatusEntry[];
  missing: string[];
  skipped: string[];
  now: string;
}): { status: NonNullable<VmSnapshotContent['status']>; justCreated: boolean } => {
  const old = input.content.status ?? {};
  let created = true;
  let ready = true;
  let errorMessage = '';
  if (input.missing.length) {
    created = ready = false;
    errorMessage = `VolumeSnapshots (${input.missing.join(',')}) missing`;
  } else if (input.skipped.length) {
    created = ready = false;
    errorMessage = `VolumeSnapshots (${input.skipped.join(',')}) skipped because vm snapshot is deleted`;
  } else {
    for (const e of input.entries) {
      if (!e.creationTime) created = false;
      if (!e.readyToUse) ready = false;
      if (e.error?.message) {
        errorMessage = `VolumeSnapshot ${e.volumeSnapshotName} error: ${e.error.message}`;
        break;
      }
    }
  }
  const status: NonNullable<VmSnapshotContent['status']> = {
    ...old,
    readyToUse: ready,
    volumeSnapshotStatus: input.entries,
  };
  const justCreated = created && !old.creationTime;
  if (justCreated) status.creationTime = input.now;
  if (errorMessage && !ready) {
    if (old.error?.message !== errorMessage) {
      status.error = { message: errorMessage, time: input.now };
    }
  } else if (!errorMessage) {
    status.error = null;
  }
  return { status, justCreated };
};

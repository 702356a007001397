import { condition, updateCondition } from './snapshotConditions';
import type { Indications, SourceState } from './snapshotPlan';
import { indicationsFor } from './snapshotPlan';
import type { VmSnapshot, VmSnapshotContent } from './snapshotTypes';

export const DEFAULT_FAILURE_DEADLINE_MS = 5 * 60_000;

export type SnapshotSource = SourceState & { uid: string; lockMessage: string };

/** Milliseconds left before the snapshot's failure deadline; Infinity when it has none (0). */
export const timeUntilDeadline = (
  snapshot: VmSnapshot,
  deadlineMs: number,
  nowMs: number,
): number => {
  if (deadlineMs === 0) return Infinity;
  const created = Date.parse(snapshot.metadata.creationTimestamp ?? '');
  return (Number.isNaN(created) ? nowMs : created) + deadlineMs - nowMs;
};

const progressing = (s: VmSnapshot): boolean =>
  s.status?.phase !== 'Failed' && s.status?.phase !== 'Succeeded';

export const snapshotDeadlineExceeded = (
  snapshot: VmSnapshot,
  deadlineMs: number,
  nowMs: number,
): boolean => {
  if (snapshot.status?.phase === 'Failed') return true;
  if (!progressing(snapshot)) return false;
  return timeUntilDeadline(snapshot, deadlineMs, nowMs) < 0;
};

/** KubeVirt inserts into the existing indication set while the snapshot is in progress. */
const mergeIndications = (
  old: VmSnapshot['status'],
  next: Indications,
): Pick<NonNullable<VmSnapshot['status']>, 'indications' | 'sourceIndications'> => {
  if (!next.indications.length) return { indications: null, sourceIndications: null };
  const messages = new Map<string, string>();
  for (const s of old?.sourceIndications ?? []) messages.set(s.indication ?? '', s.message ?? '');
  for (const s of next.sourceIndications) messages.set(s.indication, s.message);
  const all = [...new Set([...(old?.indications ?? []), ...next.indications])].sort();
  return {
    indications: all,
    sourceIndications: all.map((indication) => ({
      indication,
      message: messages.get(indication) ?? '',
    })),
  };
};

/**
 * A VirtualMachineSnapshot's status as KubeVirt's updateSnapshotStatus computes it: content
 * figures copied over; Failed past the deadline; Succeeded once the content has a creation time;
 * InProgress otherwise, with Progressing telling whether the source is locked, and the
 * indications of an online snapshot.
 */
export const computeSnapshotStatus = (input: {
  snapshot: VmSnapshot;
  content: VmSnapshotContent | undefined;
  source: SnapshotSource | undefined;
  volumeLists?: { includedVolumes: string[]; excludedVolumes: string[] };
  deadlineMs: number;
  nowMs: number;
  now: string;
}): NonNullable<VmSnapshot['status']> => {
  const { snapshot, content, source, now } = input;
  const status: NonNullable<VmSnapshot['status']> = { readyToUse: false, ...snapshot.status };
  if (source) status.sourceUID = source.uid;
  if (content?.status) {
    status.virtualMachineSnapshotContentName = content.metadata.name;
    status.creationTime = content.status.creationTime ?? null;
    status.readyToUse = content.status.readyToUse ?? false;
    status.error = content.status.error ?? null;
  }
  let conditions = status.conditions;
  const set = (c: ReturnType<typeof condition>): void => {
    conditions = updateCondition(conditions, c, now);
  };
  if (snapshotDeadlineExceeded({ ...snapshot, status }, input.deadlineMs, input.nowMs)) {
    status.phase = 'Failed';
    set(condition('Failure', true, 'snapshot deadline exceeded'));
    set(condition('Progressing', false, 'Operation failed'));
  } else if (status.phase === 'Succeeded' || status.creationTime) {
    status.phase = 'Succeeded';
    set(condition('Progressing', false, 'Operation complete'));
    if (input.volumeLists) status.snapshotVolumes = input.volumeLists;
  } else {
    status.phase = 'InProgress';
    if (source) {
      set(condition('Progressing', source.locked, source.lockMessage));
      Object.assign(status, mergeIndications(snapshot.status, indicationsFor(source)));
    } else {
      set(condition('Progressing', false, 'Source does not exist'));
    }
    if (snapshot.metadata.deletionTimestamp) {
      status.phase = 'Deleting';
      set(condition('Progressing', false, 'VM snapshot is deleting'));
    }
  }
  set(
    status.readyToUse ? condition('Ready', true, 'Ready') : condition('Ready', false, 'Not ready'),
  );
  if (status.error) set(condition('Progressing', false, 'In error state'));
  status.conditions = conditions;
  return status;
};

import type { VirtualMachineSnapshot } from '../models/types';
import { isSnapshotOf } from './snapshots';

/** What the Overview's Snapshots card shows: how many the VM has and the newest few. */
export type SnapshotSummary = {
  count: number;
  /** Newest first (by creation time, then name), at most `limit`. */
  latest: VirtualMachineSnapshot[];
};

const created = (s: VirtualMachineSnapshot): number =>
  Date.parse(s.metadata?.creationTimestamp ?? '') || 0;

/** The VM's snapshots (source = this VirtualMachine) counted, and the newest `limit` of them. */
export const summarizeSnapshots = (
  snapshots: VirtualMachineSnapshot[] | undefined,
  vmName: string,
  limit = 3,
): SnapshotSummary => {
  const mine = (snapshots ?? []).filter((s) => isSnapshotOf(s, vmName));
  const sorted = [...mine].sort(
    (a, b) =>
      created(b) - created(a) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  );
  return { count: mine.length, latest: sorted.slice(0, Math.max(0, limit)) };
};

import type { VMBulkActionId } from '../vmActionRules';
import { canRunVMAction } from '../vmActionRules';
import type { VMEntry, VMListEntry } from './entries';

/** Whether the VM's instance reports a live migration that has not completed. */
export const isEntryMigrating = (entry: VMListEntry): boolean => {
  const state = entry.vmi?.status?.migrationState;
  return !!state && !state.completed && !state.failed;
};

/** The rows bulk selection can pick: VMs only (bulk actions are VM subresources). */
export const selectableEntries = (entries: readonly VMListEntry[]): VMEntry[] =>
  entries.filter((e): e is VMEntry => !e.standalone);

/** Which selected VMs a bulk action applies to, by the same rules as each VM's own menu. */
export const planBulkAction = (
  entries: readonly VMListEntry[],
  action: VMBulkActionId,
): { apply: VMEntry[]; skip: VMListEntry[] } => {
  const apply: VMEntry[] = [];
  const skip: VMListEntry[] = [];
  for (const entry of entries) {
    // Bulk actions are VM subresources; a standalone VMI has no VM to act on.
    if (entry.standalone) skip.push(entry);
    else if (
      canRunVMAction({ vm: entry.vm, vmi: entry.vmi, migrating: isEntryMigrating(entry) }, action)
    )
      apply.push(entry);
    else skip.push(entry);
  }
  return { apply, skip };
};

/** The outcome of a bulk action for one VM. */
export type BulkResult = { entry: VMListEntry; error?: unknown };

/** Runs the request for every VM at once and reports each VM's outcome, failures included. */
export const runBulkAction = async <E extends VMListEntry>(
  entries: readonly E[],
  request: (entry: E) => Promise<unknown>,
): Promise<BulkResult[]> => {
  const settled = await Promise.allSettled(entries.map((entry) => request(entry)));
  return settled.map((result, i) =>
    result.status === 'fulfilled'
      ? { entry: entries[i] }
      : { entry: entries[i], error: result.reason },
  );
};

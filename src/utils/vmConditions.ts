import type { VirtualMachine, VirtualMachineInstance } from '../models/types';

/** Which object a condition belongs to. */
export type ConditionCategory = 'VM' | 'VMI';

/** One row of the Diagnostics tab's status conditions table. */
export type ConditionRow = {
  category: ConditionCategory;
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
};

type RawCondition = {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string | null;
};

const toRows = (category: ConditionCategory, conditions: RawCondition[] = []): ConditionRow[] =>
  conditions
    .filter((c) => !!c.type)
    .map((c) => ({
      category,
      type: c.type ?? '',
      status: c.status ?? 'Unknown',
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
      ...(c.lastTransitionTime ? { lastTransitionTime: c.lastTransitionTime } : {}),
    }));

/** The VM's conditions, then its VMI's. */
export const getConditionRows = (
  vm: VirtualMachine,
  vmi?: VirtualMachineInstance,
): ConditionRow[] => [
  ...toRows('VM', vm.status?.conditions as RawCondition[] | undefined),
  ...toRows('VMI', vmi?.status?.conditions as RawCondition[] | undefined),
];

/** The table's filter: empty sets let everything through. */
export type ConditionFilter = {
  categories: ReadonlySet<ConditionCategory>;
  statuses: ReadonlySet<string>;
  /** Case-insensitive text looked for in the reason. */
  reason: string;
};

export const filterConditionRows = (
  rows: readonly ConditionRow[],
  filter: ConditionFilter,
): ConditionRow[] => {
  const reason = filter.reason.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.categories.size === 0 || filter.categories.has(row.category)) &&
      (filter.statuses.size === 0 || filter.statuses.has(row.status)) &&
      (!reason || (row.reason ?? '').toLowerCase().includes(reason)),
  );
};

/** Whether the VMI's guest agent is connected (condition AgentConnected is True). */
export const isGuestAgentConnected = (vmi?: VirtualMachineInstance): boolean =>
  !!vmi?.status?.conditions?.some((c) => c.type === 'AgentConnected' && c.status === 'True');

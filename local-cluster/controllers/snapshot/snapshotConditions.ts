import type { Condition } from '../runtime/conditions';

/**
 * KubeVirt's condition update for snapshot, restore and clone objects: a condition of a new type
 * is appended; an existing one is replaced only when its status changes (or, with
 * `includeReason`, its reason), keeping the transition time otherwise.
 */
export const updateCondition = (
  conditions: readonly Condition[] | undefined,
  next: { type: string; status: Condition['status']; reason?: string; message?: string },
  now: string,
  includeReason = false,
): Condition[] => {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const fresh: Condition = { ...next, lastProbeTime: null, lastTransitionTime: now };
  if (i < 0) return [...list, fresh];
  const old = list[i];
  if (old.status !== next.status || (includeReason && old.reason !== next.reason)) list[i] = fresh;
  return list;
};

export const condition = (
  type: 'Ready' | 'Progressing' | 'Failure',
  status: boolean,
  reason: string,
): { type: string; status: Condition['status']; reason: string } => ({
  type,
  status: status ? 'True' : 'False',
  reason,
});

/** A Kubernetes status condition as KubeVirt and CDI write them. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string | null;
  lastProbeTime?: string | null;
  lastHeartbeatTime?: string | null;
}

export const findCondition = (
  conditions: Condition[] | undefined,
  type: string,
): Condition | undefined => conditions?.find((c) => c.type === type);

export const isConditionTrue = (conditions: Condition[] | undefined, type: string): boolean =>
  findCondition(conditions, type)?.status === 'True';

/**
 * Returns the conditions with `next` set: the transition time moves only when the status changes,
 * so writing the same condition twice is a no-op (and controllers do not loop on their own writes).
 */
export const setCondition = (
  conditions: Condition[] | undefined,
  next: Condition,
  now: string,
): Condition[] => {
  const list = conditions ?? [];
  const old = findCondition(list, next.type);
  const merged: Condition = {
    ...next,
    lastTransitionTime: old && old.status === next.status ? (old.lastTransitionTime ?? now) : now,
  };
  if (old && JSON.stringify({ ...old }) === JSON.stringify(merged)) return list;
  return old ? list.map((c) => (c.type === next.type ? merged : c)) : [...list, merged];
};

export const removeCondition = (conditions: Condition[] | undefined, type: string): Condition[] =>
  (conditions ?? []).filter((c) => c.type !== type);

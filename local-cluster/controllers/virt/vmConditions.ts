import type { Condition } from '../runtime/conditions';
import { findCondition, removeCondition, setCondition } from '../runtime/conditions';
import type { VirtualMachineInstance } from './types';

/**
 * A VM's conditions (KubeVirt's syncConditions): Ready mirrors the VMI's (or says why there is
 * none), Failure carries the last reconcile error, RestartRequired is the VM's own, and every
 * other VMI condition (LiveMigratable, AgentConnected, Paused, PodScheduled…) is copied as is.
 * With no VMI the copied ones stay as they were, as in KubeVirt.
 */

const OWN = ['Ready', 'Failure', 'RestartRequired'];

export interface VmConditionInput {
  current: Condition[] | undefined;
  vmi: VirtualMachineInstance | undefined;
  failure?: { reason: string; message: string };
  /** The RestartRequired message; undefined clears it, `keep` leaves it alone. */
  restartRequired: string | undefined | 'keep';
  now: string;
}

const readyFrom = (vmi: VirtualMachineInstance | undefined): Condition => {
  if (!vmi)
    return {
      type: 'Ready',
      status: 'False',
      reason: 'VMINotExists',
      message: 'VMI does not exist',
      lastProbeTime: null,
    };
  const ready = findCondition(vmi.status?.conditions, 'Ready');
  if (!ready)
    return {
      type: 'Ready',
      status: 'False',
      reason: 'VMIConditionMissing',
      message: 'VMI is missing the Ready condition',
      lastProbeTime: null,
    };
  return { ...ready };
};

export const syncVmConditions = ({
  current,
  vmi,
  failure,
  restartRequired,
  now,
}: VmConditionInput): Condition[] => {
  let conditions = current ?? [];
  const ready = readyFrom(vmi);
  const old = findCondition(conditions, 'Ready');
  // The VMI's own timestamps travel with its condition; a VM-side one keeps its transition time.
  conditions =
    vmi && ready.reason !== 'VMIConditionMissing'
      ? old && JSON.stringify(old) === JSON.stringify(ready)
        ? conditions
        : [...removeCondition(conditions, 'Ready'), ready]
      : setCondition(conditions, ready, now);
  conditions = failure
    ? setCondition(
        conditions,
        { type: 'Failure', status: 'True', reason: failure.reason, message: failure.message },
        now,
      )
    : removeCondition(conditions, 'Failure');
  if (restartRequired !== 'keep')
    conditions = restartRequired
      ? setCondition(
          conditions,
          {
            type: 'RestartRequired',
            status: 'True',
            message: restartRequired,
            lastProbeTime: null,
          },
          now,
        )
      : removeCondition(conditions, 'RestartRequired');
  if (vmi) {
    const fromVmi = (vmi.status?.conditions ?? []).filter((c) => !OWN.includes(c.type));
    const kept = conditions.filter((c) => OWN.includes(c.type));
    const copied = fromVmi.map((c) => {
      const mine = findCondition(conditions, c.type);
      return mine && JSON.stringify(mine) === JSON.stringify(c) ? mine : { ...c };
    });
    const next = [...kept, ...copied];
    if (JSON.stringify(next) !== JSON.stringify(conditions)) conditions = next;
  }
  return conditions;
};

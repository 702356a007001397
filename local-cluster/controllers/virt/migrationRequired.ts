import { podNetworksOutdated } from '../network/multusNetworks';
import type { Condition } from '../runtime/conditions';
import { findCondition, removeCondition, setCondition } from '../runtime/conditions';
import type { VirtualMachineInstance } from './types';

/**
 * The VMI's MigrationRequired condition, as KubeVirt's VMI controller keeps it for NIC hot plug
 * and unplug: when the launcher pod's networks no longer match the VMI's NICs, it is first False
 * (AutoMigrationPending) to give a dynamic networks controller the chance to change the pod in
 * place; after the grace period it turns True and the workload updater migrates the VMI.
 * The local cluster has no such controller, so every hot plug ends in a migration, as on an
 * OpenShift cluster without one.
 */

export const MIGRATION_REQUIRED = 'MigrationRequired';
/** KubeVirt's DynamicNetworkControllerGracePeriod. */
export const NETWORK_CONTROLLER_GRACE_MS = 15_000;

export interface MigrationRequiredResult {
  conditions: Condition[];
  /** When to look again (the grace period is still running), in wall-clock milliseconds. */
  recheckInMs?: number;
}

/** `graceMs` is the grace period in wall-clock milliseconds (the runtime scales it in tests). */
export const migrationRequired = (
  vmi: VirtualMachineInstance,
  conditions: Condition[],
  now: string,
  graceMs: number,
): MigrationRequiredResult => {
  if (vmi.status?.phase !== 'Running' || !podNetworksOutdated(vmi))
    return { conditions: removeCondition(conditions, MIGRATION_REQUIRED) };
  const existing = findCondition(conditions, MIGRATION_REQUIRED);
  if (existing?.status === 'True') return { conditions };
  const pendingFor = existing?.lastTransitionTime
    ? Date.parse(now) - Date.parse(existing.lastTransitionTime)
    : 0;
  if (existing?.status === 'False' && pendingFor >= graceMs)
    return {
      conditions: setCondition(
        conditions,
        {
          type: MIGRATION_REQUIRED,
          status: 'True',
          reason: 'AutoMigrationDueToLiveUpdate',
          lastProbeTime: null,
        },
        now,
      ),
    };
  return {
    conditions: setCondition(
      conditions,
      {
        type: MIGRATION_REQUIRED,
        status: 'False',
        reason: 'AutoMigrationPending',
        lastProbeTime: null,
      },
      now,
    ),
    // Timestamps have whole seconds: look again a second after the period ends.
    recheckInMs: Math.max(graceMs - pendingFor, 0) + 1000,
  };
};

import type { Vm, Vmi } from '../handler/kubevirtObjects';
import { findCondition } from '../runtime/conditions';
import { VM, VMI } from '../runtime/resources';
import type { LifecyclePlan } from './lifecyclePlans';
import {
  assertNotRunning,
  planRestart,
  planStart,
  planStop,
  validateRestartOptions,
} from './lifecyclePlans';
import { stateChangeFields } from './stateChangeRequests';
import { MESSAGES, subresourceInternalError, vmConflict } from './subresourceErrors';
import { isDryRun } from './subresourceOptions';
import type { SubresourceHandler, SubresourceRequest } from './subresourceRequest';
import { readOptions, sendEmpty } from './subresourceRequest';
import { conditionsOf, isFinal } from '../handler/kubevirtObjects';

/** Carries out a lifecycle plan: VMI grace period, VM spec, state change requests, force. */
const execute = async (
  r: SubresourceRequest,
  vm: Vm,
  vmi: Vmi | undefined,
  plan: LifecyclePlan,
  dryRun: boolean,
): Promise<void> => {
  if (plan.vmiGracePeriodSeconds !== undefined && vmi) {
    await r.api.patchFields(
      VMI,
      vmi,
      [
        {
          path: '/spec/terminationGracePeriodSeconds',
          value: plan.vmiGracePeriodSeconds,
          current: vmi.spec.terminationGracePeriodSeconds,
        },
      ],
      { dryRun, conflictOn: 'virtualmachineinstance' },
    );
  }
  if (plan.spec) {
    const [field, value] = Object.entries(plan.spec)[0] as ['runStrategy' | 'running', unknown];
    await r.api.patchFields(VM, vm, [{ path: `/spec/${field}`, value, current: vm.spec[field] }], {
      dryRun,
      conflictOn: 'virtualmachine',
    });
  }
  if (plan.stateChanges) {
    await r.api.patchFields(VM, vm, stateChangeFields(vm, plan.stateChanges), {
      subresource: 'status',
      dryRun,
      conflictOn: 'virtualmachine',
    });
  }
  if (plan.deleteLauncherPod && vmi && !dryRun) {
    const pod = await r.api.findLauncherPod(vmi);
    // One second is the shortest grace period that still lets the launcher clean up.
    if (pod) await r.api.deletePod(r.namespace, pod, 1);
  }
};

export const startVm: SubresourceHandler = async (r) => {
  const vm = await r.api.fetchVm(r.namespace, r.name);
  const vmi = await r.api.findVmi(r.namespace, r.name);
  assertNotRunning(vm, vmi);
  const options = (await readOptions(r, 'StartOptions')) ?? {};
  const plan = planStart(vm, vmi, { paused: options.paused ?? false });
  await execute(r, vm, vmi, plan, isDryRun(options.dryRun));
  sendEmpty(r.res, 202);
};

export const stopVm: SubresourceHandler = async (r) => {
  const options = (await readOptions(r, 'StopOptions')) ?? {};
  const vm = await r.api.fetchVm(r.namespace, r.name);
  const vmi = await r.api.findVmi(r.namespace, r.name);
  const plan = planStop(vm, vmi, { gracePeriod: options.gracePeriod });
  await execute(r, vm, vmi, plan, isDryRun(options.dryRun));
  sendEmpty(r.res, 202);
};

export const restartVm: SubresourceHandler = async (r) => {
  const options = (await readOptions(r, 'RestartOptions')) ?? {};
  validateRestartOptions(options);
  const vm = await r.api.fetchVm(r.namespace, r.name);
  const vmi = await r.api.findVmi(r.namespace, r.name);
  const plan = planRestart(vm, vmi, options);
  await execute(r, vm, vmi, plan, isDryRun(options.dryRun));
  sendEmpty(r.res, 202);
};

/**
 * What KubeVirt's migration admission webhook refuses. virt-api only creates the migration and
 * wraps a refusal in a 500; the local cluster checks here what the webhook would.
 */
const migrationRefusal = (vmi: Vmi): string | undefined => {
  if (isFinal(vmi)) return 'Cannot migrated VMI in finalized state.';
  const migratable = findCondition(conditionsOf(vmi), 'LiveMigratable');
  if (migratable?.status === 'False') {
    return `Cannot migrate VMI, Reason: ${migratable.reason ?? ''}, Message: ${migratable.message ?? ''}`;
  }
  const state = vmi.status?.migrationState;
  if (state?.migrationUid && !state.completed && !state.failed) {
    return `in-flight migration detected. Active migration job (${state.migrationUid}) is currently already in progress for VMI ${vmi.metadata.name ?? ''}.`;
  }
  return undefined;
};

export const migrateVm: SubresourceHandler = async (r) => {
  const options = (await readOptions(r, 'MigrateOptions')) ?? {};
  await r.api.fetchVm(r.namespace, r.name);
  const vmi = await r.api.fetchVmi(r.namespace, r.name);
  if (vmi.status?.phase !== 'Running') {
    throw vmConflict('virtualmachine', r.name, MESSAGES.vmNotRunning);
  }
  const refusal = migrationRefusal(vmi);
  if (refusal) {
    throw subresourceInternalError(
      `admission webhook "migration-create-validator.kubevirt.io" denied the request: ${refusal}`,
    );
  }
  await r.api.createMigration(
    r.namespace,
    r.name,
    options.addedNodeSelector,
    isDryRun(options.dryRun),
  );
  sendEmpty(r.res, 202);
};

import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import { getRunStrategy } from './vmFields';

/** Every VM action the console offers, in menu order. */
export const VM_ACTION_IDS = [
  'start',
  'stop',
  'force-stop',
  'restart',
  'pause',
  'unpause',
  'migrate',
  'cancel-migration',
  'clone',
  'snapshot',
  'copy-ssh',
  'edit-labels',
  'edit-annotations',
  'delete',
] as const;

export type VMActionId = (typeof VM_ACTION_IDS)[number];

/** Why an action is disabled; the menu turns it into a localized tooltip. */
export type VMActionBlock =
  'importing' | 'not-running' | 'not-live-migratable' | 'delete-protected' | 'snapshot-in-progress';

/** Whether an action shows in the menu, and when shown, why it cannot run (if it cannot). */
export type VMActionRule = { visible: boolean; block?: VMActionBlock; blockDetail?: string };

/** What the rules look at besides the VM. */
export type VMActionInputs = {
  vm: VirtualMachine;
  /** The VM's instance, when one exists. */
  vmi?: VirtualMachineInstance;
  /** Whether a migration of the VMI is still unfinished. */
  migrating?: boolean;
};

/** KubeVirt's label that makes its admission policy refuse to delete the VM. */
export const DELETE_PROTECTION_LABEL = 'kubevirt.io/vm-delete-protection';

/** The policy matches only these spellings; `TRUE` does not protect the VM. */
const PROTECTED = /^(true|True)$/;

export const isDeleteProtected = (vm: VirtualMachine): boolean =>
  PROTECTED.test(vm.metadata?.labels?.[DELETE_PROTECTION_LABEL] ?? '');

/** Statuses in which the VM is on its way down: Stop becomes Force stop. */
const STOPPING = new Set(['Stopping', 'Terminating']);
/** Statuses in which CDI still fills the VM's disks (the console forbids Restart then). */
const IMPORTING = new Set(['Provisioning', 'WaitingForVolumeBinding']);

const show = (block?: VMActionBlock, blockDetail?: string): VMActionRule =>
  block ? { visible: true, block, ...(blockDetail ? { blockDetail } : {}) } : { visible: true };
const hide: VMActionRule = { visible: false };

/**
 * Whether the run strategy asks for a running instance: Always and RerunOnFailure always do;
 * Manual does while an instance exists (it was started by hand); Halted never.
 */
export const isRunRequested = (vm: VirtualMachine, vmi?: VirtualMachineInstance): boolean => {
  const strategy = getRunStrategy(vm);
  if (strategy === 'Always' || strategy === 'RerunOnFailure') return true;
  if (strategy === 'Manual') return !!vmi && !vmi.metadata?.deletionTimestamp;
  return false;
};

/** The `LiveMigratable` condition of a VMI when it says False (with KubeVirt's message). */
const liveMigrationRefusal = (vmi?: VirtualMachineInstance): string | undefined => {
  const condition = vmi?.status?.conditions?.find((c) => c.type === 'LiveMigratable');
  return condition?.status === 'False' ? (condition.message ?? condition.reason ?? '') : undefined;
};

/**
 * The rule of each action for a VM, following KubeVirt: Start when nothing asks the VM to run;
 * Stop while it runs or is asked to, replaced by Force stop once it is stopping; Restart while it
 * runs, never while its disks import; Pause for a running VM, Unpause for a paused one; Migrate for
 * a running instance (disabled when KubeVirt says it cannot live migrate), Cancel migration while a
 * migration is unfinished; Delete disabled by the delete-protection label. Who may run an action
 * is not decided here: that is the access review's job.
 */
export const getVMActionRules = ({
  vm,
  vmi,
  migrating = false,
}: VMActionInputs): Record<VMActionId, VMActionRule> => {
  const status = vm.status?.printableStatus ?? 'Unknown';
  const runRequested = isRunRequested(vm, vmi);
  const stopping = STOPPING.has(status);
  const vmiRunning = vmi?.status?.phase === 'Running' && !stopping;
  const paused = status === 'Paused';
  const migrationRefusal = liveMigrationRefusal(vmi);

  return {
    start: runRequested || stopping ? hide : show(),
    stop: (runRequested || !!vmi) && !stopping ? show() : hide,
    'force-stop': stopping ? show() : hide,
    restart: runRequested
      ? show(IMPORTING.has(status) ? 'importing' : vmiRunning || paused ? undefined : 'not-running')
      : hide,
    pause: paused || !vmiRunning ? hide : show(),
    unpause: paused ? show() : hide,
    migrate:
      vmiRunning && !migrating
        ? show(migrationRefusal === undefined ? undefined : 'not-live-migratable', migrationRefusal)
        : hide,
    'cancel-migration': migrating ? show() : hide,
    clone: show(),
    snapshot: show(vm.status?.snapshotInProgress ? 'snapshot-in-progress' : undefined),
    'copy-ssh': show(),
    'edit-labels': show(),
    'edit-annotations': show(),
    delete: show(isDeleteProtected(vm) ? 'delete-protected' : undefined),
  };
};

/** The lifecycle actions a bulk selection offers (each applied where its rule allows). */
export const VM_BULK_ACTION_IDS = [
  'start',
  'stop',
  'restart',
  'pause',
  'unpause',
  'migrate',
  'delete',
] as const satisfies readonly VMActionId[];

export type VMBulkActionId = (typeof VM_BULK_ACTION_IDS)[number];

/** Whether the action can run on the VM now (shown and not blocked). */
export const canRunVMAction = (inputs: VMActionInputs, action: VMActionId): boolean => {
  const rule = getVMActionRules(inputs)[action];
  return rule.visible && !rule.block;
};

import type { Vm, Vmi } from '../handler/kubevirtObjects';
import { isFinal, phaseOf, vmiUid } from '../handler/kubevirtObjects';
import type { RunStrategy } from './runStrategy';
import { runStrategyOf } from './runStrategy';
import type { StateChangeRequest } from './stateChangeRequests';
import { START_PAUSED_DATA } from './stateChangeRequests';
import {
  MESSAGES,
  subresourceBadRequest,
  subresourceInternalError,
  vmConflict,
} from './subresourceErrors';

/**
 * What start, stop and restart do to a VM, decided from the VM, its VMI and the options exactly as
 * KubeVirt's virt-api decides (pkg/virt-api/rest/lifecycle.go). Pure: the handlers carry it out.
 */
export interface LifecyclePlan {
  /** Merge into `vm.spec`: the run strategy (or the deprecated `running`) to switch to. */
  spec?: { runStrategy: RunStrategy } | { running: boolean };
  /** State change requests for the VM controller (`vm.status.stateChangeRequests`). */
  stateChanges?: StateChangeRequest[];
  /** Set on the running VMI before stopping it: `spec.terminationGracePeriodSeconds`. */
  vmiGracePeriodSeconds?: number;
  /** Force restart: delete the virt-launcher pod right away. */
  deleteLauncherPod?: boolean;
}

const strategyOf = (vm: Vm): RunStrategy => {
  try {
    return runStrategyOf(vm);
  } catch (e) {
    throw subresourceInternalError((e as Error).message);
  }
};

/** Switches the VM on or off the way it is written: runStrategy if set, else `running`. */
const runningSpec = (vm: Vm, running: boolean): LifecyclePlan['spec'] =>
  vm.spec.runStrategy !== undefined ? { runStrategy: running ? 'Always' : 'Halted' } : { running };

const name = (vm: Vm): string => vm.metadata.name ?? '';

/** A VMI that exists and has not ended (virt-api's "VM is already running"). */
const isActive = (vmi: Vmi | undefined): vmi is Vmi =>
  vmi !== undefined && !isFinal(vmi) && phaseOf(vmi) !== 'Unknown' && phaseOf(vmi) !== '';

/** Start refuses a VM whose VMI is alive, before it even reads the request body. */
export const assertNotRunning = (vm: Vm, vmi: Vmi | undefined): void => {
  if (isActive(vmi)) throw vmConflict('virtualmachine', name(vm), 'VM is already running');
};

export const planStart = (
  vm: Vm,
  vmi: Vmi | undefined,
  options: { paused?: boolean },
): LifecyclePlan => {
  assertNotRunning(vm, vmi);
  const strategy = strategyOf(vm);
  const data = options.paused ? { ...START_PAUSED_DATA } : undefined;
  switch (strategy) {
    case 'Halted':
      // A paused start has to tell the VM controller, so it goes as a request.
      return options.paused
        ? { stateChanges: [{ action: 'Start', data }] }
        : { spec: runningSpec(vm, true) };
    case 'RerunOnFailure':
    case 'Manual': {
      const phase = phaseOf(vmi);
      if (strategy === 'RerunOnFailure' && phase === 'Failed') {
        throw vmConflict(
          'virtualmachine',
          name(vm),
          'RerunOnFailure does not support starting VM from failed state',
        );
      }
      const needsRestart =
        vmi !== undefined &&
        ((strategy === 'RerunOnFailure' && phase === 'Succeeded') ||
          (strategy === 'Manual' && isFinal(vmi)));
      return {
        stateChanges: needsRestart
          ? [
              { action: 'Stop', uid: vmiUid(vmi) },
              { action: 'Start', data },
            ]
          : [{ action: 'Start', data }],
      };
    }
    case 'Always':
    case 'Once':
      throw vmConflict(
        'virtualmachine',
        name(vm),
        `${strategy} does not support manual start requests`,
      );
  }
};

export const planStop = (
  vm: Vm,
  vmi: Vmi | undefined,
  options: { gracePeriod?: number | null },
): LifecyclePlan => {
  const strategy = strategyOf(vm);
  const gracePeriod = options.gracePeriod ?? undefined;
  const running = vmi !== undefined && !isFinal(vmi);
  const plan: LifecyclePlan =
    running && gracePeriod !== undefined ? { vmiGracePeriodSeconds: gracePeriod } : {};
  const stopRequest = (): StateChangeRequest[] => [{ action: 'Stop', uid: vmi ? vmiUid(vmi) : '' }];
  switch (strategy) {
    case 'Halted': {
      if (!running) throw vmConflict('virtualmachine', name(vm), MESSAGES.vmNotRunning);
      const current = vmi.spec.terminationGracePeriodSeconds;
      // A halted VM still running is already stopping: only a shorter grace period (a force
      // stop) is a new request.
      if (gracePeriod === undefined || (current != null && gracePeriod >= current)) {
        throw vmConflict(
          'virtualmachine',
          name(vm),
          'Halted only supports manual stop requests with a shorter graceperiod',
        );
      }
      return { ...plan, stateChanges: stopRequest() };
    }
    case 'RerunOnFailure':
    case 'Manual':
      if (!running) throw vmConflict('virtualmachine', name(vm), MESSAGES.vmNotRunning);
      return { ...plan, stateChanges: stopRequest() };
    case 'Always':
    case 'Once':
      return { ...plan, spec: runningSpec(vm, false) };
  }
};

/** Checks RestartOptions before anything is read, as virt-api does. */
export const validateRestartOptions = (options: { gracePeriodSeconds?: number | null }): void => {
  const g = options.gracePeriodSeconds;
  if (g === undefined || g === null) return;
  if (g > 0)
    throw subresourceBadRequest('For force restart, only gracePeriod=0 is supported for now');
  if (g < 0) throw subresourceBadRequest('gracePeriod has to be greater or equal to 0');
};

export const planRestart = (
  vm: Vm,
  vmi: Vmi | undefined,
  options: { gracePeriodSeconds?: number | null },
): LifecyclePlan => {
  validateRestartOptions(options);
  const strategy = strategyOf(vm);
  if (strategy === 'Halted' || strategy === 'Once') {
    // Sic: KubeVirt's message says "RunStategy".
    throw vmConflict(
      'virtualmachine',
      name(vm),
      `RunStategy ${strategy} does not support manual restart requests`,
    );
  }
  if (!vmi) throw vmConflict('virtualmachine', name(vm), 'VM is not running: Halted');
  return {
    stateChanges: [{ action: 'Stop', uid: vmiUid(vmi) }, { action: 'Start' }],
    ...(options.gracePeriodSeconds === 0 ? { deleteLauncherPod: true } : {}),
  };
};

import type { V1VirtualMachineStateChangeRequest } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { VirtualMachine, VirtualMachineInstance, VirtualMachineStatus } from './types';

/**
 * When a VirtualMachine should have a VirtualMachineInstance, as KubeVirt's VM controller decides
 * it from `spec.runStrategy` (or the legacy `spec.running`), the start/stop requests virt-api
 * queues in `status.stateChangeRequests`, and the phase of the current VMI.
 */

export type RunStrategy =
  'Always' | 'RerunOnFailure' | 'Manual' | 'Halted' | 'Once' | 'WaitAsReceiver';

const KNOWN: readonly string[] = [
  'Always',
  'RerunOnFailure',
  'Manual',
  'Halted',
  'Once',
  'WaitAsReceiver',
];

/** `running: true` is Always, `running: false` (or neither field) is Halted. */
export const runStrategyOf = (vm: VirtualMachine): RunStrategy => {
  const rs = vm.spec.runStrategy;
  if (rs && KNOWN.includes(rs)) return rs as RunStrategy;
  return vm.spec.running ? 'Always' : 'Halted';
};

export const isFinal = (vmi: VirtualMachineInstance | undefined): boolean =>
  vmi?.status?.phase === 'Succeeded' || vmi?.status?.phase === 'Failed';

const firstRequest = (
  status: VirtualMachineStatus | undefined,
): V1VirtualMachineStateChangeRequest | undefined => status?.stateChangeRequests?.[0];

export const hasStartRequest = (vm: VirtualMachine): boolean =>
  firstRequest(vm.status)?.action === 'Start';

/** `virtctl start --paused` queues a Start request with `data.paused: "true"`. */
export const hasStartPausedRequest = (vm: VirtualMachine): boolean => {
  const r = firstRequest(vm.status);
  return r?.action === 'Start' && r.data?.paused === 'true';
};

export const hasStopRequestFor = (vm: VirtualMachine, vmi: VirtualMachineInstance): boolean => {
  const r = firstRequest(vm.status);
  return r?.action === 'Stop' && r.uid !== undefined && r.uid === vmi.metadata.uid;
};

/** Whether the VM is meant to be running now (used for the WaitingForVolumeBinding status). */
export const isSetToStart = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
): boolean => {
  switch (runStrategyOf(vm)) {
    case 'Always':
      return true;
    case 'Halted':
      return false;
    case 'Manual':
      return vmi ? !hasStopRequestFor(vm, vmi) : hasStartRequest(vm);
    case 'RerunOnFailure':
      return vmi ? vmi.status?.phase !== 'Succeeded' : true;
    case 'Once':
      return !vmi;
    default:
      return false;
  }
};

/** What the VM controller should do about the VMI in this reconcile. */
export type RunDecision =
  | { kind: 'none' }
  /** Create the VMI (paused when a `start --paused` request is first in line). */
  | { kind: 'start'; paused: boolean }
  /** Delete the VMI. */
  | { kind: 'stop' }
  /** RerunOnFailure after a failure: delete the VMI and queue a Start request for its successor. */
  | { kind: 'stopAndRequestStart' }
  /** A Halted VM got a Start request: switch `spec.runStrategy` to Always. */
  | { kind: 'switchToAlways' }
  /** A start is due but the crash-loop backoff has not expired. */
  | { kind: 'backoff'; retryInMs: number };

const backoffLeftMs = (vm: VirtualMachine, nowMs: number): number => {
  const retry = vm.status?.startFailure?.retryAfterTimestamp;
  if (!retry) return 0;
  return Math.max(0, Date.parse(retry) - nowMs);
};

const startUnlessBackingOff = (vm: VirtualMachine, nowMs: number): RunDecision => {
  const left = backoffLeftMs(vm, nowMs);
  return left > 0
    ? { kind: 'backoff', retryInMs: left }
    : { kind: 'start', paused: hasStartPausedRequest(vm) };
};

/** KubeVirt's syncRunStrategy as a pure decision. */
export const decideRun = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
  nowMs: number,
): RunDecision => {
  const strategy = runStrategyOf(vm);
  const deleting = Boolean(vmi?.metadata.deletionTimestamp);
  switch (strategy) {
    case 'Always':
      if (vmi) {
        // A stop request while Always means restart: delete now, start the next one afterwards.
        if (!deleting && (hasStopRequestFor(vm, vmi) || isFinal(vmi))) return { kind: 'stop' };
        return { kind: 'none' };
      }
      return startUnlessBackingOff(vm, nowMs);
    case 'RerunOnFailure':
      if (vmi) {
        const failed = vmi.status?.phase === 'Failed';
        const succeeded = vmi.status?.phase === 'Succeeded';
        if (!deleting && (hasStopRequestFor(vm, vmi) || failed || succeeded))
          return failed ? { kind: 'stopAndRequestStart' } : { kind: 'stop' };
        return { kind: 'none' };
      }
      // Coming from another strategy (or never started) also means start.
      if (!hasStartRequest(vm) && vm.status?.runStrategy === strategy) return { kind: 'none' };
      return startUnlessBackingOff(vm, nowMs);
    case 'Manual':
      if (vmi) return !deleting && hasStopRequestFor(vm, vmi) ? { kind: 'stop' } : { kind: 'none' };
      return hasStartRequest(vm)
        ? { kind: 'start', paused: hasStartPausedRequest(vm) }
        : { kind: 'none' };
    case 'Halted':
      if (!vmi) return hasStartRequest(vm) ? { kind: 'switchToAlways' } : { kind: 'none' };
      return deleting ? { kind: 'none' } : { kind: 'stop' };
    case 'Once':
      return vmi ? { kind: 'none' } : { kind: 'start', paused: hasStartPausedRequest(vm) };
    default:
      return { kind: 'none' };
  }
};

/**
 * Requests are consumed one at a time: a Stop once its VMI is gone (or names another VMI), a
 * Start once a live VMI exists. Returns the remaining list.
 */
export const trimStateChangeRequests = (
  requests: V1VirtualMachineStateChangeRequest[] | undefined,
  vmi: VirtualMachineInstance | undefined,
): V1VirtualMachineStateChangeRequest[] | undefined => {
  if (!requests?.length) return requests;
  const [first, ...rest] = requests;
  let done = false;
  if (first.action === 'Stop') done = !vmi || !first.uid || first.uid !== vmi.metadata.uid;
  else if (first.action === 'Start')
    done = Boolean(vmi && !vmi.metadata.deletionTimestamp && !isFinal(vmi));
  return done ? rest : requests;
};

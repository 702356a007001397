import type { V1VirtualMachineStartFailure } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { simulatedGuestBehaviour } from '../runtime/simulation';
import { isFinal, runStrategyOf } from './runStrategy';
import type { VirtualMachine, VirtualMachineInstance } from './types';

/**
 * Crash-loop tracking (`status.startFailure`): a VMI that ends before it ever ran counts as a
 * start failure, and the next start waits an exponentially growing, jittered delay, as KubeVirt's
 * VM controller does.
 */

export const MAX_CRASH_LOOP_BACKOFF_SECONDS = 300;

/** KubeVirt's calculateStartBackoffTime: interval × failCount², plus up to half of it as jitter. */
export const startBackoffSeconds = (
  failCount: number,
  maxDelay = MAX_CRASH_LOOP_BACKOFF_SECONDS,
  random: () => number = Math.random,
): number => {
  const count = Math.max(1, failCount);
  const interval = Math.max(10, Math.floor(maxDelay / 30));
  let delay = interval * count * count;
  delay += Math.floor(random() * (Math.floor(delay / 2) + 1));
  return Math.min(delay, maxDelay);
};

/**
 * The simulated "crashing guest" boots and then dies, which on a real cluster is a guest that
 * never comes up properly; it counts as a start failure so the VM shows CrashLoopBackOff.
 */
const crashedBySimulation = (vmi: VirtualMachineInstance): boolean =>
  simulatedGuestBehaviour(vmi.metadata.annotations) === 'crash' && vmi.status?.phase === 'Failed';

export const wasRunning = (vmi: VirtualMachineInstance | undefined): boolean =>
  Boolean(
    vmi &&
    !crashedBySimulation(vmi) &&
    vmi.status?.phaseTransitionTimestamps?.some((t) => t.phase === 'Running'),
  );

const failedEarly = (vmi: VirtualMachineInstance): boolean => isFinal(vmi) && !wasRunning(vmi);

const RESTARTING_STRATEGIES = ['Always', 'RerunOnFailure', 'Once'];

/**
 * The VM's next `status.startFailure`: cleared once a VMI really ran (or the strategy never
 * restarts on its own), counted up once per early-failed VMI. `delayMs` turns simulated seconds
 * into the wall-clock wait.
 */
export const nextStartFailure = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
  now: Date,
  delayMs: (simulatedSeconds: number) => number,
  random: () => number = Math.random,
): V1VirtualMachineStartFailure | undefined => {
  const current = vm.status?.startFailure;
  if (wasRunning(vmi) || !RESTARTING_STRATEGIES.includes(runStrategyOf(vm))) return undefined;
  if (!vmi || !failedEarly(vmi)) return current;
  if (current?.lastFailedVMIUID === vmi.metadata.uid) return current;
  const count = (current?.consecutiveFailCount ?? 0) + 1;
  const retryAt = new Date(now.getTime() + delayMs(startBackoffSeconds(count, undefined, random)));
  // metav1.Time has second precision; round up so a retry never happens before its time.
  const retryAfterTimestamp = new Date(Math.ceil(retryAt.getTime() / 1000) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  return { consecutiveFailCount: count, lastFailedVMIUID: vmi.metadata.uid, retryAfterTimestamp };
};

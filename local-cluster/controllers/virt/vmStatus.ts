import { isConditionTrue } from '../runtime/conditions';
import { ANNOTATION_VM_GENERATION } from './kubevirtNames';
import { printableStatus } from './printableStatus';
import { runStrategyOf, trimStateChangeRequests } from './runStrategy';
import { nextStartFailure } from './startFailure';
import type {
  DataVolume,
  PersistentVolumeClaim,
  StorageClass,
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineStatus,
} from './types';
import { syncVmConditions } from './vmConditions';
import type { Failure } from './vmTemplate';
import { volumeSnapshotStatuses } from './volumeSnapshotStatus';

/**
 * The VM status the VM controller writes after a reconcile (KubeVirt's updateStatus): created,
 * ready, run strategy, generations, consumed state change requests, crash-loop tracking,
 * conditions, printableStatus and snapshot support.
 */

export interface VmStatusInput {
  vm: VirtualMachine;
  /** The VMI after this reconcile's actions (a just-created one included). */
  vmi: VirtualMachineInstance | undefined;
  /** The status so far (with instance type refs and queued requests already updated). */
  base: VirtualMachineStatus;
  failure?: Failure;
  /** The VMI was just asked to go. */
  stopExpected: boolean;
  /** The RestartRequired message; `keep` leaves the condition as it is. */
  restartRequired: string | undefined | 'keep';
  now: Date;
  /** Wall-clock milliseconds of a simulated crash-loop backoff. */
  backoffMs: (simulatedSeconds: number) => number;
  dataVolume: (name: string) => DataVolume | undefined;
  pvc: (name: string) => PersistentVolumeClaim | undefined;
  storageClass: (name: string) => StorageClass | undefined;
  snapshotDrivers: ReadonlySet<string>;
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const nextVmStatus = (input: VmStatusInput): VirtualMachineStatus => {
  const { vm, vmi, now } = input;
  const status: VirtualMachineStatus = structuredClone(input.base);
  status.created = Boolean(vmi);
  status.ready = Boolean(vmi && isConditionTrue(vmi.status?.conditions, 'Ready'));
  // KubeVirt reports the run strategy once the VM has been started at least once.
  if (status.runStrategy || status.created) status.runStrategy = runStrategyOf(vm);
  if (vmi) {
    const gen = Number(vmi.metadata.annotations?.[ANNOTATION_VM_GENERATION]);
    if (Number.isFinite(gen) && gen > 0) status.observedGeneration = gen;
    status.desiredGeneration = vm.metadata.generation ?? 1;
  }
  const leaving =
    input.stopExpected && vmi
      ? { ...vmi, metadata: { ...vmi.metadata, deletionTimestamp: iso(now) } }
      : vmi;
  const requests = trimStateChangeRequests(status.stateChangeRequests, leaving);
  if (requests?.length) status.stateChangeRequests = requests;
  else delete status.stateChangeRequests;
  const startFailure = nextStartFailure({ ...vm, status }, vmi, now, input.backoffMs);
  if (startFailure) status.startFailure = startFailure;
  else delete status.startFailure;
  status.conditions = syncVmConditions({
    current: status.conditions,
    vmi,
    failure: input.failure,
    restartRequired: input.stopExpected ? undefined : input.restartRequired,
    now: iso(now),
  });
  const withStatus = { ...vm, status };
  status.printableStatus = printableStatus({
    vm: withStatus,
    vmi,
    stopExpected: input.stopExpected,
    dataVolume: input.dataVolume,
    pvc: input.pvc,
  });
  const snapshots = volumeSnapshotStatuses(withStatus, input);
  if (snapshots.length) status.volumeSnapshotStatuses = snapshots;
  else delete status.volumeSnapshotStatuses;
  return status;
};

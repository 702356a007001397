import { findCondition } from '../runtime/conditions';
import { isSetToStart, runStrategyOf, isFinal } from './runStrategy';
import type {
  DataVolume,
  PersistentVolumeClaim,
  VirtualMachine,
  VirtualMachineInstance,
} from './types';
import { claimNameOf } from './volumes';

/**
 * `status.printableStatus` of a VirtualMachine, evaluated as KubeVirt does: a list of tests in
 * precedence order, first match wins (a VM can be Running and Migrating at once; it prints
 * Migrating).
 */

export type PrintableStatus =
  | 'Stopped'
  | 'Provisioning'
  | 'Starting'
  | 'Running'
  | 'Paused'
  | 'Stopping'
  | 'Terminating'
  | 'CrashLoopBackOff'
  | 'Migrating'
  | 'Unknown'
  | 'ErrorUnschedulable'
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'ErrorPvcNotFound'
  | 'DataVolumeError'
  | 'WaitingForVolumeBinding';

export interface PrintableStatusInput {
  vm: VirtualMachine;
  vmi: VirtualMachineInstance | undefined;
  dataVolume: (name: string) => DataVolume | undefined;
  pvc: (name: string) => PersistentVolumeClaim | undefined;
  /** A VMI creation has been requested but is not visible yet. */
  startExpected?: boolean;
  /** A VMI deletion has been requested but is not visible yet. */
  stopExpected?: boolean;
}

type Test = (input: PrintableStatusInput) => boolean;

const phase = (vmi: VirtualMachineInstance | undefined): string => vmi?.status?.phase ?? '';

const vmiConditionIs = (
  vmi: VirtualMachineInstance | undefined,
  type: string,
  status: string,
  reason?: string,
): boolean => {
  const c = findCondition(vmi?.status?.conditions, type);
  return Boolean(c && c.status === status && (reason === undefined || c.reason === reason));
};

const isPaused = (vmi: VirtualMachineInstance | undefined): boolean =>
  vmiConditionIs(vmi, 'Paused', 'True');

/** A migration has begun and not ended (migration controller writes `migrationState`). */
export const isMigrating = (vmi: VirtualMachineInstance | undefined): boolean => {
  const m = vmi?.status?.migrationState;
  return Boolean(m && !m.completed && !m.failed && !m.endTimestamp);
};

const volumes = ({ vm }: PrintableStatusInput) => vm.spec.template.spec?.volumes ?? [];

/** KubeVirt's HasDataVolumeErrors: a Failed DataVolume or an importer stopped by an error. */
const hasDataVolumeError: Test = (input) =>
  volumes(input).some((v) => {
    if (!v.dataVolume) return false;
    const dv = input.dataVolume(v.dataVolume.name);
    if (!dv) return false;
    if (dv.status?.phase === 'Failed') return true;
    const running = findCondition(dv.status?.conditions, 'Running');
    return (
      running?.status === 'False' &&
      (running.reason === 'Error' || running.reason === 'ImagePullFailed')
    );
  });

/** KubeVirt's HasDataVolumeProvisioning: a DataVolume still populating (an unbound WFFC one is not). */
const hasDataVolumeProvisioning: Test = (input) =>
  volumes(input).some((v) => {
    if (!v.dataVolume) return false;
    const dv = input.dataVolume(v.dataVolume.name);
    if (!dv || dv.status?.phase === 'Succeeded' || dv.status?.phase === 'PendingPopulation')
      return false;
    const bound = findCondition(dv.status?.conditions, 'Bound')?.status === 'True';
    return bound || dv.status?.phase !== 'WaitForFirstConsumer';
  });

const hasUnboundPvc: Test = (input) =>
  volumes(input).some((v) => {
    const name = claimNameOf(v);
    const pvc = name ? input.pvc(name) : undefined;
    return Boolean(pvc && pvc.status?.phase !== 'Bound');
  });

const TESTS: [PrintableStatus, Test][] = [
  ['Terminating', ({ vm }) => Boolean(vm.metadata.deletionTimestamp)],
  [
    'Stopping',
    ({ vmi, stopExpected }) =>
      Boolean(vmi && !isFinal(vmi) && (vmi.metadata.deletionTimestamp || stopExpected)),
  ],
  ['Migrating', ({ vmi }) => isMigrating(vmi)],
  ['Paused', ({ vmi }) => phase(vmi) === 'Running' && isPaused(vmi)],
  ['Running', ({ vmi }) => phase(vmi) === 'Running' && !isPaused(vmi)],
  [
    'ErrorPvcNotFound',
    ({ vmi }) => vmiConditionIs(vmi, 'Synchronized', 'False', 'FailedPvcNotFound'),
  ],
  ['DataVolumeError', hasDataVolumeError],
  [
    'ErrorUnschedulable',
    ({ vmi }) => vmiConditionIs(vmi, 'PodScheduled', 'False', 'Unschedulable'),
  ],
  ['Provisioning', hasDataVolumeProvisioning],
  ['WaitingForVolumeBinding', (input) => isSetToStart(input.vm, input.vmi) && hasUnboundPvc(input)],
  ['ErrImagePull', ({ vmi }) => vmiConditionIs(vmi, 'Synchronized', 'False', 'ErrImagePull')],
  [
    'ImagePullBackOff',
    ({ vmi }) => vmiConditionIs(vmi, 'Synchronized', 'False', 'ImagePullBackOff'),
  ],
  [
    'Starting',
    ({ vmi, startExpected }) =>
      vmi
        ? ['', 'Pending', 'Scheduling', 'Scheduled'].includes(phase(vmi))
        : Boolean(startExpected),
  ],
  [
    'CrashLoopBackOff',
    ({ vm, vmi, startExpected }) => {
      if ((vmi && !isFinal(vmi)) || startExpected) return false;
      const count = vm.status?.startFailure?.consecutiveFailCount ?? 0;
      return count > 0 && ['Always', 'RerunOnFailure', 'Once'].includes(runStrategyOf(vm));
    },
  ],
  ['Stopped', ({ vmi, startExpected }) => (vmi ? isFinal(vmi) : !startExpected)],
];

export const printableStatus = (input: PrintableStatusInput): PrintableStatus => {
  for (const [status, test] of TESTS) if (test(input)) return status;
  return 'Unknown';
};

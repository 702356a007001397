import type {
  VirtualMachine,
  VirtualMachineCondition,
  VirtualMachineInstance,
} from '../models/types';

/** How a VM status is drawn and grouped: one icon and colour per kind. */
export type VMStatusKind = 'running' | 'stopped' | 'transition' | 'paused' | 'error' | 'unknown';

/**
 * Every `status.printableStatus` value KubeVirt sets on a VirtualMachine
 * (`pkg/apis/core/v1` `VirtualMachinePrintableStatus`), with the kind it is drawn as.
 * Migrating counts as a transition (the VM runs, but an operation is in progress).
 */
export const VM_PRINTABLE_STATUS_KINDS = {
  Stopped: 'stopped',
  Provisioning: 'transition',
  Starting: 'transition',
  Running: 'running',
  Paused: 'paused',
  Stopping: 'transition',
  Terminating: 'transition',
  Migrating: 'transition',
  WaitingForVolumeBinding: 'transition',
  WaitingForReceiver: 'transition',
  Unknown: 'unknown',
  ErrorUnschedulable: 'error',
  ErrImagePull: 'error',
  ImagePullBackOff: 'error',
  ErrorPvcNotFound: 'error',
  ErrorDataVolumeNotFound: 'error',
  DataVolumeError: 'error',
  CrashLoopBackOff: 'error',
} as const satisfies Record<string, VMStatusKind>;

export type VMPrintableStatus = keyof typeof VM_PRINTABLE_STATUS_KINDS;

/** The printable statuses in the order filters list them. */
export const VM_PRINTABLE_STATUSES = Object.keys(VM_PRINTABLE_STATUS_KINDS) as VMPrintableStatus[];

/** What the list, filters and details show for a VM. */
export type VMDisplayStatus = {
  /** The status as the API spells it (`status.printableStatus`), `Unknown` when absent. */
  status: string;
  /** How the status is drawn. */
  kind: VMStatusKind;
  /** For error states: the machine-readable reason of the condition that explains it. */
  reason?: string;
  /** For error states: the human-readable message of that condition. */
  message?: string;
};

const UNKNOWN_STATUS: VMPrintableStatus = 'Unknown';

const isKnownStatus = (status: string): status is VMPrintableStatus =>
  Object.hasOwn(VM_PRINTABLE_STATUS_KINDS, status);

/** Kind of a status string; statuses newer than this list are errors when they look like one. */
export const getVMStatusKind = (status: string): VMStatusKind => {
  if (isKnownStatus(status)) return VM_PRINTABLE_STATUS_KINDS[status];
  return /^(Err|Error|Failed)/.test(status) || /(Error|BackOff|NotFound)$/.test(status)
    ? 'error'
    : 'unknown';
};

/** Conditions that explain an error, most specific first. */
const ERROR_CONDITION_PREFERENCE: ReadonlyArray<(c: VirtualMachineCondition) => boolean> = [
  (c) => c.type === 'Failure' && c.status === 'True',
  (c) => c.type === 'PodScheduled' && c.status === 'False',
  (c) => c.type === 'DataVolumesReady' && c.status === 'False',
  (c) => c.type === 'Ready' && c.status === 'False',
  (c) => c.status === 'False',
];

/** The condition that best explains an error state, if any carries a reason or message. */
export const getVMErrorCondition = (
  conditions: readonly VirtualMachineCondition[] | undefined,
): VirtualMachineCondition | undefined => {
  if (!conditions?.length) return undefined;
  for (const matches of ERROR_CONDITION_PREFERENCE) {
    const found = conditions.find((c) => matches(c) && (c.message || c.reason));
    if (found) return found;
  }
  return undefined;
};

/** The VM's display status: printable status, kind, and for errors the explaining condition. */
/** An error status carries the reason and message of the condition that explains it. */
const withErrorReason = (
  status: string,
  kind: VMStatusKind,
  conditions?: VirtualMachineCondition[],
): VMDisplayStatus => {
  if (kind !== 'error') return { status, kind };
  const condition = getVMErrorCondition(conditions);
  return {
    status,
    kind,
    ...(condition?.reason ? { reason: condition.reason } : {}),
    ...(condition?.message ? { message: condition.message } : {}),
  };
};

export const getVMStatus = (vm: Pick<VirtualMachine, 'status'>): VMDisplayStatus => {
  const status = vm.status?.printableStatus || UNKNOWN_STATUS;
  return withErrorReason(status, getVMStatusKind(status), vm.status?.conditions);
};

/** How each VirtualMachineInstance phase is drawn, for VMIs that no VM owns. */
const VMI_PHASE_KINDS: Record<string, VMStatusKind> = {
  Pending: 'transition',
  Scheduling: 'transition',
  Scheduled: 'transition',
  Running: 'running',
  Succeeded: 'stopped',
  Failed: 'error',
};

/**
 * A standalone VMI's status: its phase as the API spells it, `Paused` while its Paused condition
 * holds (KubeVirt keeps the phase Running then), with the reason of a failure.
 */
export const getVMIStatus = (vmi: Pick<VirtualMachineInstance, 'status'>): VMDisplayStatus => {
  const conditions = (vmi.status?.conditions ?? []) as VirtualMachineCondition[];
  const phase = vmi.status?.phase || UNKNOWN_STATUS;
  if (phase === 'Running' && conditions.some((c) => c.type === 'Paused' && c.status === 'True'))
    return { status: 'Paused', kind: 'paused' };
  return withErrorReason(phase, VMI_PHASE_KINDS[phase] ?? 'unknown', conditions);
};

import type { VirtualMachine, VirtualMachineCondition } from '../models/types';

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
export const getVMStatus = (vm: Pick<VirtualMachine, 'status'>): VMDisplayStatus => {
  const status = vm.status?.printableStatus || UNKNOWN_STATUS;
  const kind = getVMStatusKind(status);
  if (kind !== 'error') return { status, kind };
  const condition = getVMErrorCondition(vm.status?.conditions);
  return {
    status,
    kind,
    ...(condition?.reason ? { reason: condition.reason } : {}),
    ...(condition?.message ? { message: condition.message } : {}),
  };
};

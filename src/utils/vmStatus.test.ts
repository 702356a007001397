import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineCondition } from '../models/types';
import {
  getVMIStatus,
  getVMErrorCondition,
  getVMStatus,
  getVMStatusKind,
  VM_PRINTABLE_STATUSES,
  type VMStatusKind,
} from './vmStatus';

const vmWith = (status?: VirtualMachine['status']): Pick<VirtualMachine, 'status'> => ({ status });

describe('getVMStatusKind', () => {
  const table: [string, VMStatusKind][] = [
    ['Stopped', 'stopped'],
    ['Provisioning', 'transition'],
    ['Starting', 'transition'],
    ['Running', 'running'],
    ['Paused', 'paused'],
    ['Stopping', 'transition'],
    ['Terminating', 'transition'],
    ['Migrating', 'transition'],
    ['WaitingForVolumeBinding', 'transition'],
    ['WaitingForReceiver', 'transition'],
    ['Unknown', 'unknown'],
    ['ErrorUnschedulable', 'error'],
    ['ErrImagePull', 'error'],
    ['ImagePullBackOff', 'error'],
    ['ErrorPvcNotFound', 'error'],
    ['ErrorDataVolumeNotFound', 'error'],
    ['DataVolumeError', 'error'],
    ['CrashLoopBackOff', 'error'],
    // Statuses a newer KubeVirt may add: errors by their shape, anything else unknown.
    ['ErrorSomethingNew', 'error'],
    ['SomethingBackOff', 'error'],
    ['Hibernating', 'unknown'],
  ];
  it.each(table)('%s is %s', (status, kind) => {
    expect(getVMStatusKind(status)).toBe(kind);
  });

  it('covers every printable status KubeVirt defines', () => {
    expect(VM_PRINTABLE_STATUSES).toHaveLength(18);
    expect(new Set(table.slice(0, 18).map(([s]) => s))).toEqual(new Set(VM_PRINTABLE_STATUSES));
  });

  it('does not treat inherited object keys as statuses', () => {
    expect(getVMStatusKind('toString')).toBe('unknown');
    expect(getVMStatusKind('constructor')).toBe('unknown');
  });
});

describe('getVMStatus', () => {
  const scheduled: VirtualMachineCondition = {
    type: 'PodScheduled',
    status: 'False',
    reason: 'Unschedulable',
    message: '0/3 nodes are available: 3 Insufficient memory.',
  };
  const notReady: VirtualMachineCondition = {
    type: 'Ready',
    status: 'False',
    reason: 'PodNotExists',
    message: 'virt-launcher pod has not yet been scheduled',
  };
  const failure: VirtualMachineCondition = {
    type: 'Failure',
    status: 'True',
    reason: 'FailedCreate',
    message: 'pods "virt-launcher-x" is forbidden: exceeded quota',
  };
  const dvNotReady: VirtualMachineCondition = {
    type: 'DataVolumesReady',
    status: 'False',
    reason: 'DataVolumeError',
    message: 'DataVolume rootdisk import failed',
  };

  const table: [string, Pick<VirtualMachine, 'status'>, ReturnType<typeof getVMStatus>][] = [
    ['no status at all', vmWith(undefined), { status: 'Unknown', kind: 'unknown' }],
    [
      'an empty printable status',
      vmWith({ printableStatus: '' }),
      { status: 'Unknown', kind: 'unknown' },
    ],
    [
      'Running',
      vmWith({ printableStatus: 'Running', conditions: [notReady] }),
      { status: 'Running', kind: 'running' },
    ],
    ['Stopped', vmWith({ printableStatus: 'Stopped' }), { status: 'Stopped', kind: 'stopped' }],
    ['Paused', vmWith({ printableStatus: 'Paused' }), { status: 'Paused', kind: 'paused' }],
    [
      'Starting',
      vmWith({ printableStatus: 'Starting' }),
      { status: 'Starting', kind: 'transition' },
    ],
    [
      'ErrorUnschedulable prefers PodScheduled over Ready',
      vmWith({ printableStatus: 'ErrorUnschedulable', conditions: [notReady, scheduled] }),
      {
        status: 'ErrorUnschedulable',
        kind: 'error',
        reason: scheduled.reason,
        message: scheduled.message,
      },
    ],
    [
      'a Failure condition wins over everything',
      vmWith({ printableStatus: 'CrashLoopBackOff', conditions: [scheduled, notReady, failure] }),
      {
        status: 'CrashLoopBackOff',
        kind: 'error',
        reason: failure.reason,
        message: failure.message,
      },
    ],
    [
      'DataVolumeError explained by DataVolumesReady',
      vmWith({ printableStatus: 'DataVolumeError', conditions: [notReady, dvNotReady] }),
      {
        status: 'DataVolumeError',
        kind: 'error',
        reason: dvNotReady.reason,
        message: dvNotReady.message,
      },
    ],
    [
      'an error with only a Ready=False condition',
      vmWith({ printableStatus: 'ErrImagePull', conditions: [notReady] }),
      { status: 'ErrImagePull', kind: 'error', reason: notReady.reason, message: notReady.message },
    ],
    [
      'an error whose condition has a reason but no message',
      vmWith({
        printableStatus: 'ErrorPvcNotFound',
        conditions: [{ type: 'Ready', status: 'False', reason: 'PVCNotFound' }],
      }),
      { status: 'ErrorPvcNotFound', kind: 'error', reason: 'PVCNotFound' },
    ],
    [
      'an error without conditions',
      vmWith({ printableStatus: 'ImagePullBackOff' }),
      { status: 'ImagePullBackOff', kind: 'error' },
    ],
    [
      'an error whose conditions are all healthy',
      vmWith({
        printableStatus: 'ErrorDataVolumeNotFound',
        conditions: [{ type: 'Ready', status: 'True', reason: 'Ok', message: 'fine' }],
      }),
      { status: 'ErrorDataVolumeNotFound', kind: 'error' },
    ],
  ];

  it.each(table)('%s', (_name, vm, expected) => {
    expect(getVMStatus(vm)).toEqual(expected);
  });
});

describe('getVMErrorCondition', () => {
  it('returns nothing for missing or empty conditions', () => {
    expect(getVMErrorCondition(undefined)).toBeUndefined();
    expect(getVMErrorCondition([])).toBeUndefined();
  });

  it('skips False conditions that explain nothing', () => {
    expect(getVMErrorCondition([{ type: 'Ready', status: 'False' }])).toBeUndefined();
  });
});

describe('getVMIStatus', () => {
  const vmi = (phase?: string, conditions: VirtualMachineCondition[] = []) => ({
    status: { ...(phase ? { phase } : {}), conditions },
  });

  it.each([
    ['Pending', 'transition'],
    ['Scheduling', 'transition'],
    ['Scheduled', 'transition'],
    ['Running', 'running'],
    ['Succeeded', 'stopped'],
  ])('draws phase %s as %s, spelled as the API does', (phase, kind) => {
    expect(getVMIStatus(vmi(phase))).toEqual({ status: phase, kind });
  });

  it('says Paused while the Paused condition holds (the phase stays Running)', () => {
    expect(getVMIStatus(vmi('Running', [{ type: 'Paused', status: 'True' }]))).toEqual({
      status: 'Paused',
      kind: 'paused',
    });
    expect(getVMIStatus(vmi('Running', [{ type: 'Paused', status: 'False' }])).kind).toBe(
      'running',
    );
  });

  it('gives a failure the reason of the condition that explains it', () => {
    const failed = vmi('Failed', [
      { type: 'Ready', status: 'False', reason: 'PodTerminating', message: 'the pod ended' },
    ]);
    expect(getVMIStatus(failed)).toEqual({
      status: 'Failed',
      kind: 'error',
      reason: 'PodTerminating',
      message: 'the pod ended',
    });
  });

  it('is Unknown without a phase or with one KubeVirt does not define', () => {
    expect(getVMIStatus(vmi())).toEqual({ status: 'Unknown', kind: 'unknown' });
    expect(getVMIStatus(vmi('Weird')).kind).toBe('unknown');
  });
});

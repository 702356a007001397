import { describe, expect, it } from 'vitest';
import { cond, vmFixture, vmiFixture } from './testFixtures';
import type { VmStatusInput } from './vmStatus';
import { nextVmStatus } from './vmStatus';

const NOW = new Date('2026-01-01T00:00:00Z');

const input = (overrides: Partial<VmStatusInput>): VmStatusInput => ({
  vm: vmFixture({ template: { spec: { domain: { devices: {} } } } }),
  vmi: undefined,
  base: {},
  stopExpected: false,
  restartRequired: undefined,
  now: NOW,
  backoffMs: (s) => s * 1000,
  dataVolume: () => undefined,
  pvc: () => undefined,
  storageClass: () => undefined,
  snapshotDrivers: new Set(),
  ...overrides,
});

describe('nextVmStatus', () => {
  it('describes a VM that never ran', () => {
    expect(
      nextVmStatus(
        input({
          vm: vmFixture({ runStrategy: 'Halted', template: { spec: { domain: { devices: {} } } } }),
        }),
      ),
    ).toEqual({
      created: false,
      ready: false,
      printableStatus: 'Stopped',
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          reason: 'VMINotExists',
          message: 'VMI does not exist',
          lastProbeTime: null,
          lastTransitionTime: '2026-01-01T00:00:00Z',
        },
      ],
    });
  });

  it('reports a running VMI with its generation and consumes the start request', () => {
    const vmi = vmiFixture('Running', [cond('Ready', 'True')], {
      metadata: { name: 'vm1', uid: 'vmi-uid', annotations: { 'kubevirt.io/vm-generation': '3' } },
    });
    const vm = vmFixture(
      { template: { spec: { domain: { devices: {} } } } },
      { metadata: { name: 'vm1', generation: 4 } },
    );
    const status = nextVmStatus(
      input({ vm, vmi, base: { stateChangeRequests: [{ action: 'Start' }] } }),
    );
    expect(status).toMatchObject({
      created: true,
      ready: true,
      runStrategy: 'Always',
      observedGeneration: 3,
      desiredGeneration: 4,
      printableStatus: 'Running',
    });
    expect(status.stateChangeRequests).toBeUndefined();
  });

  it('keeps a stop request until its VMI is gone and shows Stopping', () => {
    const vmi = vmiFixture('Running', [cond('Ready', 'True')]);
    const status = nextVmStatus(
      input({
        vmi,
        stopExpected: true,
        base: { stateChangeRequests: [{ action: 'Stop', uid: 'vmi-uid' }] },
        restartRequired: 'x',
      }),
    );
    expect(status.printableStatus).toBe('Stopping');
    expect(status.stateChangeRequests).toEqual([{ action: 'Stop', uid: 'vmi-uid' }]);
    expect(status.conditions?.some((c) => c.type === 'RestartRequired')).toBe(false);
  });

  it('records an early failure and backs off', () => {
    const failed = vmiFixture('Failed', [], { metadata: { name: 'vm1', uid: 'vmi-9' } });
    const status = nextVmStatus(input({ vmi: failed }));
    expect(status.startFailure).toMatchObject({
      consecutiveFailCount: 1,
      lastFailedVMIUID: 'vmi-9',
    });
    expect(status.printableStatus).toBe('CrashLoopBackOff');
  });

  it('carries a reconcile failure as the Failure condition', () => {
    const status = nextVmStatus(input({ failure: { reason: 'FailedCreate', message: 'boom' } }));
    expect(status.conditions?.find((c) => c.type === 'Failure')).toMatchObject({
      status: 'True',
      reason: 'FailedCreate',
      message: 'boom',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { SIMULATE_GUEST_ANNOTATION } from '../runtime/simulation';
import { nextStartFailure, startBackoffSeconds } from './startFailure';
import { vmFixture, vmiFixture } from './testFixtures';

const NOW = new Date('2026-01-01T00:00:00Z');
const seconds = (s: number) => s * 1000;

describe('startBackoffSeconds', () => {
  it.each([
    [1, 0, 10],
    [1, 0.999, 15],
    [2, 0, 40],
    [3, 0, 90],
    [6, 0, 300],
    [10, 0.5, 300],
  ])('failure %i with jitter %f waits %is', (count, jitter, expected) => {
    expect(startBackoffSeconds(count, 300, () => jitter)).toBe(expected);
  });
});

const failedEarly = vmiFixture('Failed', [], {
  metadata: { name: 'vm1', uid: 'vmi-1' },
  status: {
    phaseTransitionTimestamps: [{ phase: 'Pending' }, { phase: 'Scheduled' }, { phase: 'Failed' }],
  },
});
const ranThenFailed = vmiFixture('Failed', [], {
  metadata: { name: 'vm1', uid: 'vmi-2' },
  status: { phaseTransitionTimestamps: [{ phase: 'Running' }, { phase: 'Failed' }] },
});
const crashed = vmiFixture('Failed', [], {
  metadata: { name: 'vm1', uid: 'vmi-3', annotations: { [SIMULATE_GUEST_ANNOTATION]: 'crash' } },
  status: { phaseTransitionTimestamps: [{ phase: 'Running' }, { phase: 'Failed' }] },
});

describe('nextStartFailure', () => {
  it('counts a VMI that failed before running', () => {
    expect(nextStartFailure(vmFixture(), failedEarly, NOW, seconds, () => 0)).toEqual({
      consecutiveFailCount: 1,
      lastFailedVMIUID: 'vmi-1',
      retryAfterTimestamp: '2026-01-01T00:00:10Z',
    });
  });

  it('counts each failed VMI once', () => {
    const vm = vmFixture(
      {},
      { status: { startFailure: { consecutiveFailCount: 1, lastFailedVMIUID: 'vmi-1' } } },
    );
    expect(nextStartFailure(vm, failedEarly, NOW, seconds)).toBe(vm.status?.startFailure);
  });

  it('counts the simulated crashing guest although it booted', () => {
    const vm = vmFixture(
      {},
      { status: { startFailure: { consecutiveFailCount: 1, lastFailedVMIUID: 'vmi-1' } } },
    );
    expect(nextStartFailure(vm, crashed, NOW, seconds, () => 0)?.consecutiveFailCount).toBe(2);
  });

  it('clears once a VMI ran', () => {
    const vm = vmFixture({}, { status: { startFailure: { consecutiveFailCount: 3 } } });
    expect(nextStartFailure(vm, ranThenFailed, NOW, seconds)).toBeUndefined();
  });

  it('clears for strategies that never restart by themselves', () => {
    const vm = vmFixture(
      { runStrategy: 'Manual' },
      { status: { startFailure: { consecutiveFailCount: 3 } } },
    );
    expect(nextStartFailure(vm, failedEarly, NOW, seconds)).toBeUndefined();
  });

  it('scales the wait to simulated time and rounds up to a second', () => {
    const fast = (s: number) => s * 10; // timeScale 0.01
    expect(
      nextStartFailure(vmFixture(), failedEarly, NOW, fast, () => 0)?.retryAfterTimestamp,
    ).toBe('2026-01-01T00:00:01Z');
  });
});

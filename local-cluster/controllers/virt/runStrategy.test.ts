import { describe, expect, it } from 'vitest';
import type { RunDecision } from './runStrategy';
import { decideRun, isSetToStart, runStrategyOf, trimStateChangeRequests } from './runStrategy';
import { vmFixture, vmiFixture } from './testFixtures';
import type { VirtualMachine } from './types';

const NOW = Date.parse('2026-01-01T00:00:00Z');

const withRequests = (
  vm: VirtualMachine,
  stateChangeRequests: { action: string; uid?: string; data?: Record<string, string> }[],
) => ({
  ...vm,
  status: { ...vm.status, stateChangeRequests },
});

const running = vmiFixture('Running');
const failed = vmiFixture('Failed');
const succeeded = vmiFixture('Succeeded');
const deleting = vmiFixture('Running', [], {
  metadata: { name: 'vm1', uid: 'vmi-uid', deletionTimestamp: '2026-01-01T00:00:00Z' },
});

describe('runStrategyOf', () => {
  it.each([
    [{ runStrategy: 'Manual' }, 'Manual'],
    [{ runStrategy: undefined, running: true }, 'Always'],
    [{ runStrategy: undefined, running: false }, 'Halted'],
    [{ runStrategy: undefined }, 'Halted'],
  ])('%j → %s', (spec, expected) => {
    expect(runStrategyOf(vmFixture(spec))).toBe(expected);
  });
});

// features.md §4.3 and KubeVirt's syncRunStrategy.
const cases: [string, VirtualMachine, Parameters<typeof decideRun>[1], RunDecision['kind']][] = [
  ['Always without VMI starts', vmFixture({ runStrategy: 'Always' }), undefined, 'start'],
  ['Always with a running VMI does nothing', vmFixture({ runStrategy: 'Always' }), running, 'none'],
  ['Always restarts after Succeeded', vmFixture({ runStrategy: 'Always' }), succeeded, 'stop'],
  ['Always restarts after Failed', vmFixture({ runStrategy: 'Always' }), failed, 'stop'],
  [
    'Always with a stop request for the VMI restarts it',
    withRequests(vmFixture({ runStrategy: 'Always' }), [{ action: 'Stop', uid: 'vmi-uid' }]),
    running,
    'stop',
  ],
  [
    'Always waits for its crash-loop backoff',
    vmFixture(
      { runStrategy: 'Always' },
      {
        status: {
          startFailure: { consecutiveFailCount: 1, retryAfterTimestamp: '2026-01-01T00:00:10Z' },
        },
      },
    ),
    undefined,
    'backoff',
  ],
  [
    'Always starts when the backoff expired',
    vmFixture(
      { runStrategy: 'Always' },
      {
        status: {
          startFailure: { consecutiveFailCount: 1, retryAfterTimestamp: '2025-12-31T23:59:00Z' },
        },
      },
    ),
    undefined,
    'start',
  ],
  [
    'RerunOnFailure never started starts',
    vmFixture({ runStrategy: 'RerunOnFailure' }),
    undefined,
    'start',
  ],
  [
    'RerunOnFailure after a failure deletes and queues a start',
    vmFixture({ runStrategy: 'RerunOnFailure' }),
    failed,
    'stopAndRequestStart',
  ],
  [
    'RerunOnFailure after success stops',
    vmFixture({ runStrategy: 'RerunOnFailure' }),
    succeeded,
    'stop',
  ],
  [
    'RerunOnFailure stays stopped after a clean shutdown',
    vmFixture({ runStrategy: 'RerunOnFailure' }, { status: { runStrategy: 'RerunOnFailure' } }),
    undefined,
    'none',
  ],
  [
    'RerunOnFailure restarts on its queued start request',
    withRequests(
      vmFixture({ runStrategy: 'RerunOnFailure' }, { status: { runStrategy: 'RerunOnFailure' } }),
      [{ action: 'Start' }],
    ),
    undefined,
    'start',
  ],
  ['Manual without request does nothing', vmFixture({ runStrategy: 'Manual' }), undefined, 'none'],
  [
    'Manual with a start request starts',
    withRequests(vmFixture({ runStrategy: 'Manual' }), [{ action: 'Start' }]),
    undefined,
    'start',
  ],
  [
    'Manual with a stop request stops',
    withRequests(vmFixture({ runStrategy: 'Manual' }), [{ action: 'Stop', uid: 'vmi-uid' }]),
    running,
    'stop',
  ],
  [
    'Manual ignores a stop request for another VMI',
    withRequests(vmFixture({ runStrategy: 'Manual' }), [{ action: 'Stop', uid: 'other' }]),
    running,
    'none',
  ],
  ['Manual leaves a failed VMI alone', vmFixture({ runStrategy: 'Manual' }), failed, 'none'],
  ['Halted without VMI does nothing', vmFixture({ runStrategy: 'Halted' }), undefined, 'none'],
  ['Halted with a VMI stops it', vmFixture({ runStrategy: 'Halted' }), running, 'stop'],
  [
    'Halted with a VMI already stopping waits',
    vmFixture({ runStrategy: 'Halted' }),
    deleting,
    'none',
  ],
  [
    'Halted with a start request switches to Always',
    withRequests(vmFixture({ runStrategy: 'Halted' }), [{ action: 'Start' }]),
    undefined,
    'switchToAlways',
  ],
  ['Once starts when there is no VMI', vmFixture({ runStrategy: 'Once' }), undefined, 'start'],
  ['Once never restarts', vmFixture({ runStrategy: 'Once' }), succeeded, 'none'],
];

describe('decideRun', () => {
  it.each(cases)('%s', (_name, vm, vmi, expected) => {
    expect(decideRun(vm, vmi, NOW).kind).toBe(expected);
  });

  it('starts paused on `start --paused`', () => {
    const vm = withRequests(vmFixture({ runStrategy: 'Manual' }), [
      { action: 'Start', data: { paused: 'true' } },
    ]);
    expect(decideRun(vm, undefined, NOW)).toEqual({ kind: 'start', paused: true });
  });

  it('reports how long the backoff still lasts', () => {
    const vm = vmFixture(
      {},
      {
        status: {
          startFailure: { consecutiveFailCount: 1, retryAfterTimestamp: '2026-01-01T00:00:10Z' },
        },
      },
    );
    expect(decideRun(vm, undefined, NOW)).toEqual({ kind: 'backoff', retryInMs: 10_000 });
  });
});

describe('isSetToStart', () => {
  it.each([
    ['Always', undefined, true],
    ['Halted', undefined, false],
    ['Manual', undefined, false],
    ['RerunOnFailure', succeeded, false],
    ['RerunOnFailure', undefined, true],
    ['Once', undefined, true],
  ] as const)('%s with %j', (runStrategy, vmi, expected) => {
    expect(isSetToStart(vmFixture({ runStrategy }), vmi)).toBe(expected);
  });
});

describe('trimStateChangeRequests', () => {
  it('drops a Stop request once its VMI is gone', () => {
    expect(
      trimStateChangeRequests([{ action: 'Stop', uid: 'vmi-uid' }, { action: 'Start' }], undefined),
    ).toEqual([{ action: 'Start' }]);
  });
  it('keeps a Stop request while its VMI shuts down', () => {
    const reqs = [{ action: 'Stop', uid: 'vmi-uid' }];
    expect(trimStateChangeRequests(reqs, deleting)).toBe(reqs);
  });
  it('drops a Start request once a live VMI exists', () => {
    expect(trimStateChangeRequests([{ action: 'Start' }], running)).toEqual([]);
  });
  it('keeps a Start request while the old VMI is still going away', () => {
    const reqs = [{ action: 'Start' }];
    expect(trimStateChangeRequests(reqs, failed)).toBe(reqs);
  });
});

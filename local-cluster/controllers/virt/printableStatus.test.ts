import { describe, expect, it } from 'vitest';
import type { PrintableStatus, PrintableStatusInput } from './printableStatus';
import { printableStatus } from './printableStatus';
import { cond, dvFixture, pvcFixture, vmFixture, vmiFixture } from './testFixtures';
import type { DataVolume, PersistentVolumeClaim } from './types';

const input = (
  overrides: Partial<PrintableStatusInput> & { dvs?: DataVolume[]; pvcs?: PersistentVolumeClaim[] },
): PrintableStatusInput => {
  const { dvs = [], pvcs = [], ...rest } = overrides;
  return {
    vm: vmFixture(),
    vmi: undefined,
    dataVolume: (n) => dvs.find((d) => d.metadata.name === n),
    pvc: (n) => pvcs.find((p) => p.metadata.name === n),
    ...rest,
  };
};

const boundDisk = {
  dvs: [dvFixture('vm1-root', 'Succeeded')],
  pvcs: [pvcFixture('vm1-root', 'Bound')],
};

const cases: [string, PrintableStatusInput, PrintableStatus][] = [
  [
    'halted VM without VMI',
    input({ vm: vmFixture({ runStrategy: 'Halted' }), ...boundDisk }),
    'Stopped',
  ],
  ['VMI creation pending', input({ startExpected: true, ...boundDisk }), 'Starting'],
  ['VMI scheduling', input({ vmi: vmiFixture('Scheduling'), ...boundDisk }), 'Starting'],
  ['VMI just created (no phase)', input({ vmi: vmiFixture(undefined), ...boundDisk }), 'Starting'],
  ['VMI running', input({ vmi: vmiFixture('Running'), ...boundDisk }), 'Running'],
  [
    'VMI running and paused',
    input({ vmi: vmiFixture('Running', [cond('Paused', 'True', 'PausedByUser')]), ...boundDisk }),
    'Paused',
  ],
  [
    'VMI marked for deletion',
    input({
      vmi: vmiFixture('Running', [], {
        metadata: { name: 'vm1', deletionTimestamp: '2026-01-01T00:00:00Z' },
      }),
      ...boundDisk,
    }),
    'Stopping',
  ],
  [
    'stop requested, not yet visible',
    input({ vmi: vmiFixture('Running'), stopExpected: true }),
    'Stopping',
  ],
  [
    'VM being deleted',
    input({
      vm: vmFixture({}, { metadata: { name: 'vm1', deletionTimestamp: '2026-01-01T00:00:00Z' } }),
      vmi: vmiFixture('Running'),
    }),
    'Terminating',
  ],
  [
    'migration in progress',
    input({
      vmi: vmiFixture('Running', [], {
        status: { migrationState: { startTimestamp: '2026-01-01T00:00:00Z', sourceNode: 'a' } },
      }),
    }),
    'Migrating',
  ],
  [
    'migration completed',
    input({
      vmi: vmiFixture('Running', [], {
        status: { migrationState: { completed: true, endTimestamp: '2026-01-01T00:01:00Z' } },
      }),
    }),
    'Running',
  ],
  [
    'DataVolume importing',
    input({ dvs: [dvFixture('vm1-root', 'ImportInProgress', [cond('Bound', 'True')])] }),
    'Provisioning',
  ],
  [
    'WFFC DataVolume waiting for its first consumer',
    input({
      dvs: [dvFixture('vm1-root', 'WaitForFirstConsumer', [cond('Bound', 'False')])],
      pvcs: [pvcFixture('vm1-root', 'Pending')],
    }),
    'WaitingForVolumeBinding',
  ],
  [
    'WFFC DataVolume of a halted VM',
    input({
      vm: vmFixture({ runStrategy: 'Halted' }),
      dvs: [dvFixture('vm1-root', 'WaitForFirstConsumer')],
      pvcs: [pvcFixture('vm1-root', 'Pending')],
    }),
    'Stopped',
  ],
  ['failed import', input({ dvs: [dvFixture('vm1-root', 'Failed')] }), 'DataVolumeError'],
  [
    'importer stopped by an error',
    input({
      dvs: [dvFixture('vm1-root', 'ImportInProgress', [cond('Running', 'False', 'Error', '404')])],
    }),
    'DataVolumeError',
  ],
  [
    'pod unschedulable',
    input({
      vmi: vmiFixture('Scheduling', [
        cond('PodScheduled', 'False', 'Unschedulable', '0/6 nodes are available'),
      ]),
      ...boundDisk,
    }),
    'ErrorUnschedulable',
  ],
  [
    'PVC missing',
    input({
      vmi: vmiFixture('Pending', [
        cond('Synchronized', 'False', 'FailedPvcNotFound', 'PVC ns/x does not exist'),
      ]),
    }),
    'ErrorPvcNotFound',
  ],
  [
    'image pull failing',
    input({
      vmi: vmiFixture('Scheduling', [cond('Synchronized', 'False', 'ErrImagePull')]),
      ...boundDisk,
    }),
    'ErrImagePull',
  ],
  [
    'image pull backing off',
    input({
      vmi: vmiFixture('Scheduling', [cond('Synchronized', 'False', 'ImagePullBackOff')]),
      ...boundDisk,
    }),
    'ImagePullBackOff',
  ],
  [
    'repeated start failures, waiting for the backoff',
    input({
      vm: vmFixture(
        {},
        {
          status: {
            startFailure: { consecutiveFailCount: 2, retryAfterTimestamp: '2099-01-01T00:00:00Z' },
          },
        },
      ),
      ...boundDisk,
    }),
    'CrashLoopBackOff',
  ],
  [
    'start failures do not matter for a Manual VM',
    input({
      vm: vmFixture(
        { runStrategy: 'Manual' },
        { status: { startFailure: { consecutiveFailCount: 2 } } },
      ),
      ...boundDisk,
    }),
    'Stopped',
  ],
  ['VMI succeeded', input({ vmi: vmiFixture('Succeeded'), ...boundDisk }), 'Stopped'],
  ['VMI in phase Unknown', input({ vmi: vmiFixture('Unknown'), ...boundDisk }), 'Unknown'],
];

describe('printableStatus', () => {
  it.each(cases)('%s', (_name, given, expected) => {
    expect(printableStatus(given)).toBe(expected);
  });
});

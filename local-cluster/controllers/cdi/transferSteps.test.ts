import { describe, expect, it } from 'vitest';
import type { Pvc } from './cdiTypes';
import type { TransferContext, TransferStep } from './transferSteps';
import { nextTransferStep } from './transferSteps';
import { formatProgress, importDurationMs, progressAt, restartBackoffMs } from './transferTiming';

const Gi = 2 ** 30;

/** Runs the simulated pod with a fake clock (1:1 simulated time), applying each step's patch. */
const run = (
  base: Omit<TransferContext, 'pvc' | 'now' | 'simulated' | 'real'>,
  opts: { bound?: boolean; maxSteps?: number } = {},
): { steps: TransferStep[]; pvc: Pvc } => {
  let now = Date.parse('2026-11-23T10:00:00Z');
  let pvc: Pvc = {
    metadata: { name: 'disk', namespace: 'ns', uid: 'uid-1', annotations: {} },
    spec: {},
    status: { phase: opts.bound === false ? 'Pending' : 'Bound' },
  };
  const steps: TransferStep[] = [];
  for (let i = 0; i < (opts.maxSteps ?? 200); i++) {
    const step = nextTransferStep({ ...base, pvc, now, simulated: (ms) => ms, real: (ms) => ms });
    steps.push(step);
    // A merge patch: null removes the key.
    const annotations = Object.fromEntries(
      Object.entries({ ...pvc.metadata.annotations, ...step.annotations }).filter(
        (e): e is [string, string] => e[1] !== null,
      ),
    );
    pvc = { ...pvc, metadata: { ...pvc.metadata, annotations } };
    if (step.requeueAfterMs === undefined) break;
    now += step.requeueAfterMs;
  }
  return { steps, pvc };
};

describe('simulated transfer pods', () => {
  it('runs an import: pod pending, container creating, running with progress, succeeded', () => {
    const { steps, pvc } = run({
      plan: { kind: 'import', source: 'http', endpoint: 'https://x/y.img' },
      sizeBytes: 2 * Gi,
      preallocation: false,
      cloneStrategy: 'copy',
    });
    const ann = pvc.metadata.annotations ?? {};
    expect(ann).toMatchObject({
      'cdi.kubevirt.io/storage.import.importPodName': 'importer-disk',
      'cdi.kubevirt.io/storage.pod.phase': 'Succeeded',
      'cdi.kubevirt.io/storage.condition.running': 'false',
      'cdi.kubevirt.io/storage.condition.running.reason': 'Completed',
      'cdi.kubevirt.io/storage.condition.running.message': 'Import Complete',
    });
    const progress = steps.map((s) => s.progress);
    expect(progress.at(-1)).toBe('100.0%');
    const numeric = progress.filter((p) => /^\d+\.\d\d%$/.test(p)).map((p) => Number.parseFloat(p));
    expect(numeric.length).toBeGreaterThan(3);
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
    expect(steps.at(-1)?.pvcEvents).toEqual([
      { type: 'Normal', reason: 'ImportSucceeded', message: 'Import Successful' },
    ]);
  });

  it('keeps a failing import failed, restarting with back-off', () => {
    const { steps, pvc } = run(
      {
        plan: { kind: 'import', source: 'http', endpoint: 'http://images.example.invalid/x.img' },
        failureMessage: 'Unable to connect',
        sizeBytes: Gi,
        preallocation: false,
        cloneStrategy: 'copy',
      },
      { maxSteps: 8 },
    );
    const ann = pvc.metadata.annotations ?? {};
    expect(ann['cdi.kubevirt.io/storage.pod.phase']).toBe('Failed');
    expect(ann['cdi.kubevirt.io/storage.condition.running.reason']).toBe('Error');
    expect(Number(ann['cdi.kubevirt.io/storage.pod.restarts'])).toBeGreaterThanOrEqual(2);
    expect(steps.flatMap((s) => s.pvcEvents).every((e) => e.reason === 'ErrImportFailed')).toBe(
      true,
    );
  });

  it('does not start the pod before the volume is bound, and asks for its node', () => {
    const { steps, pvc } = run(
      {
        plan: { kind: 'import', source: 'none' },
        sizeBytes: Gi,
        preallocation: false,
        cloneStrategy: 'copy',
        selectedNode: 'worker-2',
      },
      { bound: false, maxSteps: 5 },
    );
    expect(pvc.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe('worker-2');
    expect(pvc.metadata.annotations?.['cdi.kubevirt.io/storage.pod.phase']).toBe('Pending');
    expect(steps.every((s) => s.progress === 'N/A')).toBe(true);
  });

  it('reports no progress for a CSI clone until it is done', () => {
    const { steps, pvc } = run({
      plan: { kind: 'clone', from: { kind: 'pvc', namespace: 'a', name: 'b' } },
      sizeBytes: Gi,
      preallocation: false,
      cloneStrategy: 'csi-clone',
    });
    expect(steps.map((s) => s.progress).filter((p) => p !== 'N/A')).toEqual(['100.0%']);
    expect(pvc.metadata.annotations?.['k8s.io/CloneOf']).toBe('true');
  });

  it('waits for the uploaded bytes, then succeeds', () => {
    const base = {
      plan: { kind: 'upload' as const },
      sizeBytes: Gi,
      preallocation: false,
      cloneStrategy: 'copy' as const,
    };
    const ready = run({ ...base, upload: { receivedBytes: 0, done: false } }, { maxSteps: 6 });
    expect(ready.pvc.metadata.annotations?.['cdi.kubevirt.io/storage.pod.ready']).toBe('true');
    const step = nextTransferStep({
      ...base,
      pvc: ready.pvc,
      now: Date.now(),
      simulated: (ms) => ms,
      real: (ms) => ms,
      upload: { receivedBytes: 10, expectedBytes: 10, done: true },
    });
    expect(step.annotations['cdi.kubevirt.io/storage.pod.phase']).toBe('Succeeded');
    expect(step.progress).toBe('100.0%');
  });
});

describe('transfer timing', () => {
  it.each([
    [0, '0.00%'],
    [0.4567, '45.67%'],
    [1, '100.00%'],
    [2, '100.00%'],
  ])('formats %d as %s', (fraction, text) => expect(formatProgress(fraction)).toBe(text));

  it('never reports 100% while running', () => {
    expect(progressAt(10_000, 10_000)).toBe('99.99%');
  });

  it('imports at 200 MiB/s, at least 1 s and at most 60 s', () => {
    expect(importDurationMs(2 * Gi)).toBe(10_240);
    expect(importDurationMs(1)).toBe(1000);
    expect(importDurationMs(1000 * Gi)).toBe(60_000);
  });

  it('backs off restarts like the kubelet', () => {
    expect([1, 2, 3, 10].map(restartBackoffMs)).toEqual([10_000, 20_000, 40_000, 300_000]);
  });
});

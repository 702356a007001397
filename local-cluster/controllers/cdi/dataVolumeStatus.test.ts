import { describe, expect, it } from 'vitest';
import type { DataVolume, Pvc } from './cdiTypes';
import type { TransferPlan } from './dataVolumeSource';
import type { Blocker } from './dataVolumeStatus';
import { dataVolumeStatus, upsertCondition } from './dataVolumeStatus';

const NOW = '2026-11-23T10:00:00Z';
const importPlan: TransferPlan = { kind: 'import', source: 'http', endpoint: 'https://x/y.img' };
const uploadPlan: TransferPlan = { kind: 'upload' };
const clonePlan: TransferPlan = {
  kind: 'clone',
  from: { kind: 'pvc', namespace: 'src', name: 'golden' },
};

const dv = (phase?: string): DataVolume => ({
  metadata: { name: 'disk', namespace: 'ns', uid: 'u1' },
  spec: {},
  ...(phase ? { status: { phase } } : {}),
});

const pvc = (
  phase: 'Pending' | 'Bound' | 'Lost',
  annotations: Record<string, string> = {},
): Pvc => ({
  metadata: { name: 'disk', namespace: 'ns', annotations },
  spec: {},
  status: { phase },
});

const pod = (phase: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'cdi.kubevirt.io/storage.pod.phase': phase,
  ...extra,
});

interface Row {
  name: string;
  plan?: TransferPlan;
  claim?: Pvc;
  waiting?: boolean;
  blocker?: Blocker;
  phase: string;
}

const rows: Row[] = [
  { name: 'no claim yet', plan: importPlan, phase: 'Pending' },
  { name: 'claim pending', plan: importPlan, claim: pvc('Pending'), phase: 'Pending' },
  {
    name: 'waiting for a first consumer',
    plan: importPlan,
    claim: pvc('Pending'),
    waiting: true,
    phase: 'PendingPopulation',
  },
  { name: 'bound, no pod yet', plan: importPlan, claim: pvc('Bound'), phase: 'PVCBound' },
  {
    name: 'importer pending',
    plan: importPlan,
    claim: pvc('Bound', pod('Pending')),
    phase: 'ImportScheduled',
  },
  {
    name: 'importer running',
    plan: importPlan,
    claim: pvc('Bound', pod('Running')),
    phase: 'ImportInProgress',
  },
  {
    name: 'importer failed',
    plan: importPlan,
    claim: pvc('Bound', pod('Failed')),
    phase: 'Failed',
  },
  {
    name: 'importer done',
    plan: importPlan,
    claim: pvc('Bound', pod('Succeeded')),
    phase: 'Succeeded',
  },
  {
    name: 'upload server starting',
    plan: uploadPlan,
    claim: pvc('Bound', pod('Pending')),
    phase: 'UploadScheduled',
  },
  {
    name: 'upload server running, not ready',
    plan: uploadPlan,
    claim: pvc('Bound', pod('Running')),
    phase: 'UploadScheduled',
  },
  {
    name: 'upload server ready',
    plan: uploadPlan,
    claim: pvc('Bound', pod('Running', { 'cdi.kubevirt.io/storage.pod.ready': 'true' })),
    phase: 'UploadReady',
  },
  {
    name: 'clone running',
    plan: clonePlan,
    claim: pvc('Bound', pod('Running')),
    phase: 'CloneInProgress',
  },
  {
    name: 'clone source in use',
    plan: clonePlan,
    claim: pvc('Pending'),
    blocker: {
      phase: 'CloneScheduled',
      reason: 'CloneSourceInUse',
      message: 'pod ns/p using PersistentVolumeClaim golden',
    },
    phase: 'CloneScheduled',
  },
  {
    name: 'clone source missing',
    plan: clonePlan,
    blocker: {
      phase: 'Pending',
      reason: 'CloneWithoutSource',
      message: "The source PVC golden doesn't exist",
    },
    phase: 'Pending',
  },
  { name: 'adopted claim', plan: { kind: 'none' }, claim: pvc('Bound'), phase: 'Succeeded' },
  { name: 'claim lost', plan: importPlan, claim: pvc('Lost'), phase: 'Failed' },
];

describe('dataVolumeStatus phases', () => {
  it.each(rows)('$name → $phase', (row) => {
    const { status } = dataVolumeStatus({
      dv: dv(),
      pvc: row.claim,
      plan: row.plan,
      waitingForConsumer: row.waiting ?? false,
      blocker: row.blocker,
      now: NOW,
    });
    expect(status.phase).toBe(row.phase);
    expect(status.conditions?.find((c) => c.type === 'Ready')?.status).toBe(
      row.phase === 'Succeeded' ? 'True' : 'False',
    );
  });
});

describe('dataVolumeStatus conditions, progress and events', () => {
  it('reports Bound from the claim, Running from the pod annotations and TransferRunning', () => {
    const { status, events } = dataVolumeStatus({
      dv: dv('ImportScheduled'),
      pvc: pvc(
        'Bound',
        pod('Running', {
          'cdi.kubevirt.io/storage.condition.running': 'true',
          'cdi.kubevirt.io/storage.condition.running.reason': 'Pod is running',
        }),
      ),
      plan: importPlan,
      waitingForConsumer: false,
      progress: '42.10%',
      now: NOW,
    });
    const byType = Object.fromEntries((status.conditions ?? []).map((c) => [c.type, c]));
    expect(byType.Bound).toMatchObject({
      status: 'True',
      reason: 'Bound',
      message: 'PVC disk Bound',
    });
    expect(byType.Running).toMatchObject({ status: 'True', reason: 'Pod is running' });
    expect(byType.Ready).toMatchObject({ status: 'False', reason: 'TransferRunning' });
    expect(status.progress).toBe('42.10%');
    expect(events).toContainEqual({
      type: 'Normal',
      reason: 'ImportInProgress',
      message: 'Import into disk in progress',
    });
    expect(events).toContainEqual({ type: 'Normal', reason: 'Bound', message: 'PVC disk Bound' });
  });

  it('says 100.0% once done and records the success event once', () => {
    const done = dataVolumeStatus({
      dv: dv('ImportInProgress'),
      pvc: pvc('Bound', pod('Succeeded')),
      plan: importPlan,
      waitingForConsumer: false,
      now: NOW,
    });
    expect(done.status.progress).toBe('100.0%');
    expect(done.events).toContainEqual({
      type: 'Normal',
      reason: 'ImportSucceeded',
      message: 'Successfully imported into PVC disk',
    });
    const again = dataVolumeStatus({
      dv: { ...dv(), status: done.status },
      pvc: pvc('Bound', pod('Succeeded')),
      plan: importPlan,
      waitingForConsumer: false,
      now: '2026-11-23T11:00:00Z',
    });
    expect(again.events).toEqual([]);
    expect(again.status).toEqual(done.status);
  });

  it('warns with the importer error when the transfer stops on it', () => {
    const message =
      'Unable to connect to http data source: expected status code 200, got 404. Status: 404 Not Found';
    const { status, events } = dataVolumeStatus({
      dv: dv('ImportInProgress'),
      pvc: pvc(
        'Bound',
        pod('Failed', {
          'cdi.kubevirt.io/storage.condition.running': 'false',
          'cdi.kubevirt.io/storage.condition.running.reason': 'Error',
          'cdi.kubevirt.io/storage.condition.running.message': message,
          'cdi.kubevirt.io/storage.pod.restarts': '3',
        }),
      ),
      plan: importPlan,
      waitingForConsumer: false,
      now: NOW,
    });
    expect(status).toMatchObject({ phase: 'Failed', restartCount: 3 });
    expect(events).toContainEqual({ type: 'Warning', reason: 'Error', message });
    expect(events).toContainEqual({
      type: 'Warning',
      reason: 'ImportFailed',
      message: 'Failed to import into PVC disk',
    });
  });

  it('names clone source and target in clone events', () => {
    const { events } = dataVolumeStatus({
      dv: dv('CloneScheduled'),
      pvc: pvc('Bound', pod('Succeeded')),
      plan: clonePlan,
      waitingForConsumer: false,
      now: NOW,
    });
    expect(events).toContainEqual({
      type: 'Normal',
      reason: 'CloneSucceeded',
      message: 'Successfully cloned from src/golden into ns/disk',
    });
  });
});

describe('upsertCondition', () => {
  it('moves the transition time only on a status change and keeps equal conditions identical', () => {
    const a = upsertCondition([], 'Ready', 'False', '', '', 't1');
    expect(upsertCondition(a, 'Ready', 'False', '', '', 't2')).toBe(a);
    const b = upsertCondition(a, 'Ready', 'False', 'waiting', 'X', 't2');
    expect(b[0]).toMatchObject({ lastTransitionTime: 't1', lastHeartbeatTime: 't2', reason: 'X' });
    const c = upsertCondition(b, 'Ready', 'True', '', '', 't3');
    expect(c[0]).toEqual({
      type: 'Ready',
      status: 'True',
      lastTransitionTime: 't3',
      lastHeartbeatTime: 't3',
    });
  });
});

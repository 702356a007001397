import { describe, expect, it } from 'vitest';
import type { SnapshotSource } from './snapshotStatus';
import { computeSnapshotStatus, snapshotDeadlineExceeded } from './snapshotStatus';
import type { VmSnapshot, VmSnapshotContent } from './snapshotTypes';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const snap = (status?: VmSnapshot['status'], deleting = false): VmSnapshot => ({
  metadata: {
    name: 'snap',
    creationTimestamp: '2026-01-01T00:00:00Z',
    ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:30Z' } : {}),
  },
  spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'vm' } },
  status,
});
const content = (status: VmSnapshotContent['status']): VmSnapshotContent => ({
  metadata: { name: 'vmsnapshot-content-x' },
  spec: { source: {} },
  status,
});
const source = (over: Partial<SnapshotSource> = {}): SnapshotSource => ({
  online: true,
  paused: false,
  guestAgent: true,
  frozen: false,
  locked: true,
  uid: 'vm-uid',
  lockMessage: 'Source locked and operation in progress',
  ...over,
});
const run = (
  s: VmSnapshot,
  c?: VmSnapshotContent,
  src: SnapshotSource | null = source(),
  nowMs = T0 + 10_000,
) =>
  computeSnapshotStatus({
    snapshot: s,
    content: c,
    source: src ?? undefined,
    deadlineMs: 300_000,
    nowMs,
    now: 't',
  });
const cond = (status: ReturnType<typeof run>, type: string) =>
  status.conditions?.find((c) => c.type === type);

describe('computeSnapshotStatus', () => {
  it('is InProgress with Progressing True while locked, with online indications', () => {
    const s = run(snap());
    expect(s).toMatchObject({
      phase: 'InProgress',
      readyToUse: false,
      sourceUID: 'vm-uid',
      indications: ['GuestAgent', 'Online'],
    });
    expect(cond(s, 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'Source locked and operation in progress',
    });
    expect(cond(s, 'Ready')).toMatchObject({ status: 'False', reason: 'Not ready' });
  });

  it('waits with Progressing False while the source cannot be locked', () => {
    const s = run(
      snap(),
      undefined,
      source({
        locked: false,
        online: false,
        lockMessage: 'Source not locked source ns/vm volume not bound: root',
      }),
    );
    expect(s.phase).toBe('InProgress');
    expect(s.indications).toBeNull();
    expect(cond(s, 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'Source not locked source ns/vm volume not bound: root',
    });
  });

  it('succeeds when the content has a creation time, and is Ready once it is ready', () => {
    const s = run(
      snap({ phase: 'InProgress' }),
      content({ creationTime: '2026-01-01T00:00:05Z', readyToUse: true }),
    );
    expect(s).toMatchObject({
      phase: 'Succeeded',
      readyToUse: true,
      creationTime: '2026-01-01T00:00:05Z',
      virtualMachineSnapshotContentName: 'vmsnapshot-content-x',
    });
    expect(cond(s, 'Progressing')).toMatchObject({ status: 'False', reason: 'Operation complete' });
    expect(cond(s, 'Ready')).toMatchObject({ status: 'True', reason: 'Ready' });
  });

  it('fails past the failure deadline', () => {
    const s = run(
      snap({ phase: 'InProgress' }),
      undefined,
      source({ locked: false }),
      T0 + 301_000,
    );
    expect(s.phase).toBe('Failed');
    expect(cond(s, 'Failure')).toMatchObject({
      status: 'True',
      reason: 'snapshot deadline exceeded',
    });
    expect(cond(s, 'Progressing')).toMatchObject({ status: 'False', reason: 'Operation failed' });
  });

  it('reports a missing source and a deleting snapshot', () => {
    expect(cond(run(snap(), undefined, null), 'Progressing')?.reason).toBe('Source does not exist');
    const deleting = run(snap({ phase: 'InProgress' }, true));
    expect(deleting.phase).toBe('Deleting');
  });

  it('has no deadline when failureDeadline is 0', () => {
    expect(snapshotDeadlineExceeded(snap({ phase: 'InProgress' }), 0, T0 + 10 ** 9)).toBe(false);
  });
});

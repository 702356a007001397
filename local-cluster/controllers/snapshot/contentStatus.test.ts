import { describe, expect, it } from 'vitest';
import { computeContentStatus } from './contentStatus';
import type { VmSnapshotContent } from './snapshotTypes';

const content = (status?: VmSnapshotContent['status']): VmSnapshotContent => ({
  metadata: { name: 'c' },
  spec: { source: {} },
  status,
});

describe('computeContentStatus', () => {
  it('is created and ready when every VolumeSnapshot is', () => {
    const r = computeContentStatus({
      content: content(),
      entries: [{ volumeSnapshotName: 'a', creationTime: 't1', readyToUse: true }],
      missing: [],
      skipped: [],
      now: 'now',
    });
    expect(r.justCreated).toBe(true);
    expect(r.status).toMatchObject({ creationTime: 'now', readyToUse: true, error: null });
  });

  it('is neither while a VolumeSnapshot is being cut', () => {
    const r = computeContentStatus({
      content: content(),
      entries: [{ volumeSnapshotName: 'a', readyToUse: false }],
      missing: [],
      skipped: [],
      now: 'now',
    });
    expect(r.justCreated).toBe(false);
    expect(r.status.readyToUse).toBe(false);
    expect(r.status.creationTime).toBeUndefined();
  });

  it('is created at once when there is nothing to snapshot', () => {
    const r = computeContentStatus({
      content: content(),
      entries: [],
      missing: [],
      skipped: [],
      now: 'now',
    });
    expect(r.status).toMatchObject({ creationTime: 'now', readyToUse: true });
  });

  it.each([
    [{ missing: ['a', 'b'], skipped: [] }, 'VolumeSnapshots (a,b) missing'],
    [{ missing: [], skipped: ['a'] }, 'VolumeSnapshots (a) skipped because vm snapshot is deleted'],
  ])('reports %o', (lists, message) => {
    const r = computeContentStatus({
      content: content({ creationTime: 'old' }),
      entries: [],
      ...lists,
      now: 'now',
    });
    expect(r.status.readyToUse).toBe(false);
    expect(r.status.error).toEqual({ message, time: 'now' });
  });

  it('reports a VolumeSnapshot error', () => {
    const r = computeContentStatus({
      content: content(),
      entries: [{ volumeSnapshotName: 'a', readyToUse: false, error: { message: 'boom' } }],
      missing: [],
      skipped: [],
      now: 'now',
    });
    expect(r.status.error?.message).toBe('VolumeSnapshot a error: boom');
  });
});

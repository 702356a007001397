import { describe, expect, it } from 'vitest';
import type { VirtualMachineSnapshot } from '../models/types';
import { summarizeSnapshots } from './snapshotSummary';

const snap = (name: string, vm: string, created?: string, kind = 'VirtualMachine') =>
  ({
    apiVersion: 'snapshot.kubevirt.io/v1beta1',
    kind: 'VirtualMachineSnapshot',
    metadata: { name, namespace: 'ns', ...(created ? { creationTimestamp: created } : {}) },
    spec: { source: { apiGroup: 'kubevirt.io', kind, name: vm } },
  }) as VirtualMachineSnapshot;

describe('summarizeSnapshots', () => {
  it('counts only the VM’s snapshots and keeps the newest few, newest first', () => {
    const list = [
      snap('a', 'vm', '2026-12-01T10:00:00Z'),
      snap('b', 'vm', '2026-12-03T10:00:00Z'),
      snap('other', 'vm2', '2026-12-05T10:00:00Z'),
      snap('c', 'vm', '2026-12-02T10:00:00Z'),
      snap('d', 'vm', '2026-12-04T10:00:00Z'),
      snap('kind', 'vm', '2026-12-06T10:00:00Z', 'VirtualMachineInstance'),
    ];
    const summary = summarizeSnapshots(list, 'vm');
    expect(summary.count).toBe(4);
    expect(summary.latest.map((s) => s.metadata?.name)).toEqual(['d', 'b', 'c']);
  });

  it('puts snapshots without a creation time last, by name, and honours the limit', () => {
    const list = [snap('z', 'vm'), snap('y', 'vm'), snap('x', 'vm', '2026-12-01T10:00:00Z')];
    expect(summarizeSnapshots(list, 'vm', 5).latest.map((s) => s.metadata?.name)).toEqual([
      'x',
      'y',
      'z',
    ]);
    expect(summarizeSnapshots(list, 'vm', 1).latest).toHaveLength(1);
  });

  it('is empty for no list', () => {
    expect(summarizeSnapshots(undefined, 'vm')).toEqual({ count: 0, latest: [] });
    expect(summarizeSnapshots([], 'vm')).toEqual({ count: 0, latest: [] });
  });
});

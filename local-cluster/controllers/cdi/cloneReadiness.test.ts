import { describe, expect, it } from 'vitest';
import type { DataVolume, Pod, Pvc, VolumeSnapshot } from './cdiTypes';
import type { CloneLookups } from './cloneReadiness';
import { cloneFallback, cloneSourceState } from './cloneReadiness';
import { dataSourceState } from './dataSourceStatus';

const source = (phase: 'Pending' | 'Bound', annotations: Record<string, string> = {}): Pvc => ({
  metadata: { name: 'golden', namespace: 'os', annotations },
  spec: { resources: { requests: { storage: '30Gi' } } },
  status: { phase, capacity: { storage: '31Gi' } },
});

const lookups = (o: {
  pvc?: Pvc;
  dv?: DataVolume;
  pods?: Pod[];
  snapshot?: VolumeSnapshot;
}): CloneLookups => ({
  pvc: () => o.pvc,
  dataVolume: () => o.dv,
  snapshot: () => o.snapshot,
  volume: () => undefined,
  pods: () => o.pods ?? [],
});

const from = { kind: 'pvc' as const, namespace: 'os', name: 'golden' };

describe('cloneSourceState', () => {
  it('is ready for a bound, populated, unused source and sizes from its capacity', () => {
    expect(cloneSourceState(from, lookups({ pvc: source('Bound') }))).toEqual({
      events: [],
      sourceBytes: 31 * 2 ** 30,
      sourceNode: undefined,
    });
  });

  it.each<[string, Parameters<typeof lookups>[0], string, string]>([
    ['a missing source', {}, 'Pending', 'CloneWithoutSource'],
    [
      'a source still importing',
      { pvc: source('Bound', { 'cdi.kubevirt.io/storage.pod.phase': 'Running' }) },
      'CloneScheduled',
      'ImportPVCNotReady',
    ],
    [
      'a source whose DataVolume is not done',
      {
        pvc: source('Bound'),
        dv: { metadata: { name: 'golden' }, spec: {}, status: { phase: 'ImportInProgress' } },
      },
      'CloneScheduled',
      'ImportPVCNotReady',
    ],
    [
      'a source a running pod writes',
      {
        pvc: source('Bound'),
        pods: [
          {
            metadata: { name: 'virt-launcher-a', namespace: 'os' },
            spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'golden' } }] },
            status: { phase: 'Running' },
          },
        ],
      },
      'CloneScheduled',
      'CloneSourceInUse',
    ],
  ])('blocks on %s', (_name, o, phase, reason) => {
    expect(cloneSourceState(from, lookups(o)).blocker).toMatchObject({ phase, reason });
  });

  it('does not mind pods that only read the source', () => {
    const reader: Pod = {
      metadata: { name: 'reader', namespace: 'os' },
      spec: {
        volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'golden', readOnly: true } }],
      },
    };
    expect(
      cloneSourceState(from, lookups({ pvc: source('Bound'), pods: [reader] })).blocker,
    ).toBeUndefined();
  });
});

describe('cloneFallback', () => {
  it.each([
    ['csi-clone', 'a', 'a', 'Block', 'Block', 'csi-clone', undefined],
    ['csi-clone', 'a', 'b', 'Block', 'Block', 'copy', 'IncompatibleProvisioners'],
    ['snapshot', 'a', 'a', 'Block', 'Filesystem', 'copy', 'IncompatibleVolumeModes'],
    ['copy', 'a', 'b', 'Block', 'Filesystem', 'copy', undefined],
  ] as const)('%s from %s/%s to %s/%s → %s', (strategy, sp, tp, sm, tm, want, reason) => {
    const r = cloneFallback(
      strategy,
      { provisioner: sp, volumeMode: sm },
      { provisioner: tp, volumeMode: tm },
    );
    expect(r.strategy).toBe(want);
    expect(r.reason).toBe(reason);
  });
});

describe('dataSourceState', () => {
  const ds = (source: Record<string, unknown>) => ({
    metadata: { name: 'fedora', namespace: 'os' },
    spec: { source },
  });
  it.each([
    [
      'a PVC without DataVolume',
      { pvc: { name: 'golden' } },
      { pvc: source('Bound') },
      'True',
      'Ready',
    ],
    ['a missing PVC', { pvc: { name: 'golden' } }, {}, 'False', 'NotFound'],
    [
      'a PVC whose import runs',
      { pvc: { name: 'golden' } },
      {
        pvc: source('Bound'),
        dv: { metadata: { name: 'golden' }, spec: {}, status: { phase: 'ImportInProgress' } },
      },
      'False',
      'ImportInProgress',
    ],
    ['no source', {}, {}, 'False', 'NoPvc'],
    [
      'a snapshot not ready',
      { snapshot: { name: 's' } },
      { snapshot: { metadata: { name: 's' }, spec: {}, status: { readyToUse: false } } },
      'False',
      'SnapshotNotReady',
    ],
  ] as const)('%s', (_name, src, o, status, reason) => {
    const state = dataSourceState(ds(src), {
      dataSource: () => undefined,
      dataVolume: () => ('dv' in o ? o.dv : undefined),
      pvc: () => ('pvc' in o ? o.pvc : undefined),
      snapshot: () => ('snapshot' in o ? o.snapshot : undefined),
    });
    expect(state.ready).toMatchObject({ status, reason });
  });
});

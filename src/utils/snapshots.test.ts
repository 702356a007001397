import { describe, expect, it } from 'vitest';
import type {
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineRestore,
  VirtualMachineSnapshot,
} from '../models/types';
import {
  buildVMRestore,
  buildVMSnapshot,
  compactTimestamp,
  defaultSnapshotName,
  fitName,
  getRestoreBlock,
  getRestoreState,
  getSnapshotState,
  getSnapshotVolumes,
  isRestoreOf,
  isSnapshotOf,
  latestRestores,
  randomSuffix,
  volumeSourceName,
} from './snapshots';

const vm = (
  volumes: object[],
  status: VirtualMachine['status'] = { printableStatus: 'Stopped' },
): VirtualMachine =>
  ({
    metadata: { name: 'web', namespace: 'ns' },
    spec: { template: { spec: { domain: { devices: {} }, volumes } } },
    status,
  }) as VirtualMachine;

const ROOT = { name: 'rootdisk', dataVolume: { name: 'web-rootdisk' } };
const DATA = { name: 'data', persistentVolumeClaim: { claimName: 'web-data' } };
const CLOUD_INIT = { name: 'cloudinitdisk', cloudInitNoCloud: { userData: '' } };
const CONTAINER = { name: 'tools', containerDisk: { image: 'quay.io/x' } };

describe('names', () => {
  it.each([
    ['web', '-snapshot-1', 253, 'web-snapshot-1'],
    ['a'.repeat(253), '-x', 253, `${'a'.repeat(251)}-x`],
    ['ab-cd', '-x', 5, 'ab-x'],
    ['ab.', '', 3, 'ab'],
  ])('fitName(%s, %s, %i)', (prefix, suffix, max, expected) => {
    expect(fitName(prefix, suffix, max)).toBe(expected);
  });

  it('formats the time in UTC, zero-padded', () => {
    expect(compactTimestamp(new Date('2026-01-02T03:04:05Z'))).toBe('20260102030405');
  });

  it('proposes <vm>-snapshot-<yyyymmddhhmmss> within 253 characters', () => {
    expect(defaultSnapshotName('web', new Date('2026-12-06T13:05:09Z'))).toBe(
      'web-snapshot-20261206130509',
    );
    expect(defaultSnapshotName('v'.repeat(253), new Date(0))).toHaveLength(253);
  });

  it('makes random suffixes from a DNS-safe alphabet', () => {
    expect(randomSuffix(() => 0)).toBe('bbbbb');
    expect(randomSuffix(() => 0.999, 3)).toMatch(/^[a-z0-9]{3}$/);
  });
});

describe('getSnapshotVolumes', () => {
  it.each<[string, object, string]>([
    ['DataVolume', ROOT, 'DataVolume'],
    ['PVC', DATA, 'PersistentVolumeClaim'],
    ['cloud-init', CLOUD_INIT, 'cloud-init (NoCloud)'],
    ['container disk', CONTAINER, 'containerDisk'],
  ])('names the source of a %s volume', (_what, volume, expected) => {
    expect(volumeSourceName(volume as never)).toBe(expected);
  });

  it('includes DataVolumes and PVCs, excludes other sources', () => {
    expect(getSnapshotVolumes(vm([ROOT, DATA, CLOUD_INIT, CONTAINER]))).toEqual([
      { name: 'rootdisk', source: 'DataVolume', included: true },
      { name: 'data', source: 'PersistentVolumeClaim', included: true },
      {
        name: 'cloudinitdisk',
        source: 'cloud-init (NoCloud)',
        included: false,
        exclusion: 'unsupported-source',
      },
      { name: 'tools', source: 'containerDisk', included: false, exclusion: 'unsupported-source' },
    ]);
  });

  it("follows KubeVirt's volumeSnapshotStatuses for claims", () => {
    const reason = 'No VolumeSnapshotClass: Volume snapshots are not configured [data]';
    const volumes = getSnapshotVolumes(
      vm([ROOT, DATA], {
        volumeSnapshotStatuses: [
          { name: 'rootdisk', enabled: true },
          { name: 'data', enabled: false, reason },
        ],
      }),
    );
    expect(volumes.map((v) => [v.name, v.included, v.exclusion, v.detail])).toEqual([
      ['rootdisk', true, undefined, undefined],
      ['data', false, 'not-snapshottable', reason],
    ]);
  });

  it('excludes volumes hot-plugged into the instance only', () => {
    const vmi = {
      metadata: { name: 'web' },
      spec: {
        domain: { devices: {} },
        volumes: [ROOT, { name: 'hot', persistentVolumeClaim: { claimName: 'hot-pvc' } }],
      },
      status: {
        volumeStatus: [
          { name: 'rootdisk', target: 'vda' },
          { name: 'hot', target: 'sda', hotplugVolume: {} },
        ],
      },
    } as VirtualMachineInstance;
    expect(getSnapshotVolumes(vm([ROOT]), vmi)).toEqual([
      { name: 'rootdisk', source: 'DataVolume', included: true },
      {
        name: 'hot',
        source: 'PersistentVolumeClaim',
        included: false,
        exclusion: 'hotplug-not-in-spec',
      },
    ]);
  });

  it('has nothing to say about a VM without volumes', () => {
    expect(getSnapshotVolumes({ metadata: { name: 'x' } } as VirtualMachine)).toEqual([]);
  });
});

describe('builders', () => {
  it('builds a snapshot of the VM, with the description as annotation', () => {
    expect(buildVMSnapshot({ vm: vm([]), name: 's1', description: ' nightly ' })).toEqual({
      apiVersion: 'snapshot.kubevirt.io/v1beta1',
      kind: 'VirtualMachineSnapshot',
      metadata: { name: 's1', namespace: 'ns', annotations: { description: 'nightly' } },
      spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'web' } },
    });
    expect(buildVMSnapshot({ vm: vm([]), name: 's1', description: '  ' }).metadata).toEqual({
      name: 's1',
      namespace: 'ns',
    });
  });

  it('builds a restore of a snapshot onto its VM', () => {
    expect(
      buildVMRestore({ namespace: 'ns', vmName: 'web', snapshotName: 's1', suffix: 'abcde' }),
    ).toEqual({
      apiVersion: 'snapshot.kubevirt.io/v1beta1',
      kind: 'VirtualMachineRestore',
      metadata: { name: 's1-restore-abcde', namespace: 'ns' },
      spec: {
        target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'web' },
        virtualMachineSnapshotName: 's1',
      },
    });
  });
});

const snapshot = (
  status?: VirtualMachineSnapshot['status'],
  source = { kind: 'VirtualMachine', name: 'web' },
): VirtualMachineSnapshot => ({ metadata: { name: 's1' }, spec: { source }, status });

const restore = (
  snapshotName: string,
  created: string,
  status?: VirtualMachineRestore['status'],
  target = 'web',
): VirtualMachineRestore => ({
  metadata: { name: `${snapshotName}-${created}`, creationTimestamp: created },
  spec: {
    target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: target },
    virtualMachineSnapshotName: snapshotName,
  },
  status,
});

describe('reading snapshots and restores', () => {
  it.each([
    [snapshot(), 'web', true],
    [snapshot(), 'db', false],
    [snapshot(undefined, { kind: 'PersistentVolumeClaim', name: 'web' }), 'web', false],
  ])('isSnapshotOf %#', (s, name, expected) => {
    expect(isSnapshotOf(s, name)).toBe(expected);
  });

  it('isRestoreOf matches the target VM', () => {
    expect(isRestoreOf(restore('s1', '2026-01-01T00:00:00Z'), 'web')).toBe(true);
    expect(isRestoreOf(restore('s1', '2026-01-01T00:00:00Z', undefined, 'db'), 'web')).toBe(false);
  });

  it.each<[string, VirtualMachineSnapshot['status'], object]>([
    ['no status yet', undefined, { phase: 'InProgress', readyToUse: false, indications: [] }],
    [
      'ready, online with agent',
      { phase: 'Succeeded', readyToUse: true, indications: ['Online', 'GuestAgent'] },
      { phase: 'Succeeded', readyToUse: true, indications: ['Online', 'GuestAgent'] },
    ],
    [
      'stuck',
      {
        phase: 'InProgress',
        conditions: [
          { type: 'Progressing', status: 'False', reason: 'Source not locked' },
        ] as never,
      },
      { phase: 'InProgress', readyToUse: false, indications: [], message: 'Source not locked' },
    ],
    [
      'failed',
      { phase: 'Failed', error: { message: 'deadline exceeded' } },
      { phase: 'Failed', readyToUse: false, indications: [], message: 'deadline exceeded' },
    ],
  ])('getSnapshotState: %s', (_what, status, expected) => {
    expect(getSnapshotState(snapshot(status))).toEqual(expected);
  });

  it.each<[string, VirtualMachineRestore['status'], object]>([
    ['new', undefined, { complete: false }],
    [
      'waiting',
      {
        complete: false,
        conditions: [
          { type: 'Ready', status: 'False', reason: 'Waiting for target to be ready' },
        ] as never,
      },
      { complete: false, message: 'Waiting for target to be ready' },
    ],
    [
      'complete',
      { complete: true, restoreTime: '2026-01-01T00:00:00Z' },
      { complete: true, restoreTime: '2026-01-01T00:00:00Z' },
    ],
  ])('getRestoreState: %s', (_what, status, expected) => {
    expect(getRestoreState(restore('s1', '2026-01-01T00:00:00Z', status))).toEqual(expected);
  });

  it('keeps the newest restore of each snapshot', () => {
    const older = restore('s1', '2026-01-01T00:00:00Z');
    const newer = restore('s1', '2026-01-02T00:00:00Z');
    const other = restore('s2', '2026-01-01T00:00:00Z');
    const latest = latestRestores([newer, other, older]);
    expect([...latest.keys()].sort()).toEqual(['s1', 's2']);
    expect(latest.get('s1')).toBe(newer);
  });

  const ready = snapshot({ phase: 'Succeeded', readyToUse: true });
  const running = { metadata: { name: 'web' } } as VirtualMachineInstance;
  it.each<
    [
      string,
      VirtualMachine,
      VirtualMachineSnapshot,
      VirtualMachineInstance | undefined,
      string | undefined,
    ]
  >([
    ['stopped VM, ready snapshot', vm([]), ready, undefined, undefined],
    ['running VM', vm([], { printableStatus: 'Running' }), ready, running, 'vm-not-stopped'],
    ['stopping VM', vm([], { printableStatus: 'Stopping' }), ready, undefined, 'vm-not-stopped'],
    [
      'snapshot not ready',
      vm([]),
      snapshot({ phase: 'InProgress' }),
      undefined,
      'snapshot-not-ready',
    ],
    [
      'another restore',
      vm([], { printableStatus: 'Stopped', restoreInProgress: 'r1' }),
      ready,
      undefined,
      'restore-in-progress',
    ],
  ])('getRestoreBlock: %s', (_what, v, s, i, expected) => {
    expect(getRestoreBlock(v, s, i)).toBe(expected);
  });
});

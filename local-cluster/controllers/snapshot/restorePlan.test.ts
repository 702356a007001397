import { describe, expect, it } from 'vitest';
import {
  applyRestorePatches,
  deletedDataVolumes,
  lastRestoreValue,
  restoredVm,
  restorePvcManifest,
  restoreVolumeName,
  volumeRestoresFor,
} from './restorePlan';
import type {
  SnapshotVm,
  VirtualMachine,
  VmRestore,
  VmSnapshotContent,
  VolumeBackup,
  VolumeSnapshot,
} from './snapshotTypes';

const restore = (spec: Partial<VmRestore['spec']> = {}): VmRestore => ({
  metadata: { name: 'r1', namespace: 'ns', uid: 'ruid' },
  spec: {
    target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora' },
    virtualMachineSnapshotName: 'snap',
    ...spec,
  },
});

const snapshotVm: SnapshotVm = {
  metadata: {
    name: 'fedora',
    namespace: 'ns',
    labels: { app: 'fedora' },
    annotations: { note: 'x' },
  },
  spec: {
    runStrategy: 'Always',
    dataVolumeTemplates: [{ metadata: { name: 'fedora-root' }, spec: { storage: {} } }],
    template: {
      spec: {
        domain: { devices: {} },
        volumes: [
          { name: 'rootdisk', dataVolume: { name: 'fedora-root' } },
          { name: 'data', persistentVolumeClaim: { claimName: 'fedora-data' } },
          { name: 'extra', dataVolume: { name: 'orphan-dv' } },
          { name: 'dump', memoryDump: { claimName: 'dump' } },
          { name: 'cloudinit', cloudInitNoCloud: { userData: '#cloud-config' } },
        ],
      },
    },
  },
};

const backup = (volumeName: string, claim: string): VolumeBackup => ({
  volumeName,
  volumeSnapshotName: `vmsnapshot-s-volume-${volumeName}`,
  persistentVolumeClaim: {
    metadata: {
      name: claim,
      labels: { app: 'fedora' },
      annotations: {
        'cdi.kubevirt.io/storage.import.endpoint': 'x',
        'pv.kubernetes.io/bind-completed': 'yes',
        keep: 'me',
      },
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'standard-csi',
      volumeMode: 'Block',
      resources: { requests: { storage: '30Gi' } },
    },
  },
});

const content: VmSnapshotContent = {
  metadata: { name: 'c' },
  spec: {
    source: { virtualMachine: snapshotVm },
    volumeBackups: [
      backup('rootdisk', 'fedora-root'),
      backup('data', 'fedora-data'),
      backup('dump', 'dump'),
    ],
  },
};

describe('restore plan', () => {
  it.each([
    ['the default name', restore(), 'restore-ruid-rootdisk'],
    ['InPlace', restore({ volumeRestorePolicy: 'InPlace' }), 'fedora-root'],
    [
      'an override',
      restore({ volumeRestoreOverrides: [{ volumeName: 'rootdisk', restoreName: 'mine' }] }),
      'mine',
    ],
  ])('restoreVolumeName: %s', (_what, r, expected) => {
    expect(restoreVolumeName(r, 'rootdisk', 'fedora-root')).toBe(expected);
  });

  it('restores every backup but memory dumps', () => {
    expect(volumeRestoresFor(restore(), content)).toEqual([
      {
        volumeName: 'rootdisk',
        persistentVolumeClaim: 'restore-ruid-rootdisk',
        volumeSnapshotName: 'vmsnapshot-s-volume-rootdisk',
      },
      {
        volumeName: 'data',
        persistentVolumeClaim: 'restore-ruid-data',
        volumeSnapshotName: 'vmsnapshot-s-volume-data',
      },
    ]);
  });

  it('makes the restored PVC from the snapshot, keeping what is not binding state', () => {
    const vs: VolumeSnapshot = {
      metadata: { name: 'vs' },
      spec: { source: {} },
      status: { restoreSize: '32Gi' },
    };
    const pvc = restorePvcManifest({
      restore: restore(),
      pvcName: 'restore-ruid-rootdisk',
      backup: backup('rootdisk', 'fedora-root'),
      volumeSnapshot: vs,
      sourceVm: { name: 'fedora', namespace: 'ns' },
    });
    expect(pvc.metadata.annotations).toEqual({
      keep: 'me',
      'restore.kubevirt.io/name': 'r1',
      'restore.kubevirt.io/lastRestoreUID': 'r1-ruid',
    });
    expect(pvc.metadata.labels).toMatchObject({
      app: 'fedora',
      'restore.kubevirt.io/source-vm-name': 'fedora',
      'restore.kubevirt.io/source-vm-namespace': 'ns',
    });
    expect(pvc.spec).toMatchObject({
      storageClassName: 'standard-csi',
      volumeMode: 'Block',
      resources: { requests: { storage: '32Gi' } },
      dataSource: {
        apiGroup: 'snapshot.storage.k8s.io',
        kind: 'VolumeSnapshot',
        name: 'vmsnapshot-s-volume-rootdisk',
      },
    });
  });

  const restores = [
    {
      volumeName: 'rootdisk',
      persistentVolumeClaim: 'restore-ruid-rootdisk',
      volumeSnapshotName: 'a',
      dataVolumeName: 'restore-ruid-rootdisk',
    },
    { volumeName: 'data', persistentVolumeClaim: 'restore-ruid-data', volumeSnapshotName: 'b' },
    { volumeName: 'extra', persistentVolumeClaim: 'restore-ruid-extra', volumeSnapshotName: 'c' },
  ];

  it('points the volumes at the restored claims and creates a Halted VM when there is none', () => {
    const vm = restoredVm({ restore: restore(), snapshotVm, restores });
    expect(vm.metadata).toMatchObject({
      name: 'fedora',
      namespace: 'ns',
      labels: { app: 'fedora' },
    });
    expect(vm.metadata.annotations?.['restore.kubevirt.io/lastRestoreUID']).toBe(
      lastRestoreValue(restore()),
    );
    expect(vm.spec.runStrategy).toBe('Halted');
    expect(vm.spec.dataVolumeTemplates?.map((t) => t.metadata?.name)).toEqual([
      'restore-ruid-rootdisk',
    ]);
    expect(vm.spec.template.spec?.volumes).toEqual([
      { name: 'rootdisk', dataVolume: { name: 'restore-ruid-rootdisk' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'restore-ruid-data' } },
      { name: 'extra', persistentVolumeClaim: { claimName: 'restore-ruid-extra' } },
      { name: 'cloudinit', cloudInitNoCloud: { userData: '#cloud-config' } },
    ]);
  });

  it("keeps an existing VM's run strategy", () => {
    const existing: VirtualMachine = {
      metadata: { name: 'fedora', namespace: 'ns', uid: 'vm', resourceVersion: '7' },
      spec: { runStrategy: 'RerunOnFailure', template: { spec: { domain: { devices: {} } } } },
    };
    const vm = restoredVm({ restore: restore(), snapshotVm, restores, existing });
    expect(vm.spec.runStrategy).toBe('RerunOnFailure');
    expect(vm.metadata.resourceVersion).toBe('7');
  });

  it('finds the DataVolumes the restored VM drops', () => {
    expect(
      deletedDataVolumes(
        [
          { metadata: { name: 'fedora-root' }, spec: {} },
          { metadata: { name: 'kept' }, spec: {} },
        ],
        [{ metadata: { name: 'kept' }, spec: {} }],
      ),
    ).toEqual(['fedora-root']);
  });

  it('applies JSON patches and reports bad ones', () => {
    const vm = restoredVm({ restore: restore(), snapshotVm, restores });
    const patched = applyRestorePatches(vm, ['{"op":"remove","path":"/metadata/labels/app"}']);
    expect(patched.metadata.labels).toEqual({});
    expect(() =>
      applyRestorePatches(vm, ['{"op":"remove","path":"/metadata/labels/none"}']),
    ).toThrow(/error patching VM fedora/);
  });
});

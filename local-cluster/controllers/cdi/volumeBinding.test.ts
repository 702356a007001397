import { describe, expect, it } from 'vitest';
import type { PersistentVolume, Pod, Pvc, StorageClass, VolumeSnapshotClass } from './cdiTypes';
import { storageProfileStatus } from './storageProfileStatus';
import {
  bindingDecision,
  matchingStaticVolume,
  provisionedVolume,
  volumeNode,
} from './volumeBinding';
import { nodeForPod } from './nodeSelection';

const local: StorageClass = {
  metadata: {
    name: 'standard-csi',
    annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
  },
  provisioner: 'local.csi.virt-console.dev',
  volumeBindingMode: 'WaitForFirstConsumer',
  reclaimPolicy: 'Delete',
  parameters: { 'csi.storage.k8s.io/fstype': 'xfs' },
};
const shared: StorageClass = {
  metadata: { name: 'shared-rwx' },
  provisioner: 'shared.csi.virt-console.dev',
  volumeBindingMode: 'Immediate',
};
const foreign: StorageClass = {
  metadata: { name: 'ceph' },
  provisioner: 'openshift-storage.rbd.csi.ceph.com',
};

const claim = (spec: Pvc['spec'], annotations: Record<string, string> = {}): Pvc => ({
  metadata: { name: 'c', namespace: 'ns', uid: 'u-1', annotations },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
  status: { phase: 'Pending' },
});

const decide = (
  pvc: Pvc,
  extra: { consumers?: Pod[]; volumes?: PersistentVolume[]; classes?: StorageClass[] } = {},
) =>
  bindingDecision({
    pvc,
    storageClasses: extra.classes ?? [local, shared, foreign],
    volumes: extra.volumes ?? [],
    consumers: extra.consumers ?? [],
    dataSourceReady: true,
  });

describe('bindingDecision', () => {
  it('gives a claim without class the default class', () => {
    expect(decide(claim({}))).toEqual({ kind: 'assignDefaultClass', className: 'standard-csi' });
  });

  it('provisions an Immediate class at once', () => {
    expect(decide(claim({ storageClassName: 'shared-rwx' }))).toMatchObject({
      kind: 'provision',
      node: undefined,
    });
  });

  it('waits for a first consumer, then provisions on its node', () => {
    expect(decide(claim({ storageClassName: 'standard-csi' }))).toMatchObject({
      kind: 'wait',
      event: { reason: 'WaitForFirstConsumer' },
    });
    const consumer: Pod = {
      metadata: { name: 'p', namespace: 'ns' },
      spec: { nodeName: 'worker-0' },
    };
    expect(
      decide(claim({ storageClassName: 'standard-csi' }), { consumers: [consumer] }),
    ).toMatchObject({
      kind: 'provision',
      node: 'worker-0',
    });
    expect(
      decide(
        claim(
          { storageClassName: 'standard-csi' },
          { 'volume.kubernetes.io/selected-node': 'worker-2' },
        ),
      ),
    ).toMatchObject({ kind: 'provision', node: 'worker-2' });
  });

  it('leaves other provisioners to their (absent) external provisioner', () => {
    expect(decide(claim({ storageClassName: 'ceph' }))).toMatchObject({
      kind: 'wait',
      event: { reason: 'ExternalProvisioning' },
    });
  });

  it('reports a missing class and a claim with no class and no default', () => {
    expect(decide(claim({ storageClassName: 'gold' }))).toMatchObject({
      kind: 'wait',
      event: {
        type: 'Warning',
        reason: 'ProvisioningFailed',
        message: 'storageclass.storage.k8s.io "gold" not found',
      },
    });
    expect(decide(claim({}), { classes: [shared] })).toMatchObject({
      kind: 'wait',
      event: { reason: 'FailedBinding' },
    });
  });

  it('binds a matching static volume first', () => {
    const pv: PersistentVolume = {
      metadata: { name: 'static-1' },
      spec: {
        capacity: { storage: '2Gi' },
        accessModes: ['ReadWriteOnce', 'ReadOnlyMany'],
        storageClassName: '',
      },
      status: { phase: 'Available' },
    };
    const pvc = claim({ storageClassName: '' });
    expect(decide(pvc, { volumes: [pv] })).toEqual({ kind: 'bindStatic', volume: pv });
    expect(
      matchingStaticVolume(claim({ storageClassName: '', volumeMode: 'Block' }), [pv]),
    ).toBeUndefined();
  });

  it('ignores bound claims', () => {
    expect(
      decide({ ...claim({ storageClassName: 'shared-rwx' }), status: { phase: 'Bound' } }),
    ).toEqual({ kind: 'ignore' });
  });
});

describe('provisioned volumes', () => {
  it('carry the CSI driver, the claim reference and, for node-local drivers, the node', () => {
    const pv = provisionedVolume(
      claim({ storageClassName: 'standard-csi', volumeMode: 'Filesystem' }),
      local,
      'worker-1',
      'id',
    );
    expect(pv.metadata.name).toBe('pvc-u-1');
    expect(pv.spec).toMatchObject({
      capacity: { storage: '1Gi' },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard-csi',
      volumeMode: 'Filesystem',
      csi: { driver: 'local.csi.virt-console.dev', fsType: 'xfs' },
      claimRef: { kind: 'PersistentVolumeClaim', name: 'c', namespace: 'ns', uid: 'u-1' },
    });
    expect(volumeNode(pv)).toBe('worker-1');
    expect(
      volumeNode(provisionedVolume(claim({ volumeMode: 'Block' }), shared, undefined, 'id')),
    ).toBeUndefined();
  });
});

describe('node choice for CDI pods', () => {
  const node = (name: string, extra: Record<string, unknown> = {}) => ({
    metadata: { name },
    spec: extra,
    status: { conditions: [{ type: 'Ready', status: 'True' as const }] },
  });
  it('skips tainted and unschedulable nodes and is stable per claim', () => {
    const nodes = [
      node('control-plane-0', {
        taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
      }),
      node('worker-0'),
      node('worker-1', { unschedulable: true }),
    ];
    expect(nodeForPod(nodes, 'a')).toBe('worker-0');
    expect(nodeForPod(nodes, 'b')).toBe('worker-0');
    expect(nodeForPod([], 'a')).toBeUndefined();
  });
});

describe('storageProfileStatus', () => {
  const snapClass: VolumeSnapshotClass = {
    metadata: { name: 'standard-csi-snapclass' },
    driver: 'local.csi.virt-console.dev',
  };
  it('fills known provisioner defaults, as seeded', () => {
    expect(storageProfileStatus(local, undefined, [snapClass])).toEqual({
      provisioner: 'local.csi.virt-console.dev',
      storageClass: 'standard-csi',
      snapshotClass: 'standard-csi-snapclass',
      cloneStrategy: 'csi-clone',
      dataImportCronSourceFormat: 'snapshot',
      claimPropertySets: [
        { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' },
        { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
      ],
    });
  });
  it('lets the spec win and leaves unknown provisioners incomplete', () => {
    const unknown: StorageClass = { metadata: { name: 'x' }, provisioner: 'example.com/nfs' };
    expect(storageProfileStatus(unknown, undefined, [])).toEqual({
      provisioner: 'example.com/nfs',
      storageClass: 'x',
      dataImportCronSourceFormat: 'pvc',
    });
    expect(
      storageProfileStatus(
        unknown,
        {
          metadata: { name: 'x' },
          spec: {
            claimPropertySets: [{ accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' }],
            cloneStrategy: 'copy',
          },
        },
        [],
      ),
    ).toMatchObject({
      claimPropertySets: [{ accessModes: ['ReadWriteMany'] }],
      cloneStrategy: 'copy',
    });
  });
});

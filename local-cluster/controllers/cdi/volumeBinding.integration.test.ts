import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import { DV, EVENT, POD, PV, PVC } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import type { DataVolume, PersistentVolume, Pvc } from './cdiTypes';
import { startCdi } from './index';
import { volumeNode } from './volumeBinding';

const NS = 'demo-apps';

const pod = (name: string, claim: string, nodeName?: string): KubeObject => ({
  metadata: { name, namespace: NS },
  spec: {
    ...(nodeName ? { nodeName } : {}),
    containers: [
      {
        name: 'main',
        image: 'registry.example.com/tools:1',
        volumeMounts: [{ name: 'disk', mountPath: '/disk' }],
      },
    ],
    volumes: [{ name: 'disk', persistentVolumeClaim: { claimName: claim } }],
  },
});

describe('volume binding and WaitForFirstConsumer', { timeout: 60_000 }, () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
    await t.start(startCdi);
  }, 60_000);
  afterAll(() => t.close());

  const phaseOf = async (name: string): Promise<string | undefined> =>
    (await t.admin.get<DataVolume>(DV, NS, name)).status?.phase;

  it('binds a plain claim of the default (WaitForFirstConsumer) class once a pod is scheduled', async () => {
    await t.admin.create(PVC, NS, {
      metadata: { name: 'scratch', namespace: NS },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    const waiting = await eventually(
      () => t.admin.get<Pvc>(PVC, NS, 'scratch'),
      (p) => p.spec.storageClassName === 'standard-csi',
      5000,
      'default class assignment',
    );
    expect(waiting.status?.phase).toBe('Pending');
    await eventually(
      async () =>
        (await t.admin.list(EVENT, NS, { fieldSelector: 'involvedObject.name=scratch' })).items,
      (items) => items.some((e) => e.reason === 'WaitForFirstConsumer'),
    );
    await t.admin.create(POD, NS, pod('scratch-user', 'scratch', 'worker-1'));
    const bound = await eventually(
      () => t.admin.get<Pvc>(PVC, NS, 'scratch'),
      (p) => p.status?.phase === 'Bound',
      5000,
      'binding after the pod is scheduled',
    );
    expect(bound.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe('worker-1');
    const pv = await t.admin.get<PersistentVolume>(PV, undefined, bound.spec.volumeName ?? '');
    expect(volumeNode(pv)).toBe('worker-1');
    expect(pv.spec.csi?.driver).toBe('local.csi.virt-console.dev');
  });

  it('keeps a DataVolume of a WFFC class PendingPopulation until its first consumer is scheduled', async () => {
    await t.admin.create(DV, NS, {
      metadata: { name: 'vm-root', namespace: NS },
      spec: {
        source: { http: { url: 'https://cloud.example.com/images/rhel9.qcow2' } },
        storage: { resources: { requests: { storage: '2Gi' } } },
      },
    });
    await eventually(
      () => phaseOf('vm-root'),
      (p) => p === 'PendingPopulation',
      5000,
      'PendingPopulation',
    );
    // A consumer that is not scheduled yet does not pick the node.
    await t.admin.create(POD, NS, pod('virt-launcher-vm-root', 'vm-root'));
    await new Promise((r) => setTimeout(r, 100));
    expect(await phaseOf('vm-root')).toBe('PendingPopulation');
    await t.admin.patch(POD, NS, 'virt-launcher-vm-root', { spec: { nodeName: 'worker-2' } });
    await eventually(
      () => phaseOf('vm-root'),
      (p) => p === 'Succeeded',
      15_000,
      'import once the consumer is scheduled',
    );
    const pvc = await t.admin.get<Pvc>(PVC, NS, 'vm-root');
    expect(pvc.status?.phase).toBe('Bound');
    expect(pvc.spec.storageClassName).toBe('standard-csi');
    expect(pvc.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe('worker-2');
    const pv = await t.admin.get<PersistentVolume>(PV, undefined, pvc.spec.volumeName ?? '');
    expect(volumeNode(pv)).toBe('worker-2');
  });

  it('imports at once when immediate binding is requested', async () => {
    await t.admin.create(DV, NS, {
      metadata: {
        name: 'immediate',
        namespace: NS,
        annotations: { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' },
      },
      spec: {
        source: { blank: {} },
        storage: { resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard-csi' },
      },
    });
    await eventually(
      () => phaseOf('immediate'),
      (p) => p === 'Succeeded',
      15_000,
      'immediate import',
    );
  });

  it('waits to clone a source a running pod writes, then clones once it stops', async () => {
    await t.admin.create(DV, NS, {
      metadata: { name: 'busy-source', namespace: NS },
      spec: {
        source: { blank: {} },
        storage: { resources: { requests: { storage: '1Gi' } }, storageClassName: 'shared-rwx' },
      },
    });
    await eventually(
      () => phaseOf('busy-source'),
      (p) => p === 'Succeeded',
      15_000,
      'source ready',
    );
    await t.admin.create(POD, NS, pod('virt-launcher-busy', 'busy-source', 'worker-2'));
    await t.admin.create(DV, NS, {
      metadata: { name: 'busy-clone', namespace: NS },
      spec: {
        source: { pvc: { namespace: NS, name: 'busy-source' } },
        storage: { storageClassName: 'shared-rwx' },
      },
    });
    const blocked = await eventually(
      () => t.admin.get<DataVolume>(DV, NS, 'busy-clone'),
      (d) => d.status?.phase === 'CloneScheduled',
      5000,
      'clone to wait',
    );
    expect(blocked.status?.conditions?.find((c) => c.type === 'Running')?.reason).toBe(
      'CloneSourceInUse',
    );
    const events = await eventually(
      async () =>
        (await t.admin.list(EVENT, NS, { fieldSelector: 'involvedObject.name=busy-clone' })).items,
      (items) => items.some((e) => e.reason === 'CloneSourceInUse'),
    );
    expect(events.find((e) => e.reason === 'CloneSourceInUse')?.message).toBe(
      `pod ${NS}/virt-launcher-busy using PersistentVolumeClaim busy-source`,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(await phaseOf('busy-clone')).toBe('CloneScheduled');
    await t.admin.delete(POD, NS, 'virt-launcher-busy', { gracePeriodSeconds: 0 });
    await eventually(
      () => phaseOf('busy-clone'),
      (p) => p === 'Succeeded',
      15_000,
      'clone after the pod left',
    );
  });

  it('deletes the volume of a deleted claim', async () => {
    const pvc = await t.admin.get<Pvc>(PVC, NS, 'immediate');
    const pvName = pvc.spec.volumeName ?? '';
    await t.admin.delete(DV, NS, 'immediate');
    await eventually(
      () => t.admin.find(PV, undefined, pvName),
      (pv) => pv === undefined,
      10_000,
      'volume reclaimed',
    );
  });
});

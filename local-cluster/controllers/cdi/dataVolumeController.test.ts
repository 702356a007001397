import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import { DATA_SOURCE, DV, EVENT, PV, PVC } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import type { DataSource, DataVolume, PersistentVolume, Pvc } from './cdiTypes';
import { startCdi } from './index';

const NS = 'demo-apps';

const dataVolume = (
  name: string,
  spec: DataVolume['spec'],
  annotations?: Record<string, string>,
) => ({
  metadata: { name, namespace: NS, ...(annotations ? { annotations } : {}) },
  spec,
});

describe('CDI DataVolumes on the local cluster', { timeout: 60_000 }, () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
    await t.start(startCdi);
    watchProgress();
  }, 60_000);
  afterAll(() => t.close());

  const getDv = (name: string): Promise<DataVolume> => t.admin.get<DataVolume>(DV, NS, name);
  /** Every progress a DV reported, as the watch delivered its status writes. */
  const progressSeen = new Map<string, Set<string>>();
  const watchProgress = (): void =>
    t.runtime.informers.for<DataVolume>(DV).onChange((_type, dv) => {
      const name = dv.metadata.name ?? '';
      if (!progressSeen.has(name)) progressSeen.set(name, new Set());
      if (dv.status?.progress) progressSeen.get(name)?.add(dv.status.progress);
    });
  const partialProgress = (name: string): string[] =>
    [...(progressSeen.get(name) ?? [])].filter((p) => p !== 'N/A' && p !== '100.0%');
  const eventsOf = async (name: string): Promise<KubeObject[]> =>
    (await t.admin.list(EVENT, NS, { fieldSelector: `involvedObject.name=${name}` })).items;

  it('imports over http with growing progress into a bound claim', async () => {
    await t.admin.create(
      DV,
      NS,
      dataVolume('http-import', {
        source: { http: { url: 'https://cloud.example.com/images/fedora.qcow2' } },
        // 30Gi: the longest simulated import (60 s), so several progress reports happen.
        storage: { resources: { requests: { storage: '30Gi' } }, storageClassName: 'shared-rwx' },
      }),
    );
    const done = await eventually(
      () => getDv('http-import'),
      (dv) => dv.status?.phase === 'Succeeded',
      15_000,
      'http import to succeed',
    );
    expect(done.status).toMatchObject({
      progress: '100.0%',
      claimName: 'http-import',
      restartCount: 0,
    });
    expect(done.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(done.status?.conditions?.find((c) => c.type === 'Bound')).toMatchObject({
      status: 'True',
      reason: 'Bound',
      message: 'PVC http-import Bound',
    });
    const partial = partialProgress('http-import');
    expect(partial.length).toBeGreaterThan(1);
    expect(partial.map((p) => Number.parseFloat(p))).toEqual(
      partial.map((p) => Number.parseFloat(p)).sort((a, b) => a - b),
    );
    for (const p of partial) expect(p).toMatch(/^\d{1,2}\.\d{2}%$/);

    const pvc = await t.admin.get<Pvc>(PVC, NS, 'http-import');
    expect(pvc.status?.phase).toBe('Bound');
    expect(pvc.spec.accessModes).toEqual(['ReadWriteMany']);
    expect(pvc.spec.volumeMode).toBe('Block');
    expect(pvc.metadata.annotations).toMatchObject({
      'cdi.kubevirt.io/storage.import.endpoint': 'https://cloud.example.com/images/fedora.qcow2',
      'cdi.kubevirt.io/storage.import.source': 'http',
      'cdi.kubevirt.io/storage.pod.phase': 'Succeeded',
      'cdi.kubevirt.io/storage.condition.running.reason': 'Completed',
      'pv.kubernetes.io/bind-completed': 'yes',
    });
    expect(pvc.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'DataVolume',
      controller: true,
    });
    const pv = await t.admin.get<PersistentVolume>(PV, undefined, pvc.spec.volumeName ?? '');
    expect(pv.spec.csi?.driver).toBe('shared.csi.virt-console.dev');
    expect(pv.spec.claimRef?.name).toBe('http-import');
    expect(pv.status?.phase).toBe('Bound');

    const reasons = (await eventsOf('http-import')).map((e) => e.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['ImportScheduled', 'ImportInProgress', 'ImportSucceeded', 'Bound']),
    );
  });

  it('fails an import from an unreachable (.invalid) host, with retries and the 404 message', async () => {
    await t.admin.create(
      DV,
      NS,
      dataVolume('broken-import', {
        source: { http: { url: 'http://images.example.invalid/disk.qcow2' } },
        storage: { resources: { requests: { storage: '1Gi' } }, storageClassName: 'shared-rwx' },
      }),
    );
    const dv = await eventually(
      () => getDv('broken-import'),
      (d) => d.status?.phase === 'Failed' && (d.status.restartCount ?? 0) >= 1,
      15_000,
      'import to fail and restart',
    );
    const running = dv.status?.conditions?.find((c) => c.type === 'Running');
    expect(running).toMatchObject({ status: 'False', reason: 'Error' });
    expect(running?.message).toContain(
      'Unable to connect to http data source: expected status code 200, got 404',
    );
    const events = await eventually(
      () => eventsOf('broken-import'),
      (list) => list.some((e) => e.reason === 'Error'),
    );
    expect(events.find((e) => e.reason === 'Error')).toMatchObject({ type: 'Warning' });
    expect(events.map((e) => e.reason)).toContain('ImportFailed');
  });

  it('creates a blank disk', async () => {
    await t.admin.create(
      DV,
      NS,
      dataVolume('blank-disk', {
        source: { blank: {} },
        storage: {
          resources: { requests: { storage: '10Gi' } },
          storageClassName: 'shared-rwx',
          volumeMode: 'Filesystem',
        },
      }),
    );
    await eventually(
      () => getDv('blank-disk'),
      (d) => d.status?.phase === 'Succeeded',
      15_000,
      'blank',
    );
    const pvc = await t.admin.get<Pvc>(PVC, NS, 'blank-disk');
    // 10Gi plus CDI's 5.5% filesystem overhead.
    expect(pvc.spec.resources?.requests?.storage).toBe(String(Math.ceil((10 * 2 ** 30) / 0.945)));
    expect(pvc.metadata.annotations?.['cdi.kubevirt.io/storage.import.source']).toBe('none');
  });

  it('clones a PVC and clones through a DataSource', async () => {
    await t.admin.create(
      DV,
      NS,
      dataVolume('clone-target', {
        source: { pvc: { namespace: NS, name: 'http-import' } },
        storage: { storageClassName: 'shared-rwx' },
      }),
    );
    const cloned = await eventually(
      () => getDv('clone-target'),
      (d) => d.status?.phase === 'Succeeded',
      15_000,
      'clone',
    );
    expect(cloned.status?.progress).toBe('100.0%');
    const pvc = await t.admin.get<Pvc>(PVC, NS, 'clone-target');
    expect(pvc.metadata.annotations).toMatchObject({
      'k8s.io/CloneRequest': `${NS}/http-import`,
      'k8s.io/CloneOf': 'true',
      'cdi.kubevirt.io/cloneType': 'csi-clone',
    });
    const reasons = (await eventsOf('clone-target')).map((e) => e.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['CloneScheduled', 'CloneInProgress', 'CloneSucceeded']),
    );

    await t.admin.create(DATA_SOURCE, NS, {
      metadata: {
        name: 'golden',
        namespace: NS,
        labels: { 'instancetype.kubevirt.io/default-preference': 'fedora' },
      },
      spec: { source: { pvc: { namespace: NS, name: 'http-import' } } },
    });
    const ds = await eventually(
      () => t.admin.get<DataSource>(DATA_SOURCE, NS, 'golden'),
      (d) => d.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
      10_000,
      'DataSource ready',
    );
    expect(ds.status?.source).toEqual({ pvc: { namespace: NS, name: 'http-import' } });
    await t.admin.create(
      DV,
      NS,
      dataVolume('from-golden', {
        sourceRef: { kind: 'DataSource', name: 'golden' },
        storage: { storageClassName: 'shared-rwx' },
      }),
    );
    const fromGolden = await eventually(
      () => getDv('from-golden'),
      (d) => d.status?.phase === 'Succeeded',
      15_000,
      'sourceRef clone',
    );
    expect(fromGolden.metadata.labels?.['instancetype.kubevirt.io/default-preference']).toBe(
      'fedora',
    );
  });

  it('falls back to a host-assisted copy across drivers, with progress', async () => {
    await t.admin.create(
      DV,
      NS,
      dataVolume(
        'cross-driver',
        {
          source: { pvc: { namespace: NS, name: 'http-import' } },
          storage: {
            storageClassName: 'standard-csi',
            resources: { requests: { storage: '30Gi' } },
          },
        },
        { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' },
      ),
    );
    await eventually(
      () => getDv('cross-driver'),
      (d) => d.status?.phase === 'Succeeded',
      15_000,
      'host-assisted clone',
    );
    expect(partialProgress('cross-driver').length).toBeGreaterThan(0);
    const pvc = await t.admin.get<Pvc>(PVC, NS, 'cross-driver');
    expect(pvc.metadata.annotations).toMatchObject({
      'cdi.kubevirt.io/cloneType': 'copy',
      'cdi.kubevirt.io/cloneFallbackReason':
        'The provisioners of source and target are incompatible',
    });
    const reasons = (await eventsOf('cross-driver')).map((e) => e.reason);
    expect(reasons).toContain('IncompatibleProvisioners');
  });
});

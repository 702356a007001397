import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import { DATA_IMPORT_CRON, DATA_SOURCE, DV, PVC } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import type { DataImportCron, DataSource, DataVolume, Pvc } from './cdiTypes';
import { importDataVolumeName, polledDigest } from './dataImportCronSource';
import { startCdi } from './index';

const NS = 'openshift-virtualization-os-images';
const CRON_LABEL = 'cdi.kubevirt.io/dataImportCron';

const cron = (name: string, url: string, managedDataSource: string): DataImportCron => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataImportCron',
  metadata: {
    name,
    namespace: NS,
    labels: { 'instancetype.kubevirt.io/default-preference': 'fedora' },
  },
  spec: {
    schedule: '24 6/12 * * *',
    managedDataSource,
    garbageCollect: 'Outdated',
    importsToKeep: 2,
    template: {
      spec: {
        source: { registry: { url } },
        storage: { resources: { requests: { storage: '1Gi' } }, storageClassName: 'shared-rwx' },
      },
    },
  },
});

/** A boot source as the seed writes it: imported long ago, with no DataVolume left. */
const seededBootSource = (): KubeObject[] => {
  const pvcName = 'rhel9-4f0a1b2c3d4e';
  return [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: pvcName,
        namespace: NS,
        labels: {
          [CRON_LABEL]: 'rhel9-image-cron',
          'instancetype.kubevirt.io/default-preference': 'rhel.9',
        },
        annotations: { 'cdi.kubevirt.io/storage.pod.phase': 'Succeeded' },
      },
      spec: {
        accessModes: ['ReadWriteMany'],
        volumeMode: 'Block',
        storageClassName: 'shared-rwx',
        resources: { requests: { storage: '30Gi' } },
        volumeName: 'pvc-seeded-rhel9',
      },
      status: { phase: 'Bound', accessModes: ['ReadWriteMany'], capacity: { storage: '30Gi' } },
    },
    {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataSource',
      metadata: { name: 'rhel9', namespace: NS, labels: { [CRON_LABEL]: 'rhel9-image-cron' } },
      spec: { source: { pvc: { namespace: NS, name: pvcName } } },
      status: {
        source: { pvc: { namespace: NS, name: pvcName } },
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'Ready',
            message: 'DataSource is ready to be consumed',
          },
        ],
      },
    },
    {
      ...cron(
        'rhel9-image-cron',
        'docker://registry.redhat.io/rhel9/rhel-guest-image:latest',
        'rhel9',
      ),
      status: {
        lastImportedPVC: { namespace: NS, name: pvcName },
        lastImportTimestamp: '2026-11-02T08:30:00Z',
        conditions: [
          {
            type: 'UpToDate',
            status: 'True',
            reason: 'UpToDate',
            message: 'Latest import is up to date',
          },
          {
            type: 'Progressing',
            status: 'False',
            reason: 'NoImport',
            message: 'No current import',
          },
        ],
      },
    },
  ];
};

describe('DataImportCron and DataSource', { timeout: 60_000 }, () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster({ seedContributors: [seededBootSource] });
    await t.start(startCdi);
  }, 60_000);
  afterAll(() => t.close());

  it('imports the source of a new cron and makes its DataSource ready', async () => {
    const url = 'docker://quay.io/containerdisks/fedora:41';
    await t.admin.create(DATA_IMPORT_CRON, NS, cron('fedora-image-cron', url, 'fedora'));
    const digest = polledDigest(url) ?? '';
    const dvName = importDataVolumeName('fedora', digest);
    expect(dvName).toMatch(/^fedora-[0-9a-f]{12}$/);
    const ds = await eventually(
      () => t.admin.find<DataSource>(DATA_SOURCE, NS, 'fedora'),
      (d) => d?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
      20_000,
      'DataSource fedora ready',
    );
    expect(ds?.spec.source).toEqual({ pvc: { namespace: NS, name: dvName } });
    expect(ds?.metadata.labels).toMatchObject({
      [CRON_LABEL]: 'fedora-image-cron',
      'instancetype.kubevirt.io/default-preference': 'fedora',
    });
    const dv = await t.admin.get<DataVolume>(DV, NS, dvName);
    expect(dv.metadata.annotations?.['cdi.kubevirt.io/storage.bind.immediate.requested']).toBe(
      'true',
    );
    expect(dv.spec.source?.registry?.url).toBe(`docker://quay.io/containerdisks/fedora@${digest}`);
    const c = await eventually(
      () => t.admin.get<DataImportCron>(DATA_IMPORT_CRON, NS, 'fedora-image-cron'),
      (x) =>
        x.status?.conditions?.some((k) => k.type === 'UpToDate' && k.status === 'True') ?? false,
      10_000,
      'cron up to date',
    );
    expect(c.status).toMatchObject({
      lastImportedPVC: { namespace: NS, name: dvName },
      currentImports: [{ dataVolumeName: dvName, digest }],
      sourceFormat: 'pvc',
    });
    expect(c.status?.lastExecutionTimestamp).toBeTruthy();
    expect(c.metadata.annotations?.['cdi.kubevirt.io/storage.import.nextCronTime']).toMatch(
      /T(06|18):24:00Z$/,
    );
  });

  it('accepts a seeded boot source as imported and never imports it again', async () => {
    const c = await eventually(
      () => t.admin.get<DataImportCron>(DATA_IMPORT_CRON, NS, 'rhel9-image-cron'),
      (x) =>
        Boolean(x.metadata.annotations?.['cdi.kubevirt.io/storage.import.sourceDesiredDigest']),
      10_000,
      'seeded cron polled',
    );
    expect(c.status?.currentImports?.[0]?.dataVolumeName).toBe('rhel9-4f0a1b2c3d4e');
    expect(c.status?.conditions?.find((k) => k.type === 'UpToDate')?.status).toBe('True');
    const dvs = await t.admin.list<DataVolume>(DV, NS);
    expect(dvs.items.filter((d) => d.metadata.name?.startsWith('rhel9'))).toEqual([]);
    const ds = await t.admin.get<DataSource>(DATA_SOURCE, NS, 'rhel9');
    expect(ds.status?.conditions?.find((k) => k.type === 'Ready')?.status).toBe('True');
    const pvc = await t.admin.get<Pvc>(PVC, NS, 'rhel9-4f0a1b2c3d4e');
    expect(pvc.metadata.annotations?.['cdi.kubevirt.io/storage.import.lastUseTime']).toBeTruthy();
  });

  it('reports a DataSource whose PVC is missing as not ready', async () => {
    await t.admin.create(DATA_SOURCE, NS, {
      metadata: { name: 'orphan', namespace: NS },
      spec: { source: { pvc: { namespace: NS, name: 'gone' } } },
    });
    const ds = await eventually(
      () => t.admin.get<DataSource>(DATA_SOURCE, NS, 'orphan'),
      (d) => Boolean(d.status?.conditions?.length),
      10_000,
      'orphan status',
    );
    expect(ds.status?.conditions?.[0]).toMatchObject({
      type: 'Ready',
      status: 'False',
      reason: 'NotFound',
    });
  });

  it('has no digest for an unreachable registry', async () => {
    await t.admin.create(
      DATA_IMPORT_CRON,
      NS,
      cron('broken-cron', 'docker://registry.example.invalid/os:1', 'broken'),
    );
    const c = await eventually(
      () => t.admin.get<DataImportCron>(DATA_IMPORT_CRON, NS, 'broken-cron'),
      (x) => Boolean(x.status?.conditions?.some((k) => k.type === 'UpToDate')),
      10_000,
      'broken cron status',
    );
    expect(c.status?.conditions?.find((k) => k.type === 'UpToDate')).toMatchObject({
      status: 'False',
      reason: 'NoDigest',
    });
  });
});

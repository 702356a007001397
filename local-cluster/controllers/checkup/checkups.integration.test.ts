import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import { CONFIG_MAP, EVENT, JOB, NAD, POD } from '../runtime/resources';
import { bootSources } from '../../seed/kubevirt/bootSources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import type { Job } from './checkupJob';
import { startCheckups } from './index';

const NS = 'demo-apps';
const LATENCY_IMAGE = 'quay.io/kiagnose/kubevirt-vm-latency:main';
const STORAGE_IMAGE =
  'registry.redhat.io/container-native-virtualization/kubevirt-storage-checkup-rhel9:v4.19';

type ConfigMap = KubeObject & { data?: Record<string, string> };
type Pod = KubeObject & {
  spec?: { nodeName?: string };
  status?: {
    phase?: string;
    containerStatuses?: { state?: { terminated?: { exitCode: number; message?: string } } }[];
  };
};

/** A checkup Job as the console creates it. */
const checkupJob = (name: string, configMap: string, image: string) => ({
  metadata: { name, labels: { 'kiagnose/checkup-type': 'kubevirt-vm-latency' } },
  spec: {
    backoffLimit: 0,
    template: {
      spec: {
        serviceAccountName: 'vm-latency-checkup-sa',
        restartPolicy: 'Never',
        containers: [
          {
            name: 'vm-latency-checkup-sa',
            image,
            securityContext: { allowPrivilegeEscalation: false },
            env: [
              { name: 'CONFIGMAP_NAMESPACE', value: NS },
              { name: 'CONFIGMAP_NAME', value: configMap },
              { name: 'POD_UID', valueFrom: { fieldRef: { fieldPath: 'metadata.uid' } } },
            ],
          },
        ],
      },
    },
  },
});

const latencyConfig = (name: string, params: Record<string, string>) => ({
  metadata: { name, labels: { 'kiagnose/checkup-type': 'kubevirt-vm-latency' } },
  data: {
    'spec.timeout': '5m',
    'spec.param.networkAttachmentDefinitionNamespace': NS,
    'spec.param.maxDesiredLatencyMilliseconds': '',
    'spec.param.sampleDurationSeconds': '5',
    'spec.param.sourceNode': '',
    'spec.param.targetNode': '',
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [`spec.param.${k}`, v])),
  },
});

describe('checkups on a local cluster', () => {
  let t: TestCluster;
  beforeAll(async () => {
    // The golden images (DataImportCrons, DataSources, PVCs) the storage checkup looks for.
    t = await startTestCluster({ seedContributors: [bootSources] });
    await t.start(startCheckups);
    await t.admin.create(NAD, NS, {
      metadata: { name: 'blue-net' },
      spec: {
        config: JSON.stringify({
          cniVersion: '0.3.1',
          name: 'blue-net',
          plugins: [{ type: 'cnv-bridge', bridge: 'br1' }, { type: 'cnv-tuning' }],
        }),
      },
    });
  });
  afterAll(() => t.close());

  const configMap = (name: string) => t.admin.get<ConfigMap>(CONFIG_MAP, NS, name);
  const finishedJob = (name: string) =>
    eventually(
      () => t.admin.get<Job>(JOB, NS, name),
      (j) => (j.status?.conditions ?? []).some((c) => ['Complete', 'Failed'].includes(c.type)),
      15_000,
      `job ${name} to finish`,
    );
  const podsOf = async (job: Job) =>
    (
      await t.admin.list<Pod>(POD, NS, {
        labelSelector: `batch.kubernetes.io/controller-uid=${job.metadata.uid}`,
      })
    ).items;
  const eventReasons = async (name: string) =>
    (
      await t.admin.list<KubeObject & { reason?: string }>(EVENT, NS, {
        fieldSelector: `involvedObject.name=${name}`,
      })
    ).items.map((e) => e.reason);

  it('runs a latency checkup: Job, pod, ConfigMap results', async () => {
    await t.admin.create(
      CONFIG_MAP,
      NS,
      latencyConfig('latency-ok', { networkAttachmentDefinitionName: 'blue-net' }),
    );
    await t.admin.create(JOB, NS, checkupJob('latency-ok-1234', 'latency-ok', LATENCY_IMAGE));

    const running = await eventually(
      () => configMap('latency-ok'),
      (cm) => !!cm.data?.['status.startTimestamp'],
      15_000,
      'the start stamp',
    );
    expect(running.data?.['status.succeeded']).toBeUndefined();

    const job = await finishedJob('latency-ok-1234');
    expect(job.status).toMatchObject({
      succeeded: 1,
      startTime: expect.any(String),
      completionTime: expect.any(String),
    });
    expect(job.status?.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);

    const data = (await configMap('latency-ok')).data ?? {};
    expect(data).toMatchObject({
      'status.succeeded': 'true',
      'status.failureReason': '',
      'status.result.measurementDurationSec': '5',
    });
    for (const key of ['minLatencyNanoSec', 'avgLatencyNanoSec', 'maxLatencyNanoSec'])
      expect(Number(data[`status.result.${key}`])).toBeGreaterThan(0);
    expect(data['status.result.sourceNode']).toMatch(/^worker-/);
    expect(data['status.result.targetNode']).toMatch(/^worker-/);
    expect(data['status.result.sourceNode']).not.toBe(data['status.result.targetNode']);
    expect(data['status.completionTimestamp'] >= data['status.startTimestamp']).toBe(true);

    const pods = await podsOf(job);
    expect(pods).toHaveLength(1);
    expect(pods[0].status?.phase).toBe('Succeeded');
    expect(pods[0].spec?.nodeName).toMatch(/^worker-/);
    expect(pods[0].metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Job',
      name: 'latency-ok-1234',
      controller: true,
    });
    await eventually(
      () => eventReasons('latency-ok-1234'),
      (r) => r.includes('SuccessfulCreate') && r.includes('Completed'),
    );
  });

  it('fails a latency checkup whose NetworkAttachmentDefinition does not exist', async () => {
    await t.admin.create(
      CONFIG_MAP,
      NS,
      latencyConfig('latency-no-nad', { networkAttachmentDefinitionName: 'nope' }),
    );
    await t.admin.create(JOB, NS, checkupJob('latency-no-nad-1', 'latency-no-nad', LATENCY_IMAGE));
    const job = await finishedJob('latency-no-nad-1');
    expect(job.status).toMatchObject({ failed: 1 });
    expect(job.status?.conditions).toEqual([
      expect.objectContaining({ type: 'FailureTarget', reason: 'BackoffLimitExceeded' }),
      expect.objectContaining({
        type: 'Failed',
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
      }),
    ]);
    const data = (await configMap('latency-no-nad')).data ?? {};
    expect(data['status.succeeded']).toBe('false');
    expect(data['status.failureReason']).toBe(
      'setup: network-attachment-definitions.k8s.cni.cncf.io "nope" not found',
    );
    expect(data['status.startTimestamp']).toBeDefined();
    expect(data['status.result.avgLatencyNanoSec']).toBeUndefined();
    const [pod] = await podsOf(job);
    expect(pod.status?.phase).toBe('Failed');
    expect(pod.status?.containerStatuses?.[0].state?.terminated).toMatchObject({
      exitCode: 1,
      message: data['status.failureReason'],
    });
    await eventually(
      () => eventReasons('latency-no-nad-1'),
      (r) => r.includes('BackoffLimitExceeded'),
    );
  });

  it('fails before starting on invalid parameters, leaving the ConfigMap untouched', async () => {
    await t.admin.create(
      CONFIG_MAP,
      NS,
      latencyConfig('latency-bad-nodes', {
        networkAttachmentDefinitionName: 'blue-net',
        sourceNode: 'worker-0',
      }),
    );
    await t.admin.create(
      JOB,
      NS,
      checkupJob('latency-bad-nodes-1', 'latency-bad-nodes', LATENCY_IMAGE),
    );
    const job = await finishedJob('latency-bad-nodes-1');
    expect(job.status?.failed).toBe(1);
    expect((await configMap('latency-bad-nodes')).data?.['status.startTimestamp']).toBeUndefined();
    const [pod] = await podsOf(job);
    expect(pod.status?.containerStatuses?.[0].state?.terminated?.message).toBe(
      'illegal source and target nodes combination',
    );
  });

  it('fails a Job whose ConfigMap does not exist, like the real checkup', async () => {
    await t.admin.create(JOB, NS, checkupJob('latency-no-cm-1', 'does-not-exist', LATENCY_IMAGE));
    const job = await finishedJob('latency-no-cm-1');
    expect(job.status?.failed).toBe(1);
    const [pod] = await podsOf(job);
    expect(pod.status?.containerStatuses?.[0].state?.terminated?.message).toBe(
      'configmaps "does-not-exist" not found',
    );
  });

  it('runs a storage checkup computed from the cluster’s real storage objects', async () => {
    await t.admin.create(CONFIG_MAP, NS, {
      metadata: { name: 'storage-1', labels: { 'kiagnose/checkup-type': 'kubevirt-vm-storage' } },
      data: { 'spec.timeout': '10m' },
    });
    await t.admin.create(JOB, NS, checkupJob('storage-1-abcd', 'storage-1', STORAGE_IMAGE));
    await finishedJob('storage-1-abcd');
    const data = (await configMap('storage-1')).data ?? {};
    // What the seeded cluster really has: standard-csi is the default (RWO, snapshots),
    // shared-rwx is RWX and holds the golden images.
    expect(data).toMatchObject({
      'status.result.cnvVersion': '4.22.0',
      'status.result.defaultStorageClass': 'standard-csi',
      'status.result.pvcBound': 'PVC "checkup-pvc" bound',
      'status.result.storageProfilesWithRWX': 'shared-rwx',
      'status.result.storageProfilesWithEmptyClaimPropertySets': '',
      'status.result.goldenImagesNoDataSource': '',
    });
    expect(data['status.result.storageProfilesWithSmartClone']).toContain('shared-rwx');
    expect(data['status.result.vmBootFromGoldenImage']).toMatch(
      /^VMI "vmi-under-test-\w{5}" successfully booted$/,
    );
    // The checkup's verdict follows from those objects: cloning a golden image from shared-rwx
    // onto the default class needs a host-assisted copy, which the checkup reports as a failure.
    expect(data['status.succeeded']).toBe('false');
    expect(data['status.failureReason']).toContain(
      'DV clone fallback reason: Provisioners are incompatible',
    );
    expect(data['status.result.vmVolumeClone']).toMatch(/^DV cloneType: "copy"/);
  });

  it('runs again when the console reruns a checkup', async () => {
    const before = (await configMap('latency-ok')).data ?? {};
    await t.admin.patch(CONFIG_MAP, NS, 'latency-ok', [
      { op: 'remove', path: '/data/status.completionTimestamp' },
      { op: 'remove', path: '/data/status.succeeded' },
      { op: 'remove', path: '/data/status.failureReason' },
      { op: 'remove', path: '/data/status.startTimestamp' },
      { op: 'remove', path: '/data/status.result.avgLatencyNanoSec' },
      { op: 'remove', path: '/data/status.result.maxLatencyNanoSec' },
      { op: 'remove', path: '/data/status.result.measurementDurationSec' },
      { op: 'remove', path: '/data/status.result.minLatencyNanoSec' },
    ]);
    await t.admin.create(JOB, NS, checkupJob('latency-ok-5678', 'latency-ok', LATENCY_IMAGE));
    await finishedJob('latency-ok-5678');
    const after = (await configMap('latency-ok')).data ?? {};
    expect(after['status.succeeded']).toBe('true');
    expect(after['status.result.avgLatencyNanoSec']).toBeDefined();
    expect(after['status.startTimestamp'] >= before['status.startTimestamp']).toBe(true);
  });

  it('leaves other Jobs alone', async () => {
    await t.admin.create(JOB, NS, {
      metadata: { name: 'not-a-checkup' },
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [
              { name: 'c', image: 'busybox', env: [{ name: 'CONFIGMAP_NAME', value: 'x' }] },
            ],
          },
        },
      },
    });
    await new Promise((r) => setTimeout(r, 200));
    const job = await t.admin.get<Job>(JOB, NS, 'not-a-checkup');
    expect(job.status?.startTime).toBeUndefined();
  });
});

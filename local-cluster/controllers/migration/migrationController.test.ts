import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import { ApiError } from '../runtime/apiClient';
import { EVENT, HYPERCONVERGED, MIGRATION_POLICY, POD, VMI, VMIM } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import { startMigrationController } from './index';
import { progressOf } from './migrationProgress';
import type { MigrationProgress } from './migrationProgress';
import type { Pod, Vmi, Vmim } from './migrationTypes';

const NS = 'demo-apps';

describe('migration controller', { timeout: 30_000 }, () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster();
    await t.start(startMigrationController);
  }, 60_000);
  afterAll(() => t.close());

  /** A VMI running on worker-0 with its launcher pod, as virt-controller and virt-handler leave it. */
  const runningVmi = async (
    name: string,
    opts: {
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
      migratable?: { status: 'True' | 'False'; reason?: string; message?: string };
      phase?: 'Running' | 'Scheduled';
    } = {},
  ): Promise<Vmi> => {
    const vmi = await t.admin.create<Vmi>(VMI, NS, {
      metadata: {
        name,
        labels: { 'kubevirt.io/nodeName': 'worker-0', ...opts.labels },
        annotations: opts.annotations,
      },
      spec: {
        domain: {
          devices: {},
          memory: { guest: '1Gi' },
          resources: { requests: { memory: '1Gi' } },
        },
        volumes: [{ name: 'rootdisk', persistentVolumeClaim: { claimName: `${name}-root` } }],
      },
    });
    const phase = opts.phase ?? 'Running';
    await t.admin.patchStatus(VMI, NS, name, {
      phase,
      nodeName: 'worker-0',
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'LiveMigratable', ...(opts.migratable ?? { status: 'True' }) },
      ],
    });
    const pod = await t.admin.create<Pod>(POD, NS, {
      metadata: {
        name: `virt-launcher-${name}-src01`,
        labels: {
          'kubevirt.io': 'virt-launcher',
          'kubevirt.io/created-by': vmi.metadata.uid ?? '',
          'vm.kubevirt.io/name': name,
        },
      },
      spec: {
        nodeName: 'worker-0',
        nodeSelector: { 'kubevirt.io/schedulable': 'true' },
        containers: [
          {
            name: 'compute',
            image: 'virt-launcher',
            resources: { requests: { cpu: '100m', memory: '1300Mi' } },
          },
        ],
      },
    });
    await t.admin.patchStatus(POD, NS, pod.metadata.name ?? '', { phase: 'Running' });
    await eventually(
      () => t.runtime.informers.for<Vmi>(VMI).get(NS, name),
      (v) => v?.status?.phase === phase,
      5000,
      `informer to see ${name} ${phase}`,
    );
    return vmi;
  };

  const migrate = (name: string, vmiName: string): Promise<Vmim> =>
    t.admin.create<Vmim>(VMIM, NS, { metadata: { name }, spec: { vmiName } });

  const vmimPhase = (name: string, phases: string[], timeout = 10_000): Promise<Vmim> =>
    eventually(
      () => t.admin.get<Vmim>(VMIM, NS, name),
      (m) => phases.includes(m.status?.phase ?? ''),
      timeout,
      `${name} in ${phases.join('/')}`,
    );

  const reasons = async (name: string): Promise<string[]> => {
    const list = await t.admin.list<KubeObject & { reason?: string }>(EVENT, NS, {
      fieldSelector: `involvedObject.name=${name}`,
    });
    return list.items.map((e) => e.reason ?? '');
  };

  it('migrates a running VMI to another node', async () => {
    await runningVmi('mig-ok');
    await migrate('mig-ok-1', 'mig-ok');
    const seen: MigrationProgress[] = [];
    const vmiUid = (await t.admin.get<Vmi>(VMI, NS, 'mig-ok')).metadata.uid ?? '';
    const done = await eventually(
      async () => {
        const p = progressOf(vmiUid);
        if (p) seen.push(p);
        return t.admin.get<Vmim>(VMIM, NS, 'mig-ok-1');
      },
      (m) => m.status?.phase === 'Succeeded',
      10_000,
      'migration to succeed',
    );
    expect(done.metadata.labels).toMatchObject({ 'kubevirt.io/vmi-name': 'mig-ok' });
    expect(done.status?.phaseTransitionTimestamps?.map((p) => p.phase)).toEqual([
      'Pending',
      'Scheduling',
      'Scheduled',
      'PreparingTarget',
      'TargetReady',
      'Running',
      'Succeeded',
    ]);

    const vmi = await t.admin.get<Vmi>(VMI, NS, 'mig-ok');
    const state = vmi.status?.migrationState;
    expect(state).toMatchObject({
      migrationUid: done.metadata.uid,
      sourceNode: 'worker-0',
      sourcePod: 'virt-launcher-mig-ok-src01',
      completed: true,
      failed: false,
      mode: 'PreCopy',
      migrationConfiguration: { parallelMigrationsPerCluster: 5, completionTimeoutPerGiB: 150 },
    });
    expect(state?.targetNode).toMatch(/^worker-[12]$/);
    expect(state?.startTimestamp).toBeTruthy();
    expect(state?.endTimestamp).toBeTruthy();
    expect(state?.targetNodeAddress).toMatch(/^10\.0\.0\./);
    expect(vmi.status?.nodeName).toBe(state?.targetNode);
    expect(vmi.metadata.labels?.['kubevirt.io/nodeName']).toBe(state?.targetNode);
    expect(vmi.status?.migrationMethod).toBe('LiveMigration');
    expect(done.status?.migrationState).toMatchObject({
      completed: true,
      targetNode: state?.targetNode,
    });

    const target = await t.admin.get<Pod>(POD, NS, state?.targetPod ?? '');
    expect(target.spec.nodeName).toBe(state?.targetNode);
    expect(target.status?.phase).toBe('Running');
    expect(target.metadata.labels?.['kubevirt.io/migrationJobUID']).toBe(done.metadata.uid);
    const source = await t.admin.get<Pod>(POD, NS, 'virt-launcher-mig-ok-src01');
    expect(source.status?.phase).toBe('Succeeded');

    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({ migrationName: 'mig-ok-1', dataTotalBytes: 2 ** 30 });
    expect(progressOf(vmiUid)).toBeUndefined();

    await eventually(
      () => reasons('mig-ok-1'),
      (r) =>
        ['SuccessfulCreate', 'SuccessfulHandOver', 'SuccessfulMigration'].every((x) =>
          r.includes(x),
        ),
      5000,
      'migration events',
    );
    await eventually(
      () => reasons('mig-ok'),
      (r) => ['PreparingTarget', 'Migrating', 'Migrated'].every((x) => r.includes(x)),
      5000,
      'VMI events',
    );
  });

  it('refuses a migration of a VMI that is not live-migratable', async () => {
    await runningVmi('mig-rwo', {
      migratable: {
        status: 'False',
        reason: 'DisksNotLiveMigratable',
        message:
          'cannot migrate VMI: PVC mig-rwo-root is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)',
      },
    });
    const err = await migrate('mig-rwo-1', 'mig-rwo').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(400);
    expect((err as ApiError).message).toBe(
      'admission webhook "migration-create-validator.kubevirt.io" denied the request: Cannot migrate VMI, Reason: DisksNotLiveMigratable, Message: cannot migrate VMI: PVC mig-rwo-root is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)',
    );
  });

  it('keeps a migration Pending until the VMI runs, and fails it once the VMI is not migratable', async () => {
    await runningVmi('mig-late', { phase: 'Scheduled' });
    await migrate('mig-late-1', 'mig-late');
    await vmimPhase('mig-late-1', ['Pending']);
    // A non-shared disk is hot-plugged before the VMI ever ran: the migration cannot proceed.
    await t.admin.patchStatus(VMI, NS, 'mig-late', {
      conditions: [
        {
          type: 'LiveMigratable',
          status: 'False',
          reason: 'DisksNotLiveMigratable',
          message: 'PVC hotplug is not shared',
        },
      ],
    });
    await vmimPhase('mig-late-1', ['Failed']);
    const events = await t.admin.list<KubeObject & { reason?: string; message?: string }>(
      EVENT,
      NS,
      {
        fieldSelector: 'involvedObject.name=mig-late-1',
      },
    );
    expect(events.items.map((e) => [e.reason, e.message])).toContainEqual([
      'FailedMigration',
      'Cannot migrate VMI, Reason: DisksNotLiveMigratable, Message: PVC hotplug is not shared',
    ]);
  });

  it('cancels a running migration when it is deleted; the VMI stays on its node', async () => {
    await runningVmi('mig-cancel', {
      annotations: { 'simulation.local-cluster.io/migration-dirty-rate': '4Gi' },
    });
    await migrate('mig-cancel-1', 'mig-cancel');
    const running = await vmimPhase('mig-cancel-1', ['Running']);
    const targetPod = (await t.admin.get<Vmi>(VMI, NS, 'mig-cancel')).status?.migrationState
      ?.targetPod;
    await t.admin.delete(VMIM, NS, 'mig-cancel-1');
    await eventually(
      () => t.admin.find(VMIM, NS, 'mig-cancel-1'),
      (m) => m === undefined,
      10_000,
      'the migration to be gone',
    );
    const vmi = await t.admin.get<Vmi>(VMI, NS, 'mig-cancel');
    expect(vmi.status?.nodeName).toBe('worker-0');
    expect(vmi.status?.migrationState).toMatchObject({
      migrationUid: running.metadata.uid,
      abortRequested: true,
      abortStatus: 'Succeeded',
      failed: true,
      completed: true,
    });
    await eventually(
      () => t.admin.find(POD, NS, targetPod ?? ''),
      (p) => p === undefined,
      5000,
      'target pod deleted',
    );
    const r = await reasons('mig-cancel-1');
    expect(r).toContain('SuccessfulAbortMigration');
  });

  it('aborts a migration that does not converge within the completion timeout', async () => {
    await t.admin.create(MIGRATION_POLICY, undefined, {
      metadata: { name: 'short-timeout' },
      spec: {
        selectors: { virtualMachineInstanceSelector: { 'migration-test': 'timeout' } },
        completionTimeoutPerGiB: 20,
      },
    });
    await runningVmi('mig-timeout', {
      labels: { 'migration-test': 'timeout' },
      annotations: { 'simulation.local-cluster.io/migration-dirty-rate': '4Gi' },
    });
    await migrate('mig-timeout-1', 'mig-timeout');
    const failed = await vmimPhase('mig-timeout-1', ['Failed', 'Succeeded']);
    expect(failed.status?.phase).toBe('Failed');
    const vmi = await t.admin.get<Vmi>(VMI, NS, 'mig-timeout');
    expect(vmi.status?.nodeName).toBe('worker-0');
    expect(vmi.status?.migrationState).toMatchObject({
      failed: true,
      completed: true,
      migrationPolicyName: 'short-timeout',
      failureReason: 'Live migration is not completed after 20 sec and has been aborted',
    });
  });

  it('applies the most specific MigrationPolicy', async () => {
    await t.admin.create(MIGRATION_POLICY, undefined, {
      metadata: { name: 'db-generic' },
      spec: {
        selectors: { virtualMachineInstanceSelector: { workload: 'db' } },
        bandwidthPerMigration: '64Mi',
      },
    });
    await t.admin.create(MIGRATION_POLICY, undefined, {
      metadata: { name: 'db-gold' },
      spec: {
        selectors: { virtualMachineInstanceSelector: { workload: 'db', tier: 'gold' } },
        bandwidthPerMigration: '1Gi',
        allowPostCopy: true,
      },
    });
    await runningVmi('mig-policy', { labels: { workload: 'db', tier: 'gold' } });
    await migrate('mig-policy-1', 'mig-policy');
    await vmimPhase('mig-policy-1', ['Succeeded']);
    const state = (await t.admin.get<Vmi>(VMI, NS, 'mig-policy')).status?.migrationState;
    expect(state?.migrationPolicyName).toBe('db-gold');
    expect(state?.migrationConfiguration).toMatchObject({
      bandwidthPerMigration: '1Gi',
      allowPostCopy: true,
      allowWorkloadDisruption: true,
    });
  });

  it('queues migrations beyond parallelMigrationsPerCluster', async () => {
    await t.admin.patch(HYPERCONVERGED, 'openshift-cnv', 'kubevirt-hyperconverged', {
      spec: { liveMigrationConfig: { parallelMigrationsPerCluster: 1 } },
    });
    try {
      const slow = { annotations: { 'simulation.local-cluster.io/migration-dirty-rate': '4Gi' } };
      await runningVmi('mig-q1', slow);
      await runningVmi('mig-q2');
      await migrate('mig-q1-1', 'mig-q1');
      await vmimPhase('mig-q1-1', ['Running']);
      await migrate('mig-q2-1', 'mig-q2');
      await vmimPhase('mig-q2-1', ['Pending']);
      // Still queued a while later: the slot is taken.
      await new Promise((r) => setTimeout(r, 300));
      expect((await t.admin.get<Vmim>(VMIM, NS, 'mig-q2-1')).status?.phase).toBe('Pending');
      await t.admin.delete(VMIM, NS, 'mig-q1-1');
      await vmimPhase('mig-q2-1', ['Succeeded']);
    } finally {
      await t.admin.patch(HYPERCONVERGED, 'openshift-cnv', 'kubevirt-hyperconverged', {
        spec: { liveMigrationConfig: { parallelMigrationsPerCluster: 5 } },
      });
    }
  });
});

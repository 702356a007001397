import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vm, Vmi } from '../handler/kubevirtObjects';
import { createScheduledVmi, createVm, NS, vmiManifest, waitForVmi } from '../handler/testVmis';
import { CLUSTER_INSTANCETYPE, CLUSTER_PREFERENCE, VM, VMI, VMIM } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import type { VirtStack } from './testVirtStack';
import { callSubresource, startVirtStack } from './testVirtStack';

const vmCall = (t: TestCluster, name: string, subresource: string, body?: unknown, user?: string) =>
  callSubresource(t, { kind: 'virtualmachines', name, subresource, body, user });

describe('virt-api: VirtualMachine subresources', { timeout: 30_000 }, () => {
  let stack: VirtStack;
  let t: TestCluster;

  beforeAll(async () => {
    stack = await startVirtStack();
    t = stack.t;
  }, 60_000);
  afterAll(() => stack.close(), 60_000);

  const getVm = (name: string) => t.admin.get<Vm>(VM, NS, name);

  it('start switches a Halted VM to Always; stop switches it back', async () => {
    await createVm(t.admin, 'life', { runStrategy: 'Halted' });
    const started = await vmCall(t, 'life', 'start');
    expect(started.status).toBe(202);
    expect(started.text).toBe('');
    expect((await getVm('life')).spec.runStrategy).toBe('Always');

    const stopped = await vmCall(t, 'life', 'stop');
    expect(stopped.status).toBe(202);
    expect((await getVm('life')).spec.runStrategy).toBe('Halted');
  });

  it('writes the deprecated `running` field when the VM uses it', async () => {
    await createVm(t.admin, 'legacy', { running: false });
    expect((await vmCall(t, 'legacy', 'start')).status).toBe(202);
    const vm = await getVm('legacy');
    expect(vm.spec.running).toBe(true);
    expect(vm.spec.runStrategy).toBeUndefined();
  });

  it('refuses to start a running VM and to stop a stopped one, with KubeVirt’s answers', async () => {
    await createVm(t.admin, 'busy', { runStrategy: 'Always' });
    await createScheduledVmi(t.admin, 'busy');
    await waitForVmi(t.admin, 'busy', (v) => v.status?.phase === 'Running', 'Running');
    const again = await vmCall(t, 'busy', 'start');
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      code: 409,
      message:
        'Operation cannot be fulfilled on virtualmachine.kubevirt.io "busy": VM is already running',
      details: { name: 'busy', group: 'kubevirt.io', kind: 'virtualmachine' },
    });

    await createVm(t.admin, 'idle', { runStrategy: 'Halted' });
    const stop = await vmCall(t, 'idle', 'stop');
    expect(stop.status).toBe(409);
    expect(stop.json?.message).toBe(
      'Operation cannot be fulfilled on virtualmachine.kubevirt.io "idle": VM is not running',
    );

    await createVm(t.admin, 'always-off', { runStrategy: 'Always' });
    const alwaysStart = await vmCall(t, 'always-off', 'start');
    expect(alwaysStart.status).toBe(409);
    expect(alwaysStart.json?.message).toContain('Always does not support manual start requests');
  });

  it('answers 404 for a VM that does not exist', async () => {
    const res = await vmCall(t, 'nope', 'start');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({
      reason: 'NotFound',
      message: 'virtualmachine.kubevirt.io "nope" not found',
    });
  });

  it('queues state change requests for Manual VMs, once at a time', async () => {
    await createVm(t.admin, 'manual', { runStrategy: 'Manual' });
    expect((await vmCall(t, 'manual', 'start', { paused: true })).status).toBe(202);
    expect((await getVm('manual')).status?.stateChangeRequests).toEqual([
      { action: 'Start', data: { paused: 'true' } },
    ]);
    const second = await vmCall(t, 'manual', 'start');
    expect(second.status).toBe(500);
    expect(second.json).toMatchObject({
      reason: 'InternalError',
      message: 'Internal error occurred: unable to complete request: stop/start already underway',
    });
  });

  it('stops a Manual VM with a Stop request for its VMI and applies the grace period', async () => {
    await createVm(t.admin, 'manual-run', { runStrategy: 'Manual' });
    await createScheduledVmi(t.admin, 'manual-run');
    const vmi = await waitForVmi(
      t.admin,
      'manual-run',
      (v) => v.status?.phase === 'Running',
      'Running',
    );
    expect((await vmCall(t, 'manual-run', 'stop', { gracePeriod: 0 })).status).toBe(202);
    expect((await getVm('manual-run')).status?.stateChangeRequests).toEqual([
      { action: 'Stop', uid: vmi.metadata.uid },
    ]);
    const patched = await t.admin.get<Vmi>(VMI, NS, 'manual-run');
    expect(patched.spec.terminationGracePeriodSeconds).toBe(0);
  });

  it('restarts with Stop+Start requests and refuses what KubeVirt refuses', async () => {
    await createVm(t.admin, 'rs', { runStrategy: 'Always' });
    await createScheduledVmi(t.admin, 'rs');
    const vmi = await waitForVmi(t.admin, 'rs', (v) => v.status?.phase === 'Running', 'Running');
    expect((await vmCall(t, 'rs', 'restart')).status).toBe(202);
    expect((await getVm('rs')).status?.stateChangeRequests).toEqual([
      { action: 'Stop', uid: vmi.metadata.uid },
      { action: 'Start' },
    ]);

    const force = await vmCall(t, 'rs', 'restart', { gracePeriodSeconds: 5 });
    expect(force.status).toBe(400);
    expect(force.json?.message).toBe('For force restart, only gracePeriod=0 is supported for now');

    await createVm(t.admin, 'rs-halted', { runStrategy: 'Halted' });
    const halted = await vmCall(t, 'rs-halted', 'restart');
    expect(halted.status).toBe(409);
    expect(halted.json?.message).toContain('RunStategy Halted does not support manual restart');

    // Still importing its disks: there is no VMI yet.
    await createVm(t.admin, 'rs-importing', { runStrategy: 'Always' });
    const importing = await vmCall(t, 'rs-importing', 'restart');
    expect(importing.status).toBe(409);
    expect(importing.json?.message).toContain('VM is not running: Halted');
  });

  it('honours dryRun and rejects bodies that do not decode', async () => {
    await createVm(t.admin, 'dry', { runStrategy: 'Halted' });
    expect((await vmCall(t, 'dry', 'start', { dryRun: ['All'] })).status).toBe(202);
    expect((await getVm('dry')).spec.runStrategy).toBe('Halted');
    const bad = await vmCall(t, 'dry', 'stop', { gracePeriod: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.json?.message).toBe(
      'Can not unmarshal Request body to struct, error: json: cannot unmarshal string into Go struct field StopOptions.gracePeriod of type int64',
    );
  });

  it('migrate creates a migration; refuses non-migratable VMIs and users without rights', async () => {
    await createVm(t.admin, 'mover', { runStrategy: 'Always' });
    await createScheduledVmi(t.admin, 'mover');
    await waitForVmi(t.admin, 'mover', (v) => v.status?.phase === 'Running', 'Running');

    const denied = await vmCall(t, 'mover', 'migrate', {}, 'developer');
    expect(denied.status).toBe(403);
    expect(denied.json?.reason).toBe('Forbidden');

    expect((await vmCall(t, 'mover', 'migrate', {})).status).toBe(202);
    const migrations = await t.admin.list(VMIM, NS);
    const created = migrations.items.find(
      (m) => (m.spec as { vmiName?: string }).vmiName === 'mover',
    );
    expect(created?.metadata.name).toMatch(/^kubevirt-migrate-vm-/);

    await createVm(t.admin, 'pinned', { runStrategy: 'Always' });
    await createScheduledVmi(t.admin, 'pinned');
    await waitForVmi(t.admin, 'pinned', (v) => v.status?.phase === 'Running', 'Running');
    const vmi = await t.admin.get<Vmi>(VMI, NS, 'pinned');
    // What virt-controller writes for a VMI on a ReadWriteOnce claim.
    await t.admin.patchStatus(VMI, NS, 'pinned', {
      conditions: [
        ...((vmi.status?.conditions ?? []) as object[]),
        {
          type: 'LiveMigratable',
          status: 'False',
          reason: 'DisksNotLiveMigratable',
          message: 'cannot migrate VMI: PVC rootdisk is not shared',
        },
      ],
    });
    const refused = await vmCall(t, 'pinned', 'migrate');
    expect(refused.status).toBe(500);
    expect(refused.json?.message).toBe(
      'Internal error occurred: admission webhook "migration-create-validator.kubevirt.io" denied the request: Cannot migrate VMI, Reason: DisksNotLiveMigratable, Message: cannot migrate VMI: PVC rootdisk is not shared',
    );

    await createVm(t.admin, 'parked', { runStrategy: 'Halted' });
    await t.admin.create(VMI, NS, vmiManifest('parked'));
    const notRunning = await vmCall(t, 'parked', 'migrate');
    expect(notRunning.status).toBe(409);
    expect(notRunning.json?.message).toContain('"parked": VM is not running');
  });

  it('hotplugs a volume into the VM template and the running VMI, and unplugs it', async () => {
    await createVm(t.admin, 'hot', { runStrategy: 'Always' });
    await createScheduledVmi(t.admin, 'hot');
    await waitForVmi(t.admin, 'hot', (v) => v.status?.phase === 'Running', 'Running');
    const added = await vmCall(t, 'hot', 'addvolume', {
      name: 'data',
      disk: { disk: { bus: 'scsi' } },
      volumeSource: { persistentVolumeClaim: { claimName: 'data-pvc' } },
    });
    expect(added.status).toBe(202);
    const vm = await getVm('hot');
    expect(vm.spec.template?.spec?.volumes).toContainEqual({
      name: 'data',
      persistentVolumeClaim: { claimName: 'data-pvc', hotpluggable: true },
    });
    expect(vm.spec.template?.spec?.domain.devices.disks).toContainEqual({
      name: 'data',
      disk: { bus: 'scsi' },
    });
    const withVolume = await waitForVmi(
      t.admin,
      'hot',
      (v) => (v.status?.volumeStatus ?? []).some((s) => s.name === 'data'),
      'hotplug volume status',
    );
    expect(withVolume.status?.volumeStatus?.find((s) => s.name === 'data')).toMatchObject({
      target: 'sda',
      phase: 'Ready',
      reason: 'VolumeReady',
      hotplugVolume: { attachPodName: expect.stringMatching(/^hp-volume-/) },
    });

    const twice = await vmCall(t, 'hot', 'addvolume', {
      name: 'data',
      disk: { disk: { bus: 'scsi' } },
      volumeSource: { persistentVolumeClaim: { claimName: 'other' } },
    });
    expect(twice.status).toBe(409);
    expect(twice.json?.message).toContain(
      'Unable to add volume [data] because volume with that name already exists',
    );

    const rootdisk = await vmCall(t, 'hot', 'removevolume', { name: 'rootdisk' });
    expect(rootdisk.status).toBe(409);
    expect(rootdisk.json?.message).toContain(
      'Unable to remove volume [rootdisk] because it is not hotpluggable',
    );

    expect((await vmCall(t, 'hot', 'removevolume', { name: 'data' })).status).toBe(202);
    await waitForVmi(
      t.admin,
      'hot',
      (v) => !(v.spec.volumes ?? []).some((vol) => vol.name === 'data'),
      'unplugged',
    );
    const noBody = await vmCall(t, 'hot', 'addvolume');
    expect(noBody.status).toBe(400);
  });

  it('expand-spec applies the instance type and preference', async () => {
    await t.admin.create(CLUSTER_INSTANCETYPE, undefined, {
      metadata: { name: 'test.medium' },
      spec: { cpu: { guest: 2 }, memory: { guest: '4Gi' } },
    });
    await t.admin.create(CLUSTER_PREFERENCE, undefined, {
      metadata: { name: 'test-fedora' },
      spec: { devices: { preferredDiskBus: 'virtio' } },
    });
    await t.admin.create(VM, NS, {
      metadata: { name: 'typed' },
      spec: {
        runStrategy: 'Halted',
        instancetype: { kind: 'VirtualMachineClusterInstancetype', name: 'test.medium' },
        preference: { kind: 'VirtualMachineClusterPreference', name: 'test-fedora' },
        template: {
          spec: {
            domain: { devices: { disks: [{ name: 'rootdisk' }] } },
            volumes: [
              { name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora' } },
            ],
          },
        },
      },
    });
    const res = await callSubresource(t, {
      method: 'GET',
      kind: 'virtualmachines',
      name: 'typed',
      subresource: 'expand-spec',
    });
    expect(res.status).toBe(200);
    const spec = (res.json as unknown as Vm).spec;
    expect(spec.instancetype).toBeUndefined();
    expect(spec.preference).toBeUndefined();
    expect(spec.template?.spec?.domain.cpu).toMatchObject({ sockets: 2, cores: 1, threads: 1 });
    expect(spec.template?.spec?.domain.memory?.guest).toBe('4Gi');
    expect(spec.template?.spec?.domain.devices.disks?.[0]).toMatchObject({
      name: 'rootdisk',
      disk: { bus: 'virtio' },
    });
  });

  it('answers 404 for an unknown subresource and 405 for a wrong method', async () => {
    await createVm(t.admin, 'routes', { runStrategy: 'Halted' });
    expect((await vmCall(t, 'routes', 'frobnicate')).status).toBe(404);
    const get = await callSubresource(t, {
      method: 'GET',
      kind: 'virtualmachines',
      name: 'routes',
      subresource: 'start',
    });
    expect(get.status).toBe(405);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../runtime/apiClient';
import { findCondition } from '../runtime/conditions';
import { CLUSTER_INSTANCETYPE, CONTROLLER_REVISION, DV, VM } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { createControllerRuntime } from '../runtime/runtime';
import { eventually, startTestCluster } from '../runtime/testCluster';
import { startVirtController } from './index';
import {
  NS,
  TEST_TIMEOUT_MS,
  WAIT_MS,
  bootVmi,
  eventsFor,
  getVm,
  launcherPods,
  printable,
  printableHistory,
  setVmiPhase,
  shutDownDeletedVmi,
  templateSpecOf,
  vmSpec,
  waitForVm,
  waitForVmi,
} from './integrationHelpers';
import type { DataVolume, Pod, VirtualMachine } from './types';

describe('virt-controller', { timeout: TEST_TIMEOUT_MS }, () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
    await t.start(startVirtController);
    await t.runtime.informers.synced();
    await t.admin.create(CLUSTER_INSTANCETYPE, undefined, {
      metadata: { name: 'u1.small' },
      spec: { cpu: { guest: 1 }, memory: { guest: '2Gi' } },
    });
  }, TEST_TIMEOUT_MS);
  afterAll(() => t.close());

  it('starts an Always VM: VMI, launcher pod on a worker, Starting then Running', async () => {
    await t.admin.create(VM, NS, vmSpec('always-vm'));
    const starting = await waitForVm(t, 'always-vm', printable('Starting'), 'Starting');
    expect(starting.metadata.finalizers).toContain('kubevirt.io/virtualMachineControllerFinalize');
    const vmi = await waitForVmi(
      t,
      'always-vm',
      (v) => v?.status?.phase === 'Scheduled',
      'Scheduled',
    );
    expect(vmi?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'VirtualMachine',
      name: 'always-vm',
      controller: true,
    });
    expect(vmi?.metadata.finalizers).toEqual([
      'kubevirt.io/virtualMachineControllerFinalize',
      'foregroundDeleteVirtualMachine',
    ]);
    expect(vmi?.metadata.labels).toMatchObject({
      'kubevirt.io/domain': 'always-vm',
      'kubevirt.io/nodeName': vmi?.status?.nodeName,
    });
    expect(vmi?.status?.nodeName).toMatch(/^worker-/);
    const [pod] = vmi ? await launcherPods(t, vmi) : [];
    expect(pod.metadata.name).toMatch(/^virt-launcher-always-vm-[a-z0-9]{5}$/);
    expect(pod.metadata.labels).toMatchObject({
      'kubevirt.io': 'virt-launcher',
      'vm.kubevirt.io/name': 'always-vm',
    });
    expect(pod.spec.nodeName).toBe(vmi?.status?.nodeName);
    expect(pod.status?.phase).toBe('Running');
    expect(vmi?.status?.activePods).toEqual({ [pod.metadata.uid ?? '']: pod.spec.nodeName });
    await setVmiPhase(t, 'always-vm', 'Running');
    const running = await waitForVm(t, 'always-vm', printable('Running'), 'Running');
    expect(running.status).toMatchObject({
      created: true,
      ready: true,
      runStrategy: 'Always',
      observedGeneration: 1,
      desiredGeneration: 1,
    });
    expect(findCondition(running.status?.conditions, 'LiveMigratable')?.status).toBe('True');
    const podReady = await eventually(
      async () => (vmi ? (await launcherPods(t, vmi))[0] : undefined) as Pod,
      (p) => findCondition(p.status?.conditions, 'Ready')?.status === 'True',
      WAIT_MS,
      'pod Ready',
    );
    expect(podReady.status?.podIP).toMatch(/^10\.128\./);
    const reasons = (await eventsFor(t.admin, 'always-vm')).map((e) => e.reason);
    expect(reasons).toContain('SuccessfulCreate');
  });

  it('keeps a Halted VM stopped and reports its volumes', async () => {
    await t.admin.create(VM, NS, vmSpec('halted-vm', { runStrategy: 'Halted' }));
    const vm = await waitForVm(t, 'halted-vm', printable('Stopped'), 'Stopped');
    expect(vm.status?.created).toBe(false);
    expect(findCondition(vm.status?.conditions, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'VMINotExists',
    });
    expect(vm.status?.volumeSnapshotStatuses).toEqual([
      {
        name: 'containerdisk',
        enabled: false,
        reason: 'Snapshot is not supported for this volumeSource type [containerdisk]',
      },
    ]);
    expect(await waitForVmi(t, 'halted-vm', (v) => v === undefined, 'no VMI')).toBeUndefined();
  });

  it('shows ErrorUnschedulable with the scheduler’s message when no node matches', async () => {
    await t.admin.create(
      VM,
      NS,
      vmSpec('picky-vm', {}, { nodeSelector: { 'node-type': 'gpu-a100' } }),
    );
    const vm = await waitForVm(
      t,
      'picky-vm',
      printable('ErrorUnschedulable'),
      'ErrorUnschedulable',
    );
    const scheduled = findCondition(vm.status?.conditions, 'PodScheduled');
    expect(scheduled).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(scheduled?.message).toBe(
      "0/6 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.",
    );
  });

  it('expands the instance type into the VMI and records its revision', async () => {
    const vm = vmSpec('typed-vm', { instancetype: { name: 'u1.small' } });
    const domain = templateSpecOf(vm).domain;
    delete domain.cpu;
    delete domain.resources;
    await t.admin.create(VM, NS, vm);
    const vmi = await waitForVmi(t, 'typed-vm', (v) => Boolean(v), 'VMI');
    expect(vmi?.spec.domain.cpu).toMatchObject({ sockets: 1, cores: 1, threads: 1 });
    expect(vmi?.spec.domain.memory?.guest).toBe('2Gi');
    expect(vmi?.metadata.annotations?.['kubevirt.io/cluster-instancetype-name']).toBe('u1.small');
    const withRef = await waitForVm(
      t,
      'typed-vm',
      (v) => Boolean(v.status?.instancetypeRef),
      'instancetypeRef',
    );
    const revision = withRef.status?.instancetypeRef?.controllerRevisionRef?.name ?? '';
    expect(withRef.status?.instancetypeRef).toMatchObject({
      kind: 'VirtualMachineClusterInstancetype',
      name: 'u1.small',
    });
    expect(revision).toMatch(/^typed-vm-u1\.small-v1beta1-/);
    expect(await t.admin.get(CONTROLLER_REVISION, NS, revision)).toMatchObject({
      data: { spec: { cpu: { guest: 1 } } },
    });
  });

  it('rejects CPU or memory next to an instance type, and unknown instance types', async () => {
    const conflicting = vmSpec('conflicting-vm', { instancetype: { name: 'u1.small' } });
    const err = await t.admin.create(VM, NS, conflicting).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(422);
    expect((err as ApiError).status.message).toBe(
      'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type, VM field(s) spec.template.spec.domain.cpu.cores conflicts with selected instance type, VM field(s) spec.template.spec.domain.cpu.threads conflicts with selected instance type, VM field(s) spec.template.spec.domain.resources.requests.memory conflicts with selected instance type',
    );
    const unknown = vmSpec('unknown-type-vm', { instancetype: { name: 'u1.huge' } });
    const err2 = await t.admin.create(VM, NS, unknown).catch((e: unknown) => e);
    expect((err2 as ApiError).status.message).toContain(
      'Failure to find instancetype: virtualmachineclusterinstancetypes.instancetype.kubevirt.io "u1.huge" not found',
    );
  });

  it('creates DataVolumes from the templates, owned by the VM, even when halted', async () => {
    const vm = vmSpec(
      'disk-vm',
      {
        runStrategy: 'Halted',
        dataVolumeTemplates: [
          {
            metadata: { name: 'disk-vm-root' },
            spec: {
              source: { blank: {} },
              storage: { resources: { requests: { storage: '1Gi' } } },
            },
          },
        ],
      },
      { volumes: [{ name: 'rootdisk', dataVolume: { name: 'disk-vm-root' } }] },
    );
    templateSpecOf(vm).domain.devices.disks = [{ name: 'rootdisk', disk: { bus: 'virtio' } }];
    await t.admin.create(VM, NS, vm);
    const dv = await eventually(
      () => t.admin.find<DataVolume>(DV, NS, 'disk-vm-root'),
      (d) => Boolean(d),
      WAIT_MS,
      'DataVolume',
    );
    expect(dv?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'VirtualMachine',
      name: 'disk-vm',
      controller: true,
    });
    expect(dv?.metadata.annotations?.['cdi.kubevirt.io/allowClaimAdoption']).toBe('true');
    const events = await eventually(
      () => eventsFor(t.admin, 'disk-vm'),
      (e) => e.some((x) => x.reason === 'SuccessfulDataVolumeCreate'),
      WAIT_MS,
      'event',
    );
    expect(events.find((e) => e.reason === 'SuccessfulDataVolumeCreate')?.message).toBe(
      'Created DataVolume disk-vm-root',
    );
  });

  it('sets RestartRequired after a CPU change on a running VM and clears it on restart', async () => {
    await t.admin.create(VM, NS, vmSpec('resize-vm'));
    await bootVmi(t, 'resize-vm');
    await waitForVm(t, 'resize-vm', printable('Running'), 'Running');
    await t.admin.patch(VM, NS, 'resize-vm', {
      spec: { template: { spec: { domain: { cpu: { cores: 2 } } } } },
    });
    const vm = await waitForVm(
      t,
      'resize-vm',
      (v) => Boolean(findCondition(v.status?.conditions, 'RestartRequired')),
      'RestartRequired',
    );
    expect(findCondition(vm.status?.conditions, 'RestartRequired')).toMatchObject({
      status: 'True',
      message: 'a non-live-updatable field was changed in the template spec',
    });
    expect(vm.status?.desiredGeneration).toBe(2);
    expect(vm.status?.observedGeneration).toBe(1);
    // A restart: the VMI goes, the VM starts a new one with two cores.
    await t.admin.patch(
      VM,
      NS,
      'resize-vm',
      {
        status: {
          stateChangeRequests: [
            {
              action: 'Stop',
              uid: (await waitForVmi(t, 'resize-vm', Boolean, 'vmi'))?.metadata.uid,
            },
          ],
        },
      },
      { subresource: 'status' },
    );
    await shutDownDeletedVmi(t, 'resize-vm');
    const vmi = await waitForVmi(t, 'resize-vm', (v) => v?.spec.domain.cpu?.cores === 2, 'new VMI');
    expect(vmi?.metadata.annotations?.['kubevirt.io/vm-generation']).toBe('2');
    const after = await waitForVm(
      t,
      'resize-vm',
      (v) =>
        !findCondition(v.status?.conditions, 'RestartRequired') && !v.status?.stateChangeRequests,
      'cleared',
    );
    expect(after.status?.printableStatus).toBe('Starting');
  });

  it('starts and stops a Manual VM on state change requests', async () => {
    const history = printableHistory(t, 'manual-vm');
    await t.admin.create(VM, NS, vmSpec('manual-vm', { runStrategy: 'Manual' }));
    await waitForVm(t, 'manual-vm', printable('Stopped'), 'Stopped');
    await t.admin.patch(
      VM,
      NS,
      'manual-vm',
      { status: { stateChangeRequests: [{ action: 'Start' }] } },
      { subresource: 'status' },
    );
    const vmi = await bootVmi(t, 'manual-vm');
    const running = await waitForVm(t, 'manual-vm', printable('Running'), 'Running');
    expect(running.status?.stateChangeRequests).toBeUndefined();
    await t.admin.patch(
      VM,
      NS,
      'manual-vm',
      { status: { stateChangeRequests: [{ action: 'Stop', uid: vmi.metadata.uid }] } },
      { subresource: 'status' },
    );
    await eventually(
      () => history,
      (h) => h.includes('Stopping'),
      WAIT_MS,
      'Stopping',
    );
    await shutDownDeletedVmi(t, 'manual-vm');
    const stopped = await waitForVm(
      t,
      'manual-vm',
      (v) => printable('Stopped')(v) && !v.status?.stateChangeRequests,
      'Stopped again',
    );
    expect(stopped.status?.created).toBe(false);
  });

  it('restarts a RerunOnFailure VM after its VMI failed, not after it succeeded', async () => {
    await t.admin.create(VM, NS, vmSpec('rerun-vm', { runStrategy: 'RerunOnFailure' }));
    const first = await bootVmi(t, 'rerun-vm');
    await setVmiPhase(t, 'rerun-vm', 'Failed');
    const second = await waitForVmi(
      t,
      'rerun-vm',
      (v) => Boolean(v && v.metadata.uid !== first.metadata.uid),
      'replacement VMI',
    );
    expect(second?.metadata.uid).not.toBe(first.metadata.uid);
    await bootVmi(t, 'rerun-vm');
    await setVmiPhase(t, 'rerun-vm', 'Succeeded');
    await waitForVmi(t, 'rerun-vm', (v) => v === undefined, 'VMI removed after success');
    const vm = await waitForVm(t, 'rerun-vm', printable('Stopped'), 'Stopped');
    expect(vm.status?.startFailure).toBeUndefined();
  });

  it('backs off with CrashLoopBackOff when VMIs keep failing before they run', async () => {
    const history = printableHistory(t, 'crashy-vm');
    await t.admin.create(VM, NS, vmSpec('crashy-vm'));
    for (let round = 1; round <= 2; round++) {
      const vmi = await waitForVmi(
        t,
        'crashy-vm',
        (v) => v?.status?.phase === 'Scheduled',
        `attempt ${round}`,
      );
      await setVmiPhase(t, 'crashy-vm', 'Failed', vmi?.metadata.uid);
      const vm = await waitForVm(
        t,
        'crashy-vm',
        (v) => v.status?.startFailure?.lastFailedVMIUID === vmi?.metadata.uid,
        `failure ${round}`,
      );
      expect(vm.status?.startFailure?.consecutiveFailCount).toBe(round);
      await eventually(
        () => history.filter((s) => s === 'CrashLoopBackOff').length,
        (n) => n >= round,
        WAIT_MS,
        `CrashLoopBackOff ${round}`,
      );
    }
  });

  it('deletes a VM: Terminating until its VMI shut down, then gone', async () => {
    const history = printableHistory(t, 'doomed-vm');
    await t.admin.create(VM, NS, vmSpec('doomed-vm'));
    await bootVmi(t, 'doomed-vm');
    await t.admin.delete(VM, NS, 'doomed-vm');
    await eventually(
      () => history,
      (h) => h.includes('Terminating'),
      WAIT_MS,
      'Terminating',
    );
    await shutDownDeletedVmi(t, 'doomed-vm');
    await eventually(
      () => t.admin.find<VirtualMachine>(VM, NS, 'doomed-vm'),
      (v) => v === undefined,
      WAIT_MS,
      'VM gone',
    );
  });

  it('writes nothing for VMs whose status is already current (a restart of the cluster)', async () => {
    const names = ['settled-0', 'settled-1', 'settled-2'];
    for (const n of names) await t.admin.create(VM, NS, vmSpec(n, { runStrategy: 'Halted' }));
    const before = await Promise.all(
      names.map(
        async (n) => (await waitForVm(t, n, printable('Stopped'), n)).metadata.resourceVersion,
      ),
    );
    const fresh = createControllerRuntime(t.cluster, { timeScale: 0.01, log: () => {} });
    const second = startVirtController(fresh);
    try {
      await fresh.informers.synced();
      await new Promise((r) => setTimeout(r, 300));
      const after = await Promise.all(
        names.map(async (n) => (await getVm(t, n)).metadata.resourceVersion),
      );
      expect(after).toEqual(before);
    } finally {
      second.stop();
      fresh.informers.stop();
    }
  });

  it('runs a standalone VMI without a VM', async () => {
    const vm = vmSpec('lonely');
    await t.admin.create(
      {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachineInstance',
        plural: 'virtualmachineinstances',
        namespaced: true,
      },
      NS,
      {
        metadata: { name: 'lonely' },
        spec: vm.spec.template.spec,
      },
    );
    const vmi = await waitForVmi(t, 'lonely', (v) => v?.status?.phase === 'Scheduled', 'Scheduled');
    expect(vmi?.metadata.finalizers).toEqual(['foregroundDeleteVirtualMachine']);
    expect(await getVm(t, 'lonely').catch((e: unknown) => (e as ApiError).code)).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vm, Vmi } from '../handler/kubevirtObjects';
import { conditionOf, createVm, NS } from '../handler/testVmis';
import { VM, VMI } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually } from '../runtime/testCluster';
import { startVirtController } from '../virt';
import type { VirtStack } from './testVirtStack';
import { callSubresource, startVirtStack } from './testVirtStack';

/**
 * The whole path with virt-controller: a VM started through virt-api gets a VMI and a launcher
 * pod from virt-controller, a running guest from virt-handler; stop and restart go back through
 * the same objects.
 */
describe('VM lifecycle across virt-api, virt-controller and virt-handler', () => {
  let stack: VirtStack;
  let t: TestCluster;

  beforeAll(async () => {
    stack = await startVirtStack();
    t = stack.t;
    await t.start((runtime) => startVirtController(runtime));
  }, 60_000);
  afterAll(() => stack.close(), 60_000);

  const vmi = (name: string) => t.admin.find<Vmi>(VMI, NS, name);
  const vm = (name: string) => t.admin.get<Vm>(VM, NS, name);

  it('starts, reports Ready with the agent, restarts and stops a VM', async () => {
    await createVm(t.admin, 'full', { runStrategy: 'Halted' });
    expect(
      (await callSubresource(t, { kind: 'virtualmachines', name: 'full', subresource: 'start' }))
        .status,
    ).toBe(202);

    const running = await eventually(
      () => vmi('full'),
      (v) => v !== undefined && conditionOf(v, 'AgentConnected')?.status === 'True',
      20_000,
      'a running VMI with its agent',
    );
    expect(running?.status?.phase).toBe('Running');
    // virt-controller copies the VMI's AgentConnected condition to the VM.
    await eventually(
      () => vm('full'),
      (v) =>
        v.status?.printableStatus === 'Running' &&
        v.status.ready === true &&
        (v.status.conditions ?? []).some((c) => c.type === 'AgentConnected'),
      20_000,
      'VM Running, ready, with the agent connected',
    );

    const firstUid = running?.metadata.uid;
    expect(
      (await callSubresource(t, { kind: 'virtualmachines', name: 'full', subresource: 'restart' }))
        .status,
    ).toBe(202);
    await eventually(
      () => vmi('full'),
      (v) => v !== undefined && v.metadata.uid !== firstUid && v.status?.phase === 'Running',
      20_000,
      'a new running VMI after the restart',
    );

    expect(
      (await callSubresource(t, { kind: 'virtualmachines', name: 'full', subresource: 'stop' }))
        .status,
    ).toBe(202);
    await eventually(
      () => vmi('full'),
      (v) => v === undefined,
      20_000,
      'the VMI gone',
    );
    const stopped = await eventually(
      () => vm('full'),
      (v) => v.status?.printableStatus === 'Stopped',
      20_000,
      'VM Stopped',
    );
    expect(stopped.spec.runStrategy).toBe('Halted');
  }, 60_000);
});

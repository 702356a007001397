import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestManager } from '../../guests/guestManager';
import { EVENT, POD, VMI } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import { startVirtHandler } from './index';
import type { NodeApi } from './nodeApi';
import { conditionOf, createScheduledVmi, getVmi, NS, scratchDir, waitForVmi } from './testVmis';
import type { Vmi } from './kubevirtObjects';

const eventReasons = async (t: TestCluster, name: string): Promise<string[]> => {
  const list = await t.admin.list(EVENT, NS, { fieldSelector: `involvedObject.name=${name}` });
  return list.items.map((e) => String(e.reason));
};

describe('virt-handler', { timeout: 30_000 }, () => {
  let t: TestCluster;
  let guests: GuestManager;
  let node: NodeApi;
  let stopHandler: () => void;
  const scratch = scratchDir();

  beforeAll(async () => {
    t = await startTestCluster();
    guests = new GuestManager({ workDir: scratch.dir, qemuBinary: null, bootDelayMs: 30 });
    await t.start((runtime) => {
      const handler = startVirtHandler(runtime, guests);
      node = handler.node;
      stopHandler = () => void handler.stop();
      return handler;
    });
  }, 60_000);

  afterAll(async () => {
    await t.close();
    await guests.closeAll();
    scratch.remove();
  }, 60_000);

  it('runs a scheduled VMI: Running, then the guest agent connects', async () => {
    await createScheduledVmi(t.admin, 'fedora-a');
    const running = await waitForVmi(
      t.admin,
      'fedora-a',
      (v) => v.status?.phase === 'Running',
      'Running',
    );
    expect(conditionOf(running, 'Ready')?.status).toBe('True');
    // (Before the agent the interface's infoSource is "domain, multus-status"; the agent may
    // already be there at this read, so vmiStatus.test.ts checks that.)
    expect(running.status?.interfaces?.[0]?.name).toBe('default');
    expect(running.status?.interfaces?.[0].ipAddress).toMatch(/^10\.128\.[67]\.\d+$/);
    expect(running.status?.currentCPUTopology).toEqual({ sockets: 2, cores: 1, threads: 1 });
    expect(running.status?.memory).toMatchObject({ guestAtBoot: '2Gi' });
    expect(running.status?.machine?.type).toBe('pc-q35-rhel9.6.0');
    expect(running.status?.qosClass).toBe('Burstable');

    const connected = await waitForVmi(
      t.admin,
      'fedora-a',
      (v) => conditionOf(v, 'AgentConnected')?.status === 'True',
      'AgentConnected',
    );
    expect(connected.status?.guestOSInfo).toMatchObject({ id: 'fedora', name: 'Fedora Linux' });
    expect(connected.status?.interfaces?.[0]).toMatchObject({
      interfaceName: 'eth0',
      infoSource: 'domain, guest-agent, multus-status',
    });
    expect(guests.get(connected.metadata.uid ?? '')?.spec).toMatchObject({
      hostname: 'fedora-a',
      osName: 'Fedora Linux 42',
      cpus: 2,
      memoryMiB: 2048,
      user: 'fedora',
      password: 's3cret-pass',
    });
    const reasons = await eventually(
      () => eventReasons(t, 'fedora-a'),
      (r) => r.includes('Started'),
    );
    expect(reasons).toEqual(expect.arrayContaining(['Created', 'Started']));
  });

  it('pauses and unpauses through the node API', async () => {
    const vmi = await getVmi(t.admin, 'fedora-a');
    const ref = { namespace: NS, name: 'fedora-a', uid: vmi.metadata.uid ?? '' };
    await node.pause(ref);
    const paused = await waitForVmi(
      t.admin,
      'fedora-a',
      (v) => conditionOf(v, 'Paused')?.status === 'True',
      'Paused',
    );
    expect(conditionOf(paused, 'Paused')).toMatchObject({
      reason: 'PausedByUser',
      message: 'VMI was paused by user',
    });
    expect(conditionOf(paused, 'Ready')?.status).toBe('False');
    expect(guests.get(ref.uid)?.paused).toBe(true);
    await node.unpause(ref);
    await waitForVmi(t.admin, 'fedora-a', (v) => !conditionOf(v, 'Paused'), 'unpaused');
    expect(guests.get(ref.uid)?.paused).toBe(false);
  });

  it('answers guest agent queries', async () => {
    const vmi = await getVmi(t.admin, 'fedora-a');
    const ref = { namespace: NS, name: 'fedora-a', uid: vmi.metadata.uid ?? '' };
    const info = await node.guestOsInfo(ref);
    expect(info).toMatchObject({ hostname: 'fedora-a', timezone: 'UTC, 0' });
    expect(info.os?.prettyName).toBe('Fedora Linux 42');
    expect((await node.userList(ref)).items).toEqual([
      expect.objectContaining({ userName: 'fedora' }),
    ]);
    const fs = (await node.filesystemList(ref)).items;
    expect(fs.map((f) => f.mountPoint)).toEqual(['/', '/boot']);
  });

  it('shuts the guest down gracefully when the VMI is deleted', async () => {
    await createScheduledVmi(t.admin, 'fedora-del');
    const running = await waitForVmi(
      t.admin,
      'fedora-del',
      (v) => v.status?.phase === 'Running',
      'Running',
    );
    // virt-controller's finalizer keeps the VMI until it saw the final phase.
    await t.admin.patch(VMI, NS, 'fedora-del', {
      metadata: { finalizers: ['kubevirt.io/virtualMachineControllerFinalize'] },
    });
    await t.admin.delete(VMI, NS, 'fedora-del');
    const done = await waitForVmi(
      t.admin,
      'fedora-del',
      (v) => v.status?.phase === 'Succeeded',
      'Succeeded',
    );
    expect(conditionOf(done, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'GuestNotRunning',
    });
    expect(guests.get(running.metadata.uid ?? '')).toBeUndefined();
    const reasons = await eventually(
      () => eventReasons(t, 'fedora-del'),
      (r) => r.includes('Stopped'),
    );
    expect(reasons).toEqual(expect.arrayContaining(['ShuttingDown', 'Stopped']));
    await t.admin.patch(VMI, NS, 'fedora-del', { metadata: { finalizers: null } });
  });

  it('fails a VMI whose guest crashes after boot', async () => {
    await createScheduledVmi(t.admin, 'crasher', {
      annotations: { 'simulation.local-cluster.io/guest': 'crash' },
    });
    const failed = await waitForVmi(
      t.admin,
      'crasher',
      (v) => v.status?.phase === 'Failed',
      'Failed',
    );
    expect(failed.status?.phaseTransitionTimestamps?.map((p) => p.phase)).toEqual([
      'Running',
      'Failed',
    ]);
    const events = await eventually(
      () => t.admin.list(EVENT, NS, { fieldSelector: 'involvedObject.name=crasher' }),
      (l) => l.items.some((e) => e.reason === 'Stopped'),
    );
    expect(events.items.find((e) => e.reason === 'Stopped')).toMatchObject({
      type: 'Warning',
      message: 'The VirtualMachineInstance crashed.',
    });
  });

  it('never connects the agent of a no-agent guest', async () => {
    await createScheduledVmi(t.admin, 'silent', {
      annotations: { 'simulation.local-cluster.io/guest': 'no-agent' },
    });
    const vmi = await waitForVmi(
      t.admin,
      'silent',
      (v) => v.status?.phase === 'Running',
      'Running',
    );
    await eventually(
      () => guests.get(vmi.metadata.uid ?? '')?.booted ?? false,
      (b) => b,
    );
    // Give the agent several times the delay it would need.
    await new Promise((r) => setTimeout(r, 150));
    expect(conditionOf(await getVmi(t.admin, 'silent'), 'AgentConnected')).toBeUndefined();
    await expect(
      node.guestOsInfo({ namespace: NS, name: 'silent', uid: vmi.metadata.uid ?? '' }),
    ).rejects.toThrow('Guest agent is not connected');
  });

  it('kills the guest when its launcher pod is deleted', async () => {
    await createScheduledVmi(t.admin, 'podless');
    const vmi = await waitForVmi(
      t.admin,
      'podless',
      (v) => v.status?.phase === 'Running',
      'Running',
    );
    await t.admin.create(POD, NS, {
      metadata: {
        name: 'virt-launcher-podless-abcde',
        labels: {
          'kubevirt.io': 'virt-launcher',
          'kubevirt.io/created-by': vmi.metadata.uid ?? '',
        },
      },
      spec: { nodeName: 'worker-0', containers: [{ name: 'compute', image: 'virt-launcher' }] },
    });
    // The launcher pod was seen; now it goes away (a force restart).
    await eventually(
      () => t.admin.find(POD, NS, 'virt-launcher-podless-abcde'),
      (p) => p !== undefined,
    );
    await new Promise((r) => setTimeout(r, 50));
    await t.admin.delete(POD, NS, 'virt-launcher-podless-abcde', { gracePeriodSeconds: 0 });
    await waitForVmi(t.admin, 'podless', (v) => v.status?.phase === 'Failed', 'Failed');
  });

  it('boots the guest again when virt-handler restarts with a Running VMI', async () => {
    const uid = (await getVmi(t.admin, 'fedora-a')).metadata.uid ?? '';
    // The node goes down: virt-handler stops, the guest process dies with it.
    stopHandler();
    await guests.closeAll();
    const restartedGuests = new GuestManager({
      workDir: `${scratch.dir}/second`,
      qemuBinary: null,
      bootDelayMs: 30,
    });
    const second = startVirtHandler(t.runtime, restartedGuests);
    try {
      await eventually(
        () => restartedGuests.get(uid)?.booted ?? false,
        (b) => b,
      );
      const vmi: Vmi = await waitForVmi(
        t.admin,
        'fedora-a',
        (v) => conditionOf(v, 'AgentConnected')?.status === 'True',
        'AgentConnected after the restart',
      );
      expect(vmi.status?.phase).toBe('Running');
      expect(vmi.metadata.uid).toBe(uid);
    } finally {
      second.stop();
      await restartedGuests.closeAll();
    }
  });
});

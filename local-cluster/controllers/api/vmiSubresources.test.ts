import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conditionOf, createScheduledVmi, NS, vmiManifest, waitForVmi } from '../handler/testVmis';
import { VMI } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import type { VirtStack } from './testVirtStack';
import { callSubresource, startVirtStack } from './testVirtStack';

const vmiCall = (
  t: TestCluster,
  name: string,
  subresource: string,
  options: { method?: 'GET' | 'PUT'; body?: unknown; user?: string } = {},
) => callSubresource(t, { kind: 'virtualmachineinstances', name, subresource, ...options });

describe('virt-api: VirtualMachineInstance subresources', { timeout: 30_000 }, () => {
  let stack: VirtStack;
  let t: TestCluster;

  beforeAll(async () => {
    stack = await startVirtStack();
    t = stack.t;
    await createScheduledVmi(t.admin, 'guest');
    await waitForVmi(
      t.admin,
      'guest',
      (v) => conditionOf(v, 'AgentConnected')?.status === 'True',
      'AgentConnected',
    );
  }, 60_000);
  afterAll(() => stack.close(), 60_000);

  it('pauses and unpauses, refusing a second pause and an unpause of a running VMI', async () => {
    const paused = await vmiCall(t, 'guest', 'pause');
    expect(paused.status).toBe(200);
    await waitForVmi(
      t.admin,
      'guest',
      (v) => conditionOf(v, 'Paused')?.status === 'True',
      'Paused',
    );
    const again = await vmiCall(t, 'guest', 'pause');
    expect(again.status).toBe(409);
    expect(again.json?.message).toBe(
      'Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io "guest": VMI is already paused',
    );
    const reboot = await vmiCall(t, 'guest', 'softreboot');
    expect(reboot.status).toBe(409);
    expect(reboot.json?.message).toContain('VMI is paused');

    expect((await vmiCall(t, 'guest', 'unpause')).status).toBe(200);
    await waitForVmi(t.admin, 'guest', (v) => !conditionOf(v, 'Paused'), 'unpaused');
    const notPaused = await vmiCall(t, 'guest', 'unpause');
    expect(notPaused.status).toBe(409);
    expect(notPaused.json?.message).toContain('"guest": VMI is not paused');
  });

  it('soft-reboots: the agent disconnects and comes back after the boot', async () => {
    expect((await vmiCall(t, 'guest', 'softreboot')).status).toBe(200);
    await waitForVmi(
      t.admin,
      'guest',
      (v) => conditionOf(v, 'AgentConnected')?.status === 'True',
      'agent back',
    );
    const uid = (await t.admin.get(VMI, NS, 'guest')).metadata.uid ?? '';
    expect(stack.guests.get(uid)?.booted).toBe(true);
  });

  it('returns guest agent information', async () => {
    const info = await vmiCall(t, 'guest', 'guestosinfo', { method: 'GET' });
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({
      hostname: 'guest',
      os: { id: 'fedora', prettyName: 'Fedora Linux 42' },
      fsFreezeStatus: 'thawed',
    });
    const users = await vmiCall(t, 'guest', 'userlist', { method: 'GET' });
    expect(users.json?.items).toEqual([expect.objectContaining({ userName: 'fedora' })]);
    const fs = await vmiCall(t, 'guest', 'filesystemlist', { method: 'GET' });
    expect((fs.json?.items as { mountPoint: string }[]).map((f) => f.mountPoint)).toEqual([
      '/',
      '/boot',
    ]);
  });

  it('returns a PNG screenshot', async () => {
    const shot = await vmiCall(t, 'guest', 'vnc/screenshot', { method: 'GET' });
    expect(shot.status).toBe(200);
    expect(shot.contentType).toBe('image/png');
    expect(shot.bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });

  it('freezes and thaws the file systems for a snapshot', async () => {
    expect((await vmiCall(t, 'guest', 'freeze')).status).toBe(200);
    const frozen = await vmiCall(t, 'guest', 'guestosinfo', { method: 'GET' });
    expect(frozen.json?.fsFreezeStatus).toBe('frozen');
    expect((await vmiCall(t, 'guest', 'unfreeze')).status).toBe(200);
  });

  it('refuses actions on a VMI that is not running, as KubeVirt does', async () => {
    await t.admin.create(VMI, NS, vmiManifest('pending'));
    const pause = await vmiCall(t, 'pending', 'pause');
    expect(pause.status).toBe(409);
    expect(pause.json?.message).toBe(
      'Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io "pending": VM is not running',
    );
    const unpause = await vmiCall(t, 'pending', 'unpause');
    expect(unpause.json?.message).toContain('VMI is not running');
    // Guest agent queries answer every failure with a 500.
    const info = await vmiCall(t, 'pending', 'guestosinfo', { method: 'GET' });
    expect(info.status).toBe(500);
    expect(info.json?.message).toContain('VMI is not running');
    const shot = await vmiCall(t, 'pending', 'vnc/screenshot', { method: 'GET' });
    expect(shot.status).toBe(400);
    expect(shot.json?.message).toBe('VMI is not running');
    const missing = await vmiCall(t, 'missing', 'pause');
    expect(missing.status).toBe(404);
    expect(missing.json?.message).toBe('virtualmachineinstance.kubevirt.io "missing" not found');
  });

  it('refuses guest agent queries while the agent is not connected', async () => {
    await createScheduledVmi(t.admin, 'agentless', {
      annotations: { 'simulation.local-cluster.io/guest': 'no-agent' },
    });
    await waitForVmi(t.admin, 'agentless', (v) => v.status?.phase === 'Running', 'Running');
    const info = await vmiCall(t, 'agentless', 'guestosinfo', { method: 'GET' });
    expect(info.status).toBe(500);
    expect(info.json?.message).toBe(
      'Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io "agentless": VMI does not have guest agent connected',
    );
    // Without an agent a soft reboot still goes through ACPI.
    expect((await vmiCall(t, 'agentless', 'softreboot')).status).toBe(200);
  });

  it('checks the user’s rights on the subresource', async () => {
    const res = await vmiCall(t, 'guest', 'pause', { user: 'developer' });
    expect(res.status).toBe(403);
    expect(res.json?.message).toContain('cannot update resource "virtualmachineinstances/pause"');
  });
});

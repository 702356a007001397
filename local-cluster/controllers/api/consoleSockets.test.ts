import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduledVmi, NS, vmiManifest, waitForVmi } from '../handler/testVmis';
import { VMI } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { consoleTargetOf, parseGoBool } from './consoleSockets';
import {
  loginAndEcho,
  openConsoleSocket,
  readFirstFramebufferUpdate,
  refusedUpgrade,
} from './testConsoles';
import type { VirtStack } from './testVirtStack';
import { callSubresource, startVirtStack } from './testVirtStack';

describe('console websocket paths', () => {
  it('recognises the vnc and console paths of a VMI only', () => {
    expect(
      consoleTargetOf(
        '/apis/subresources.kubevirt.io/v1/namespaces/ns1/virtualmachineinstances/vm1/vnc',
      ),
    ).toEqual({ namespace: 'ns1', name: 'vm1', stream: 'vnc' });
    expect(
      consoleTargetOf(
        '/apis/subresources.kubevirt.io/v1/namespaces/ns1/virtualmachineinstances/vm1/console',
      ),
    ).toEqual({ namespace: 'ns1', name: 'vm1', stream: 'console' });
    for (const other of [
      '/apis/subresources.kubevirt.io/v1/namespaces/ns1/virtualmachines/vm1/vnc',
      '/apis/subresources.kubevirt.io/v1/namespaces/ns1/virtualmachineinstances/vm1/vnc/screenshot',
      '/apis/kubevirt.io/v1/namespaces/ns1/virtualmachineinstances/vm1/vnc',
      '/api/v1/namespaces/ns1/pods',
    ]) {
      expect(consoleTargetOf(other)).toBeUndefined();
    }
  });

  it('reads preserveSession as Go’s strconv.ParseBool', () => {
    expect(['1', 't', 'T', 'true', 'TRUE', 'True'].map(parseGoBool)).toEqual(Array(6).fill(true));
    expect(['0', 'false', 'yes', '', null].map(parseGoBool)).toEqual(Array(5).fill(false));
  });
});

describe('virt-api: vnc and console websockets (built-in guest)', { timeout: 30_000 }, () => {
  let stack: VirtStack;
  let t: TestCluster;

  beforeAll(async () => {
    stack = await startVirtStack();
    t = stack.t;
    await createScheduledVmi(t.admin, 'screen');
    await waitForVmi(t.admin, 'screen', (v) => v.status?.phase === 'Running', 'Running');
  }, 60_000);
  afterAll(() => stack.close(), 60_000);

  it('carries raw RFB over the vnc socket up to a FramebufferUpdate', async () => {
    const { ws, stream } = await openConsoleSocket(t, 'screen', 'vnc');
    try {
      const { client, rects } = await readFirstFramebufferUpdate(stream);
      expect(client.serverVersion).toBe('RFB 003.008\n');
      expect(client.width).toBeGreaterThan(0);
      expect(rects).toBeGreaterThan(0);
    } finally {
      ws.terminate();
    }
  });

  it('speaks plain.kubevirt.io on the serial console and reaches a shell', async () => {
    const { ws, stream } = await openConsoleSocket(t, 'screen', 'console', {
      protocols: ['plain.kubevirt.io'],
    });
    try {
      expect(ws.protocol).toBe('plain.kubevirt.io');
      const transcript = await loginAndEcho(stream, 'fedora', 's3cret-pass');
      expect(transcript).toContain('screen login:');
    } finally {
      ws.terminate();
    }
  });

  it('keeps one VNC session: a new one takes over, preserveSession=true is refused', async () => {
    const first = await openConsoleSocket(t, 'screen', 'vnc');
    const firstClosed = new Promise((resolve) => first.ws.once('close', resolve));
    const refused = await refusedUpgrade(t, 'screen', 'vnc', { query: '?preserveSession=true' });
    expect(refused.status).toBe(500);
    expect(refused.body).toMatchObject({ reason: 'InternalError', code: 500 });
    expect(String(refused.body.message)).toContain('Active VNC connection. Request denied.');

    const second = await openConsoleSocket(t, 'screen', 'vnc');
    await firstClosed;
    await readFirstFramebufferUpdate(second.stream);
    second.ws.terminate();
  });

  it('answers refusals over HTTP before upgrading', async () => {
    const forbidden = await refusedUpgrade(t, 'screen', 'vnc', { user: 'developer' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({
      reason: 'Forbidden',
      details: { kind: 'virtualmachineinstances/vnc' },
    });
    expect(String(forbidden.body.message)).toContain(
      'cannot get resource "virtualmachineinstances/vnc"',
    );

    const missing = await refusedUpgrade(t, 'nowhere', 'console');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('virtualmachineinstance.kubevirt.io "nowhere" not found');

    await t.admin.create(VMI, NS, vmiManifest('stopped'));
    const notRunning = await refusedUpgrade(t, 'stopped', 'vnc');
    expect(notRunning.status).toBe(400);
    expect(notRunning.body.message).toBe('VMI is not running');

    const failed = await t.admin.create(VMI, NS, vmiManifest('broken'));
    await t.admin.patchStatus(VMI, NS, failed.metadata.name ?? '', { phase: 'Failed' });
    const failedConsole = await refusedUpgrade(t, 'broken', 'console');
    expect(failedConsole.status).toBe(409);
    expect(failedConsole.body.message).toContain('VMI is in failed status');
  });

  it('refuses a plain GET that does not upgrade', async () => {
    const res = await callSubresource(t, {
      method: 'GET',
      kind: 'virtualmachineinstances',
      name: 'screen',
      subresource: 'vnc',
    });
    expect(res.status).toBe(400);
    expect(res.json?.message).toContain('not using the websocket protocol');
  });

  it('closes the sessions when the guest stops', async () => {
    await createScheduledVmi(t.admin, 'shortlived', {
      spec: { terminationGracePeriodSeconds: 0 },
    });
    await waitForVmi(t.admin, 'shortlived', (v) => v.status?.phase === 'Running', 'Running');
    const { ws } = await openConsoleSocket(t, 'shortlived', 'console');
    const closed = new Promise((resolve) => ws.once('close', resolve));
    await t.admin.delete(VMI, NS, 'shortlived');
    await closed;
  });
});

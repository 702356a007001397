import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import type { VirtStack } from '../api/testVirtStack';
import { callSubresource, startVirtStack } from '../api/testVirtStack';
import { POD, VM } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually } from '../runtime/testCluster';
import { startVirtController } from '../virt';
import { launcherLogSource } from './launcherLogs';
import { createVm, NS } from './testVmis';

type Pod = KubeObject & {
  spec: { containers: { name: string }[] };
  status?: { phase?: string };
};

/**
 * The guest's serial output through `pods/log`: a started VM's launcher pod has a
 * `guest-console-log` container whose log is what the (built-in) guest printed while booting,
 * recorded with nobody attached to the serial console.
 */
describe('guest-console-log of a virt-launcher pod', () => {
  let stack: VirtStack;
  let t: TestCluster;

  beforeAll(async () => {
    stack = await startVirtStack();
    t = stack.t;
    await t.start((runtime) => {
      const source = launcherLogSource(stack.guests);
      runtime.server.containerLogs.push(source);
      const controller = startVirtController(runtime);
      return {
        stop: async () => {
          runtime.server.containerLogs.splice(runtime.server.containerLogs.indexOf(source), 1);
          await controller.stop();
        },
      };
    });
  }, 60_000);
  afterAll(() => stack.close(), 60_000);

  const logOf = async (pod: string, query: string) => {
    const res = await fetch(`${t.cluster.url}/api/v1/namespaces/${NS}/pods/${pod}/log?${query}`, {
      headers: { Authorization: `Bearer ${t.cluster.tokenOf('admin')}` },
    });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('serves the boot output, follows it and ends with the guest', async () => {
    await createVm(t.admin, 'logged', { runStrategy: 'Halted' });
    // The cluster default (the seeded KubeVirt CR) turns the log off; the VM turns it on.
    await t.admin.patch(VM, NS, 'logged', [
      { op: 'add', path: '/spec/template/spec/domain/devices/logSerialConsole', value: true },
    ]);
    await callSubresource(t, { kind: 'virtualmachines', name: 'logged', subresource: 'start' });
    const pod = await eventually(
      async () =>
        (await t.admin.list<Pod>(POD, NS)).items.find(
          (p) => p.metadata.labels?.['vm.kubevirt.io/name'] === 'logged',
        ),
      (p) => p?.status?.phase === 'Running',
      20_000,
      'a running launcher pod',
    );
    const name = pod?.metadata.name ?? '';
    expect(pod?.spec.containers.map((c) => c.name)).toContain('guest-console-log');
    const boot = await eventually(
      () => logOf(name, 'container=guest-console-log'),
      (r) => r.text.includes('Reached target Multi-User System.'),
      20_000,
      'boot messages in the log',
    );
    expect(boot.status).toBe(200);
    expect(boot.type).toBe('text/plain');
    expect(boot.text).toContain('Linux version');
    expect(
      (await logOf(name, 'container=guest-console-log&tailLines=1')).text.split('\n'),
    ).toHaveLength(2);
    expect((await logOf(name, 'container=compute')).text).toBe('');
    const noContainer = await logOf(name, '');
    expect(noContainer.status).toBe(400);
    expect(JSON.parse(noContainer.text).message).toMatch(
      /choose one of: \[compute .*guest-console-log\]/,
    );

    const following = logOf(name, 'container=guest-console-log&follow=true');
    await new Promise((r) => setTimeout(r, 300));
    await callSubresource(t, { kind: 'virtualmachines', name: 'logged', subresource: 'stop' });
    const followed = await following;
    expect(followed.text).toContain('Linux version');
    expect(followed.text).toContain('reboot: Power down');
  }, 60_000);
});

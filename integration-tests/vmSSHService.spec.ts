import type { Page } from '@playwright/test';
import { expect, test, useLanguage } from './fixtures/stack';
import type { Stack } from './fixtures/stack';
import { startVirtualMachine } from './fixtures/virtualMachines';

const NS = 'demo-apps';
const VMS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;
const SERVICES = `/api/v1/namespaces/${NS}/services`;
const LABEL = 'vm.kubevirt.io/ssh-service';
const sshURL = (stack: Stack, name: string) =>
  `${stack.url}/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${name}/configuration?subtab=ssh`;

type ServiceBody = {
  metadata: { ownerReferences?: { kind: string; name: string; uid: string }[] };
  spec: {
    type: string;
    selector: Record<string, string>;
    ports: { port: number; targetPort: number; nodePort?: number }[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string }[] } };
};
type VMBody = {
  metadata: { uid: string };
  spec: { template: { metadata?: { labels?: Record<string, string> } } };
};
type NodeList = { items: { status?: { addresses?: { type: string; address: string }[] } }[] };

/** A stopped VM whose cloud-init names the guest user `fedora` (the user of the ssh command). */
const createVM = async (stack: Stack, name: string) => {
  const res = await stack.api('POST', VMS, {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name, namespace: NS },
    spec: {
      runStrategy: 'Halted',
      template: {
        spec: {
          domain: {
            devices: { disks: [{ name: 'cloudinitdisk', disk: { bus: 'virtio' } }] },
            memory: { guest: '1Gi' },
          },
          volumes: [
            {
              name: 'cloudinitdisk',
              cloudInitNoCloud: { userData: '#cloud-config\nuser: fedora\npassword: fedora\n' },
            },
          ],
        },
      },
    },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
};

const getService = (stack: Stack, vm: string) => stack.api('GET', `${SERVICES}/${vm}-ssh-service`);

/** The addresses a NodePort is reachable on (every node's InternalIP/ExternalIP). */
const nodeAddresses = async (stack: Stack): Promise<string[]> =>
  ((await stack.api('GET', '/api/v1/nodes')).json as NodeList).items.flatMap((n) =>
    (n.status?.addresses ?? [])
      .filter((a) => a.type === 'InternalIP' || a.type === 'ExternalIP')
      .map((a) => a.address),
  );

const serviceType = (page: Page, name = 'SSH service type') => page.getByRole('combobox', { name });

test.describe('SSH access through a Service', () => {
  test('NodePort creates an owned Service with a node port and shows its ssh command; None deletes it', async ({
    page,
    stack,
  }) => {
    const vm = 'e2e-ssh-svc';
    await createVM(stack, vm);
    await page.goto(sshURL(stack, vm));
    await expect(serviceType(page)).toHaveValue('none');
    await expect(
      page.getByText(`adds the label ${LABEL}=${vm} to the VirtualMachine template`),
    ).toBeVisible();

    await serviceType(page).selectOption('NodePort');
    let service: ServiceBody | undefined;
    await expect
      .poll(async () => {
        const res = await getService(stack, vm);
        service = res.status === 200 ? (res.json as ServiceBody) : undefined;
        return service?.spec.ports[0]?.nodePort ?? 0;
      })
      .toBeGreaterThanOrEqual(30000);
    if (!service) throw new Error('no Service');
    const nodePort = service.spec.ports[0].nodePort ?? 0;
    expect(nodePort).toBeLessThanOrEqual(32767);
    expect(service.spec.type).toBe('NodePort');
    expect(service.spec.ports[0]).toMatchObject({ port: 22, targetPort: 22 });
    expect(service.spec.selector).toEqual({ [LABEL]: vm });
    const vmBody = (await stack.api('GET', `${VMS}/${vm}`)).json as VMBody;
    expect(service.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'VirtualMachine', name: vm, uid: vmBody.metadata.uid }),
    ]);
    // The selector label went into the template, where the next virt-launcher pod gets it.
    expect(vmBody.spec.template.metadata?.labels?.[LABEL]).toBe(vm);

    const command = page.getByRole('textbox', { name: 'SSH command through the Service' });
    await expect(command).toHaveValue(new RegExp(`^ssh fedora@\\S+ -p ${nodePort}$`));
    const host = /^ssh fedora@(\S+) -p/.exec(await command.inputValue())?.[1];
    expect(await nodeAddresses(stack)).toContain(host);
    await expect(page.getByRole('textbox', { name: 'SSH using virtctl' })).toHaveValue(
      `virtctl -n ${NS} ssh fedora@vm/${vm}`,
    );
    await expect(page.getByText(`Service: ${vm}-ssh-service`)).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-ssh-service-nodeport.png', fullPage: true });

    // LoadBalancer: the same Service retyped, keeping its node port; the local cluster's load
    // balancer gives it an ingress address, and the command uses it on port 22.
    await serviceType(page).selectOption('LoadBalancer');
    let ingress: string | undefined;
    await expect
      .poll(async () => {
        const body = (await getService(stack, vm)).json as ServiceBody;
        ingress = body.status?.loadBalancer?.ingress?.[0]?.ip;
        return [body.spec.type, body.spec.ports[0].nodePort, Boolean(ingress)];
      })
      .toEqual(['LoadBalancer', nodePort, true]);
    await expect(command).toHaveValue(`ssh fedora@${ingress}`);
    await page.screenshot({ path: '/tmp/shots/vm-ssh-service-loadbalancer.png', fullPage: true });

    await serviceType(page).selectOption('none');
    await expect.poll(async () => (await getService(stack, vm)).status).toBe(404);
    await expect(command).toHaveCount(0);
    await expect(serviceType(page)).toHaveValue('none');
  });

  test('a running VM shows the restart note; deleting the VM removes its Service (ja)', async ({
    page,
    stack,
  }) => {
    const vm = 'e2e-ssh-svc-run';
    await createVM(stack, vm);
    await startVirtualMachine(stack, NS, vm);
    await expect
      .poll(
        async () =>
          (
            await stack.api(
              'GET',
              `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstances/${vm}`,
            )
          ).status,
      )
      .toBe(200);
    await useLanguage(page, stack.url, 'ja');
    await page.goto(sshURL(stack, vm));
    await serviceType(page, 'SSH サービスタイプ').selectOption('NodePort');
    await expect(
      page.getByText('サービス経由で接続するには VirtualMachine を再起動してください'),
    ).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'サービス経由の SSH コマンド' })).toHaveValue(
      /^ssh fedora@\S+ -p 3\d{4}$/,
    );
    await page.screenshot({ path: '/tmp/shots/vm-ssh-service-ja.png', fullPage: true });
    await serviceType(page, 'SSH サービスタイプ').selectOption('LoadBalancer');
    await expect(page.getByRole('textbox', { name: 'サービス経由の SSH コマンド' })).toHaveValue(
      /^ssh fedora@127\.0\.100\.\d+$/,
    );
    await page.screenshot({ path: '/tmp/shots/vm-ssh-service-ja-lb.png', fullPage: true });

    expect((await stack.api('DELETE', `${VMS}/${vm}`)).status).toBeLessThan(300);
    await expect
      .poll(async () => (await getService(stack, vm)).status, { timeout: 30_000 })
      .toBe(404);
  });
});

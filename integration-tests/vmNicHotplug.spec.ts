import { expect, test } from './fixtures/stack';
import type { Stack } from './fixtures/stack';
import { createVirtualMachine, startVirtualMachine } from './fixtures/virtualMachines';

const NS = 'demo-apps';
const VMS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;
const VMIS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstances`;

type Vmi = {
  status?: {
    phase?: string;
    nodeName?: string;
    interfaces?: { name: string }[];
    conditions?: { type: string; status: string }[];
  };
};
const getVmi = async (stack: Stack, name: string) =>
  (await stack.api('GET', `${VMIS}/${name}`)).json as Vmi;

test.describe('NIC hot plug on a running VM', () => {
  test('adds a bridge NIC through a live migration and unplugs it, without a restart', async ({
    page,
    stack,
  }) => {
    test.setTimeout(240_000);
    const vm = 'e2e-nic-hotplug';
    await createVirtualMachine(stack, NS, vm);
    await startVirtualMachine(stack, NS, vm);
    await expect
      .poll(
        async () =>
          (await getVmi(stack, vm)).status?.conditions?.some(
            (c) => c.type === 'LiveMigratable' && c.status === 'True',
          ),
        { timeout: 60_000 },
      )
      .toBe(true);
    const nodeBefore = (await getVmi(stack, vm)).status?.nodeName;

    await page.goto(
      `${stack.url}/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${vm}/configuration?subtab=network`,
    );
    await page.getByRole('button', { name: 'Add network interface' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add network interface' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('office');
    await dialog.getByRole('combobox', { name: 'Network' }).selectOption('bridge-network');
    await expect(dialog).toContainText('The network interface is hot plugged');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    const nics = page
      .getByRole('grid', { name: 'Network interfaces' })
      .or(page.getByRole('table', { name: 'Network interfaces' }));
    const office = nics.getByRole('row', { name: /office/ });
    await expect(office).toContainText('Hot plug pending migration');
    // KubeVirt's 15 s grace for a dynamic networks controller, then the migration brings it.
    await expect(office).not.toContainText('Hot plug pending migration', { timeout: 120_000 });
    await expect(office).not.toContainText('Pending restart');
    const plugged = await getVmi(stack, vm);
    expect(plugged.status?.interfaces?.map((i) => i.name)).toContain('office');
    expect(plugged.status?.nodeName).not.toBe(nodeBefore);
    await expect(page.getByRole('list', { name: 'Pending changes' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Delete office' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete NIC?' });
    await expect(confirm).toContainText('Unplug the network interface office');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(office).toContainText('Unplugging');
    await expect(page.getByRole('button', { name: 'Delete office' })).toBeDisabled();
    await expect(office).toHaveCount(0, { timeout: 120_000 });
    const vmAfter = (await stack.api('GET', `${VMS}/${vm}`)).json as {
      spec: { template: { spec: { networks?: { name: string }[] } } };
      status?: { conditions?: { type: string }[] };
    };
    expect(vmAfter.spec.template.spec.networks?.map((n) => n.name)).not.toContain('office');
    expect(vmAfter.status?.conditions?.map((c) => c.type)).not.toContain('RestartRequired');
    await page.screenshot({ path: '/tmp/shots/vm-nic-hotplug.png', fullPage: true });
  });
});

import { openNavItem } from './fixtures/navigation';
import { expect, test } from './fixtures/stack';
import { createVirtualMachine, startVirtualMachine } from './fixtures/virtualMachines';
import { vmListURL } from './fixtures/vmPages';

test.describe('VirtualMachines list', () => {
  test('the plugin loads and the nav leads to the VM list', async ({ page, stack, errors }) => {
    await page.goto(stack.url);
    await openNavItem(page, 'Virtualization', 'VirtualMachines');
    await expect(page.getByRole('heading', { name: 'VirtualMachines', exact: true })).toBeVisible();
    const status = await page.evaluate(() => {
      const w = window as unknown as {
        pluginStore?: { getPluginInfo(): { manifest: { name: string }; status: string }[] };
      };
      return w.pluginStore?.getPluginInfo().map((p) => `${p.manifest.name}:${p.status}`);
    });
    expect(status ?? ['virt-console-plugin:loaded']).toContain('virt-console-plugin:loaded');
    expect(errors).toEqual([]);
  });

  test('shows VMs created through the API and follows their changes live', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, 'demo-apps', 'e2e-web');
    await createVirtualMachine(stack, 'demo-dev', 'e2e-db');
    // All projects hold more VMs than fit in view, and the list renders only what is in view.
    await page.goto(vmListURL(stack.url, undefined, 'e2e-'));
    const table = page.getByRole('grid').or(page.getByRole('table')).first();
    await expect(table.getByRole('link', { name: 'e2e-web' })).toBeVisible();
    await expect(table.getByRole('link', { name: 'e2e-db' })).toBeVisible();

    // Another client starts a VM: the row follows the controllers' status without a reload.
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'e2e-web' }) });
    await expect(row).toContainText('Stopped');
    await startVirtualMachine(stack, 'demo-apps', 'e2e-web');
    await expect(row).toContainText('Running', { timeout: 30_000 });

    await createVirtualMachine(stack, 'demo-apps', 'e2e-late');
    await expect(table.getByRole('link', { name: 'e2e-late' })).toBeVisible();
    await stack.api('DELETE', '/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachines/e2e-late');
    await expect(table.getByRole('link', { name: 'e2e-late' })).toHaveCount(0);
  });

  test('one project shows only its VMs', async ({ page, stack }) => {
    await createVirtualMachine(stack, 'demo-dev', 'e2e-only-dev');
    await page.goto(vmListURL(stack.url, 'demo-dev'));
    await expect(page.getByRole('link', { name: 'e2e-only-dev' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'e2e-web' })).toHaveCount(0);
  });

  test('a VMI that no VM owns is listed with its own kind badge, outside bulk selection', async ({
    page,
    stack,
  }) => {
    await page.goto(vmListURL(stack.url, 'demo-apps', 'standalone-vmi'));
    const table = page.getByRole('grid').or(page.getByRole('table')).first();
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'standalone-vmi' }) });
    await expect(row).toContainText('VMI');
    await expect(row.getByRole('checkbox')).toHaveCount(0);
    await expect(row.getByRole('button', { name: /^Actions for/ })).toHaveCount(0);
    await page.screenshot({ path: '/tmp/shots/vm-list-standalone-vmi.png' });
    await row.getByRole('link', { name: 'standalone-vmi' }).click();
    await expect(page).toHaveURL(
      /\/k8s\/ns\/demo-apps\/kubevirt\.io~v1~VirtualMachineInstance\/standalone-vmi/,
    );
  });
});

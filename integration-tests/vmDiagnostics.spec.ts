import { expect, test } from './fixtures/stack';
import { createDataVolumeVirtualMachine } from './fixtures/virtualMachines';
import { vmDetailsURL } from './fixtures/vmPages';

const NS = 'demo-apps';

test.describe('VirtualMachine diagnostics', () => {
  test('status conditions filter by category, status and reason; DataVolumes show their phase', async ({
    page,
    stack,
  }) => {
    await createDataVolumeVirtualMachine(stack, NS, 'e2e-diag', 'Always');
    await page.goto(vmDetailsURL(stack.url, NS, 'e2e-diag', 'diagnostics'));

    const volumes = page.getByRole('grid', { name: 'DataVolume status' });
    const rootdisk = volumes.getByRole('row', { name: /e2e-diag-rootdisk/ });
    await expect(rootdisk).toContainText('Succeeded', { timeout: 30_000 });
    await expect(
      rootdisk.getByRole('progressbar', { name: 'Progress of e2e-diag-rootdisk' }),
    ).toHaveAttribute('aria-valuenow', '100');

    const conditions = page.getByRole('grid', { name: 'Status conditions' });
    // Running: the VM and its instance both report Ready.
    await expect(conditions.getByRole('row', { name: /^VMI Ready True/ })).toBeVisible({
      timeout: 30_000,
    });
    await page.getByRole('button', { name: 'VMI', exact: true }).click();
    await expect(conditions.getByRole('row', { name: /^VM / })).toHaveCount(0);
    await page.getByRole('button', { name: 'VMI', exact: true }).click();
    await expect(conditions.getByRole('row', { name: /^VM Ready/ })).toBeVisible();

    await page.getByRole('button', { name: 'False', exact: true }).click();
    await expect(conditions.getByRole('row', { name: /Ready True/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'False', exact: true }).click();

    await page.getByRole('textbox', { name: 'Filter by reason' }).fill('no-such-reason');
    await expect(conditions.getByText('No conditions match the filter.')).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-diagnostics.png' });
  });
});

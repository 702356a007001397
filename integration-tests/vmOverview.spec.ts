import { expect, test, useLanguage } from './fixtures/stack';
import { createVirtualMachine, startVirtualMachine } from './fixtures/virtualMachines';

const NS = 'demo-apps';
const overviewURL = (url: string, name: string) =>
  `${url}/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${name}`;

test.describe('VirtualMachine details: overview', () => {
  test('a stopped VM says why there is no guest data', async ({ page, stack }) => {
    await createVirtualMachine(stack, NS, 'e2e-overview-off');
    await page.goto(overviewURL(stack.url, 'e2e-overview-off'));
    await expect(page.getByRole('heading', { name: 'File systems' })).toBeVisible();
    // Both guest-agent cards say it.
    await expect(page.getByText('The VirtualMachine is not running.')).toHaveCount(2);
    await expect(page.getByRole('heading', { name: 'Utilization' })).toBeVisible();
  });

  test('a running guest shows its file systems from the guest agent', async ({ page, stack }) => {
    await createVirtualMachine(stack, NS, 'e2e-overview');
    await startVirtualMachine(stack, NS, 'e2e-overview');
    await page.goto(overviewURL(stack.url, 'e2e-overview'));
    const table = page
      .getByRole('grid', { name: 'File systems' })
      .or(page.getByRole('table', { name: 'File systems' }));
    const boot = table
      .getByRole('gridcell', { name: '/boot', exact: true })
      .or(table.getByRole('cell', { name: '/boot', exact: true }));
    await expect(boot).toBeVisible({ timeout: 45_000 });
    await expect(page.getByText('No users are logged in.')).toBeVisible();

    await useLanguage(page, overviewURL(stack.url, 'e2e-overview'), 'ja');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'ファイルシステム' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'アクティブユーザー' })).toBeVisible();
    await page.screenshot({ path: 'test-results/shots/vm-overview-ja.png', fullPage: true });
  });
});

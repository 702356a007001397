import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/stack';
import type { Stack } from './fixtures/stack';
import { createSlowMigratingVirtualMachine } from './fixtures/virtualMachines';
import { headerStatus, openActions, vmDetailsURL } from './fixtures/vmPages';

type VMI = { status?: { nodeName?: string; phase?: string } };
type Migration = {
  metadata: { name: string; deletionTimestamp?: string };
  status?: { phase?: string; migrationState?: { abortStatus?: string } };
};

const nodeOf = async (stack: Stack, ns: string, name: string) =>
  (
    (
      await stack.api(
        'GET',
        `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances/${name}`,
      )
    ).json as VMI
  ).status?.nodeName;

const migrationsOf = async (stack: Stack, ns: string, name: string): Promise<Migration[]> =>
  (
    (
      await stack.api(
        'GET',
        `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstancemigrations?labelSelector=${encodeURIComponent(`kubevirt.io/vmi-name=${name}`)}`,
      )
    ).json as { items: Migration[] }
  ).items;

const switchUser = async (page: Page, user: 'admin' | 'developer') => {
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: new RegExp(user) }).click();
  await expect(page.getByRole('button', { name: 'User menu' })).toContainText(user);
};

test.describe('VirtualMachine details: live migration', () => {
  test('an admin migrates a running VM and cancels the migration', async ({ page, stack }) => {
    test.setTimeout(180_000);
    const ns = 'demo-apps';
    const vm = 'e2e-migrate';
    await createSlowMigratingVirtualMachine(stack, ns, vm);
    await page.goto(vmDetailsURL(stack.url, ns, vm));
    await expect(headerStatus(page)).toHaveText('Running', { timeout: 60_000 });
    const node = await nodeOf(stack, ns, vm);
    expect(node).toBeTruthy();

    let menu = await openActions(page);
    await menu.getByRole('menuitem', { name: 'Migrate' }).click();
    await expect(headerStatus(page)).toHaveText('Migrating', { timeout: 30_000 });
    await page.screenshot({ path: '/tmp/shots/migrating.png' });

    menu = await openActions(page);
    await menu.getByRole('menuitem', { name: 'Cancel migration' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel migration?' });
    await cancel.getByRole('button', { name: 'Cancel migration' }).click();
    await expect(cancel).toHaveCount(0);

    // The migration object is gone, or it ended as cancelled; the VM stays on its node.
    await expect
      .poll(
        async () =>
          (await migrationsOf(stack, ns, vm)).every(
            (m) =>
              m.status?.phase === 'Failed' || m.status?.migrationState?.abortStatus === 'Succeeded',
          ),
        { timeout: 60_000 },
      )
      .toBe(true);
    await expect(headerStatus(page)).toHaveText('Running', { timeout: 60_000 });
    expect(await nodeOf(stack, ns, vm)).toBe(node);
    menu = await openActions(page);
    await expect(menu.getByRole('menuitem', { name: 'Cancel migration' })).toHaveCount(0);
    await expect(menu.getByRole('menuitem', { name: 'Migrate' })).toBeVisible();
    await page.keyboard.press('Escape');
  });

  test('a developer is told that migration is for cluster administrators', async ({
    page,
    stack,
  }) => {
    test.setTimeout(120_000);
    const ns = 'demo-dev';
    const vm = 'e2e-dev-migrate';
    await createSlowMigratingVirtualMachine(stack, ns, vm);
    await page.goto(`${stack.url}/k8s/ns/${ns}/kubevirt.io~v1~VirtualMachine`);
    await switchUser(page, 'developer');
    try {
      await page.goto(vmDetailsURL(stack.url, ns, vm));
      await expect(headerStatus(page)).toHaveText('Running', { timeout: 60_000 });
      const menu = await openActions(page);
      const migrate = menu.getByRole('menuitem', { name: /^Migrate/ });
      await expect(migrate).toHaveAttribute('aria-disabled', 'true');
      await expect(migrate).toContainText(
        'You are not allowed to migrate VirtualMachines here. Live migration is for cluster administrators.',
      );
      await page.keyboard.press('Escape');
    } finally {
      await switchUser(page, 'admin');
    }
  });
});

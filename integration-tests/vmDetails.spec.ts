import { blockingViolations } from './fixtures/accessibility';
import type { Page } from '@playwright/test';
import { expect, test, useLanguage } from './fixtures/stack';
import type { Stack } from './fixtures/stack';
import { createDataVolumeVirtualMachine, createVirtualMachine } from './fixtures/virtualMachines';
import { expectYaml, getYaml, setYaml } from './fixtures/yamlEditor';

const NS = 'demo-apps';
const VMS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;
const DVS = `/apis/cdi.kubevirt.io/v1beta1/namespaces/${NS}/datavolumes`;
const detailsURL = (stack: Stack, name: string, tab = '') =>
  `${stack.url}/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${name}${tab ? `/${tab}` : ''}`;

/** A halted VM with a blank DataVolume root disk of its own. */
const createVMWithDisk = async (stack: Stack, name: string) => {
  await createDataVolumeVirtualMachine(stack, NS, name);
  await expect
    .poll(async () => (await stack.api('GET', `${DVS}/${name}-rootdisk`)).status)
    .toBe(200);
};

const deleteFromActions = async (page: Page, deleteDisks: boolean) => {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete VirtualMachine?' });
  const disks = dialog.getByRole('checkbox', { name: 'Delete disks' });
  await expect(disks).toBeChecked();
  if (!deleteDisks) await disks.uncheck();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toHaveCount(0);
};

test.describe('VirtualMachine details', () => {
  test('delete with its disks leaves the list and removes the DataVolume', async ({
    page,
    stack,
  }) => {
    await createVMWithDisk(stack, 'e2e-del-disks');
    await page.goto(detailsURL(stack, 'e2e-del-disks'));
    await deleteFromActions(page, true);
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine$`));
    await expect
      .poll(async () => (await stack.api('GET', `${VMS}/e2e-del-disks`)).status)
      .toBe(404);
    await expect
      .poll(async () => (await stack.api('GET', `${DVS}/e2e-del-disks-rootdisk`)).status, {
        timeout: 20_000,
      })
      .toBe(404);
  });

  test('delete without its disks keeps the DataVolume', async ({ page, stack }) => {
    await createVMWithDisk(stack, 'e2e-del-keep');
    await page.goto(detailsURL(stack, 'e2e-del-keep'));
    await deleteFromActions(page, false);
    await expect.poll(async () => (await stack.api('GET', `${VMS}/e2e-del-keep`)).status).toBe(404);
    const dv = await stack.api('GET', `${DVS}/e2e-del-keep-rootdisk`);
    expect(dv.status).toBe(200);
    expect(
      (dv.json as { metadata: { ownerReferences?: unknown[] } }).metadata.ownerReferences ?? [],
    ).toEqual([]);
  });

  test('a delete-protected VM cannot be deleted and says why', async ({ page, stack }) => {
    await createVirtualMachine(stack, NS, 'e2e-protected');
    await stack.api(
      'PATCH',
      `${VMS}/e2e-protected`,
      { metadata: { labels: { 'kubevirt.io/vm-delete-protection': 'True' } } },
      'application/merge-patch+json',
    );
    await page.goto(detailsURL(stack, 'e2e-protected'));
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    const item = page.getByRole('menu').getByRole('menuitem', { name: /Delete/ });
    await expect(item).toBeDisabled();
    await expect(item).toContainText('Delete protection is on');
    // Another client is refused too: the cluster's policy, not only the menu, protects the VM.
    expect((await stack.api('DELETE', `${VMS}/e2e-protected`)).status).toBe(403);
  });

  test('the YAML tab saves, and shows a conflict instead of overwriting', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, NS, 'e2e-yaml-edit');
    await page.goto(detailsURL(stack, 'e2e-yaml-edit', 'yaml'));
    await expectYaml(page, /name: e2e-yaml-edit/);
    await setYaml(page, (await getYaml(page)).replace('app: e2e', 'app: e2e-edited'));
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(
        async () =>
          (
            (await stack.api('GET', `${VMS}/e2e-yaml-edit`)).json as {
              metadata: { labels: { app: string } };
            }
          ).metadata.labels.app,
      )
      .toBe('e2e-edited');

    await stack.api(
      'PATCH',
      `${VMS}/e2e-yaml-edit`,
      { metadata: { labels: { app: 'theirs' } } },
      'application/merge-patch+json',
    );
    await setYaml(page, (await getYaml(page)).replace(/app: [\w-]+/, 'app: mine'));
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('This object has been updated.')).toBeVisible();
    const stored = await stack.api('GET', `${VMS}/e2e-yaml-edit`);
    expect((stored.json as { metadata: { labels: { app: string } } }).metadata.labels.app).toBe(
      'theirs',
    );
  });

  test('the details page in Japanese', async ({ page, stack }) => {
    await createVirtualMachine(stack, NS, 'e2e-ja');
    await useLanguage(page, stack.url, 'ja');
    await page.goto(detailsURL(stack, 'e2e-ja'));
    await expect(page.getByRole('heading', { level: 1, name: 'e2e-ja' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '概要' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '診断' })).toBeVisible();
    await page.getByRole('button', { name: 'アクション', exact: true }).click();
    await expect(page.getByRole('menuitem', { name: 'ラベルの編集' })).toBeVisible();
    await page.getByRole('menuitem', { name: '削除' }).click();
    await expect(
      page.getByRole('dialog', { name: 'VirtualMachine を削除しますか?' }),
    ).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-details-ja-delete.png' });
    await page.getByRole('button', { name: 'キャンセル' }).click();
  });

  test('the details page and its actions menu have no serious accessibility violations', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, NS, 'e2e-a11y-details');
    await page.goto(detailsURL(stack, 'e2e-a11y-details'));
    await expect(page.getByRole('heading', { level: 1, name: 'e2e-a11y-details' })).toBeVisible();
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
  });
});

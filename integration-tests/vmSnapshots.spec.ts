import { blockingViolations } from './fixtures/accessibility';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/stack';
import { createDataVolumeVirtualMachine } from './fixtures/virtualMachines';
import { headerStatus, vmDetailsURL } from './fixtures/vmPages';

const NS = 'demo-apps';

const snapshotRow = (page: Page, name: string) =>
  page
    .getByRole('row')
    .filter({ has: page.locator('[data-test="snapshot-name"]', { hasText: name }) });

const openKebab = async (page: Page, name: string) => {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  return page.getByRole('menu');
};

test.describe('VirtualMachine details: snapshots', () => {
  test('take a snapshot, restore it, create a VM from it and delete it', async ({
    page,
    stack,
  }) => {
    test.setTimeout(240_000);
    const vm = 'e2e-snap';
    const snapshot = 'e2e-snap-first';
    await createDataVolumeVirtualMachine(stack, NS, vm, 'Always');
    await page.goto(`${vmDetailsURL(stack.url, NS, vm)}/snapshots`);
    await expect(headerStatus(page)).toHaveText('Running', { timeout: 60_000 });
    await expect(page.getByText('No snapshots found')).toBeVisible();

    // Take snapshot: validated name, the disks it includes and those it cannot.
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Take snapshot' });
    const nameField = dialog.getByRole('textbox', { name: 'Snapshot name' });
    await expect(nameField).toHaveValue(/^e2e-snap-snapshot-\d{14}$/);
    await expect(dialog.getByText('Online snapshot')).toBeVisible();
    await expect(
      dialog.getByRole('list', { name: 'Disks included in this snapshot' }),
    ).toContainText('rootdisk (DataVolume)');
    await expect(
      dialog.getByRole('list', { name: 'Disks not included in this snapshot' }),
    ).toContainText('cloudinitdisk');
    await nameField.fill('Bad Name');
    await expect(dialog.getByText(/Use lowercase letters \(a-z\), digits/)).toBeVisible();
    await nameField.fill(snapshot);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('before the upgrade');
    const save = dialog.getByRole('button', { name: 'Save' });
    await expect(save).toBeDisabled();
    await dialog
      .getByRole('checkbox', { name: 'I am aware of this warning and wish to proceed' })
      .check();
    await page.screenshot({ path: '/tmp/shots/take-snapshot.png' });
    await save.click();
    await expect(dialog).toHaveCount(0);

    const row = snapshotRow(page, snapshot);
    await expect(row.locator('[data-test="snapshot-status"]')).toContainText('Succeeded', {
      timeout: 60_000,
    });
    await expect(row.locator('[data-test="snapshot-status"]')).toContainText(
      /Succeeded\s*Ready to use/,
    );
    await expect(row).toContainText('Online');
    await expect(row).toContainText('before the upgrade');

    // Restore needs a stopped VM: the item says so.
    let menu = await openKebab(page, snapshot);
    const restoreItem = menu.getByRole('menuitem', { name: /^Restore/ });
    await expect(restoreItem).toHaveAttribute('aria-disabled', 'true');
    await expect(restoreItem).toContainText('Stop the VirtualMachine to restore a snapshot.');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Stop' }).click();
    await page
      .getByRole('dialog', { name: 'Stop VirtualMachine?' })
      .getByRole('button', { name: 'Stop' })
      .click();
    await expect(headerStatus(page)).toHaveText('Stopped', { timeout: 60_000 });

    menu = await openKebab(page, snapshot);
    await menu.getByRole('menuitem', { name: /^Restore/ }).click();
    const restore = page.getByRole('dialog', { name: 'Restore snapshot?' });
    await restore.getByRole('button', { name: 'Restore' }).click();
    await expect(restore).toHaveCount(0);
    await expect(row.locator('[data-test="snapshot-last-restored"]')).toContainText(
      'Restore complete',
      { timeout: 90_000 },
    );
    const restores = await stack.api(
      'GET',
      `/apis/snapshot.kubevirt.io/v1beta1/namespaces/${NS}/virtualmachinerestores`,
    );
    const ours = (
      restores.json as {
        items: { spec: { virtualMachineSnapshotName: string }; status?: { complete?: boolean } }[];
      }
    ).items.filter((r) => r.spec.virtualMachineSnapshotName === snapshot);
    expect(ours.map((r) => r.status?.complete)).toEqual([true]);
    await page.screenshot({ path: '/tmp/shots/snapshots-tab.png' });

    // Create VirtualMachine from the snapshot: a clone of the snapshot.
    menu = await openKebab(page, snapshot);
    await menu.getByRole('menuitem', { name: /^Create VirtualMachine/ }).click();
    const create = page.getByRole('dialog', { name: 'Create VirtualMachine from snapshot' });
    await create.getByRole('textbox', { name: 'Name' }).fill('e2e-snap-copy');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create.getByText('VirtualMachine created')).toBeVisible({ timeout: 90_000 });
    await expect(create.getByRole('link', { name: 'e2e-snap-copy' })).toBeVisible();
    const copy = await stack.api(
      'GET',
      `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines/e2e-snap-copy`,
    );
    expect(copy.status).toBe(200);
    await create.getByRole('contentinfo').getByRole('button', { name: 'Close' }).click();

    // Delete the snapshot.
    menu = await openKebab(page, snapshot);
    await menu.getByRole('menuitem', { name: 'Delete' }).click();
    const del = page.getByRole('dialog', { name: 'Delete VirtualMachineSnapshot?' });
    await del.getByRole('button', { name: 'Delete' }).click();
    await expect(del).toHaveCount(0);
    await expect(snapshotRow(page, snapshot)).toHaveCount(0, { timeout: 30_000 });
    await expect
      .poll(
        async () =>
          (
            await stack.api(
              'GET',
              `/apis/snapshot.kubevirt.io/v1beta1/namespaces/${NS}/virtualmachinesnapshots/${snapshot}`,
            )
          ).status,
        { timeout: 30_000 },
      )
      .toBe(404);
  });

  test('the status filter and name search narrow the list', async ({ page, stack }) => {
    const vm = 'e2e-snap-filter';
    await createDataVolumeVirtualMachine(stack, NS, vm);
    for (const name of ['e2e-snap-filter-a', 'e2e-snap-filter-b']) {
      const res = await stack.api(
        'POST',
        `/apis/snapshot.kubevirt.io/v1beta1/namespaces/${NS}/virtualmachinesnapshots`,
        {
          apiVersion: 'snapshot.kubevirt.io/v1beta1',
          kind: 'VirtualMachineSnapshot',
          metadata: { name, namespace: NS },
          spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vm } },
        },
      );
      expect(res.status).toBe(201);
    }
    await page.goto(`${vmDetailsURL(stack.url, NS, vm)}/snapshots`);
    await expect(snapshotRow(page, 'e2e-snap-filter-a')).toBeVisible();
    await expect(snapshotRow(page, 'e2e-snap-filter-b')).toBeVisible();
    await page.getByRole('textbox', { name: 'Filter by name' }).fill('filter-b');
    await expect(snapshotRow(page, 'e2e-snap-filter-a')).toHaveCount(0);
    await expect(snapshotRow(page, 'e2e-snap-filter-b')).toBeVisible();
    await page.getByRole('textbox', { name: 'Filter by name' }).fill('');
    // The filter menu's toggle (the table's Status header is a sort button).
    await page.getByRole('button', { name: 'Status' }).and(page.locator('[aria-expanded]')).click();
    await page.getByRole('menu').getByText('Failed', { exact: true }).click();
    await expect(page.getByText('No results found')).toBeVisible();

    // A name already taken (the server's AlreadyExists): said at the field, the input stays.
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Take snapshot' });
    await dialog.getByRole('textbox', { name: 'Snapshot name' }).fill('e2e-snap-filter-a');
    await dialog
      .getByRole('checkbox', { name: 'I am aware of this warning and wish to proceed' })
      .check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(
      dialog.getByText('A VirtualMachineSnapshot with this name already exists.'),
    ).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Snapshot name' })).toHaveValue(
      'e2e-snap-filter-a',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the Snapshots tab and Take snapshot dialog in Japanese, with no serious accessibility violations', async ({
    page,
    stack,
  }) => {
    const vm = 'e2e-snap-ja';
    await createDataVolumeVirtualMachine(stack, NS, vm);
    // The language menu's choice, as the host stores it.
    await page.goto(stack.url);
    await page.evaluate(() => localStorage.setItem('console-host.language', 'ja'));
    await page.goto(`${vmDetailsURL(stack.url, NS, vm)}/snapshots`);
    await expect(page.getByText('スナップショットが見つかりません')).toBeVisible();
    await page.getByRole('button', { name: 'スナップショットの作成' }).click();
    const dialog = page.getByRole('dialog', { name: 'スナップショットの作成' });
    await expect(dialog.getByRole('textbox', { name: 'スナップショット名' })).toBeVisible();
    await expect(dialog.getByText('次のディスクはスナップショットに含まれません')).toBeVisible();
    await expect(
      dialog.getByRole('checkbox', { name: 'この警告を理解したうえで続行する' }),
    ).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/take-snapshot-ja.png' });
    expect(await blockingViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await expect(dialog).toHaveCount(0);
  });
});

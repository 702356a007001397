import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, useLanguage } from './fixtures/stack';
import type { Stack } from './fixtures/stack';
import { startVirtualMachine, virtualMachine } from './fixtures/virtualMachines';

/** A project of its own, so that other specs' VMs do not change what the list shows. */
const NS = 'e2e-vm-list';
const LIST = `/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine`;
const VMS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;

const createVM = async (stack: Stack, name: string, labels: Record<string, string>) => {
  const body = virtualMachine(NS, name);
  body.metadata.labels = { ...body.metadata.labels, ...labels };
  const res = await stack.api('POST', VMS, body);
  expect(res.status).toBe(201);
};

const table = (page: Page) =>
  page
    .getByRole('grid', { name: 'VirtualMachines' })
    .or(page.getByRole('table', { name: 'VirtualMachines' }));
const rowLinks = (page: Page) =>
  table(page)
    .getByRole('link')
    .filter({ hasText: /^list-/ });
const runStrategy = async (stack: Stack, name: string) =>
  ((await stack.api('GET', `${VMS}/${name}`)).json as { spec: { runStrategy: string } }).spec
    .runStrategy;

test.describe('VirtualMachines list', () => {
  test.beforeAll(async ({ stack }) => {
    await stack.api('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NS },
    });
    await createVM(stack, 'list-web-1', { tier: 'front' });
    await createVM(stack, 'list-web-2', { tier: 'front' });
    await createVM(stack, 'list-db-1', { tier: 'back' });
    await startVirtualMachine(stack, NS, 'list-db-1');
  });

  test('filters, label and IP search live in the URL and can be shared', async ({
    page,
    stack,
    context,
  }) => {
    await page.goto(`${stack.url}${LIST}`);
    await expect(rowLinks(page)).toHaveCount(3);

    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('menuitem', { name: /Stopped/ }).click();
    await page.keyboard.press('Escape');
    await expect(rowLinks(page)).toHaveCount(2);
    await expect(page).toHaveURL(/status=Stopped/);

    await page.getByRole('button', { name: 'Search by' }).click();
    await page.getByRole('option', { name: 'Label' }).click();
    const labelSearch = page.getByRole('textbox', { name: 'Search by label, e.g. app=web' });
    await labelSearch.fill('tier=front');
    await labelSearch.press('Enter');
    await expect(rowLinks(page)).toHaveCount(2);
    await expect(page).toHaveURL(/labels=tier%3Dfront/);
    await page.screenshot({ path: 'test-results/shots/vm-list-filtered.png' });

    // The same URL in another tab shows the same view.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect(rowLinks(shared)).toHaveCount(2);
    await shared.close();

    await page.getByRole('button', { name: 'Clear all filters' }).first().click();
    await expect(rowLinks(page)).toHaveCount(3);

    // The running VM's address finds it.
    let ip = '';
    await expect
      .poll(
        async () => {
          const vmi = await stack.api(
            'GET',
            `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstances/list-db-1`,
          );
          ip =
            (vmi.json as { status?: { interfaces?: { ipAddress?: string }[] } }).status
              ?.interfaces?.[0]?.ipAddress ?? '';
          return ip;
        },
        { timeout: 30_000 },
      )
      .not.toBe('');
    await page.goto(`${stack.url}${LIST}?ip=${ip}`);
    await expect(rowLinks(page)).toHaveText(['list-db-1']);
    await expect(table(page).getByRole('row').filter({ hasText: 'list-db-1' })).toContainText(ip);
  });

  test('bulk stop of three VMs, with the selection cleared after', async ({ page, stack }) => {
    for (const name of ['list-web-1', 'list-web-2'])
      await startVirtualMachine(stack, NS, name).catch(() => undefined);
    await page.goto(`${stack.url}${LIST}`);
    await expect(rowLinks(page)).toHaveCount(3);
    for (const name of ['list-web-1', 'list-web-2', 'list-db-1'])
      await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await expect(page.getByText('3 selected')).toBeVisible();

    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Stop (3)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop 3 VirtualMachines?' });
    await expect(dialog.getByRole('listitem')).toHaveText([
      `${NS}/list-db-1`,
      `${NS}/list-web-1`,
      `${NS}/list-web-2`,
    ]);
    await dialog.getByRole('button', { name: 'Stop' }).click();
    await expect(dialog).toBeHidden();
    for (const name of ['list-web-1', 'list-web-2', 'list-db-1'])
      await expect.poll(() => runStrategy(stack, name)).toBe('Halted');
    await expect(page.getByText('3 selected')).toBeHidden();
    await expect(page.getByRole('checkbox', { name: 'Select list-db-1' })).not.toBeChecked();
  });

  test('chosen columns persist, and CSV export has the shown rows and columns', async ({
    page,
    stack,
  }) => {
    await page.goto(`${stack.url}${LIST}`);
    await expect(rowLinks(page)).toHaveCount(3);
    await page.getByRole('button', { name: 'Manage columns' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage columns' });
    await dialog.getByRole('checkbox', { name: 'Node' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Operating system' }).check();
    // Nine are shown: the tenth cannot be added.
    await expect(dialog.getByRole('checkbox', { name: 'Labels' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(table(page).getByRole('columnheader', { name: 'Operating system' })).toBeVisible();
    await expect(table(page).getByRole('columnheader', { name: 'Node' })).toHaveCount(0);
    await page.reload();
    await expect(table(page).getByRole('columnheader', { name: 'Operating system' })).toBeVisible();

    await page.goto(`${stack.url}${LIST}?name=web`);
    await expect(rowLinks(page)).toHaveCount(2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export to CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('virtualmachines.csv');
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Name,Status,Conditions,Created,IP address,CPU,Memory,Operating system');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['list-web-1', 'list-web-2']);
  });

  test('a saved view brings its filters back', async ({ page, stack }) => {
    await page.goto(`${stack.url}${LIST}?labels=tier%3Dback`);
    await expect(rowLinks(page)).toHaveCount(1);
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('menuitem', { name: 'Save current view...' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByRole('textbox', { name: 'View name' }).fill('Back end');
    await dialog.getByRole('button', { name: 'Save' }).click();

    await page.goto(`${stack.url}${LIST}`);
    await expect(rowLinks(page)).toHaveCount(3);
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('menuitem', { name: 'Back end', exact: true }).click();
    await expect(page).toHaveURL(/labels=tier%3Dback/);
    await expect(rowLinks(page)).toHaveText(['list-db-1']);
  });

  test('the list toolbar in Japanese', async ({ page, stack }) => {
    await useLanguage(page, `${stack.url}${LIST}`, 'ja');
    await page.goto(`${stack.url}${LIST}?status=Stopped`);
    await expect(page.getByRole('button', { name: 'フィルター', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '列の管理' })).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'すべてのフィルターのクリア' }).first(),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/shots/vm-list-ja.png', fullPage: true });
  });
});

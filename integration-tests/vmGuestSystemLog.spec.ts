import { expect, test, useLanguage } from './fixtures/stack';
import type { Page } from '@playwright/test';
import {
  createVirtualMachine,
  startVirtualMachine,
  untilInstanceRunning,
} from './fixtures/virtualMachines';
import { vmDetailsURL } from './fixtures/vmPages';
import { blockingViolations } from './fixtures/accessibility';

const NS = 'demo-apps';

const guestLog = (page: Page, name = 'Guest system log') =>
  page.getByRole('region', { name, exact: true });

test.describe('VirtualMachine guest system log', () => {
  test('turned on in Configuration, the running guest’s boot log shows in Diagnostics with search, refresh and download', async ({
    page,
    stack,
  }) => {
    const vm = 'e2e-guestlog';
    await createVirtualMachine(stack, NS, vm);
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'configuration'));
    // The seeded cluster keeps the log off unless a VM asks, as OpenShift Virtualization does.
    const access = page.getByRole('switch', { name: 'Guest system log access' });
    await expect(access).not.toBeChecked();
    await expect(page.getByText('Follows the cluster default: off.')).toBeVisible();
    // PatternFly's switch track covers its input, so flip it from the keyboard, as users can.
    await access.press('Space');
    await expect(access).toBeChecked();
    await expect(
      page.getByText('Set for this VirtualMachine. Applies at the next start.'),
    ).toBeVisible();

    await startVirtualMachine(stack, NS, vm);
    await untilInstanceRunning(stack, NS, vm);
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'diagnostics'));
    const log = guestLog(page);
    await expect(log.getByText(/Linux version/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('switch', { name: 'Follow' }).press('Space');
    // Follow reloads the tail and keeps the newest line, the login prompt, in view.
    await expect(log.getByText(/login:/).last()).toBeVisible({ timeout: 30_000 });
    await expect(log.getByText(/^Last \d+ lines, loaded at/)).toBeVisible();

    await log.getByRole('textbox', { name: 'Search the log' }).fill('Linux version');
    // The search box counts the matching lines: the current one of all.
    await expect(log.getByText(/^1 \/ [1-9]\d* matching lines$/)).toBeVisible();
    await expect(log.getByRole('button', { name: 'Next match' })).toBeVisible();

    const downloading = page.waitForEvent('download');
    await log.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^${NS}-${vm}-guest-system-log-.*\\.log$`),
    );
    const text = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(text).toString('utf8')).toMatch(/Linux version[\s\S]*login:/);
    await page.screenshot({ path: '/tmp/shots/vm-guest-system-log.png' });
    expect(await blockingViolations(page)).toEqual([]);

    // Turning it off on the running VM is a change for the next restart.
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'configuration'));
    await page.getByRole('switch', { name: 'Guest system log access' }).press('Space');
    await expect(
      page.getByRole('list', { name: 'Pending changes' }).getByText('Guest system log access'),
    ).toBeVisible();
  });

  test('without access the section says how to turn it on; names in Japanese', async ({
    page,
    stack,
  }) => {
    const vm = 'e2e-guestlog-off';
    await createVirtualMachine(stack, NS, vm);
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'diagnostics'));
    await expect(
      guestLog(page).getByText(
        'The guest system log is available while the VirtualMachine is running.',
      ),
    ).toBeVisible();

    await startVirtualMachine(stack, NS, vm);
    await untilInstanceRunning(stack, NS, vm);
    await expect(guestLog(page).getByText('Guest system log access is off')).toBeVisible({
      timeout: 30_000,
    });
    await guestLog(page).getByRole('link', { name: 'Open Configuration → Details' }).click();
    await expect(page.getByRole('switch', { name: 'Guest system log access' })).toBeVisible();

    await useLanguage(page, stack.url, 'ja');
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'diagnostics'));
    await expect(guestLog(page, 'ゲストシステムログ')).toBeVisible();
    await expect(
      guestLog(page, 'ゲストシステムログ').getByText('ゲストシステムログへのアクセスはオフです'),
    ).toBeVisible();
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'configuration'));
    await expect(
      page.getByRole('switch', { name: 'ゲストシステムログへのアクセス' }),
    ).toBeVisible();
  });
});

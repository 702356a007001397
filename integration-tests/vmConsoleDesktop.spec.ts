import { readFileSync } from 'node:fs';
import { expect, test, useLanguage } from './fixtures/stack';
import type { Stack } from './fixtures/stack';

/**
 * The Console tab's guest login credentials (from cloud-init) and the Desktop viewer of the
 * seeded Windows VM: the RDP Service made through the UI and the downloaded `.rdp` file.
 */

const NS = 'demo-apps';
const consoleURL = (stack: Stack, name: string) =>
  `${stack.url}/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${name}/console`;
/** Seeded, stopped, cloud-init `user: cloud-user`, `password: demo-cloud-user-pw`. */
const LINUX_VM = 'centos-stream9-ci';
/** Seeded, stopped, `vm.kubevirt.io/os: windows2k22`, no cloud-init. */
const WINDOWS_VM = 'win2k22-ad';
const RDP_SERVICE = `/api/v1/namespaces/${NS}/services/${WINDOWS_VM}-rdp`;

type ServiceBody = {
  spec: {
    type: string;
    selector: Record<string, string>;
    ports: { port: number; nodePort?: number }[];
  };
};

test.describe('Console tab: guest credentials and desktop viewer', () => {
  test.afterEach(async ({ stack }) => {
    // The worker's cluster is shared with other specs: leave the seeded VM as it was.
    await stack.api('DELETE', RDP_SERVICE);
  });

  test('shows the cloud-init login, the password only when revealed', async ({ page, stack }) => {
    await page.goto(consoleURL(stack, LINUX_VM));
    const toggle = page.getByRole('button', { name: 'Guest login credentials' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(page.getByRole('textbox', { name: 'User name' })).toHaveValue('cloud-user');
    const password = page.getByRole('textbox', { name: 'Password' });
    await expect(password).not.toHaveValue('demo-cloud-user-pw');
    await expect(page.getByRole('button', { name: 'Copy user name' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy password' })).toBeVisible();
    await page.getByRole('button', { name: 'Show password' }).click();
    await expect(password).toHaveValue('demo-cloud-user-pw');
    await page.getByRole('button', { name: 'Hide password' }).click();
    await expect(password).not.toHaveValue('demo-cloud-user-pw');
    // Not a Windows VM: no desktop viewer.
    await expect(page.getByRole('button', { name: 'Desktop viewer' })).toHaveCount(0);
  });

  test('Windows VM: creates the RDP Service and downloads the .rdp file', async ({
    page,
    stack,
  }) => {
    await page.goto(consoleURL(stack, WINDOWS_VM));
    // No cloud-init: no credentials section.
    await expect(page.getByRole('button', { name: 'VNC console' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Guest login credentials' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Desktop viewer' }).click();
    await expect(page.getByText('Remote Desktop Protocol (RDP)')).toBeVisible();

    await page.getByRole('button', { name: 'Create RDP Service' }).click();
    const dialog = page.getByRole('dialog', { name: 'RDP Service' });
    const save = dialog.getByRole('button', { name: 'Save' });
    await expect(save).toBeDisabled();
    await dialog.getByRole('checkbox', { name: 'Expose RDP Service' }).check();
    await save.click();
    await expect(dialog).toHaveCount(0);

    const res = await stack.api('GET', RDP_SERVICE);
    expect(res.status).toBe(200);
    const service = res.json as ServiceBody;
    expect(service.spec.type).toBe('NodePort');
    expect(service.spec.selector).toEqual({ 'kubevirt.io/domain': WINDOWS_VM });
    expect(service.spec.ports[0].port).toBe(3389);
    const nodePort = service.spec.ports[0].nodePort;
    expect(nodePort).toBeGreaterThanOrEqual(30000);

    const address = page.getByRole('textbox', { name: 'RDP address' });
    await expect(address).toHaveValue(new RegExp(`^\\d+\\.\\d+\\.\\d+\\.\\d+:${nodePort}$`));
    const hostPort = await address.inputValue();
    await expect(page.getByRole('button', { name: 'Create RDP Service' })).toHaveCount(0);
    await page.screenshot({ path: '/tmp/shots/console-desktop-viewer.png' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Launch Remote Desktop' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${WINDOWS_VM}.rdp`);
    const file = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    expect(file).toBe(`full address:s:${hostPort}\r\n`);
  });

  test('in Japanese', async ({ page, stack }) => {
    await useLanguage(page, stack.url, 'ja');
    await page.goto(consoleURL(stack, LINUX_VM));
    await page.getByRole('button', { name: 'ゲストログイン認証情報' }).click();
    await expect(page.getByRole('textbox', { name: 'ユーザー名' })).toHaveValue('cloud-user');
    await page.goto(consoleURL(stack, WINDOWS_VM));
    await page.getByRole('button', { name: 'デスクトップビューアー' }).click();
    await page.getByRole('button', { name: 'RDP サービスの作成' }).click();
    const dialog = page.getByRole('dialog', { name: 'RDP サービス' });
    await dialog.getByRole('checkbox', { name: 'RDP サービスの公開' }).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('button', { name: 'リモートデスクトップの起動' })).toBeEnabled();
    await page.screenshot({ path: '/tmp/shots/console-desktop-viewer-ja.png' });
  });
});

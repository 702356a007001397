import type { Locator, Page } from '@playwright/test';
import { closeConsoleSessions } from '../local-cluster/guests/consoleSession';
import { expect, test, useLanguage } from './fixtures/stack';
import { createVirtualMachine, startVirtualMachine } from './fixtures/virtualMachines';

/**
 * The Console tab against the local cluster's guests (a QEMU guest where QEMU and the guest image
 * are installed, else the built-in guest; both speak RFB on `vnc` and raw bytes on `console`).
 */

const consoleURL = (url: string, ns: string, name: string) =>
  `${url}/k8s/ns/${ns}/kubevirt.io~v1~VirtualMachine/${name}/console`;

const status = (page: Page, consoleName: string) =>
  page.getByRole('status', { name: `${consoleName} status` });

/** True when the canvas in `region` has at least `minLit` pixels that are not black. */
const litPixels = (region: Locator) =>
  region.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx || !canvas.width || !canvas.height) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let lit = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] > 60) lit++;
    return lit;
  });

const runningVM = async (stack: Parameters<typeof createVirtualMachine>[0], name: string) => {
  await createVirtualMachine(stack, 'demo-apps', name);
  await startVirtualMachine(stack, 'demo-apps', name);
};

test.describe('VirtualMachine console', () => {
  test('VNC shows the guest screen, serial echoes, both reconnect after the server drops them', async ({
    page,
    stack,
  }) => {
    test.setTimeout(90_000);
    await runningVM(stack, 'e2e-console');
    await page.goto(consoleURL(stack.url, 'demo-apps', 'e2e-console'));

    // VNC is the default and starts on its own.
    const vncScreen = page.getByRole('region', { name: 'VNC console screen' });
    await expect(status(page, 'VNC console')).toHaveText('Connected', { timeout: 30_000 });
    await expect.poll(() => litPixels(vncScreen), { timeout: 20_000 }).toBeGreaterThan(200);
    await page.screenshot({ path: '/tmp/shots/console-vnc.png' });

    // Paste as keystrokes lists what the layout cannot type.
    await page.getByRole('button', { name: 'Paste as keystrokes' }).click();
    await page.getByLabel('Guest keyboard layout').selectOption('ja');
    await page.getByLabel('Text to type').fill('echo ¥@|あ');
    await expect(
      page.getByText('cannot be typed with this layout and are skipped: あ'),
    ).toBeVisible();

    // Serial console: log in and run a command.
    await page.getByRole('button', { name: 'Serial console' }).click();
    await expect(status(page, 'Serial console')).toHaveText('Connected', { timeout: 20_000 });
    const terminal = page.getByRole('region', { name: 'Serial console' });
    await terminal.click();
    await page.keyboard.type('\r');
    await expect(terminal).toContainText('login:', { timeout: 20_000 });
    await page.keyboard.type('root\r');
    await expect(terminal).toContainText('#', { timeout: 10_000 });
    await page.keyboard.type('echo hello\r');
    // The command line and its output: "hello" at least twice.
    await expect
      .poll(async () => ((await terminal.textContent()) ?? '').match(/hello/g)?.length ?? 0, {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: '/tmp/shots/console-serial.png' });
    expect(/login:\s*$/.test((await terminal.textContent()) ?? '')).toBe(false);

    // The server ends both sessions (as virt-handler does when it restarts): both come back.
    closeConsoleSessions();
    await expect(status(page, 'Serial console')).toContainText('Reconnecting');
    await expect(status(page, 'Serial console')).toHaveText('Connected', { timeout: 20_000 });
    // The session log survived the reconnect.
    await expect(terminal).toContainText('hello');
    await page.getByRole('button', { name: 'VNC console' }).click();
    await expect(status(page, 'VNC console')).toHaveText('Connected', { timeout: 20_000 });
    await expect.poll(() => litPixels(vncScreen), { timeout: 20_000 }).toBeGreaterThan(200);

    // The Send key menu offers the combinations (that Ctrl+Alt+Del reboots the guest is the
    // fixme test below).
    await page.getByRole('button', { name: 'Send key' }).click();
    await expect(page.getByRole('menuitem', { name: 'Ctrl+Alt+F12' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Ctrl+Alt+Del' })).toBeVisible();
    await page.keyboard.press('Escape');

    // The standalone full-window page.
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: 'Open in new window' }).click(),
    ]);
    await expect(
      popup.getByRole('heading', { level: 1, name: 'Console of e2e-console (demo-apps)' }),
    ).toBeVisible();
    await expect(popup.getByRole('navigation')).toHaveCount(0);
    await expect(status(popup, 'VNC console')).toHaveText('Connected', { timeout: 30_000 });
    await expect
      .poll(() => litPixels(popup.getByRole('region', { name: 'VNC console screen' })), {
        timeout: 20_000,
      })
      .toBeGreaterThan(200);
    await popup.screenshot({ path: '/tmp/shots/console-standalone.png' });
    await popup.close();
  });

  test('Send key Ctrl+Alt+Del reboots the guest to a fresh login prompt', async ({
    page,
    stack,
  }) => {
    test.setTimeout(90_000);
    await runningVM(stack, 'e2e-console-cad');
    await page.goto(consoleURL(stack.url, 'demo-apps', 'e2e-console-cad'));
    // The serial log first: it keeps what the guest prints while the VNC tab is in front.
    await page.getByRole('button', { name: 'Serial console' }).click();
    await expect(status(page, 'Serial console')).toHaveText('Connected', { timeout: 30_000 });
    const terminal = page.getByRole('region', { name: 'Serial console' });
    await terminal.click();
    await page.keyboard.type('\r');
    await expect(terminal).toContainText('login:', { timeout: 30_000 });
    await page.getByRole('button', { name: 'VNC console' }).click();
    await expect(status(page, 'VNC console')).toHaveText('Connected', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Send key' }).click();
    await page.getByRole('menuitem', { name: 'Ctrl+Alt+Del' }).click();

    // The guest's init reboots it: the kernel says so on the serial line, then a new prompt.
    await page.getByRole('button', { name: 'Serial console' }).click();
    const afterReboot = async () => {
      const text = (await terminal.textContent()) ?? '';
      const at = text.lastIndexOf('reboot: Restarting system');
      return at < 0 ? 'no reboot yet' : text.slice(at);
    };
    await expect.poll(afterReboot, { timeout: 60_000 }).toContain('login:');
  });

  test('a stopped VM offers Start; a headless VM explains VNC is unavailable', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, 'demo-apps', 'e2e-console-off');
    await page.goto(consoleURL(stack.url, 'demo-apps', 'e2e-console-off'));
    await expect(
      page.getByRole('heading', { name: 'This VirtualMachine is not running' }),
    ).toBeVisible();
    await page.getByRole('main').getByRole('button', { name: 'Start', exact: true }).last().click();
    await expect(status(page, 'VNC console')).toHaveText('Connected', { timeout: 30_000 });

    await createVirtualMachine(stack, 'demo-apps', 'e2e-console-headless');
    const patch = await stack.api(
      'PATCH',
      '/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachines/e2e-console-headless',
      {
        spec: { template: { spec: { domain: { devices: { autoattachGraphicsDevice: false } } } } },
      },
      'application/merge-patch+json',
    );
    expect(patch.status).toBe(200);
    await startVirtualMachine(stack, 'demo-apps', 'e2e-console-headless');
    await page.goto(consoleURL(stack.url, 'demo-apps', 'e2e-console-headless'));
    await expect(page.getByText('VNC console unavailable')).toBeVisible();
    await expect(page.getByRole('button', { name: 'VNC console' })).toBeDisabled();
    await expect(status(page, 'Serial console')).toHaveText('Connected', { timeout: 30_000 });
  });

  test('in Japanese', async ({ page, stack }) => {
    await runningVM(stack, 'e2e-console-ja');
    await useLanguage(page, stack.url, 'ja');
    await page.goto(consoleURL(stack.url, 'demo-apps', 'e2e-console-ja'));
    await expect(page.getByRole('button', { name: 'VNC コンソール' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'シリアルコンソール' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'VNC コンソールの状態' })).toHaveText(
      '接続済み',
      {
        timeout: 30_000,
      },
    );
    await expect(page.getByRole('button', { name: 'キーの送信' })).toBeVisible();
    await expect(
      page.getByRole('link', { name: '新しいウィンドウでコンソールを開く' }),
    ).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/console-ja.png' });
  });
});

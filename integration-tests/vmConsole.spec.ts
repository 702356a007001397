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

type Stack = Parameters<typeof createVirtualMachine>[0];

const runningVM = async (stack: Stack, name: string) => {
  await createVirtualMachine(stack, 'demo-apps', name);
  await startVirtualMachine(stack, 'demo-apps', name);
};

/** Demo VMs that no test reads; whichever runs on QEMU lends its real-guest slot. */
const LENDERS = [
  { namespace: 'demo-dev', name: 'dev-fedora' },
  { namespace: 'demo-apps', name: 'legacy-app-01' },
  { namespace: 'demo-apps', name: 'bridge-vm' },
];
type Lender = (typeof LENDERS)[number];
const vmAction = (stack: Stack, namespace: string, name: string, action: 'start' | 'stop') =>
  stack.api(
    'PUT',
    `/apis/subresources.kubevirt.io/v1/namespaces/${namespace}/virtualmachines/${name}/${action}`,
    {},
  );
const guestOf = (stack: Stack, namespace: string, name: string) =>
  stack.cluster.virtualization.guests
    .list()
    .find((g) => g.spec.namespace === namespace && g.spec.name === name);

/**
 * Starts a VM on a real QEMU guest: the demo guests fill the node's real-guest slots (the rest
 * get the built-in guest, which reads keysyms, not key positions), so a demo VM stops for it
 * until `returnGuestSlot`. Undefined where no demo VM runs on QEMU (QEMU or the guest image is
 * missing).
 */
const realGuestVM = async (stack: Stack, name: string): Promise<Lender | undefined> => {
  const lender = LENDERS.find((l) => guestOf(stack, l.namespace, l.name)?.kind === 'qemu');
  if (!lender) return undefined;
  await vmAction(stack, lender.namespace, lender.name, 'stop');
  await expect
    .poll(() => guestOf(stack, lender.namespace, lender.name), { timeout: 60_000 })
    .toBeUndefined();
  await runningVM(stack, name);
  await expect
    .poll(() => guestOf(stack, 'demo-apps', name)?.booted, { timeout: 90_000 })
    .toBe(true);
  expect(guestOf(stack, 'demo-apps', name)?.kind).toBe('qemu');
  return lender;
};

/**
 * Runs `body` with the VM on a real guest, then gives the slot back. Without QEMU this fails
 * rather than skips: `npm test` installs QEMU and the guest image first (`npm run setup:guests`).
 */
const withRealGuest = async (stack: Stack, name: string, body: () => Promise<void>) => {
  const lender = await realGuestVM(stack, name);
  if (!lender) throw new Error('no demo VM runs on a QEMU guest: run `npm run setup:guests`');
  try {
    await body();
  } finally {
    await returnGuestSlot(stack, name, lender);
  }
};

/** Gives the slot back: the test VM is deleted and the demo VM starts again. */
const returnGuestSlot = async (stack: Stack, name: string, lender: Lender) => {
  await stack.api('DELETE', `/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachines/${name}`);
  await expect.poll(() => guestOf(stack, 'demo-apps', name), { timeout: 60_000 }).toBeUndefined();
  await vmAction(stack, lender.namespace, lender.name, 'start');
};

test.describe('VirtualMachine console', () => {
  test('VNC shows the guest screen, serial echoes, both reconnect after the server drops them', async ({
    page,
    stack,
  }) => {
    test.setTimeout(240_000);
    await withRealGuest(stack, 'e2e-console', async () => {
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

      // The Send key menu offers the combinations (the Ctrl+Alt+Del test below sends one).
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
  });

  test('Paste as keystrokes presses the keys of the chosen layout: the guest reads them by its own map', async ({
    page,
    stack,
  }) => {
    test.setTimeout(240_000);
    await withRealGuest(stack, 'e2e-console-paste', async () => {
      await page.goto(consoleURL(stack.url, 'demo-apps', 'e2e-console-paste'));
      // The serial console stays connected behind VNC: what the guest writes to ttyS0 shows there.
      await page.getByRole('button', { name: 'Serial console' }).click();
      await expect(status(page, 'Serial console')).toHaveText('Connected', { timeout: 30_000 });
      const terminal = page.getByRole('region', { name: 'Serial console' });
      await page.getByRole('button', { name: 'VNC console' }).click();
      await expect(status(page, 'VNC console')).toHaveText('Connected', { timeout: 30_000 });
      await page.getByRole('button', { name: 'Paste as keystrokes' }).click();
      const layout = page.getByLabel('Guest keyboard layout');
      const text = page.getByLabel('Text to type');
      const typeText = async (value: string) => {
        await text.fill(value);
        await page.getByRole('button', { name: 'Type text' }).click();
      };
      const serialText = async () => {
        await page.getByRole('button', { name: 'Serial console' }).click();
        const seen = (await terminal.textContent()) ?? '';
        await page.getByRole('button', { name: 'VNC console' }).click();
        return seen;
      };

      // Log in on the guest's screen (tty1), then echo to its serial port; login may drop what is
      // typed while it starts the shell, so the first echo is repeated until it arrives.
      await layout.selectOption('en-us');
      await typeText('root\n');
      await expect
        .poll(
          async () => {
            await typeText('echo us-@ >/dev/ttyS0\n');
            return serialText();
          },
          { timeout: 40_000, intervals: [3000] },
        )
        .toContain('us-@');
      // On jp106 "@" is the key right of P, which a US keymap (the demo guests' kernel default)
      // reads as "[": the guest got the key position of the Japanese layout, not the character.
      await layout.selectOption('ja');
      await typeText('echo jp-@ >/dev/ttyS0\n');
      await expect.poll(serialText, { timeout: 15_000 }).toContain('jp-[');
      await page.screenshot({ path: '/tmp/shots/console-paste-layout.png' });
    });
  });

  test('Send key Ctrl+Alt+Del reboots the guest to a fresh login prompt', async ({
    page,
    stack,
  }) => {
    test.setTimeout(240_000);
    await withRealGuest(stack, 'e2e-console-cad', async () => {
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
  });

  test("Send key keeps the user's own combinations; full screen has a visible way out", async ({
    page,
    stack,
  }) => {
    await runningVM(stack, 'e2e-console-keys');
    await page.goto(consoleURL(stack.url, 'demo-apps', 'e2e-console-keys'));
    await expect(status(page, 'VNC console')).toHaveText('Connected', { timeout: 30_000 });

    await page.getByRole('button', { name: 'Send key' }).click();
    await page.getByRole('menuitem', { name: 'Manage key combinations...' }).click();
    const dialog = page.getByRole('dialog', { name: 'Key combinations' });
    const combo = dialog.getByRole('textbox', { name: 'New key combination' });
    await combo.fill('ctrl+hyper');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(
      dialog.getByText('The key name hyper is not one this console knows.'),
    ).toBeVisible();
    await combo.fill('ctrl + alt + del');
    await combo.press('Enter');
    await expect(dialog.getByText('The Send key menu already has this combination.')).toBeVisible();
    await combo.fill('control+shift+escape');
    await combo.press('Enter');
    await combo.fill('super+l');
    await combo.press('Enter');
    const list = dialog.getByRole('list', { name: 'Your key combinations' });
    await expect(list.getByText('Ctrl+Shift+Esc')).toBeVisible();
    await dialog.getByRole('button', { name: 'Remove Super+L' }).click();
    await expect(list.getByText('Super+L')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Kept with the user's settings: still there after a reload, and it sends.
    await page.reload();
    await expect(status(page, 'VNC console')).toHaveText('Connected', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Send key' }).click();
    await expect(page.getByRole('menuitem', { name: 'Super+L' })).toHaveCount(0);
    await page.getByRole('menuitem', { name: 'Ctrl+Shift+Esc' }).click();
    await expect(page.getByRole('menuitem', { name: 'Ctrl+Shift+Esc' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Full screen' }).click();
    await expect(page.getByRole('button', { name: 'Exit full screen' })).toBeVisible();
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await expect(page.getByText(/to leave\.$/)).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/console-fullscreen.png' });
    await page.getByRole('button', { name: 'Exit full screen' }).click();
    await expect(page.getByRole('button', { name: 'Full screen' })).toBeVisible();
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
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

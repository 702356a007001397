// Console tab benchmark: on the in-memory stack with the demo guests booted, opens a running VM's
// details page in Chromium through the console host, clicks the Console tab (VNC is the default)
// and times, in the page, the click → the VNC websocket's open → the first guest pixels that noVNC
// draws on the screen canvas. Every run reloads the details page and clicks the tab again.
// Prints figures; asserts nothing. Needs the builds: `npm run bench:console` runs them first.
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { guestsBooted, startInMemoryStack } from '../../console-host/server/inMemoryStack';
import { vmDetailsURL } from '../../integration-tests/fixtures/vmPages';
import { chromiumLaunchOptions } from '../../playwright.config';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    // The VM measured when no real (QEMU) guest runs a VirtualMachine.
    vm: { type: 'string', default: 'demo-apps/fedora-web-01' },
  },
});
const RUNS = Number(values.runs);

/**
 * Runs in the page before its scripts (a string, so the bundler's helpers stay out of it). Records
 * on `window.__consoleBench`: the click on the Console tab (capture phase, before React sees it);
 * the `open` of the websocket to a VMI's `vnc` subresource; and the first time noVNC's flip of its
 * backbuffer onto the on-screen canvas (its only drawImage there) leaves a pixel that is not black,
 * that is, the guest's first framebuffer update on screen.
 */
const INIT_SCRIPT = `(() => {
  const t = (window.__consoleBench = { click: null, wsOpen: null, firstPixels: null });
  document.addEventListener('click', (e) => {
    const tab = e.target instanceof Element ? e.target.closest('[role="tab"]') : null;
    if (tab && tab.textContent.trim() === 'Console' && t.click === null) t.click = performance.now();
  }, true);
  // A plain function, not a subclass: noVNC checks the socket's own prototype for send, close...
  const NativeWebSocket = window.WebSocket;
  const Tracked = function (url, protocols) {
    const ws = new NativeWebSocket(url, protocols);
    if (/\\/virtualmachineinstances\\/[^/]+\\/vnc(\\?|$)/.test(String(url))) {
      ws.addEventListener('open', () => { if (t.wsOpen === null) t.wsOpen = performance.now(); });
    }
    return ws;
  };
  Tracked.prototype = NativeWebSocket.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Tracked[k] = NativeWebSocket[k];
  window.WebSocket = Tracked;
  const nativeDrawImage = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (...args) {
    const result = nativeDrawImage.apply(this, args);
    const canvas = this.canvas;
    if (t.firstPixels === null && t.wsOpen !== null && canvas.width && canvas.height &&
        canvas.closest('[aria-label="VNC console screen"]')) {
      const data = this.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] + data[i + 1] + data[i + 2] > 0) { t.firstPixels = performance.now(); break; }
      }
    }
    return result;
  };
})();`;

interface Run {
  clickToOpen: number;
  openToPixels: number;
  clickToPixels: number;
}

/** min, median (mean of the middle two for an even n), p90 (nearest rank), max. */
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return {
    min: s[0],
    median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2,
    p90: s[Math.max(0, Math.ceil(0.9 * s.length) - 1)],
    max: s[s.length - 1],
  };
};

const main = async () => {
  const stack = await startInMemoryStack();
  const bootStart = performance.now();
  await guestsBooted(stack.cluster);
  const token = stack.cluster.tokenOf('admin');
  const hasVM = async (namespace: string, name: string) =>
    (
      await fetch(
        `${stack.cluster.url}/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines/${name}`,
        { headers: { Authorization: `Bearer ${token}` } },
      )
    ).ok;
  const guests = stack.cluster.virtualization.guests.list();
  // A real guest behind a VirtualMachine (the details page is a VM's), else the --vm one.
  // QEMU under TCG on a busy machine may take longer than guestsBooted's minute: up to 2 more.
  let guest: (typeof guests)[number] | undefined;
  const realDeadline = Date.now() + 120_000;
  while (!guest && guests.some((g) => g.kind === 'qemu') && Date.now() < realDeadline) {
    for (const g of guests) {
      if (g.kind === 'qemu' && g.booted && (await hasVM(g.spec.namespace, g.spec.name))) {
        guest = g;
        break;
      }
    }
    if (!guest) await new Promise((r) => setTimeout(r, 1000));
  }
  const [ns, name] = values.vm.split('/');
  guest ??= guests.find((g) => g.booted && g.spec.namespace === ns && g.spec.name === name);
  if (!guest) throw new Error(`no booted real guest with a VM, and ${values.vm} is not booted`);
  console.log(
    `${guests.filter((g) => g.booted).length}/${guests.length} guests booted after ${((performance.now() - bootStart) / 1000).toFixed(1)} s ` +
      `(${guests.filter((g) => g.kind === 'qemu').length} QEMU); ` +
      `measuring ${guest.spec.namespace}/${guest.spec.name} (${guest.kind} guest)`,
  );

  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.addInitScript(INIT_SCRIPT);
  const details = vmDetailsURL(stack.host.url, guest.spec.namespace, guest.spec.name);

  const once = async (): Promise<Run> => {
    await page.goto(details);
    const tab = page.getByRole('tab', { name: 'Console', exact: true });
    await tab.waitFor({ timeout: 60_000 });
    // The details page lays its tab panel over the tab strip's hit area while it settles, so a
    // pointer click can be refused; Enter on the focused tab fires the same click event.
    await tab.focus();
    await page.keyboard.press('Enter');
    await page
      .waitForFunction(
        () =>
          (window as unknown as { __consoleBench: Record<string, number | null> }).__consoleBench
            .firstPixels !== null,
        null,
        { timeout: 60_000 },
      )
      .catch(async (e: unknown) => {
        // Which of the three marks came tells where the path broke.
        const marks = await page.evaluate(() =>
          JSON.stringify((window as unknown as { __consoleBench: unknown }).__consoleBench),
        );
        await page.screenshot({ path: 'test-results/bench-console-timeout.png' });
        throw new Error(`no guest pixels within 60 s; marks ${marks}`, { cause: e });
      });
    const t = await page.evaluate(
      () =>
        (
          window as unknown as {
            __consoleBench: { click: number; wsOpen: number; firstPixels: number };
          }
        ).__consoleBench,
    );
    return {
      clickToOpen: t.wsOpen - t.click,
      openToPixels: t.firstPixels - t.wsOpen,
      clickToPixels: t.firstPixels - t.click,
    };
  };

  // One unmeasured open first: it loads the console's code into the browser cache.
  const warmup = await once();
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());

  const ms = (n: number) => n.toFixed(1).padStart(9);
  const row = (label: string, xs: number[]) => {
    const s = summary(xs);
    return `  ${label.padEnd(40)}${ms(s.median)}${ms(s.min)}${ms(s.p90)}${ms(s.max)}`;
  };
  console.log(
    `Console tab (VNC), ${guest.kind} guest, Chromium, n = ${runs.length} fresh opens (details page reloaded, tab clicked):`,
  );
  console.log(
    `  ${'ms'.padEnd(40)}${['median', 'min', 'p90', 'max'].map((h) => h.padStart(9)).join('')}`,
  );
  console.log(
    row(
      'click → first guest pixels on canvas',
      runs.map((r) => r.clickToPixels),
    ),
  );
  console.log(
    row(
      'click → VNC websocket open',
      runs.map((r) => r.clickToOpen),
    ),
  );
  console.log(
    row(
      'websocket open → first guest pixels',
      runs.map((r) => r.openToPixels),
    ),
  );
  console.log(
    `  all runs, click → first pixels: ${runs.map((r) => r.clickToPixels.toFixed(0)).join(', ')} ms ` +
      `(unmeasured warm-up: ${warmup.clickToPixels.toFixed(0)} ms)`,
  );

  await browser.close();
  await stack.close();
};

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Guest, GuestExitReason, GuestSpec } from './guestManager';
import { GuestManager, findOnPath } from './guestManager';
import { DEFAULT_IMAGE_DIR, guestImagePresent } from './image/guestImage';
import { RfbClient } from './rfb/rfbClient';

/**
 * Boots a real guest: QEMU under TCG with the image `npm run setup:guests` builds. Skipped when
 * QEMU or the image is missing, unless REQUIRE_REAL_GUESTS=1 (then that is a failure).
 * TCG on a busy 2-core host is slow, hence the long timeouts.
 */
const qemu = findOnPath('qemu-system-x86_64');
const available = !!qemu && guestImagePresent(DEFAULT_IMAGE_DIR);
const required = process.env.REQUIRE_REAL_GUESTS === '1';
const BOOT_TIMEOUT_MS = 180_000;

const SPEC: GuestSpec = {
  uid: '6f1c7a52-real-guest-test',
  namespace: 'demo',
  name: 'real-vm',
  hostname: 'real-vm',
  osName: 'Fedora Linux 41',
  cpus: 1,
  memoryMiB: 256,
  user: 'tester',
  password: 'secret pw',
};

function waitBooted(guest: Guest): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    const off = guest.onBooted(() => {
      off();
      resolve(Date.now() - started);
    });
  });
}

/** Reads a console stream and waits for text. */
function terminal(stream: Duplex): {
  waitFor: (pattern: RegExp, ms?: number) => Promise<void>;
  take: () => string;
} {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  return {
    take: () => {
      const out = text;
      text = '';
      return out;
    },
    waitFor: async (pattern, ms = 60_000) => {
      const deadline = Date.now() + ms;
      while (!pattern.test(text)) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${pattern}; got ${JSON.stringify(text)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Logs in like a person: waits for each prompt, then a moment, then types. On a heavily loaded
 * host getty and login occasionally miss keys typed the instant a prompt appears (a tty flush
 * racing the input); an empty line then brings a fresh prompt, so a few attempts are allowed.
 */
async function login(serial: Duplex, tty: ReturnType<typeof terminal>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      serial.write('\r');
      await tty.waitFor(/real-vm login: $/, 30_000);
      await pause(300);
      serial.write('tester\r');
      await tty.waitFor(/Password: $/, 30_000);
      await pause(300);
      serial.write('secret pw\r');
      await tty.waitFor(/\[tester@real-vm ~\]\$ /, 30_000);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      console.log(`serial login attempt ${attempt} failed, retrying: ${(error as Error).message}`);
      tty.take();
    }
  }
}

describe.runIf(!available && required)('real guests (required)', () => {
  it('has qemu-system-x86_64 and the guest image', () => {
    expect(qemu, 'qemu-system-x86_64 on PATH').toBeDefined();
    expect(
      guestImagePresent(DEFAULT_IMAGE_DIR),
      `guest image in ${DEFAULT_IMAGE_DIR} (npm run setup:guests)`,
    ).toBe(true);
  });
});

describe.skipIf(!available)('QEMU guest', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'qemu-guests-'));
  let manager: GuestManager;
  let guest: Guest;
  let bootMs = 0;

  beforeAll(async () => {
    manager = new GuestManager({ workDir, maxRealGuests: 1, gracefulStopMs: 20_000 });
    const started = Date.now();
    guest = await manager.start(SPEC);
    bootMs = await waitBooted(guest);
    bootMs = Date.now() - started;
    console.log(`QEMU guest booted to its login prompt in ${(bootMs / 1000).toFixed(1)} s`);
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    await manager?.closeAll();
    rmSync(workDir, { recursive: true, force: true });
  }, 60_000);

  it('is a QEMU guest that reached its login prompt', () => {
    expect(guest.kind).toBe('qemu');
    expect(guest.booted).toBe(true);
    expect(bootMs).toBeGreaterThan(0);
  });

  it('speaks RFB 3.8 on its VNC stream and sends a Raw framebuffer update', async () => {
    const rfb = await RfbClient.connect(await guest.openVnc(), { timeoutMs: 30_000 });
    expect(rfb.serverVersion).toBe('RFB 003.008\n');
    expect(rfb.name).toBe('QEMU (demo_real-vm)');
    expect(rfb.width).toBeGreaterThan(0);
    rfb.setEncodings([0]);
    rfb.requestUpdate(false);
    const rects = await rfb.nextUpdate();
    const raw = rects.filter((rect) => rect.encoding === 0);
    expect(raw.length).toBeGreaterThan(0);
    const pixels = raw.reduce((sum, rect) => sum + rect.rect.width * rect.rect.height, 0);
    expect(pixels).toBe(rfb.width * rfb.height);
    rfb.close();
  }, 60_000);

  it('logs in on the serial console and runs echo hello', async () => {
    const serial = await guest.openSerial();
    const tty = terminal(serial);
    await login(serial, tty);
    tty.take();
    serial.write('echo hello\r');
    await tty.waitFor(/\r\nhello\r\n/);
    serial.write('cat /etc/os-release\r');
    await tty.waitFor(/PRETTY_NAME="Fedora Linux 41"/);
    serial.destroy();
  }, 180_000);

  it('takes a PNG screenshot through QMP', async () => {
    const png = await guest.screenshot();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(0);
  }, 30_000);

  it('pauses (the guest stops answering) and unpauses (it answers)', async () => {
    const serial = await guest.openSerial();
    const tty = terminal(serial);
    // ash ends its prompt with a cursor position query (ESC [ 6 n), hence no end anchor.
    serial.write('\r');
    await tty.waitFor(/[$#] |login: /);
    await guest.pause();
    expect(guest.paused).toBe(true);
    const cpu = guest.stats().cpuSeconds;
    tty.take();
    serial.write('\r');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(tty.take()).toBe('');
    // A stopped guest burns (next to) no CPU.
    expect(guest.stats().cpuSeconds - cpu).toBeLessThan(0.5);
    await guest.unpause();
    expect(guest.paused).toBe(false);
    await tty.waitFor(/[$#] |login: /, 30_000);
    serial.destroy();
  }, 60_000);

  it('gives VMIs beyond the cap (here 1) a built-in guest', async () => {
    const other = await manager.start({
      ...SPEC,
      uid: 'second-vmi',
      name: 'second-vm',
      hostname: 'second-vm',
    });
    expect(other.kind).toBe('builtin');
    await manager.stop('second-vmi');
  });

  it('reports CPU time and memory of the QEMU process', () => {
    const stats = guest.stats();
    expect(stats.cpuSeconds).toBeGreaterThan(0);
    expect(stats.memoryUsedBytes).toBeGreaterThan(10 * 1024 * 1024);
  });

  it(
    'reboots on Ctrl+Alt+Del and comes back to the login prompt',
    async () => {
      const down = new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (!guest.booted) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
      });
      await guest.softReboot();
      await down;
      const rebootMs = await waitBooted(guest);
      console.log(`QEMU guest rebooted to its login prompt in ${(rebootMs / 1000).toFixed(1)} s`);
      expect(guest.booted).toBe(true);
    },
    BOOT_TIMEOUT_MS,
  );

  it('stops: ACPI power-off, the QEMU process is gone and its files removed', async () => {
    const pid = (guest as Guest & { pid?: number }).pid;
    expect(pid && existsSync(`/proc/${pid}`)).toBe(true);
    const reason = new Promise<GuestExitReason>((resolve) => guest.onExit(resolve));
    await manager.stop(SPEC.uid);
    expect(await reason).toBe('stopped');
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(readdirSync(workDir)).toEqual([]);
    expect(manager.get(SPEC.uid)).toBeUndefined();
  }, 60_000);
});

import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { GuestExitReason, GuestSpec } from '../guestTypes';
import { RfbClient } from '../rfb/rfbClient';
import { fallbackFont } from '../screen/fallbackFont';
import { BuiltinGuest } from './builtinGuest';

const SPEC: GuestSpec = {
  uid: 'uid-1',
  namespace: 'demo',
  name: 'fedora-vm',
  hostname: 'fedora-vm',
  osName: 'Fedora Linux 41',
  cpus: 2,
  memoryMiB: 2048,
  user: 'fedora',
  password: 'secret',
};

const guests: BuiltinGuest[] = [];

function startGuest(bootDelayMs = 40): BuiltinGuest {
  const guest = new BuiltinGuest(SPEC, { bootDelayMs, font: fallbackFont() });
  guests.push(guest);
  return guest;
}

function booted(guest: BuiltinGuest): Promise<void> {
  return new Promise((resolve) => {
    const off = guest.onBooted(() => {
      off();
      resolve();
    });
  });
}

/** Collects a stream's text and waits for a pattern. */
function collect(stream: Duplex): {
  waitFor: (pattern: RegExp) => Promise<string>;
  text: () => string;
} {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return {
    text: () => text,
    waitFor: async (pattern) => {
      for (let i = 0; i < 200 && !pattern.test(text); i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(text).toMatch(pattern);
      return text;
    },
  };
}

afterEach(async () => {
  await Promise.all(guests.splice(0).map((guest) => guest.stop()));
});

describe('BuiltinGuest', () => {
  it('boots to a login prompt on the VGA screen and reports it once', async () => {
    const guest = startGuest();
    expect(guest.booted).toBe(false);
    let calls = 0;
    guest.onBooted(() => calls++);
    await booted(guest);
    expect(guest.booted).toBe(true);
    expect(calls).toBe(1);
    const screen = guest.screenLines().join('\n');
    expect(screen).toContain('Virtual machine demo/fedora-vm (built-in guest)');
    expect(screen).toContain('Booting Fedora Linux 41');
    expect(screen).toContain('Log in as "fedora" with password "secret" (from cloud-init).');
    expect(guest.screenLines().filter(Boolean).at(-1)).toBe('fedora-vm login:');
  });

  it('tells late onBooted subscribers right away (on the next tick)', async () => {
    const guest = startGuest();
    await booted(guest);
    await booted(guest);
  });

  it('runs a shell on the serial line', async () => {
    const guest = startGuest();
    await booted(guest);
    const serial = collect(await guest.openSerial());
    const stream = await guest.openSerial();
    const out = collect(stream);
    stream.write('\r');
    await out.waitFor(/login: $/);
    stream.write('fedora\r');
    await out.waitFor(/Password: $/);
    stream.write('secret\r');
    await out.waitFor(/\$ $/);
    stream.write('echo hello\r');
    await out.waitFor(/\r\nhello\r\n\[fedora@fedora-vm ~\]\$ $/);
    // Every attached serial stream sees the line's output, as with one shared UART.
    expect(serial.text()).toContain('hello');
  });

  it('serves its screen over RFB and echoes VNC keystrokes on it', async () => {
    const guest = startGuest();
    await booted(guest);
    const rfb = await RfbClient.connect(await guest.openVnc());
    expect([rfb.width, rfb.height]).toEqual([640, 400]);
    expect(rfb.name).toBe('QEMU (demo_fedora-vm)');
    rfb.requestUpdate(false);
    const [full] = await rfb.nextUpdate();
    expect(full.data.length).toBe(640 * 400 * 4);
    rfb.requestUpdate(true);
    rfb.typeText('fedora');
    const changed = await rfb.nextUpdate();
    expect(changed.length).toBeGreaterThan(0);
    expect(guest.screenLines().filter(Boolean).at(-1)).toBe('fedora-vm login: fedora');
    rfb.typeText('\rsecret\recho typed\r');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(guest.screenLines().join('\n')).toMatch(
      /\$ echo typed\ntyped\n\[fedora@fedora-vm ~\]\$/,
    );
    rfb.close();
  });

  it('reboots on Ctrl+Alt+Del from the VNC keyboard', async () => {
    const guest = startGuest();
    await booted(guest);
    const rfb = await RfbClient.connect(await guest.openVnc());
    rfb.keyEvent(true, 0xffe3);
    rfb.keyEvent(true, 0xffe9);
    rfb.keyEvent(true, 0xffff);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(guest.booted).toBe(false);
    await booted(guest);
    expect(guest.screenLines()[0]).toContain('Virtual machine demo/fedora-vm');
    rfb.close();
  });

  it('soft-reboots: down, boot lines again, login prompt again', async () => {
    const guest = startGuest();
    await booted(guest);
    const out = collect(await guest.openSerial());
    await guest.softReboot();
    await out.waitFor(/reboot: Restarting system/);
    await booted(guest);
    await out.waitFor(/Booting Fedora Linux 41[\s\S]*login: $/);
  });

  it('holds input while paused and freezes its CPU time', async () => {
    const guest = startGuest();
    await booted(guest);
    const stream = await guest.openSerial();
    const out = collect(stream);
    await guest.pause();
    expect(guest.paused).toBe(true);
    const cpu = guest.stats().cpuSeconds;
    stream.write('fedora\r');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(out.text()).toBe('');
    expect(guest.stats().cpuSeconds).toBe(cpu);
    await guest.unpause();
    await out.waitFor(/Password: $/);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(guest.stats().cpuSeconds).toBeGreaterThan(cpu);
  });

  it('pauses a boot where it is', async () => {
    const guest = startGuest(60);
    await guest.pause();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(guest.booted).toBe(false);
    await guest.unpause();
    await booted(guest);
  });

  it('grows its statistics like a running VM', async () => {
    const guest = startGuest();
    const first = guest.stats();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = guest.stats();
    expect(second.cpuSeconds).toBeGreaterThan(first.cpuSeconds);
    expect(second.diskReadBytes).toBeGreaterThanOrEqual(first.diskReadBytes);
    expect(second.memoryUsedBytes + second.memoryAvailableBytes).toBe(2048 * 1024 * 1024);
  });

  it('takes a PNG screenshot', async () => {
    const guest = startGuest();
    await booted(guest);
    const png = await guest.screenshot();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(640);
  });

  it('stops: consoles close and onExit says stopped', async () => {
    const guest = startGuest();
    await booted(guest);
    const serial = await guest.openSerial();
    // Like a socket: the end is seen once the stream is read.
    serial.resume();
    const closed = new Promise((resolve) => serial.on('close', resolve));
    const reasons: GuestExitReason[] = [];
    guest.onExit((reason) => reasons.push(reason));
    await guest.stop();
    await closed;
    expect(reasons).toEqual(['stopped']);
    expect(guest.exited).toBe(true);
    await expect(guest.openVnc()).rejects.toThrow(/stopped/);
    const late = await new Promise((resolve) => guest.onExit(resolve));
    expect(late).toBe('stopped');
  });

  it('powers off when told to from its shell', async () => {
    const guest = startGuest();
    await booted(guest);
    const stream = await guest.openSerial();
    const exited = new Promise((resolve) => guest.onExit(resolve));
    stream.write('fedora\rsecret\rsudo poweroff\r');
    expect(await exited).toBe('poweroff');
  });
});

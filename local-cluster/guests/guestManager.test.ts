import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GuestSpec } from './guestManager';
import { GuestManager, findOnPath, maxRealGuestsFrom } from './guestManager';

const spec = (uid: string): GuestSpec => ({
  uid,
  namespace: 'demo',
  name: `vm-${uid}`,
  hostname: `vm-${uid}`,
  osName: 'CentOS Stream 9',
  cpus: 1,
  memoryMiB: 1024,
});

const managers: GuestManager[] = [];
const dirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function builtinManager(): GuestManager {
  const manager = new GuestManager({
    workDir: tempDir('guests-'),
    qemuBinary: null,
    bootDelayMs: 20,
  });
  managers.push(manager);
  return manager;
}

afterEach(async () => {
  await Promise.all(managers.splice(0).map((manager) => manager.closeAll()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** QEMU "present" (a binary that exits at once, an image that is not one): every launch fails. */
function brokenQemuManager(): { manager: GuestManager; logs: string[] } {
  const imageDir = tempDir('image-');
  writeFileSync(join(imageDir, 'vmlinuz'), 'not a kernel');
  writeFileSync(join(imageDir, 'initramfs.cpio.gz'), 'not an initramfs');
  const logs: string[] = [];
  const manager = new GuestManager({
    workDir: tempDir('guests-'),
    qemuBinary: '/bin/false',
    imageDir,
    bootDelayMs: 20,
    log: (message) => logs.push(message),
  });
  managers.push(manager);
  return { manager, logs };
}

describe('GuestManager', () => {
  it('uses built-in guests when QEMU is off', async () => {
    const manager = builtinManager();
    expect(manager.realGuestsAvailable).toBe(false);
    const guest = await manager.start(spec('a'));
    expect(guest.kind).toBe('builtin');
    expect(manager.get('a')).toBe(guest);
  });

  it('starts one guest per VMI uid, also for concurrent starts', async () => {
    const manager = builtinManager();
    const [one, two] = await Promise.all([manager.start(spec('a')), manager.start(spec('a'))]);
    expect(one).toBe(two);
    expect(await manager.start(spec('a'))).toBe(one);
    expect(manager.list()).toHaveLength(1);
  });

  it('forgets a guest once it has stopped, so a restart gets a new one', async () => {
    const manager = builtinManager();
    const first = await manager.start(spec('a'));
    await manager.stop('a');
    expect(first.exited).toBe(true);
    expect(manager.get('a')).toBeUndefined();
    const second = await manager.start(spec('a'));
    expect(second).not.toBe(first);
  });

  it('stops every guest on closeAll and refuses new ones', async () => {
    const manager = builtinManager();
    const guests = await Promise.all([manager.start(spec('a')), manager.start(spec('b'))]);
    await manager.closeAll();
    expect(guests.every((guest) => guest.exited)).toBe(true);
    await expect(manager.start(spec('c'))).rejects.toThrow(/closed/);
  });

  it('falls back to a built-in guest when QEMU fails to start', async () => {
    const { manager, logs } = brokenQemuManager();
    expect(manager.realGuestsAvailable).toBe(true);
    const guest = await manager.start(spec('a'));
    expect(guest.kind).toBe('builtin');
    expect(logs.join('\n')).toMatch(/QEMU guest for demo\/vm-a failed, using a built-in guest/);
  });

  it('never spends a real-guest slot on a builtinOnly guest', async () => {
    const { manager, logs } = brokenQemuManager();
    const guest = await manager.start({ ...spec('b'), builtinOnly: true });
    expect(guest.kind).toBe('builtin');
    // QEMU was never tried: no fallback was logged.
    expect(logs.join('\n')).not.toMatch(/QEMU guest/);
  });

  it('needs both a QEMU binary and the image for real guests', () => {
    const manager = new GuestManager({
      workDir: tempDir('guests-'),
      qemuBinary: '/bin/sh',
      imageDir: join(tmpdir(), 'no-image-here'),
    });
    managers.push(manager);
    expect(manager.realGuestsAvailable).toBe(false);
  });
});

describe('maxRealGuestsFrom', () => {
  it('takes the option, else LOCAL_CLUSTER_MAX_GUESTS, else 4', () => {
    expect(maxRealGuestsFrom(2, { LOCAL_CLUSTER_MAX_GUESTS: '7' })).toBe(2);
    expect(maxRealGuestsFrom(undefined, { LOCAL_CLUSTER_MAX_GUESTS: '7' })).toBe(7);
    expect(maxRealGuestsFrom(undefined, { LOCAL_CLUSTER_MAX_GUESTS: '0' })).toBe(0);
    expect(maxRealGuestsFrom(undefined, { LOCAL_CLUSTER_MAX_GUESTS: 'many' })).toBe(4);
    expect(maxRealGuestsFrom(undefined, {})).toBe(4);
  });
});

describe('findOnPath', () => {
  it('finds executables on PATH only', () => {
    expect(findOnPath('sh', '/nowhere:/bin')).toBe('/bin/sh');
    expect(findOnPath('definitely-not-a-command-here', '/bin')).toBeUndefined();
  });
});

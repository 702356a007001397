import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killStaleGuests } from './staleGuests';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('killStaleGuests', () => {
  it('kills a left-over QEMU named by its pid file and removes its folder', async () => {
    const work = mkdtempSync(join(tmpdir(), 'stale-'));
    const dir = join(work, 'qemu-abc');
    mkdirSync(dir);
    const pidFile = join(dir, 'qemu.pid');
    // A stand-in whose command line looks like QEMU's: it names the binary and the pid file.
    const child = spawn('sh', ['-c', 'sleep 30; true', 'qemu-system-x86_64', '-pidfile', pidFile], {
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(pidFile, `${child.pid}\n`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(killStaleGuests(work)).toEqual([child.pid]);
    await exited;
    expect(alive(child.pid ?? 0)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    rmSync(work, { recursive: true, force: true });
  });

  it('never kills a process that is not that QEMU (a recycled PID)', () => {
    const work = mkdtempSync(join(tmpdir(), 'stale-'));
    const dir = join(work, 'qemu-def');
    mkdirSync(dir);
    writeFileSync(join(dir, 'qemu.pid'), `${process.pid}\n`);
    expect(killStaleGuests(work)).toEqual([]);
    expect(alive(process.pid)).toBe(true);
    expect(existsSync(dir)).toBe(false);
    rmSync(work, { recursive: true, force: true });
  });

  it('copes with a missing work dir', () => {
    expect(killStaleGuests(join(tmpdir(), 'does-not-exist-guests'))).toEqual([]);
  });
});

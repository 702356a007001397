import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCpio, writeCpio } from './cpio';

describe('writeCpio', () => {
  const archive = writeCpio([
    { type: 'dir', path: '/etc' },
    { type: 'file', path: '/etc/hello', data: Buffer.from('hi\n') },
    { type: 'file', path: '/init', data: Buffer.from('#!/bin/sh\n'), mode: 0o755 },
    { type: 'symlink', path: '/bin/sh', target: 'busybox' },
    { type: 'chardev', path: '/dev/console', major: 5, minor: 1 },
  ]);

  it('writes newc members with 4-byte alignment and a trailer', () => {
    expect(archive.subarray(0, 6).toString()).toBe('070701');
    expect(archive.length % 4).toBe(0);
    const members = readCpio(archive);
    expect(members.map((m) => [m.path, m.mode.toString(8)])).toEqual([
      ['etc', '40755'],
      ['etc/hello', '100644'],
      ['init', '100755'],
      ['bin/sh', '120777'],
      ['dev/console', '20600'],
    ]);
    expect(members[1].data.toString()).toBe('hi\n');
    expect(members[3].data.toString()).toBe('busybox');
  });

  it('is the same bytes for the same input', () => {
    expect(writeCpio([{ type: 'dir', path: '/x' }])).toEqual(
      writeCpio([{ type: 'dir', path: '/x' }]),
    );
  });

  it('unpacks with a real cpio when one is installed', () => {
    const cpio = ['/usr/bin/cpio', '/bin/busybox'].find((path) => existsSync(path));
    if (!cpio) return;
    const dir = mkdtempSync(join(tmpdir(), 'cpio-'));
    const args = cpio.endsWith('busybox') ? ['cpio', '-i', '-d'] : ['-i', '-d', '--quiet'];
    const without = writeCpio([
      { type: 'dir', path: '/etc' },
      { type: 'file', path: '/etc/hello', data: Buffer.from('hi\n') },
      { type: 'symlink', path: '/etc/link', target: 'hello' },
    ]);
    const result = spawnSync(cpio, args, { cwd: dir, input: without });
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'etc/hello'), 'utf8')).toBe('hi\n');
    expect(readlinkSync(join(dir, 'etc/link'))).toBe('hello');
    rmSync(dir, { recursive: true, force: true });
  });
});

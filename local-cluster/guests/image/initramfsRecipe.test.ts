import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CMDLINE_PARAMS, INIT_SCRIPT, INITTAB, PROFILE, initramfsEntries } from './initramfsRecipe';

const SHELL = ['/bin/busybox', '/bin/sh'].find((path) => existsSync(path));

describe('initramfs recipe', () => {
  it('lays out busybox, /init, inittab, the modules and /dev/console', () => {
    const entries = initramfsEntries(
      Buffer.from('ELF'),
      new Map([['button.ko', Buffer.from('ko')]]),
    );
    const byPath = new Map(entries.map((entry) => [entry.path, entry]));
    expect(byPath.get('/init')).toMatchObject({ type: 'file', mode: 0o755 });
    expect(byPath.get('/bin/busybox')).toMatchObject({ type: 'file', mode: 0o755 });
    expect(byPath.get('/dev/console')).toEqual({
      type: 'chardev',
      path: '/dev/console',
      major: 5,
      minor: 1,
    });
    expect(byPath.get('/lib/modules/button.ko')).toMatchObject({ type: 'file' });
    expect(byPath.get('/etc/acpi/PWRF/00000080')).toMatchObject({ mode: 0o755 });
  });

  it('runs gettys on ttyS0 and tty1 and reboots on Ctrl+Alt+Del', () => {
    expect(INITTAB).toContain('ttyS0::respawn:/sbin/getty -L 115200 ttyS0');
    expect(INITTAB).toContain('tty1::respawn:/sbin/getty 38400 tty1');
    expect(INITTAB).toContain('::ctrlaltdel:/sbin/reboot');
    expect(PROFILE).toContain("PS1='[\\u@\\h \\W]\\$ '");
  });

  it('reads every command line parameter it is given', () => {
    for (const param of Object.values(CMDLINE_PARAMS)) expect(INIT_SCRIPT).toContain(`${param}=*)`);
  });

  it.skipIf(!SHELL)('is a valid shell script', () => {
    const args = SHELL?.endsWith('busybox') ? ['sh', '-n'] : ['-n'];
    const result = spawnSync(SHELL ?? '', args, { input: INIT_SCRIPT });
    expect(result.stderr.toString()).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!SHELL)(
    'decodes hex parameters to any text, including quotes and percent signs',
    () => {
      const unhex = INIT_SCRIPT.split('\n').find((line) => line.startsWith('unhex()'));
      const text = `it's "100%" \\ ok`;
      const script = `${unhex}\nunhex ${Buffer.from(text).toString('hex')}`;
      const args = SHELL?.endsWith('busybox') ? ['sh', '-c', script] : ['-c', script];
      expect(spawnSync(SHELL ?? '', args).stdout.toString()).toBe(text);
    },
  );
});

import { describe, expect, it } from 'vitest';
import type { GuestSpec } from '../guestTypes';
import { kernelCmdline, safeHostname, safeUserName } from './kernelCmdline';
import { guestMemoryMiB, qemuArgs } from './qemuArgs';

const SPEC: GuestSpec = {
  uid: 'u',
  namespace: 'demo',
  name: 'rhel-9',
  hostname: 'rhel-9',
  osName: 'Red Hat Enterprise Linux 9.4',
  cpus: 4,
  memoryMiB: 8192,
  user: 'cloud-user',
  password: 'p@ss word',
};

const FILES = {
  dir: '/w/qemu-1',
  qmpSocket: '/w/qemu-1/qmp.sock',
  serialSocket: '/w/qemu-1/serial.sock',
  serialLog: '/w/a,b/serial.log',
  pidFile: '/w/qemu-1/qemu.pid',
};

function unhex(cmdline: string, param: string): string | undefined {
  const match = new RegExp(`(?:^| )${param}=([0-9a-f]*)`).exec(cmdline);
  return match ? Buffer.from(match[1], 'hex').toString('utf8') : undefined;
}

describe('kernelCmdline', () => {
  it('puts the consoles first (ttyS0 last, so it is /dev/console) and boots quietly', () => {
    expect(kernelCmdline(SPEC)).toMatch(/^console=tty0 console=ttyS0,115200 quiet /);
  });

  it('passes what /init needs, hex encoded', () => {
    const cmdline = kernelCmdline(SPEC);
    expect(cmdline).toContain(' hostname=rhel-9');
    expect(unhex(cmdline, 'guest_vm')).toBe('demo/rhel-9');
    expect(unhex(cmdline, 'guest_user')).toBe('cloud-user');
    expect(unhex(cmdline, 'guest_pass')).toBe('p@ss word');
    expect(unhex(cmdline, 'guest_hint')).toBe(
      'Log in as "cloud-user" with password "p@ss word" (from cloud-init).',
    );
    const osRelease = unhex(cmdline, 'guest_osrel');
    expect(osRelease).toContain('ID=rhel\n');
    expect(osRelease).toContain('PRETTY_NAME="Red Hat Enterprise Linux 9.4"\n');
    expect(cmdline.length).toBeLessThan(2048);
    expect(cmdline).not.toMatch(/["'\\]/);
  });

  it('falls back to root when the cloud-init user is not a valid login name', () => {
    const cmdline = kernelCmdline({ ...SPEC, user: 'Bad User' });
    expect(cmdline).not.toContain('guest_user=');
    expect(cmdline).not.toContain('guest_pass=');
    expect(unhex(cmdline, 'guest_hint')).toBe('Log in as "root" (no password).');
  });

  it('cleans hostnames and user names', () => {
    expect(safeHostname('My_VM.example')).toBe('my-vm.example');
    expect(safeHostname('---')).toBe('localhost');
    expect(safeUserName('fedora')).toBe('fedora');
    expect(safeUserName('root; rm')).toBeUndefined();
  });
});

describe('qemuArgs', () => {
  const args = qemuArgs(
    SPEC,
    { kernel: '/img/vmlinuz', initramfs: '/img/initramfs.cpio.gz' },
    FILES,
  );
  const value = (flag: string): string | undefined => args[args.indexOf(flag) + 1];

  it('boots our kernel and initramfs under TCG with no default devices', () => {
    expect(args).toContain('-nodefaults');
    expect(value('-machine')).toBe('pc,accel=tcg');
    expect(value('-kernel')).toBe('/img/vmlinuz');
    expect(value('-initrd')).toBe('/img/initramfs.cpio.gz');
    expect(value('-append')).toBe(kernelCmdline(SPEC));
    expect(value('-smp')).toBe('1');
    expect(value('-name')).toBe('guest=demo_rhel-9');
  });

  it('serves VNC on loopback only, serial and QMP on unix sockets, with a pid file', () => {
    expect(value('-vnc')).toMatch(/^127\.0\.0\.1:\d+,to=\d+$/);
    expect(value('-chardev')).toBe(
      'socket,id=serial0,path=/w/qemu-1/serial.sock,server=on,wait=off,logfile=/w/a,,b/serial.log',
    );
    expect(value('-serial')).toBe('chardev:serial0');
    expect(value('-qmp')).toBe('unix:/w/qemu-1/qmp.sock,server=on,wait=off');
    expect(value('-pidfile')).toBe('/w/qemu-1/qemu.pid');
  });

  it('gives the guest the VM memory within 128..512 MiB', () => {
    expect(value('-m')).toBe('512');
    expect(guestMemoryMiB({ ...SPEC, memoryMiB: 64 })).toBe(128);
    expect(guestMemoryMiB({ ...SPEC, memoryMiB: 256 })).toBe(256);
  });
});

import type { GuestSpec } from '../guestTypes';
import { kernelCmdline } from './kernelCmdline';

/** Where one QEMU guest keeps its sockets and files. */
export interface QemuGuestFiles {
  dir: string;
  qmpSocket: string;
  serialSocket: string;
  /** Everything the guest wrote to ttyS0, also while no console is attached. */
  serialLog: string;
  pidFile: string;
}

export interface QemuImage {
  kernel: string;
  initramfs: string;
}

/** Guest RAM: the VM's memory, within what a TCG guest on a small shared host should take. */
export function guestMemoryMiB(spec: GuestSpec): number {
  return Math.min(512, Math.max(128, Math.round(spec.memoryMiB)));
}

/** The first VNC display QEMU tries; it takes the next free one up to `VNC_LAST_DISPLAY`. */
export const VNC_FIRST_DISPLAY = 0;
export const VNC_LAST_DISPLAY = 99;

/** QEMU option values are comma separated; a literal comma is written twice. */
function optionValue(text: string): string {
  return text.replace(/,/g, ',,');
}

/**
 * The QEMU command line of a real guest: TCG (no /dev/kvm here), no default devices, the Debian
 * kernel and our initramfs, a standard VGA card on a loopback VNC server (QEMU picks a free
 * port; QMP `query-vnc` tells which), ttyS0 on a unix socket that also logs to a file, and QMP
 * on a unix socket. One vCPU keeps a 2-core host responsive with several guests.
 */
export function qemuArgs(spec: GuestSpec, image: QemuImage, files: QemuGuestFiles): string[] {
  const label = `${spec.namespace}_${spec.name}`.replace(/[^A-Za-z0-9_.-]/g, '_');
  return [
    '-nodefaults',
    '-no-user-config',
    '-name',
    `guest=${label}`,
    '-machine',
    'pc,accel=tcg',
    '-m',
    String(guestMemoryMiB(spec)),
    '-smp',
    '1',
    '-kernel',
    image.kernel,
    '-initrd',
    image.initramfs,
    '-append',
    kernelCmdline(spec),
    '-vga',
    'std',
    '-vnc',
    `127.0.0.1:${VNC_FIRST_DISPLAY},to=${VNC_LAST_DISPLAY}`,
    '-chardev',
    `socket,id=serial0,path=${optionValue(files.serialSocket)},server=on,wait=off,logfile=${optionValue(files.serialLog)}`,
    '-serial',
    'chardev:serial0',
    '-qmp',
    `unix:${optionValue(files.qmpSocket)},server=on,wait=off`,
    '-pidfile',
    files.pidFile,
    '-rtc',
    'base=utc',
  ];
}

import type { GuestSpec } from '../guestTypes';
import { CMDLINE_PARAMS } from '../image/initramfsRecipe';
import { loginHint } from '../loginHint';
import { osIdentity, osReleaseFile } from '../osIdentity';

/** Hex of at most `max` characters: x86 COMMAND_LINE_SIZE is 2048 and hex doubles the size. */
function hex(text: string, max = 120): string {
  return Buffer.from(text.slice(0, max), 'utf8').toString('hex');
}

/** A hostname the kernel and busybox accept: letters, digits, dots and dashes, at most 63. */
export function safeHostname(hostname: string): string {
  const cleaned = hostname
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return cleaned.slice(0, 63) || 'localhost';
}

/** A login name busybox accepts (POSIX portable user name); else the guest uses root. */
export function safeUserName(user: string | undefined): string | undefined {
  return user && /^[a-z_][a-z0-9_-]{0,31}$/.test(user) ? user : undefined;
}

/**
 * The kernel command line of a real guest: consoles on the VGA text screen and the serial line
 * (the last one, ttyS0, is /dev/console, where /init writes), quiet kernel messages for a quick
 * boot, and what /init needs to set the machine up (see INIT_SCRIPT).
 */
export function kernelCmdline(spec: GuestSpec): string {
  const user = safeUserName(spec.user);
  const password = user ? spec.password : undefined;
  const params = [
    'console=tty0',
    'console=ttyS0,115200',
    'quiet',
    `${CMDLINE_PARAMS.hostname}=${safeHostname(spec.hostname)}`,
    `${CMDLINE_PARAMS.vm}=${hex(`${spec.namespace}/${spec.name}`)}`,
    `${CMDLINE_PARAMS.osRelease}=${hex(osReleaseFile(osIdentity(spec.osName)), 400)}`,
    `${CMDLINE_PARAMS.hint}=${hex(loginHint(user, password))}`,
  ];
  if (user) params.push(`${CMDLINE_PARAMS.user}=${hex(user)}`);
  if (user && password) params.push(`${CMDLINE_PARAMS.password}=${hex(password)}`);
  return params.join(' ');
}

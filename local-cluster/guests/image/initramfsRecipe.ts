import type { CpioEntry } from './cpio';

/**
 * The kernel command line parameters /init reads. Values other than the hostname are hex
 * encoded so any text (spaces, quotes, non-ASCII) survives the command line.
 */
export const CMDLINE_PARAMS = {
  hostname: 'hostname',
  vm: 'guest_vm',
  osRelease: 'guest_osrel',
  user: 'guest_user',
  password: 'guest_pass',
  hint: 'guest_hint',
} as const;

/** Kernel modules (from the same kernel package) /init loads: ACPI power button events. */
export const GUEST_MODULES = ['kernel/drivers/acpi/button.ko', 'kernel/drivers/input/evdev.ko'];

/**
 * PID 1 of a real guest. It sets the machine up from the kernel command line (hostname, user,
 * password, os-release), prints boot lines on the serial console and on the VGA console (tty1),
 * then hands over to busybox init, which runs the gettys, acpid and the Ctrl+Alt+Del action.
 */
export const INIT_SCRIPT = `#!/bin/busybox sh
/bin/busybox mkdir -p /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
export PATH=/sbin:/bin:/usr/sbin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /run /var/log /var/run /home
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run

unhex() { printf "$(echo "$1" | sed 's/../\\\\x&/g')"; }
say() { printf '%s\\r\\n' "$*"; printf '%s\\r\\n' "$*" > /dev/tty1; }
ok() { say "[  $(printf '\\033[32mOK\\033[0m')  ] $*"; }

HOST=localhost VM= GUSER= GPASS= HINT=
for arg in $(cat /proc/cmdline); do
  case "$arg" in
    ${CMDLINE_PARAMS.hostname}=*) HOST="\${arg#*=}" ;;
    ${CMDLINE_PARAMS.vm}=*) VM="$(unhex "\${arg#*=}")" ;;
    ${CMDLINE_PARAMS.osRelease}=*) unhex "\${arg#*=}" > /etc/os-release ;;
    ${CMDLINE_PARAMS.user}=*) GUSER="$(unhex "\${arg#*=}")" ;;
    ${CMDLINE_PARAMS.password}=*) GPASS="$(unhex "\${arg#*=}")" ;;
    ${CMDLINE_PARAMS.hint}=*) HINT="$(unhex "\${arg#*=}")" ;;
  esac
done
PRETTY_NAME=Linux
[ -f /etc/os-release ] && . /etc/os-release

say "Virtual machine $VM (QEMU guest)"
say "Booting $PRETTY_NAME"
ok "Mounted /proc, /sys, /dev and /run."
insmod /lib/modules/button.ko && insmod /lib/modules/evdev.ko && ok "Loaded ACPI power button support."

hostname "$HOST"
echo "$HOST" > /etc/hostname
ok "Set hostname to <$HOST>."

[ -n "$GUSER" ] || GUSER=root
HASH=
[ -n "$GPASS" ] && HASH="$(mkpasswd -m sha512 "$GPASS")"
echo "root:x:0:" > /etc/group
if [ "$GUSER" = root ]; then
  echo "root:x:0:0:root:/root:/bin/sh" > /etc/passwd
  echo "root:$HASH:19000:0:99999:7:::" > /etc/shadow
else
  echo "root:x:0:0:root:/root:/bin/sh" > /etc/passwd
  echo "$GUSER:x:1000:1000:$GUSER:/home/$GUSER:/bin/sh" >> /etc/passwd
  echo "$GUSER:x:1000:" >> /etc/group
  echo "root:*:19000:0:99999:7:::" > /etc/shadow
  echo "$GUSER:$HASH:19000:0:99999:7:::" >> /etc/shadow
  mkdir -p "/home/$GUSER" && chown 1000:1000 "/home/$GUSER"
fi
chmod 600 /etc/shadow
ok "Created user $GUSER."

printf '\\n%s\\nKernel \\\\r on an \\\\m (\\\\l)\\n\\n' "$PRETTY_NAME" > /etc/issue
[ -n "$HINT" ] && printf '%s\\n\\n' "$HINT" >> /etc/issue
ok "Started getty on tty1 and ttyS0."
exec /sbin/init
`;

/**
 * busybox init's table: gettys on the serial line and the VGA console, acpid, Ctrl+Alt+Del.
 * acpid gets /dev/null as its terminal: init resets the termios of whatever terminal it gives a
 * child ("sane" cooked mode), and with an empty terminal field that would be the console,
 * ttyS0, under the running getty/login (seen as doubled echo and lost password input).
 */
export const INITTAB = `ttyS0::respawn:/sbin/getty -L 115200 ttyS0 vt220
tty1::respawn:/sbin/getty 38400 tty1 linux
null::respawn:/sbin/acpid -f -l /dev/null
::ctrlaltdel:/sbin/reboot
`;

/** Login shells get a bash-like prompt. */
export const PROFILE = `export PATH=/sbin:/bin:/usr/sbin:/usr/bin
export PS1='[\\u@\\h \\W]\\$ '
cd
`;

/** acpid runs /etc/acpi/<ACTION>/<EVENT> for the power button: a clean power-off. */
export const POWER_BUTTON_SCRIPT = `#!/bin/sh
/sbin/poweroff
`;

/** The members of the initramfs, from the busybox binary and the modules' bytes. */
export function initramfsEntries(busybox: Buffer, modules: Map<string, Buffer>): CpioEntry[] {
  const dirs = [
    '/bin',
    '/dev',
    '/etc',
    '/etc/acpi',
    '/etc/acpi/PWRF',
    '/home',
    '/lib',
    '/lib/modules',
    '/proc',
    '/root',
    '/run',
    '/sys',
    '/tmp',
    '/var',
  ];
  const entries: CpioEntry[] = dirs.map((path) => ({ type: 'dir', path }));
  entries.push(
    // The kernel opens /dev/console for /init before devtmpfs is mounted.
    { type: 'chardev', path: '/dev/console', major: 5, minor: 1 },
    { type: 'file', path: '/bin/busybox', data: busybox, mode: 0o755 },
    { type: 'symlink', path: '/bin/sh', target: 'busybox' },
    { type: 'file', path: '/init', data: Buffer.from(INIT_SCRIPT), mode: 0o755 },
    { type: 'file', path: '/etc/inittab', data: Buffer.from(INITTAB) },
    { type: 'file', path: '/etc/profile', data: Buffer.from(PROFILE) },
    {
      type: 'file',
      path: '/etc/acpi/PWRF/00000080',
      data: Buffer.from(POWER_BUTTON_SCRIPT),
      mode: 0o755,
    },
  );
  for (const [name, data] of modules) {
    entries.push({ type: 'file', path: `/lib/modules/${name}`, data });
  }
  return entries;
}

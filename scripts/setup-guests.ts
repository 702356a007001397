import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BUSYBOX_PACKAGE,
  KERNEL_METAPACKAGE,
  buildGuestImage,
} from '../local-cluster/guests/image/buildGuestImage';
import { candidateVersion, installedVersion } from '../local-cluster/guests/image/debianPackages';
import { DEFAULT_IMAGE_DIR } from '../local-cluster/guests/image/guestImage';

/**
 * `npm run setup:guests -- [--dir .guest-image] [--force] [--optional]`
 * Installs QEMU, static busybox and Prometheus (which scrapes the local cluster's metrics) from
 * Debian when missing (as root only), then builds the real
 * guests' boot image (kernel + initramfs + console font) into `.guest-image/`, only when its
 * inputs changed. With --optional a failure is reported but does not fail the command: the
 * local cluster then uses built-in guests.
 */
const PACKAGES = ['qemu-system-x86', BUSYBOX_PACKAGE, 'prometheus'];
const QEMU_BINARY = '/usr/bin/qemu-system-x86_64';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: DEFAULT_IMAGE_DIR },
    force: { type: 'boolean', default: false },
    optional: { type: 'boolean', default: false },
  },
});

const log = (message: string): void => console.log(`setup:guests: ${message}`);
const isRoot = process.getuid?.() === 0;

function apt(args: string[]): void {
  // Waits for the dpkg lock instead of failing when another install is running.
  const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
}

function ensurePackages(): void {
  const missing = PACKAGES.filter((pkg) => !installedVersion(pkg));
  if (missing.length === 0) return;
  if (!isRoot) {
    throw new Error(`missing ${missing.join(', ')}; run as root or install them with apt-get`);
  }
  log(`installing ${missing.join(' ')}`);
  if (!candidateVersion(missing[0])) apt(['update', '-q']);
  apt(['install', '-y', '-q', '--no-install-recommends', ...missing]);
}

function ensureAptLists(): void {
  if (candidateVersion(KERNEL_METAPACKAGE)) return;
  if (!isRoot) throw new Error(`apt knows no ${KERNEL_METAPACKAGE}; run apt-get update as root`);
  apt(['update', '-q']);
}

try {
  ensurePackages();
  if (!existsSync(QEMU_BINARY)) log(`warning: ${QEMU_BINARY} not found; guests will be built-in`);
  ensureAptLists();
  const result = buildGuestImage({ dir: resolve(values.dir), force: values.force, log });
  log(
    `${result.built ? 'built' : 'kept'} ${result.dir} (${result.stamp.kernel}, ${result.stamp.busybox})`,
  );
} catch (error) {
  log(`failed: ${(error as Error).message}`);
  if (!values.optional) process.exit(1);
  log('continuing (--optional): the local cluster will use built-in guests');
}

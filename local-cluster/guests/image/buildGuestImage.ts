import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeCpio } from './cpio';
import {
  candidateVersion,
  downloadAndExtract,
  installedVersion,
  metapackageTarget,
  removeDir,
} from './debianPackages';
import type { GuestImageStamp } from './guestImage';
import { guestImagePaths, guestImagePresent, readGuestImageStamp, sameStamp } from './guestImage';
import {
  GUEST_MODULES,
  INITTAB,
  INIT_SCRIPT,
  POWER_BUTTON_SCRIPT,
  PROFILE,
  initramfsEntries,
} from './initramfsRecipe';

export const KERNEL_METAPACKAGE = 'linux-image-cloud-amd64';
export const BUSYBOX_PACKAGE = 'busybox-static';
export const BUSYBOX_BINARY = '/bin/busybox';
export const FONT_PACKAGE = 'console-setup-linux';
/** The VGA ROM font with a Unicode table, as the Linux console would load it. */
export const FONT_FILE = 'usr/share/consolefonts/Uni2-VGA16.psf.gz';
/** Bump when the image layout changes in a way the recipe text does not show. */
const LAYOUT_VERSION = '1';

export interface BuildGuestImageOptions {
  dir?: string;
  /** Rebuild even when the stamp says the image is current. */
  force?: boolean;
  log?: (message: string) => void;
}

export interface BuildGuestImageResult {
  built: boolean;
  stamp: GuestImageStamp;
  dir: string;
}

/** Hash of everything the initramfs is made of besides the packages. */
export function recipeHash(): string {
  return createHash('sha256')
    .update(
      [LAYOUT_VERSION, INIT_SCRIPT, INITTAB, PROFILE, POWER_BUTTON_SCRIPT, ...GUEST_MODULES].join(
        '\0',
      ),
    )
    .digest('hex')
    .slice(0, 16);
}

/** What an image built now would be made of (asks apt and dpkg, downloads nothing). */
export function currentInputs(): GuestImageStamp {
  const busyboxVersion = installedVersion(BUSYBOX_PACKAGE);
  if (!busyboxVersion || !existsSync(BUSYBOX_BINARY)) {
    throw new Error(`${BUSYBOX_PACKAGE} is not installed (apt-get install ${BUSYBOX_PACKAGE})`);
  }
  const kernelPackage = metapackageTarget(KERNEL_METAPACKAGE, 'linux-image-');
  const kernelVersion = kernelPackage ? candidateVersion(kernelPackage) : undefined;
  if (!kernelPackage || !kernelVersion) {
    throw new Error(`apt knows no ${KERNEL_METAPACKAGE} (run apt-get update)`);
  }
  const fontVersion = candidateVersion(FONT_PACKAGE);
  return {
    kernel: `${kernelPackage} ${kernelVersion}`,
    busybox: `${BUSYBOX_PACKAGE} ${busyboxVersion}`,
    font: fontVersion ? `${FONT_PACKAGE} ${fontVersion}` : '',
    recipe: recipeHash(),
  };
}

/**
 * Builds `<dir>/vmlinuz`, `initramfs.cpio.gz`, `font.psf.gz` and `version.json`: the Debian
 * cloud kernel taken out of its package (`apt-get download` + `dpkg-deb -x`, nothing installed),
 * an initramfs of the installed static busybox, two modules of that kernel and our init, and
 * the VGA console font. Skips the work when `version.json` already names the same inputs.
 */
export function buildGuestImage(options: BuildGuestImageOptions = {}): BuildGuestImageResult {
  const paths = guestImagePaths(options.dir);
  const log = options.log ?? (() => undefined);
  const stamp = currentInputs();
  if (
    !options.force &&
    guestImagePresent(paths.dir) &&
    sameStamp(readGuestImageStamp(paths.dir), stamp)
  ) {
    log(`guest image is current (${stamp.kernel}, ${stamp.busybox})`);
    return { built: false, stamp, dir: paths.dir };
  }
  mkdirSync(paths.dir, { recursive: true });
  const [kernelPackage, kernelVersion] = stamp.kernel.split(' ');
  log(`downloading ${kernelPackage} ${kernelVersion}`);
  const kernelWork = downloadAndExtract(kernelPackage, kernelVersion);
  try {
    const root = join(kernelWork, 'root');
    const vmlinuz = readdirSync(join(root, 'boot')).find((name) => name.startsWith('vmlinuz-'));
    if (!vmlinuz) throw new Error(`${kernelPackage} has no /boot/vmlinuz-*`);
    const release = vmlinuz.slice('vmlinuz-'.length);
    const modules = new Map<string, Buffer>();
    for (const module of GUEST_MODULES) {
      const file = join(root, 'lib', 'modules', release, module);
      modules.set(module.split('/').pop() ?? module, readFileSync(file));
    }
    const cpio = writeCpio(initramfsEntries(readFileSync(BUSYBOX_BINARY), modules));
    writeAtomically(paths.initramfs, gzipSync(cpio, { level: 9 }));
    copyFileSync(join(root, 'boot', vmlinuz), `${paths.kernel}.tmp`);
    renameSync(`${paths.kernel}.tmp`, paths.kernel);
    log(`kernel ${release}, initramfs ${Math.round(cpio.length / 1024)} KiB uncompressed`);
  } finally {
    removeDir(kernelWork);
  }
  if (stamp.font) {
    try {
      const [fontPackage, fontVersion] = stamp.font.split(' ');
      const fontWork = downloadAndExtract(fontPackage, fontVersion);
      try {
        writeAtomically(paths.font, readFileSync(join(fontWork, 'root', FONT_FILE)));
      } finally {
        removeDir(fontWork);
      }
    } catch (error) {
      // The font only improves the built-in guest's screen; its built-in font still works.
      log(`no console font: ${(error as Error).message}`);
      stamp.font = '';
    }
  }
  writeAtomically(paths.stamp, Buffer.from(`${JSON.stringify(stamp, null, 2)}\n`));
  return { built: true, stamp, dir: paths.dir };
}

function writeAtomically(file: string, data: Buffer): void {
  writeFileSync(`${file}.tmp`, data);
  renameSync(`${file}.tmp`, file);
}

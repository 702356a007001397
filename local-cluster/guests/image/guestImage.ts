import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `<repo>/.guest-image`, where `npm run setup:guests` builds the real guests' boot files. */
export const DEFAULT_IMAGE_DIR = resolve(__dirname, '..', '..', '..', '.guest-image');

export interface GuestImagePaths {
  dir: string;
  /** The Debian cloud kernel. */
  kernel: string;
  /** Our busybox initramfs (gzipped newc cpio). */
  initramfs: string;
  /** A VGA console font for the built-in guest's screen (optional). */
  font: string;
  /** What the image was built from; a rebuild happens only when this would change. */
  stamp: string;
}

export function guestImagePaths(dir: string = DEFAULT_IMAGE_DIR): GuestImagePaths {
  return {
    dir,
    kernel: join(dir, 'vmlinuz'),
    initramfs: join(dir, 'initramfs.cpio.gz'),
    font: join(dir, 'font.psf.gz'),
    stamp: join(dir, 'version.json'),
  };
}

/** The inputs of an image build. */
export interface GuestImageStamp {
  /** e.g. "linux-image-6.1.0-56-cloud-amd64 6.1.192-2". */
  kernel: string;
  /** e.g. "busybox-static 1:1.35.0-4+deb12u1+b1". */
  busybox: string;
  /** e.g. "console-setup-linux 1.221" (the font's package), or "" when no font was taken. */
  font: string;
  /** Hash of the initramfs recipe (init script, inittab, ...), so editing it rebuilds. */
  recipe: string;
}

/** True when a kernel and an initramfs are there (a real guest can boot). */
export function guestImagePresent(dir: string = DEFAULT_IMAGE_DIR): boolean {
  const paths = guestImagePaths(dir);
  return existsSync(paths.kernel) && existsSync(paths.initramfs);
}

export function readGuestImageStamp(dir: string = DEFAULT_IMAGE_DIR): GuestImageStamp | undefined {
  try {
    return JSON.parse(readFileSync(guestImagePaths(dir).stamp, 'utf8')) as GuestImageStamp;
  } catch {
    return undefined;
  }
}

export function sameStamp(a: GuestImageStamp | undefined, b: GuestImageStamp): boolean {
  return (
    !!a &&
    a.kernel === b.kernel &&
    a.busybox === b.busybox &&
    a.font === b.font &&
    a.recipe === b.recipe
  );
}

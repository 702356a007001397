/** One member of a cpio archive. */
export type CpioEntry =
  | { type: 'dir'; path: string; mode?: number }
  | { type: 'file'; path: string; data: Buffer; mode?: number }
  | { type: 'symlink'; path: string; target: string }
  | { type: 'chardev'; path: string; major: number; minor: number; mode?: number };

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;

function pad4(length: number): number {
  return (4 - (length % 4)) % 4;
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/**
 * Writes a "newc" (SVR4, no CRC) cpio archive, the format the Linux kernel unpacks as an
 * initramfs. Every member is owned by root with a fixed mtime, so the same inputs always make
 * the same bytes (and the same image stamp).
 */
export function writeCpio(entries: readonly CpioEntry[], mtime = 0): Buffer {
  const parts: Buffer[] = [];
  let ino = 1;
  const add = (
    name: string,
    mode: number,
    data: Buffer,
    nlink: number,
    rdev: [number, number] = [0, 0],
  ): void => {
    const nameBytes = Buffer.from(`${name}\0`, 'utf8');
    const header =
      '070701' +
      [
        ino++,
        mode,
        0, // uid
        0, // gid
        nlink,
        mtime,
        data.length,
        0, // devmajor
        0, // devminor
        rdev[0],
        rdev[1],
        nameBytes.length,
        0, // check
      ]
        .map(hex8)
        .join('');
    const head = Buffer.concat([Buffer.from(header, 'latin1'), nameBytes]);
    parts.push(head, Buffer.alloc(pad4(head.length)), data, Buffer.alloc(pad4(data.length)));
  };
  for (const entry of entries) {
    const name = entry.path.replace(/^\/+/, '');
    switch (entry.type) {
      case 'dir':
        add(name, S_IFDIR | (entry.mode ?? 0o755), Buffer.alloc(0), 2);
        break;
      case 'file':
        add(name, S_IFREG | (entry.mode ?? 0o644), entry.data, 1);
        break;
      case 'symlink':
        add(name, S_IFLNK | 0o777, Buffer.from(entry.target, 'utf8'), 1);
        break;
      case 'chardev':
        add(name, S_IFCHR | (entry.mode ?? 0o600), Buffer.alloc(0), 1, [entry.major, entry.minor]);
        break;
    }
  }
  add('TRAILER!!!', 0, Buffer.alloc(0), 1);
  return Buffer.concat(parts);
}

/** Reads a newc archive back (for tests and checks): path, mode and data of each member. */
export function readCpio(archive: Buffer): { path: string; mode: number; data: Buffer }[] {
  const out: { path: string; mode: number; data: Buffer }[] = [];
  let offset = 0;
  for (;;) {
    const header = archive.subarray(offset, offset + 110).toString('latin1');
    if (!header.startsWith('070701')) throw new Error(`bad cpio header at ${offset}`);
    const field = (i: number): number => parseInt(header.slice(6 + i * 8, 14 + i * 8), 16);
    const mode = field(1);
    const size = field(6);
    const nameSize = field(11);
    const nameStart = offset + 110;
    const path = archive.subarray(nameStart, nameStart + nameSize - 1).toString('utf8');
    const dataStart = nameStart + nameSize + pad4(110 + nameSize);
    if (path === 'TRAILER!!!') return out;
    out.push({ path, mode, data: archive.subarray(dataStart, dataStart + size) });
    offset = dataStart + size + pad4(size);
  }
}

import { gunzipSync } from 'node:zlib';
import type { BitmapFont } from './bitmapFont';

const PSF1_MAGIC = 0x0436;
const PSF1_MODE512 = 0x01;
const PSF1_MODEHASTAB = 0x02;
const PSF1_SEPARATOR = 0xffff;
const PSF1_STARTSEQ = 0xfffe;
const PSF2_MAGIC = 0x864ab572;
const PSF2_HAS_UNICODE_TABLE = 0x01;
const PSF2_SEPARATOR = 0xff;
const PSF2_STARTSEQ = 0xfe;

/**
 * Parses a Linux console font (PSF version 1 or 2, optionally gzipped, as Debian ships them in
 * /usr/share/consolefonts). Glyphs are found through the font's Unicode table when it has one,
 * else by code point = glyph index.
 */
export function parsePsf(data: Buffer): BitmapFont {
  const buf = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
  if (buf.length >= 4 && buf.readUInt16LE(0) === PSF1_MAGIC) return parsePsf1(buf);
  if (buf.length >= 32 && buf.readUInt32LE(0) === PSF2_MAGIC) return parsePsf2(buf);
  throw new Error('not a PSF font');
}

function parsePsf1(buf: Buffer): BitmapFont {
  const mode = buf.readUInt8(2);
  const height = buf.readUInt8(3);
  const count = mode & PSF1_MODE512 ? 512 : 256;
  const glyphsAt = 4;
  const map = new Map<number, number>();
  if (mode & PSF1_MODEHASTAB) {
    let offset = glyphsAt + count * height;
    let index = 0;
    let inSequence = false;
    while (offset + 1 < buf.length && index < count) {
      const value = buf.readUInt16LE(offset);
      offset += 2;
      if (value === PSF1_SEPARATOR) {
        index++;
        inSequence = false;
      } else if (value === PSF1_STARTSEQ) {
        inSequence = true;
      } else if (!inSequence && !map.has(value)) {
        map.set(value, index);
      }
    }
  }
  return makeFont(buf, glyphsAt, count, 8, height, 1, height, map);
}

function parsePsf2(buf: Buffer): BitmapFont {
  const headerSize = buf.readUInt32LE(8);
  const flags = buf.readUInt32LE(12);
  const count = buf.readUInt32LE(16);
  const charSize = buf.readUInt32LE(20);
  const height = buf.readUInt32LE(24);
  const width = buf.readUInt32LE(28);
  const bytesPerRow = Math.ceil(width / 8);
  const map = new Map<number, number>();
  if (flags & PSF2_HAS_UNICODE_TABLE) {
    let offset = headerSize + count * charSize;
    let index = 0;
    let inSequence = false;
    while (offset < buf.length && index < count) {
      const byte = buf[offset];
      if (byte === PSF2_SEPARATOR) {
        index++;
        inSequence = false;
        offset++;
        continue;
      }
      if (byte === PSF2_STARTSEQ) {
        inSequence = true;
        offset++;
        continue;
      }
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      const codePoint = buf
        .subarray(offset, offset + length)
        .toString('utf8')
        .codePointAt(0);
      offset += length;
      if (!inSequence && codePoint !== undefined && !map.has(codePoint)) map.set(codePoint, index);
    }
  }
  return makeFont(buf, headerSize, count, width, height, bytesPerRow, charSize, map);
}

function makeFont(
  buf: Buffer,
  glyphsAt: number,
  count: number,
  width: number,
  height: number,
  bytesPerRow: number,
  charSize: number,
  unicode: Map<number, number>,
): BitmapFont {
  const indexOf = (codePoint: number): number => {
    if (unicode.size > 0)
      return unicode.get(codePoint) ?? unicode.get(0xfffd) ?? unicode.get(0x3f) ?? 0;
    return codePoint < count ? codePoint : 0x3f;
  };
  const cache = new Map<number, Uint8Array>();
  return {
    width,
    height,
    bytesPerRow,
    glyph(codePoint) {
      let glyph = cache.get(codePoint);
      if (!glyph) {
        const at = glyphsAt + indexOf(codePoint) * charSize;
        glyph = new Uint8Array(buf.subarray(at, at + height * bytesPerRow));
        cache.set(codePoint, glyph);
      }
      return glyph;
    },
  };
}

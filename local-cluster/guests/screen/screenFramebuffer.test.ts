import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { glyphPixel } from './bitmapFont';
import { fallbackFont } from './fallbackFont';
import { encodePng, ppmToPng } from './png';
import { parsePsf } from './psfFont';
import { ScreenFramebuffer } from './screenFramebuffer';
import { TextScreen } from './textScreen';

/** Decodes the PNGs encodePng writes (RGB, filter 0) back to packed RGB. */
function decodePng(png: Buffer): { width: number; height: number; rgb: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('latin1');
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 2]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 3 + 1)]).toBe(0);
    raw.copy(rgb, y * width * 3, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1));
  }
  return { width, height, rgb };
}

describe('fallbackFont', () => {
  it('has an 8x16 glyph for every printable ASCII character, and a box for others', () => {
    const font = fallbackFont();
    expect([font.width, font.height]).toEqual([8, 16]);
    for (let code = 0x21; code < 0x7f; code++) {
      expect(font.glyph(code).some((row) => row !== 0)).toBe(true);
    }
    expect(font.glyph(0x20).every((row) => row === 0)).toBe(true);
    expect(font.glyph(0x4e2d)).toEqual(font.glyph(0x7f));
  });

  it('draws the 5x7 matrix doubled: the top of "T" is a full bar', () => {
    const font = fallbackFont();
    const t = font.glyph('T'.charCodeAt(0));
    const bar = [1, 2, 3, 4, 5].map((x) => glyphPixel(font, t, x, 0));
    expect(bar).toEqual([true, true, true, true, true]);
    expect(glyphPixel(font, t, 3, 13)).toBe(true);
    expect(glyphPixel(font, t, 1, 13)).toBe(false);
  });
});

describe('ScreenFramebuffer', () => {
  it('draws cells with the font in VGA colours and reports changed pixels', () => {
    const screen = new TextScreen(4, 2);
    const fb = new ScreenFramebuffer(screen, fallbackFont());
    expect([fb.width, fb.height]).toEqual([32, 32]);
    const damage: unknown[] = [];
    fb.onDamage((rect) => damage.push(rect));
    screen.write('\x1b[?25lT');
    expect(damage).toEqual([{ x: 0, y: 0, width: 16, height: 16 }]);
    // Pixel (1, 0) of the "T" is ink in light grey; pixel (0, 0) is background.
    expect([...fb.readRgb({ x: 1, y: 0, width: 1, height: 1 })]).toEqual([0xaa, 0xaa, 0xaa]);
    expect([...fb.readRgb({ x: 0, y: 0, width: 1, height: 1 })]).toEqual([0, 0, 0]);
  });

  it('draws the underline cursor in the bottom scan lines of its cell', () => {
    const screen = new TextScreen(2, 1);
    const fb = new ScreenFramebuffer(screen, fallbackFont());
    expect([...fb.readRgb({ x: 3, y: 15, width: 1, height: 1 })]).toEqual([0xaa, 0xaa, 0xaa]);
    expect([...fb.readRgb({ x: 3, y: 10, width: 1, height: 1 })]).toEqual([0, 0, 0]);
  });
});

describe('PNG', () => {
  it('encodes RGB that decodes back to the same pixels', () => {
    const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 1, 2, 3]);
    const png = encodePng(2, 2, rgb);
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height]).toEqual([2, 2]);
    expect([...decoded.rgb]).toEqual([...rgb]);
  });

  it('converts a binary PPM (QEMU screendump) to PNG', () => {
    const ppm = Buffer.concat([Buffer.from('P6\n1 1\n255\n'), Buffer.from([9, 8, 7])]);
    expect([...decodePng(ppmToPng(ppm)).rgb]).toEqual([9, 8, 7]);
  });

  it('is valid for a PNG reader when one is installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'png-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'screen.png');
    const screen = new TextScreen(10, 2);
    screen.write('hello');
    const fb = new ScreenFramebuffer(screen, fallbackFont());
    writeFileSync(file, encodePng(fb.width, fb.height, fb.rgb));
    // Python's zlib + struct is enough for a structural check without extra packages.
    if (!existsSync('/usr/bin/python3')) return;
    const out = execFileSync('/usr/bin/python3', [
      '-c',
      'import sys,zlib,struct;d=open(sys.argv[1],"rb").read();assert d[:8]==b"\\x89PNG\\r\\n\\x1a\\n";w,h=struct.unpack(">II",d[16:24]);print(w,h)',
      file,
    ]).toString();
    expect(out.trim()).toBe('80 32');
    expect(readFileSync(file).length).toBeGreaterThan(50);
  });
});

describe('parsePsf', () => {
  it('reads a gzipped PSF2 font with a Unicode table', () => {
    const header = Buffer.alloc(32);
    header.writeUInt32LE(0x864ab572, 0);
    header.writeUInt32LE(0, 4);
    header.writeUInt32LE(32, 8);
    header.writeUInt32LE(1, 12); // has unicode table
    header.writeUInt32LE(2, 16); // two glyphs
    header.writeUInt32LE(2, 20); // bytes per glyph
    header.writeUInt32LE(2, 24); // height
    header.writeUInt32LE(8, 28); // width
    const glyphs = Buffer.from([0xff, 0x00, 0x0f, 0xf0]);
    // Glyph 0 is U+0041 'A'; glyph 1 is U+00E9 'é' (UTF-8 c3 a9) and a sequence (skipped).
    const table = Buffer.from([0x41, 0xff, 0xc3, 0xa9, 0xfe, 0x65, 0xcc, 0x81, 0xff]);
    const font = parsePsf(gzipSync(Buffer.concat([header, glyphs, table])));
    expect([font.width, font.height, font.bytesPerRow]).toEqual([8, 2, 1]);
    expect([...font.glyph(0x41)]).toEqual([0xff, 0x00]);
    expect([...font.glyph(0xe9)]).toEqual([0x0f, 0xf0]);
  });

  it('reads a PSF1 font without a table by code point', () => {
    const font = parsePsf(
      Buffer.concat([Buffer.from([0x36, 0x04, 0, 1]), Buffer.alloc(256, 0x18)]),
    );
    expect([font.width, font.height]).toEqual([8, 1]);
    expect([...font.glyph(0x41)]).toEqual([0x18]);
  });

  it('rejects other files', () => {
    expect(() => parsePsf(Buffer.from('not a font at all, really not'))).toThrow(/PSF/);
  });
});

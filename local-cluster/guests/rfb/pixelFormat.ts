/** An RFB PIXEL_FORMAT (RFC 6143 §7.4). */
export interface PixelFormat {
  bitsPerPixel: 8 | 16 | 32;
  depth: number;
  bigEndian: boolean;
  trueColour: boolean;
  redMax: number;
  greenMax: number;
  blueMax: number;
  redShift: number;
  greenShift: number;
  blueShift: number;
}

/** What the built-in server announces in ServerInit: 32-bit little-endian xRGB, like QEMU. */
export const SERVER_PIXEL_FORMAT: PixelFormat = {
  bitsPerPixel: 32,
  depth: 24,
  bigEndian: false,
  trueColour: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 16,
  greenShift: 8,
  blueShift: 0,
};

export const PIXEL_FORMAT_LENGTH = 16;

export function encodePixelFormat(format: PixelFormat): Buffer {
  const buf = Buffer.alloc(PIXEL_FORMAT_LENGTH);
  buf.writeUInt8(format.bitsPerPixel, 0);
  buf.writeUInt8(format.depth, 1);
  buf.writeUInt8(format.bigEndian ? 1 : 0, 2);
  buf.writeUInt8(format.trueColour ? 1 : 0, 3);
  buf.writeUInt16BE(format.redMax, 4);
  buf.writeUInt16BE(format.greenMax, 6);
  buf.writeUInt16BE(format.blueMax, 8);
  buf.writeUInt8(format.redShift, 10);
  buf.writeUInt8(format.greenShift, 11);
  buf.writeUInt8(format.blueShift, 12);
  return buf;
}

/** Parses 16 bytes at `offset`; throws on a bits-per-pixel value RFB does not allow. */
export function decodePixelFormat(buf: Buffer, offset = 0): PixelFormat {
  const bpp = buf.readUInt8(offset);
  if (bpp !== 8 && bpp !== 16 && bpp !== 32) throw new Error(`unsupported bits-per-pixel ${bpp}`);
  return {
    bitsPerPixel: bpp,
    depth: buf.readUInt8(offset + 1),
    bigEndian: buf.readUInt8(offset + 2) !== 0,
    trueColour: buf.readUInt8(offset + 3) !== 0,
    redMax: buf.readUInt16BE(offset + 4),
    greenMax: buf.readUInt16BE(offset + 6),
    blueMax: buf.readUInt16BE(offset + 8),
    redShift: buf.readUInt8(offset + 10),
    greenShift: buf.readUInt8(offset + 11),
    blueShift: buf.readUInt8(offset + 12),
  };
}

/**
 * Converts packed RGB (3 bytes per pixel) to the client's pixel format. Colour-map formats are
 * served through `palette`: the index of the nearest palette entry (the server sends that
 * palette with SetColourMapEntries).
 */
export function convertPixels(
  rgb: Uint8Array,
  format: PixelFormat,
  palette?: readonly (readonly [number, number, number])[],
): Buffer {
  const count = rgb.length / 3;
  const bytes = format.bitsPerPixel / 8;
  const out = Buffer.alloc(count * bytes);
  const scale = (v: number, max: number): number => Math.round((v * max) / 255);
  const nearestCache = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const r = rgb[i * 3];
    const g = rgb[i * 3 + 1];
    const b = rgb[i * 3 + 2];
    let value: number;
    if (format.trueColour || !palette) {
      value =
        ((scale(r, format.redMax) << format.redShift) |
          (scale(g, format.greenMax) << format.greenShift) |
          (scale(b, format.blueMax) << format.blueShift)) >>>
        0;
    } else {
      const key = (r << 16) | (g << 8) | b;
      let index = nearestCache.get(key);
      if (index === undefined) {
        index = nearestPaletteIndex(palette, r, g, b);
        nearestCache.set(key, index);
      }
      value = index;
    }
    const at = i * bytes;
    if (bytes === 1) out.writeUInt8(value & 0xff, at);
    else if (bytes === 2) {
      if (format.bigEndian) out.writeUInt16BE(value & 0xffff, at);
      else out.writeUInt16LE(value & 0xffff, at);
    } else if (format.bigEndian) out.writeUInt32BE(value, at);
    else out.writeUInt32LE(value, at);
  }
  return out;
}

function nearestPaletteIndex(
  palette: readonly (readonly [number, number, number])[],
  r: number,
  g: number,
  b: number,
): number {
  let best = 0;
  let bestDistance = Infinity;
  palette.forEach(([pr, pg, pb], index) => {
    const distance = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}

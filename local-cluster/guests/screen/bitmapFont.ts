/**
 * A monospaced bitmap font in the PSF layout: each glyph is `height` rows of `bytesPerRow`
 * bytes, most significant bit leftmost.
 */
export interface BitmapFont {
  readonly width: number;
  readonly height: number;
  readonly bytesPerRow: number;
  /** The glyph for a code point (a replacement glyph when the font lacks it). */
  glyph(codePoint: number): Uint8Array;
}

/** True when pixel (x, y) of a glyph is set. */
export function glyphPixel(font: BitmapFont, glyph: Uint8Array, x: number, y: number): boolean {
  const byte = glyph[y * font.bytesPerRow + (x >> 3)];
  return ((byte >> (7 - (x & 7))) & 1) === 1;
}

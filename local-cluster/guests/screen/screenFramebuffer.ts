import type { Rect } from '../rfb/rfbMessages';
import type { BitmapFont } from './bitmapFont';
import { glyphPixel } from './bitmapFont';
import type { CellRect, TextScreen } from './textScreen';
import { VGA_PALETTE } from './textScreen';

/**
 * The pixels of a TextScreen drawn with a bitmap font (packed RGB), kept up to date cell by
 * cell as the screen changes, the way a VGA card draws its text buffer.
 */
export class ScreenFramebuffer {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
  private readonly listeners = new Set<(rect: Rect) => void>();

  constructor(
    private readonly screen: TextScreen,
    private readonly font: BitmapFont,
  ) {
    this.width = screen.cols * font.width;
    this.height = screen.rows * font.height;
    this.rgb = new Uint8Array(this.width * this.height * 3);
    this.renderCells({ col: 0, row: 0, cols: screen.cols, rows: screen.rows });
    screen.onDamage((cells) => {
      this.renderCells(cells);
      const rect = {
        x: cells.col * font.width,
        y: cells.row * font.height,
        width: cells.cols * font.width,
        height: cells.rows * font.height,
      };
      for (const listener of [...this.listeners]) listener(rect);
    });
  }

  /** Calls `listener` with each changed pixel area; returns an unsubscribe function. */
  onDamage(listener: (rect: Rect) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Packed RGB of a rectangle, row by row. */
  readRgb(rect: Rect): Uint8Array {
    const out = new Uint8Array(rect.width * rect.height * 3);
    for (let y = 0; y < rect.height; y++) {
      const from = ((rect.y + y) * this.width + rect.x) * 3;
      out.set(this.rgb.subarray(from, from + rect.width * 3), y * rect.width * 3);
    }
    return out;
  }

  private renderCells(cells: CellRect): void {
    const { font, screen } = this;
    for (let row = cells.row; row < cells.row + cells.rows; row++) {
      for (let col = cells.col; col < cells.col + cells.cols; col++) {
        const cell = screen.cell(col, row);
        const glyph = font.glyph(cell.ch);
        const fg = VGA_PALETTE[cell.fg];
        const bg = VGA_PALETTE[cell.bg];
        const cursorHere =
          screen.cursorVisible &&
          row === screen.cursorRow &&
          col === Math.min(screen.cursorCol, screen.cols - 1);
        for (let y = 0; y < font.height; y++) {
          // The VGA underline cursor: the cell's two bottom scan lines.
          const cursorLine = cursorHere && y >= font.height - 2;
          let at = ((row * font.height + y) * this.width + col * font.width) * 3;
          for (let x = 0; x < font.width; x++) {
            const [r, g, b] = cursorLine || glyphPixel(font, glyph, x, y) ? fg : bg;
            this.rgb[at] = r;
            this.rgb[at + 1] = g;
            this.rgb[at + 2] = b;
            at += 3;
          }
        }
      }
    }
  }
}

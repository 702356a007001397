/** The 16 colours of the VGA text mode (CGA order), as 8-bit RGB. */
export const VGA_PALETTE: readonly (readonly [number, number, number])[] = [
  [0x00, 0x00, 0x00],
  [0xaa, 0x00, 0x00],
  [0x00, 0xaa, 0x00],
  [0xaa, 0x55, 0x00],
  [0x00, 0x00, 0xaa],
  [0xaa, 0x00, 0xaa],
  [0x00, 0xaa, 0xaa],
  [0xaa, 0xaa, 0xaa],
  [0x55, 0x55, 0x55],
  [0xff, 0x55, 0x55],
  [0x55, 0xff, 0x55],
  [0xff, 0xff, 0x55],
  [0x55, 0x55, 0xff],
  [0xff, 0x55, 0xff],
  [0x55, 0xff, 0xff],
  [0xff, 0xff, 0xff],
];

/** Indexes into VGA_PALETTE in ANSI order (black, red, green, yellow, blue, magenta, cyan, white). */
const ANSI_TO_VGA = [0, 1, 2, 3, 4, 5, 6, 7];
const DEFAULT_FG = 7;
const DEFAULT_BG = 0;

export interface Cell {
  /** Unicode code point. */
  ch: number;
  /** VGA palette indexes. */
  fg: number;
  bg: number;
}

/** A rectangle of character cells. */
export interface CellRect {
  col: number;
  row: number;
  cols: number;
  rows: number;
}

type ParserState = 'text' | 'escape' | 'csi';

/**
 * A character-cell screen like the Linux VGA console: it takes terminal output (text with CR,
 * LF, BS, TAB and the few ANSI sequences shells and getty use: cursor moves, erase, colours)
 * and reports which cells changed, so a VNC server can send just those.
 */
export class TextScreen {
  cursorCol = 0;
  cursorRow = 0;
  cursorVisible = true;
  private readonly cells: Cell[];
  private fg = DEFAULT_FG;
  private bg = DEFAULT_BG;
  private bold = false;
  private state: ParserState = 'text';
  private csiParams = '';
  private damaged: CellRect | undefined;
  private readonly listeners = new Set<(rect: CellRect) => void>();

  constructor(
    readonly cols = 80,
    readonly rows = 25,
  ) {
    this.cells = Array.from({ length: cols * rows }, () => this.blank());
  }

  cell(col: number, row: number): Cell {
    return this.cells[row * this.cols + col];
  }

  /** Calls `listener` with the cells each `write` changed; returns an unsubscribe function. */
  onDamage(listener: (rect: CellRect) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The screen's text, one string per row, trailing spaces removed. */
  lines(): string[] {
    const out: string[] = [];
    for (let row = 0; row < this.rows; row++) {
      let line = '';
      for (let col = 0; col < this.cols; col++)
        line += String.fromCodePoint(this.cell(col, row).ch);
      out.push(line.trimEnd());
    }
    return out;
  }

  /** Clears the screen and homes the cursor. */
  reset(): void {
    this.fg = DEFAULT_FG;
    this.bg = DEFAULT_BG;
    this.bold = false;
    this.state = 'text';
    this.eraseCells(0, this.cells.length);
    this.moveCursor(0, 0);
    this.flush();
  }

  write(text: string): void {
    for (const ch of text) this.put(ch);
    this.flush();
  }

  private put(ch: string): void {
    const code = ch.codePointAt(0) ?? 0;
    if (this.state === 'escape') {
      if (ch === '[') {
        this.state = 'csi';
        this.csiParams = '';
      } else {
        if (ch === 'c') this.reset();
        this.state = 'text';
      }
      return;
    }
    if (this.state === 'csi') {
      if (code >= 0x40 && code <= 0x7e) {
        this.state = 'text';
        this.csi(ch, this.csiParams);
      } else {
        this.csiParams += ch;
      }
      return;
    }
    switch (ch) {
      case '\x1b':
        this.state = 'escape';
        return;
      case '\r':
        this.moveCursor(0, this.cursorRow);
        return;
      case '\n':
        this.lineFeed();
        return;
      case '\b':
        this.moveCursor(Math.max(0, Math.min(this.cursorCol, this.cols - 1) - 1), this.cursorRow);
        return;
      case '\t':
        this.moveCursor(
          Math.min(this.cols - 1, (Math.floor(this.cursorCol / 8) + 1) * 8),
          this.cursorRow,
        );
        return;
      default:
        if (code < 0x20 || code === 0x7f) return;
    }
    if (this.cursorCol >= this.cols) {
      // Deferred wrap, as the Linux console does: the cursor rests past the last column
      // until the next character arrives.
      this.moveCursor(0, this.cursorRow);
      this.lineFeed();
    }
    const index = this.cursorRow * this.cols + this.cursorCol;
    this.cells[index] = {
      ch: code,
      fg: this.bold && this.fg < 8 ? this.fg + 8 : this.fg,
      bg: this.bg,
    };
    this.markDamaged({ col: this.cursorCol, row: this.cursorRow, cols: 1, rows: 1 });
    this.moveCursor(this.cursorCol + 1, this.cursorRow);
  }

  private csi(final: string, rawParams: string): void {
    const isPrivate = rawParams.startsWith('?');
    const params = (isPrivate ? rawParams.slice(1) : rawParams)
      .split(';')
      .map((p) => (p === '' ? undefined : Number(p)));
    const first = params[0] ?? 0;
    const count = Math.max(1, first);
    switch (final) {
      case 'H':
      case 'f':
        this.moveCursor(
          clamp((params[1] ?? 1) - 1, 0, this.cols - 1),
          clamp((params[0] ?? 1) - 1, 0, this.rows - 1),
        );
        break;
      case 'A':
        this.moveCursor(this.cursorCol, Math.max(0, this.cursorRow - count));
        break;
      case 'B':
        this.moveCursor(this.cursorCol, Math.min(this.rows - 1, this.cursorRow + count));
        break;
      case 'C':
        this.moveCursor(Math.min(this.cols - 1, this.cursorCol + count), this.cursorRow);
        break;
      case 'D':
        this.moveCursor(
          Math.max(0, Math.min(this.cursorCol, this.cols - 1) - count),
          this.cursorRow,
        );
        break;
      case 'J': {
        const here = this.cursorRow * this.cols + Math.min(this.cursorCol, this.cols - 1);
        if (first === 2 || first === 3) this.eraseCells(0, this.cells.length);
        else if (first === 1) this.eraseCells(0, here + 1);
        else this.eraseCells(here, this.cells.length);
        break;
      }
      case 'K': {
        const rowStart = this.cursorRow * this.cols;
        const col = Math.min(this.cursorCol, this.cols - 1);
        if (first === 2) this.eraseCells(rowStart, rowStart + this.cols);
        else if (first === 1) this.eraseCells(rowStart, rowStart + col + 1);
        else this.eraseCells(rowStart + col, rowStart + this.cols);
        break;
      }
      case 'm':
        this.sgr(params);
        break;
      case 'h':
      case 'l':
        if (isPrivate && first === 25) {
          this.cursorVisible = final === 'h';
          this.markDamaged(this.cursorRect());
        }
        break;
      default:
        // Other sequences (device status reports, modes) change nothing on screen.
        break;
    }
  }

  private sgr(params: (number | undefined)[]): void {
    for (const param of params.length ? params : [0]) {
      const p = param ?? 0;
      if (p === 0) {
        this.fg = DEFAULT_FG;
        this.bg = DEFAULT_BG;
        this.bold = false;
      } else if (p === 1) this.bold = true;
      else if (p === 22) this.bold = false;
      else if (p >= 30 && p <= 37) this.fg = ANSI_TO_VGA[p - 30];
      else if (p === 39) this.fg = DEFAULT_FG;
      else if (p >= 40 && p <= 47) this.bg = ANSI_TO_VGA[p - 40];
      else if (p === 49) this.bg = DEFAULT_BG;
      else if (p >= 90 && p <= 97) this.fg = ANSI_TO_VGA[p - 90] + 8;
    }
  }

  private lineFeed(): void {
    if (this.cursorRow < this.rows - 1) {
      this.moveCursor(this.cursorCol, this.cursorRow + 1);
      return;
    }
    this.cells.splice(0, this.cols);
    for (let i = 0; i < this.cols; i++) this.cells.push(this.blank());
    this.markDamaged({ col: 0, row: 0, cols: this.cols, rows: this.rows });
  }

  private eraseCells(from: number, to: number): void {
    if (to <= from) return;
    for (let i = from; i < to; i++) this.cells[i] = this.blank();
    const firstRow = Math.floor(from / this.cols);
    const lastRow = Math.floor((to - 1) / this.cols);
    this.markDamaged({ col: 0, row: firstRow, cols: this.cols, rows: lastRow - firstRow + 1 });
  }

  private moveCursor(col: number, row: number): void {
    this.markDamaged(this.cursorRect());
    this.cursorCol = col;
    this.cursorRow = row;
    this.markDamaged(this.cursorRect());
  }

  private cursorRect(): CellRect {
    return { col: Math.min(this.cursorCol, this.cols - 1), row: this.cursorRow, cols: 1, rows: 1 };
  }

  private blank(): Cell {
    return { ch: 0x20, fg: this.fg, bg: this.bg };
  }

  private markDamaged(rect: CellRect): void {
    const d = this.damaged;
    if (!d) {
      this.damaged = { ...rect };
      return;
    }
    const col = Math.min(d.col, rect.col);
    const row = Math.min(d.row, rect.row);
    this.damaged = {
      col,
      row,
      cols: Math.max(d.col + d.cols, rect.col + rect.cols) - col,
      rows: Math.max(d.row + d.rows, rect.row + rect.rows) - row,
    };
  }

  private flush(): void {
    const damaged = this.damaged;
    this.damaged = undefined;
    if (!damaged) return;
    for (const listener of [...this.listeners]) listener(damaged);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

import { describe, expect, it } from 'vitest';
import type { CellRect } from './textScreen';
import { TextScreen } from './textScreen';

function screenWithDamage(cols = 10, rows = 3): { screen: TextScreen; damage: CellRect[] } {
  const screen = new TextScreen(cols, rows);
  const damage: CellRect[] = [];
  screen.onDamage((rect) => damage.push(rect));
  return { screen, damage };
}

describe('TextScreen', () => {
  it('writes text with CR/LF and reports the changed cells once per write', () => {
    const { screen, damage } = screenWithDamage();
    screen.write('ab\r\ncd');
    expect(screen.lines()).toEqual(['ab', 'cd', '']);
    expect(damage).toEqual([{ col: 0, row: 0, cols: 3, rows: 2 }]);
    expect([screen.cursorCol, screen.cursorRow]).toEqual([2, 1]);
  });

  it('wraps at the right edge (deferred, like the Linux console) and scrolls at the bottom', () => {
    const { screen, damage } = screenWithDamage(4, 2);
    screen.write('abcd');
    expect(screen.cursorCol).toBe(4);
    expect(screen.lines()).toEqual(['abcd', '']);
    screen.write('efghi');
    expect(screen.lines()).toEqual(['efgh', 'i']);
    expect(damage.at(-1)).toEqual({ col: 0, row: 0, cols: 4, rows: 2 });
  });

  it('handles backspace erase the way shells echo it', () => {
    const { screen } = screenWithDamage();
    screen.write('abc\b \b');
    expect(screen.lines()[0]).toBe('ab');
    expect(screen.cursorCol).toBe(2);
  });

  it('moves to tab stops', () => {
    const { screen } = screenWithDamage(20, 1);
    screen.write('a\tb');
    expect(screen.lines()[0]).toBe('a       b');
  });

  it('understands clear screen, cursor position and erase to end of line', () => {
    const { screen } = screenWithDamage();
    screen.write('hello\r\nworld');
    screen.write('\x1b[H\x1b[2J');
    expect(screen.lines()).toEqual(['', '', '']);
    screen.write('0123456789\x1b[1;4H\x1b[K');
    expect(screen.lines()[0]).toBe('012');
    screen.write('\x1b[2;2Hx');
    expect(screen.lines()[1]).toBe(' x');
  });

  it('colours text with SGR and resets it', () => {
    const { screen } = screenWithDamage();
    screen.write('\x1b[32mO\x1b[1mK\x1b[0m!');
    expect(screen.cell(0, 0)).toEqual({ ch: 0x4f, fg: 2, bg: 0 });
    expect(screen.cell(1, 0).fg).toBe(10); // bold green = bright green
    expect(screen.cell(2, 0).fg).toBe(7);
  });

  it('ignores sequences that do not draw (device status reports)', () => {
    const { screen } = screenWithDamage();
    screen.write('$ \x1b[6nx');
    expect(screen.lines()[0]).toBe('$ x');
  });

  it('hides and shows the cursor', () => {
    const { screen } = screenWithDamage();
    screen.write('\x1b[?25l');
    expect(screen.cursorVisible).toBe(false);
    screen.write('\x1b[?25h');
    expect(screen.cursorVisible).toBe(true);
  });
});

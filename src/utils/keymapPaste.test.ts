import { describe, expect, it } from 'vitest';
import type { CharStrokes, PasteLayout } from './keymapPaste';
import { charStrokes, pasteKeyEvents, planPaste, scanCodeToCode } from './keymapPaste';

/** charStrokes that fails the test when the character has no key. */
const strokesOf = (char: string, layout: PasteLayout): CharStrokes => {
  const strokes = charStrokes(char, layout);
  if (!strokes) throw new Error(`${layout}: no key for ${JSON.stringify(char)}`);
  return strokes;
};

const printableAscii = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) =>
  String.fromCharCode(0x20 + i),
);

const SHIFT_L = 0x2a;
const SHIFT_R = 0x36;

describe('every printable ASCII character', () => {
  it.each(['en-us', 'ja'] as const)('is typable on %s, with a known key code', (layout) => {
    for (const char of printableAscii) {
      const strokes = strokesOf(char, layout);
      expect(scanCodeToCode(strokes.key.scanCode), `${layout} ${char} code`).not.toBeNull();
      for (const m of strokes.modifiers) expect(scanCodeToCode(m.scanCode)).not.toBeNull();
    }
  });

  it('en-us: letters, digits and shifted symbols', () => {
    const table: [string, number, boolean][] = [
      ['a', 0x1e, false],
      ['A', 0x1e, true],
      ['1', 0x02, false],
      ['!', 0x02, true],
      ['@', 0x03, true],
      ['\\', 0x2b, false],
      ['|', 0x2b, true],
      ['~', 0x29, true],
      [' ', 0x39, false],
    ];
    for (const [char, scan, shifted] of table) {
      const s = strokesOf(char, 'en-us');
      expect(s.key.scanCode, char).toBe(scan);
      expect(
        s.modifiers.some((m) => [SHIFT_L, SHIFT_R].includes(m.scanCode)),
        char,
      ).toBe(shifted);
    }
  });
});

describe('jp106 specials', () => {
  const table: [string, number, boolean][] = [
    ['@', 0x1a, false], // the key right of P, unshifted on jp106
    ['`', 0x1a, true],
    ['"', 0x03, true], // Shift+2
    ['^', 0x0d, false],
    ['~', 0x0d, true],
    [':', 0x28, false],
    ['*', 0x28, true],
    ['[', 0x1b, false],
    ['\\', 0x73, false], // ろ key
    ['_', 0x73, true],
    ['|', 0x7d, true], // Shift+¥
    ['¥', 0x7d, false],
    ['＼', 0x73, false],
  ];
  it.each(table)('%s -> scan %i, shift %s', (char, scan, shifted) => {
    const s = strokesOf(char, 'ja');
    expect(s.key.scanCode).toBe(scan);
    expect(s.modifiers.some((m) => [SHIFT_L, SHIFT_R].includes(m.scanCode))).toBe(shifted);
  });
});

describe('planPaste', () => {
  it('lists untypable characters once, in order', () => {
    const plan = planPaste('aあbあ€', 'en-us');
    expect(plan.strokes.map((s) => s.char)).toEqual(['a', 'b']);
    expect(plan.untypable).toEqual(['あ', '€']);
  });

  it('¥ is untypable on en-us but typable on ja', () => {
    expect(planPaste('¥', 'en-us').untypable).toEqual(['¥']);
    expect(planPaste('¥', 'ja').untypable).toEqual([]);
  });

  it('turns CR LF into one Enter', () => {
    const plan = planPaste('a\r\nb', 'en-us');
    expect(plan.strokes.map((s) => s.key.scanCode)).toEqual([0x1e, 0x1c, 0x30]);
  });
});

describe('pasteKeyEvents', () => {
  it('holds modifiers around the key and releases them in reverse', () => {
    const events = pasteKeyEvents(planPaste('A', 'en-us'));
    expect(events.map((e) => [e.code, e.down])).toEqual([
      [expect.stringMatching(/^Shift/), true],
      ['KeyA', true],
      ['KeyA', false],
      [expect.stringMatching(/^Shift/), false],
    ]);
  });
});

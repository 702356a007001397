/**
 * Paste as keystrokes: turns text into the key presses a guest with a given keyboard layout
 * needs (scan codes and keysyms from `@kubevirt-ui-ext/vnc-keymaps`), and lists the characters
 * that layout cannot type, so the user sees them before anything is sent.
 */
import { keyMaps, modifierToCharMapping, resolveCharMapping } from '@kubevirt-ui-ext/vnc-keymaps';

/** The guest keyboard layouts the console offers. */
export const PASTE_LAYOUTS = ['en-us', 'ja'] as const;
export type PasteLayout = (typeof PASTE_LAYOUTS)[number];

export const isPasteLayout = (value: unknown): value is PasteLayout =>
  typeof value === 'string' && (PASTE_LAYOUTS as readonly string[]).includes(value);

/** One key: the X keysym and the PC/XT scan code (0xe0-prefixed codes as 0xe0XX). */
export type GuestKey = { keysym: number; scanCode: number };

/** The presses for one character: hold `modifiers` in order, tap `key`, release in reverse. */
export type CharStrokes = { char: string; key: GuestKey; modifiers: GuestKey[] };

export type PastePlan = {
  /** The characters that can be typed, in order. */
  strokes: CharStrokes[];
  /** Characters the layout cannot type (each listed once, in order of appearance). */
  untypable: string[];
};

const XK_BACKSLASH = 0x5c;

const SHIFT: GuestKey = {
  keysym: modifierToCharMapping.shift.keysym,
  scanCode: modifierToCharMapping.shift.scanCode,
};

/**
 * jp106 keys that the xkb names do not reach, or reach first through a key other than the one
 * printed on the keyboard: the key labelled ¥ (scan 0x7d, "IntlYen") and the key labelled ＼/ろ
 * (scan 0x73, "IntlRo") both type a backslash, which Japanese fonts draw as ¥; | is Shift+¥ and
 * ~ is Shift+^ (the keymap lists AltGr and Shift+0 variants before them).
 */
const JA_SPECIALS: Record<string, CharStrokes> = {
  '¥': { char: '¥', key: { keysym: XK_BACKSLASH, scanCode: 0x7d }, modifiers: [] },
  '＼': { char: '＼', key: { keysym: XK_BACKSLASH, scanCode: 0x73 }, modifiers: [] },
  '|': { char: '|', key: { keysym: 0x7c, scanCode: 0x7d }, modifiers: [SHIFT] },
  '~': { char: '~', key: { keysym: 0x7e, scanCode: 0x0d }, modifiers: [SHIFT] },
};

/** The key presses for one character, or undefined when the layout has no key for it. */
export const charStrokes = (char: string, layout: PasteLayout): CharStrokes | undefined => {
  if (layout === 'ja' && JA_SPECIALS[char]) return JA_SPECIALS[char];
  const { mapping, modifiers } = resolveCharMapping(char, keyMaps[layout].map);
  if (!mapping.scanCode) return undefined;
  return {
    char,
    key: { keysym: mapping.keysym, scanCode: mapping.scanCode },
    modifiers: modifiers.map((m) => ({ keysym: m.keysym, scanCode: m.scanCode })),
  };
};

/** Plans the paste of `text` (CR LF and CR become Enter) on a guest with `layout`. */
export const planPaste = (text: string, layout: PasteLayout): PastePlan => {
  const strokes: CharStrokes[] = [];
  const untypable: string[] = [];
  for (const char of text.replace(/\r\n?/g, '\n')) {
    const planned = charStrokes(char, layout);
    if (planned) strokes.push(planned);
    else if (!untypable.includes(char)) untypable.push(char);
  }
  return { strokes, untypable };
};

/** Scan codes (PC/XT set 1) -> KeyboardEvent.code, which noVNC's sendKey takes. */
const XT_TO_CODE: Record<number, string> = {
  0x01: 'Escape',
  0x02: 'Digit1',
  0x03: 'Digit2',
  0x04: 'Digit3',
  0x05: 'Digit4',
  0x06: 'Digit5',
  0x07: 'Digit6',
  0x08: 'Digit7',
  0x09: 'Digit8',
  0x0a: 'Digit9',
  0x0b: 'Digit0',
  0x0c: 'Minus',
  0x0d: 'Equal',
  0x0e: 'Backspace',
  0x0f: 'Tab',
  0x10: 'KeyQ',
  0x11: 'KeyW',
  0x12: 'KeyE',
  0x13: 'KeyR',
  0x14: 'KeyT',
  0x15: 'KeyY',
  0x16: 'KeyU',
  0x17: 'KeyI',
  0x18: 'KeyO',
  0x19: 'KeyP',
  0x1a: 'BracketLeft',
  0x1b: 'BracketRight',
  0x1c: 'Enter',
  0x1d: 'ControlLeft',
  0x1e: 'KeyA',
  0x1f: 'KeyS',
  0x20: 'KeyD',
  0x21: 'KeyF',
  0x22: 'KeyG',
  0x23: 'KeyH',
  0x24: 'KeyJ',
  0x25: 'KeyK',
  0x26: 'KeyL',
  0x27: 'Semicolon',
  0x28: 'Quote',
  0x29: 'Backquote',
  0x2a: 'ShiftLeft',
  0x2b: 'Backslash',
  0x2c: 'KeyZ',
  0x2d: 'KeyX',
  0x2e: 'KeyC',
  0x2f: 'KeyV',
  0x30: 'KeyB',
  0x31: 'KeyN',
  0x32: 'KeyM',
  0x33: 'Comma',
  0x34: 'Period',
  0x35: 'Slash',
  0x36: 'ShiftRight',
  0x38: 'AltLeft',
  0x39: 'Space',
  0x45: 'NumLock',
  0x56: 'IntlBackslash',
  0x70: 'KanaMode',
  0x73: 'IntlRo',
  0x79: 'Convert',
  0x7b: 'NonConvert',
  0x7d: 'IntlYen',
  0xe01d: 'ControlRight',
  0xe038: 'AltRight',
};

/** The KeyboardEvent.code of a scan code, or null (noVNC then sends the keysym alone). */
export const scanCodeToCode = (scanCode: number): string | null => XT_TO_CODE[scanCode] ?? null;

/** A key event to send: keysym, KeyboardEvent.code, down or up. */
export type KeyEvent = { keysym: number; code: string | null; down: boolean };

/** The press and release events for a plan, in order. */
export const pasteKeyEvents = (plan: PastePlan): KeyEvent[] =>
  plan.strokes.flatMap(({ key, modifiers }) => {
    const ev = (k: GuestKey, down: boolean): KeyEvent => ({
      keysym: k.keysym,
      code: scanCodeToCode(k.scanCode),
      down,
    });
    return [
      ...modifiers.map((m) => ev(m, true)),
      ev(key, true),
      ev(key, false),
      ...[...modifiers].reverse().map((m) => ev(m, false)),
    ];
  });

/** X11 keysyms (as RFB KeyEvents carry them) for the keys the built-in console understands. */
const XK = {
  BackSpace: 0xff08,
  Tab: 0xff09,
  Return: 0xff0d,
  Escape: 0xff1b,
  Home: 0xff50,
  Left: 0xff51,
  Up: 0xff52,
  Right: 0xff53,
  Down: 0xff54,
  End: 0xff57,
  KP_Enter: 0xff8d,
  KP_Delete: 0xff9f,
  Control_L: 0xffe3,
  Control_R: 0xffe4,
  Meta_L: 0xffe7,
  Meta_R: 0xffe8,
  Alt_L: 0xffe9,
  Alt_R: 0xffea,
  Delete: 0xffff,
} as const;

const ALT_KEYS = new Set<number>([XK.Alt_L, XK.Alt_R, XK.Meta_L, XK.Meta_R]);

const SEQUENCES = new Map<number, string>([
  [XK.BackSpace, '\x7f'],
  [XK.Tab, '\t'],
  [XK.Return, '\r'],
  [XK.KP_Enter, '\r'],
  [XK.Escape, '\x1b'],
  [XK.Up, '\x1b[A'],
  [XK.Down, '\x1b[B'],
  [XK.Right, '\x1b[C'],
  [XK.Left, '\x1b[D'],
  [XK.Home, '\x1b[H'],
  [XK.End, '\x1b[F'],
  [XK.Delete, '\x1b[3~'],
  [XK.KP_Delete, '\x1b[3~'],
]);

/** What a key press did: bytes for the terminal, or the Ctrl+Alt+Del salute. */
export type KeyAction =
  { kind: 'input'; bytes: string } | { kind: 'ctrlAltDel' } | { kind: 'none' };

const NONE: KeyAction = { kind: 'none' };

/**
 * Turns RFB key events into terminal input the way the Linux keyboard driver does for a VT:
 * Control makes control characters, cursor keys make ANSI sequences, and Ctrl+Alt+Del is
 * reported separately (init decides what it does).
 */
export class KeyboardState {
  private readonly controls = new Set<number>();
  private readonly alts = new Set<number>();

  key(down: boolean, keysym: number): KeyAction {
    if (keysym === XK.Control_L || keysym === XK.Control_R) {
      if (down) this.controls.add(keysym);
      else this.controls.delete(keysym);
      return NONE;
    }
    if (ALT_KEYS.has(keysym)) {
      if (down) this.alts.add(keysym);
      else this.alts.delete(keysym);
      return NONE;
    }
    if (!down) return NONE;
    const control = this.controls.size > 0;
    if ((keysym === XK.Delete || keysym === XK.KP_Delete) && control && this.alts.size > 0) {
      return { kind: 'ctrlAltDel' };
    }
    const sequence = SEQUENCES.get(keysym);
    if (sequence !== undefined) return { kind: 'input', bytes: sequence };
    const codePoint = keysymToCodePoint(keysym);
    if (codePoint === undefined) return NONE;
    if (control) {
      const upper = String.fromCodePoint(codePoint).toUpperCase().codePointAt(0) ?? 0;
      if (upper >= 0x40 && upper <= 0x5f)
        return { kind: 'input', bytes: String.fromCharCode(upper & 0x1f) };
      return NONE;
    }
    return { kind: 'input', bytes: String.fromCodePoint(codePoint) };
  }
}

/** Latin-1 keysyms are their code point; 0x01000000 + U marks any other Unicode character. */
function keysymToCodePoint(keysym: number): number | undefined {
  if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) return keysym;
  if (keysym >= 0x01000100 && keysym <= 0x0110ffff) return keysym - 0x01000000;
  return undefined;
}

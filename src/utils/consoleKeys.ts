/**
 * Key combinations the VNC console's Send key menu offers: each a list of keys pressed in order
 * and released in reverse, as X keysyms with their KeyboardEvent.code (noVNC's sendKey).
 */

export type ComboKey = { keysym: number; code: string };

/** A named combination; `label` is the text shown (key names stay as printed on keyboards). */
export type KeyCombo = { id: string; label: string; keys: ComboKey[] };

const CTRL: ComboKey = { keysym: 0xffe3, code: 'ControlLeft' };
const ALT: ComboKey = { keysym: 0xffe9, code: 'AltLeft' };
const DEL: ComboKey = { keysym: 0xffff, code: 'Delete' };
const TAB: ComboKey = { keysym: 0xff09, code: 'Tab' };
const PRINT: ComboKey = { keysym: 0xff61, code: 'PrintScreen' };
const SYSRQ: ComboKey = { keysym: 0xff15, code: 'PrintScreen' };

/** F1 = 0xffbe ... F12 = 0xffc9. */
const fKey = (n: number): ComboKey => ({ keysym: 0xffbe + n - 1, code: `F${n}` });

export const SEND_KEY_COMBOS: KeyCombo[] = [
  { id: 'ctrl-alt-del', label: 'Ctrl+Alt+Del', keys: [CTRL, ALT, DEL] },
  ...Array.from({ length: 12 }, (_, i) => ({
    id: `ctrl-alt-f${i + 1}`,
    label: `Ctrl+Alt+F${i + 1}`,
    keys: [CTRL, ALT, fKey(i + 1)],
  })),
  { id: 'alt-tab', label: 'Alt+Tab', keys: [ALT, TAB] },
  { id: 'print-screen', label: 'Print Screen', keys: [PRINT] },
  { id: 'alt-sysrq', label: 'Alt+SysRq', keys: [ALT, SYSRQ] },
];

/** The down and up events of a combination, in the order to send them. */
export const comboKeyEvents = (
  combo: KeyCombo,
): { keysym: number; code: string; down: boolean }[] => [
  ...combo.keys.map((k) => ({ ...k, down: true })),
  ...[...combo.keys].reverse().map((k) => ({ ...k, down: false })),
];

/** Keys a user-defined combination may name, by their printed name (matched case-insensitively). */
const NAMED_KEYS: [string[], string, ComboKey][] = [
  [['ctrl', 'control'], 'Ctrl', CTRL],
  [['alt'], 'Alt', ALT],
  [['shift'], 'Shift', { keysym: 0xffe1, code: 'ShiftLeft' }],
  [['super', 'meta', 'win', 'windows'], 'Super', { keysym: 0xffeb, code: 'MetaLeft' }],
  [['altgr'], 'AltGr', { keysym: 0xfe03, code: 'AltRight' }],
  [['del', 'delete'], 'Del', DEL],
  [['tab'], 'Tab', TAB],
  [['esc', 'escape'], 'Esc', { keysym: 0xff1b, code: 'Escape' }],
  [['enter', 'return'], 'Enter', { keysym: 0xff0d, code: 'Enter' }],
  [['backspace'], 'Backspace', { keysym: 0xff08, code: 'Backspace' }],
  [['space'], 'Space', { keysym: 0x20, code: 'Space' }],
  [['insert', 'ins'], 'Insert', { keysym: 0xff63, code: 'Insert' }],
  [['home'], 'Home', { keysym: 0xff50, code: 'Home' }],
  [['end'], 'End', { keysym: 0xff57, code: 'End' }],
  [['pageup', 'pgup'], 'PageUp', { keysym: 0xff55, code: 'PageUp' }],
  [['pagedown', 'pgdn'], 'PageDown', { keysym: 0xff56, code: 'PageDown' }],
  [['left'], 'Left', { keysym: 0xff51, code: 'ArrowLeft' }],
  [['up'], 'Up', { keysym: 0xff52, code: 'ArrowUp' }],
  [['right'], 'Right', { keysym: 0xff53, code: 'ArrowRight' }],
  [['down'], 'Down', { keysym: 0xff54, code: 'ArrowDown' }],
  [['printscreen', 'print', 'prtsc'], 'PrintScreen', PRINT],
  [['sysrq'], 'SysRq', SYSRQ],
  [['pause', 'break'], 'Pause', { keysym: 0xff13, code: 'Pause' }],
  [['menu'], 'Menu', { keysym: 0xff67, code: 'ContextMenu' }],
];

/** The key a token names, with its label: a named key, F1–F12, a letter or a digit. */
const comboKey = (token: string): { label: string; key: ComboKey } | undefined => {
  const lower = token.toLowerCase();
  const named = NAMED_KEYS.find(([names]) => names.includes(lower));
  if (named) return { label: named[1], key: named[2] };
  const f = /^f([1-9]|1[0-2])$/.exec(lower);
  if (f) return { label: `F${f[1]}`, key: fKey(Number(f[1])) };
  if (/^[a-z]$/.test(lower))
    return {
      label: lower.toUpperCase(),
      key: { keysym: lower.charCodeAt(0), code: `Key${lower.toUpperCase()}` },
    };
  if (/^[0-9]$/.test(lower))
    return { label: lower, key: { keysym: lower.charCodeAt(0), code: `Digit${lower}` } };
  return undefined;
};

/** Why a user-defined combination was refused. */
export type KeyComboIssue =
  | { code: 'empty' }
  | { code: 'unknown-key'; key: string }
  | { code: 'repeated-key'; key: string }
  | { code: 'too-many-keys'; max: number };

/** The most keys a combination presses at once (keyboards roll over at about six). */
export const MAX_COMBO_KEYS = 6;

/**
 * A combination the user typed as key names joined by `+` ("ctrl+alt+f5", "Ctrl + Shift + Esc"),
 * pressed in that order; its label is the canonical spelling, which is also its id.
 */
export const parseKeyCombo = (text: string): KeyCombo | KeyComboIssue => {
  const tokens = text
    .split('+')
    .map((token) => token.trim())
    .filter(Boolean);
  if (!tokens.length) return { code: 'empty' };
  if (tokens.length > MAX_COMBO_KEYS) return { code: 'too-many-keys', max: MAX_COMBO_KEYS };
  const labels: string[] = [];
  const keys: ComboKey[] = [];
  for (const token of tokens) {
    const found = comboKey(token);
    if (!found) return { code: 'unknown-key', key: token };
    if (labels.includes(found.label)) return { code: 'repeated-key', key: found.label };
    labels.push(found.label);
    keys.push(found.key);
  }
  const label = labels.join('+');
  return { id: `custom-${label}`, label, keys };
};

export const isKeyComboIssue = (value: KeyCombo | KeyComboIssue): value is KeyComboIssue =>
  'code' in value;

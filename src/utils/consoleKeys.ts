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

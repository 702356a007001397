import { describe, expect, it } from 'vitest';
import { SEND_KEY_COMBOS, comboKeyEvents } from './consoleKeys';

const combo = (id: string) => {
  const found = SEND_KEY_COMBOS.find((c) => c.id === id);
  if (!found) throw new Error(`no combo ${id}`);
  return found;
};

describe('SEND_KEY_COMBOS', () => {
  it('has unique ids and Ctrl+Alt+F1 to F12', () => {
    expect(new Set(SEND_KEY_COMBOS.map((c) => c.id)).size).toBe(SEND_KEY_COMBOS.length);
    for (let n = 1; n <= 12; n++) {
      expect(combo(`ctrl-alt-f${n}`).keys[2]).toEqual({ keysym: 0xffbe + n - 1, code: `F${n}` });
    }
  });

  it.each([
    ['ctrl-alt-del', [0xffe3, 0xffe9, 0xffff]],
    ['alt-tab', [0xffe9, 0xff09]],
    ['print-screen', [0xff61]],
    ['alt-sysrq', [0xffe9, 0xff15]],
    ['ctrl-alt-f12', [0xffe3, 0xffe9, 0xffc9]],
  ])('%s', (id, keysyms) => {
    expect(combo(id).keys.map((k) => k.keysym)).toEqual(keysyms);
  });
});

describe('comboKeyEvents', () => {
  it('presses in order and releases in reverse', () => {
    expect(comboKeyEvents(combo('ctrl-alt-del')).map((e) => [e.code, e.down])).toEqual([
      ['ControlLeft', true],
      ['AltLeft', true],
      ['Delete', true],
      ['Delete', false],
      ['AltLeft', false],
      ['ControlLeft', false],
    ]);
  });
});

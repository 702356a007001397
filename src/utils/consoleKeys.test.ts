import { describe, expect, it } from 'vitest';
import { SEND_KEY_COMBOS, comboKeyEvents, isKeyComboIssue, parseKeyCombo } from './consoleKeys';

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

describe('parseKeyCombo', () => {
  it('spells a combination canonically and presses its keys in order', () => {
    expect(parseKeyCombo(' ctrl + alt +f5 ')).toEqual({
      id: 'custom-Ctrl+Alt+F5',
      label: 'Ctrl+Alt+F5',
      keys: [
        { keysym: 0xffe3, code: 'ControlLeft' },
        { keysym: 0xffe9, code: 'AltLeft' },
        { keysym: 0xffc2, code: 'F5' },
      ],
    });
    expect(parseKeyCombo('Win+l')).toMatchObject({
      label: 'Super+L',
      keys: [
        { keysym: 0xffeb, code: 'MetaLeft' },
        { keysym: 0x6c, code: 'KeyL' },
      ],
    });
    expect(parseKeyCombo('Control+Shift+Escape')).toMatchObject({ label: 'Ctrl+Shift+Esc' });
    expect(parseKeyCombo('Alt+SysRq+b')).toMatchObject({ label: 'Alt+SysRq+B' });
    expect(parseKeyCombo('ctrl+2')).toMatchObject({
      keys: [{ code: 'ControlLeft' }, { keysym: 0x32, code: 'Digit2' }],
    });
  });

  it.each<[string, object]>([
    ['', { code: 'empty' }],
    [' + ', { code: 'empty' }],
    ['Ctrl+Hyper', { code: 'unknown-key', key: 'Hyper' }],
    ['Ctrl+F13', { code: 'unknown-key', key: 'F13' }],
    ['Ctrl+ab', { code: 'unknown-key', key: 'ab' }],
    ['Ctrl+Control+X', { code: 'repeated-key', key: 'Ctrl' }],
    ['a+b+c+d+e+f+g', { code: 'too-many-keys', max: 6 }],
  ])('refuses %j', (text, issue) => {
    const parsed = parseKeyCombo(text);
    expect(isKeyComboIssue(parsed)).toBe(true);
    expect(parsed).toEqual(issue);
  });

  it('keeps the built-in combinations apart from user-defined ones', () => {
    const parsed = parseKeyCombo('Ctrl+Alt+Del');
    expect(isKeyComboIssue(parsed)).toBe(false);
    expect(SEND_KEY_COMBOS.map((c) => c.id)).not.toContain((parsed as { id: string }).id);
  });
});

import { describe, expect, it } from 'vitest';
import { KeyboardState } from './keyboard';

describe('KeyboardState', () => {
  it('types Latin-1 and Unicode keysyms on key down only', () => {
    const kb = new KeyboardState();
    expect(kb.key(true, 0x61)).toEqual({ kind: 'input', bytes: 'a' });
    expect(kb.key(false, 0x61)).toEqual({ kind: 'none' });
    expect(kb.key(true, 0xe9)).toEqual({ kind: 'input', bytes: 'é' });
    expect(kb.key(true, 0x010020ac)).toEqual({ kind: 'input', bytes: '€' });
  });

  it('maps Return, BackSpace, Tab and cursor keys to terminal input', () => {
    const kb = new KeyboardState();
    expect(kb.key(true, 0xff0d)).toEqual({ kind: 'input', bytes: '\r' });
    expect(kb.key(true, 0xff08)).toEqual({ kind: 'input', bytes: '\x7f' });
    expect(kb.key(true, 0xff09)).toEqual({ kind: 'input', bytes: '\t' });
    expect(kb.key(true, 0xff52)).toEqual({ kind: 'input', bytes: '\x1b[A' });
  });

  it('makes control characters while Control is held', () => {
    const kb = new KeyboardState();
    kb.key(true, 0xffe3);
    expect(kb.key(true, 0x63)).toEqual({ kind: 'input', bytes: '\x03' });
    kb.key(false, 0xffe3);
    expect(kb.key(true, 0x63)).toEqual({ kind: 'input', bytes: 'c' });
  });

  it('reports Ctrl+Alt+Del', () => {
    const kb = new KeyboardState();
    kb.key(true, 0xffe3);
    kb.key(true, 0xffe9);
    expect(kb.key(true, 0xffff)).toEqual({ kind: 'ctrlAltDel' });
    kb.key(false, 0xffe9);
    expect(kb.key(true, 0xffff)).toEqual({ kind: 'input', bytes: '\x1b[3~' });
  });
});

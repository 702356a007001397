import { describe, expect, it } from 'vitest';
import { serialLogFileName, sessionMarker, terminalOutputToText } from './consoleLog';

describe('terminalOutputToText', () => {
  it.each([
    ['plain\r\nlines\r\n', 'plain\nlines\n'],
    ['\x1b[1;32mgreen\x1b[0m text', 'green text'],
    ['title\x1b]0;root@vm: ~\x07 after', 'title after'],
    ['bell\x07 and backspace\x08', 'bell and backspace'],
    ['lone\rcarriage', 'lone\ncarriage'],
    ['ja: 日本語 ¥', 'ja: 日本語 ¥'],
    ['\x1b[2J\x1b[H', ''],
  ])('%j -> %j', (input, expected) => {
    expect(terminalOutputToText(input)).toBe(expected);
  });
});

describe('sessionMarker', () => {
  const when = new Date('2026-12-06T19:00:00.000Z');
  it.each([
    [0, '\n--- connected 2026-12-06T19:00:00.000Z ---\n'],
    [2, '\n--- reconnected 2026-12-06T19:00:00.000Z ---\n'],
  ])('attempt %i', (attempt, expected) => {
    expect(sessionMarker(when, attempt)).toBe(expected);
  });
});

describe('serialLogFileName', () => {
  it('names the VM and the time', () => {
    expect(serialLogFileName('demo', 'vm-1', new Date('2026-12-06T19:00:00.123Z'))).toBe(
      'demo-vm-1-serial-2026-12-06T19-00-00-123Z.log',
    );
  });
});

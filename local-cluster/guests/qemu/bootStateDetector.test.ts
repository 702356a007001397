import { describe, expect, it } from 'vitest';
import { BootStateDetector } from './bootStateDetector';

describe('BootStateDetector', () => {
  it('sees the boot start and the login prompt, across chunk boundaries', () => {
    const detector = new BootStateDetector();
    expect(detector.feed('\rVirtual machine demo/vm (QEMU gu')).toEqual([]);
    expect(detector.feed('est)\r\nBooting Fedora\r\n[  OK  ] x\r\n\r\nvm log')).toEqual([
      'booting',
    ]);
    expect(detector.feed('in: ')).toEqual(['booted']);
  });

  it('does not take a typed login name for a prompt, and reports each state once', () => {
    const detector = new BootStateDetector();
    expect(detector.feed('vm login: ')).toEqual(['booted']);
    expect(detector.feed('fedora\r\nPassword: \r\n')).toEqual([]);
    expect(detector.feed('vm login: ')).toEqual([]);
  });

  it('sees a reboot and the prompt after it', () => {
    const detector = new BootStateDetector();
    detector.feed('vm login: ');
    expect(
      detector.feed('\r\nThe system is going down NOW!\r\n[   9.1] reboot: Restarting system\r\n'),
    ).toEqual(['booting']);
    expect(detector.feed('Virtual machine demo/vm (QEMU guest)\r\n...\r\nvm login: ')).toEqual([
      'booted',
    ]);
  });
});

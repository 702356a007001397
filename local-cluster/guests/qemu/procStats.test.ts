import { describe, expect, it } from 'vitest';
import {
  cpuSecondsFromStat,
  readProcessCommandLine,
  readProcessUsage,
  rssBytesFromStatm,
} from './procStats';

describe('procStats', () => {
  it('adds user and system ticks from /proc/<pid>/stat, even with odd command names', () => {
    const stat =
      '4242 (qemu (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 3 0 900 1000 2000';
    expect(cpuSecondsFromStat(stat)).toBe(3.25);
  });

  it('reads the resident set from /proc/<pid>/statm', () => {
    expect(rssBytesFromStatm('5000 1000 300 10 0 800 0\n')).toBe(1000 * 4096);
  });

  it('reads this very process, and nothing for a missing one', () => {
    const usage = readProcessUsage(process.pid);
    expect(usage?.rssBytes).toBeGreaterThan(0);
    expect(usage?.cpuSeconds).toBeGreaterThanOrEqual(0);
    expect(readProcessCommandLine(process.pid)).toContain('node');
    expect(readProcessUsage(2 ** 22 + 7)).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';

/** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on x86-64. */
const CLOCK_TICKS_PER_SECOND = 100;
const PAGE_SIZE = 4096;

/** CPU seconds (user + system) from the text of /proc/<pid>/stat. */
export function cpuSecondsFromStat(stat: string): number {
  // The command name (field 2) may contain spaces and parentheses; fields restart after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Field 3 (state) is fields[0], so utime (14) and stime (15) are fields[11] and fields[12].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLOCK_TICKS_PER_SECOND;
}

/** Resident set size in bytes from the text of /proc/<pid>/statm. */
export function rssBytesFromStatm(statm: string): number {
  return Number(statm.trim().split(/\s+/)[1]) * PAGE_SIZE;
}

/** CPU time and RSS of a live process, or undefined once it is gone. */
export function readProcessUsage(
  pid: number,
): { cpuSeconds: number; rssBytes: number } | undefined {
  try {
    return {
      cpuSeconds: cpuSecondsFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8')),
      rssBytes: rssBytesFromStatm(readFileSync(`/proc/${pid}/statm`, 'utf8')),
    };
  } catch {
    return undefined;
  }
}

/** The command line of a live process (arguments joined by spaces), or undefined. */
export function readProcessCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

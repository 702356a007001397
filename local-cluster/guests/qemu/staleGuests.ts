import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readProcessCommandLine } from './procStats';

/** The folder of each QEMU guest under the manager's work dir starts with this. */
export const GUEST_DIR_PREFIX = 'qemu-';
export const PID_FILE = 'qemu.pid';

/**
 * Kills the QEMU processes a previous run left behind (it crashed or was killed before it could
 * stop its guests) and removes their folders. A PID is only killed when that process is still a
 * QEMU whose command line names this very pid file, so a recycled PID is never hit.
 * Returns the PIDs it killed.
 */
export function killStaleGuests(workDir: string): number[] {
  if (!existsSync(workDir)) return [];
  const killed: number[] = [];
  for (const entry of readdirSync(workDir)) {
    if (!entry.startsWith(GUEST_DIR_PREFIX)) continue;
    const dir = join(workDir, entry);
    const pidFile = join(dir, PID_FILE);
    let pid: number | undefined;
    try {
      pid = Number(readFileSync(pidFile, 'utf8').trim());
    } catch {
      pid = undefined;
    }
    if (pid && Number.isInteger(pid) && pid > 1) {
      const commandLine = readProcessCommandLine(pid);
      if (commandLine?.includes('qemu-system') && commandLine.includes(pidFile)) {
        try {
          process.kill(pid, 'SIGKILL');
          killed.push(pid);
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return killed;
}

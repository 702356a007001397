import type { GuestStats } from '../guestTypes';

/**
 * Plausible counters for an idle, freshly booted Linux VM that has run for `runSeconds` (time
 * spent paused excluded): a boot burst of CPU and disk reads, then a light steady load. Every
 * counter only grows, as the real ones (and Prometheus' rate()) expect.
 */
export function simulatedStats(runSeconds: number, cpus: number, memoryMiB: number): GuestStats {
  const t = Math.max(0, runSeconds);
  const bootPhase = 1 - Math.exp(-t / 20);
  const memoryBytes = memoryMiB * 1024 * 1024;
  const used = Math.round(memoryBytes * (0.1 + 0.06 * bootPhase));
  const diskReadBytes = Math.round(180e6 * bootPhase + 2048 * t);
  const diskWriteBytes = Math.round(12e6 * bootPhase + 8192 * t);
  return {
    cpuSeconds: 6 * bootPhase + 0.015 * cpus * t,
    memoryUsedBytes: used,
    memoryAvailableBytes: memoryBytes - used,
    netRxBytes: Math.round(40e3 * bootPhase + 1200 * t),
    netTxBytes: Math.round(15e3 * bootPhase + 600 * t),
    diskReadBytes,
    diskWriteBytes,
    diskReadOps: Math.round(diskReadBytes / 16384),
    diskWriteOps: Math.round(diskWriteBytes / 4096),
  };
}

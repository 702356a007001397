/**
 * Simulated durations of CDI's work, in simulated milliseconds (the runtime's Timing scales them).
 * Values follow the controllers contract: pods start in 1.5 s, imports run at 200 MiB/s of the
 * requested size and never longer than 60 s, clones take 4 s.
 */

export const POD_START_MS = 1500;
/** How long the CSI driver takes to create a volume. */
export const PROVISION_MS = 500;
/** How long an importer tries to reach its source before it gives up. */
export const CONNECT_MS = 800;
export const CLONE_MS = 4000;
export const BLANK_MS = 1000;
/** CDI polls the importer's progress every 2 seconds. */
export const PROGRESS_INTERVAL_MS = 2000;

const IMPORT_BYTES_PER_MS = (200 * 2 ** 20) / 1000;
const MAX_IMPORT_MS = 60_000;
const MIN_IMPORT_MS = 1000;

/** The time an import (or preallocated blank disk) of `bytes` takes. */
export const importDurationMs = (bytes: number): number =>
  Math.min(MAX_IMPORT_MS, Math.max(MIN_IMPORT_MS, bytes / IMPORT_BYTES_PER_MS));

/** Kubelet's crash-loop back-off for the restarting importer container: 10 s doubling to 5 min. */
export const restartBackoffMs = (restarts: number): number =>
  Math.min(300_000, 10_000 * 2 ** Math.max(0, restarts - 1));

/** `status.progress` as CDI writes it from the importer's metric: two decimals and a percent sign. */
export const formatProgress = (fraction: number): string =>
  `${(Math.max(0, Math.min(1, fraction)) * 100).toFixed(2)}%`;

/** What CDI writes once a transfer is done (its `ProgressDone`). */
export const PROGRESS_DONE = '100.0%';
export const PROGRESS_UNKNOWN = 'N/A';

/** Progress of a running transfer, never 100% before it is done (the last write says done). */
export const progressAt = (elapsedMs: number, durationMs: number): string =>
  formatProgress(Math.min(0.9999, elapsedMs / Math.max(1, durationMs)));

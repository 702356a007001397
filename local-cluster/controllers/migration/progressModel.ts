/**
 * A pre-copy live migration as QEMU runs it, reduced to the figures KubeVirt reports and acts on:
 * pass 0 sends all guest memory; every later pass resends what the guest dirtied during the one
 * before; once a pass's dirty set fits in the maximum downtime at the link rate the guest pauses
 * for the final copy and the migration completes. A guest that dirties memory as fast as the link
 * sends never converges: auto-converge throttles its vCPUs (20 %, then +10 % per pass), post-copy
 * switches to pulling the rest on demand once the completion timeout passes, and otherwise
 * virt-launcher aborts on the completion or progress timeout, with KubeVirt's messages.
 */

export interface MigrationModelParams {
  /** Bytes to move (guest memory, plus local disks for a block migration). */
  dataTotalBytes: number;
  /** Bytes per second the link carries for this migration. */
  linkBytesPerSecond: number;
  /** Bytes per second the guest dirties, before any throttling. */
  dirtyBytesPerSecond: number;
  allowAutoConverge: boolean;
  allowPostCopy: boolean;
  /** completionTimeoutPerGiB × GiB; 0 disables. */
  acceptableCompletionSeconds: number;
  /** Seconds without a new low of remaining data before aborting; 0 disables. */
  progressTimeoutSeconds: number;
  /** The pause the final copy may take (QEMU's downtime-limit, 300 ms by default). */
  maxDowntimeMs: number;
}

export type MigrationMode = 'PreCopy' | 'PostCopy';

export type MigrationOutcome = { result: 'Completed' } | { result: 'Failed'; reason: string };

export interface MigrationModelState {
  elapsedSeconds: number;
  processedBytes: number;
  remainingBytes: number;
  /** Bytes of the current pass not sent yet. */
  passLeftBytes: number;
  /** Bytes dirtied since the current pass started (the next pass). */
  passDirtiedBytes: number;
  iteration: number;
  /** Auto-converge vCPU throttle, 0…0.99. */
  throttle: number;
  mode: MigrationMode;
  /** Lowest remaining-data figure seen, and when: KubeVirt's progress watermark. */
  lowWatermarkBytes: number;
  lastProgressSeconds: number;
  outcome?: MigrationOutcome;
}

/** Simulated seconds per integration step: small against every duration the model produces. */
const STEP_SECONDS = 0.05;

export const initialMigrationState = (params: MigrationModelParams): MigrationModelState => ({
  elapsedSeconds: 0,
  processedBytes: 0,
  remainingBytes: params.dataTotalBytes,
  passLeftBytes: params.dataTotalBytes,
  passDirtiedBytes: 0,
  iteration: 0,
  throttle: 0,
  mode: 'PreCopy',
  lowWatermarkBytes: params.dataTotalBytes,
  lastProgressSeconds: 0,
});

/** The guest's effective dirty rate now (auto-converge slows its vCPUs; post-copy runs it on the
 * target, where faults are pulled rather than resent). */
export const effectiveDirtyRate = (
  params: MigrationModelParams,
  state: MigrationModelState,
): number => (state.mode === 'PostCopy' ? 0 : params.dirtyBytesPerSecond * (1 - state.throttle));

const nextThrottle = (throttle: number): number =>
  throttle === 0 ? 0.2 : Math.min(0.99, Math.round((throttle + 0.1) * 100) / 100);

const step = (p: MigrationModelParams, s: MigrationModelState, dt: number): MigrationModelState => {
  const next = { ...s, elapsedSeconds: s.elapsedSeconds + dt };
  const link = p.linkBytesPerSecond * dt;
  if (next.mode === 'PostCopy') {
    const sent = Math.min(next.remainingBytes, link);
    next.processedBytes += sent;
    next.remainingBytes -= sent;
    next.passLeftBytes = next.remainingBytes;
    next.passDirtiedBytes = 0;
    if (next.remainingBytes <= 0) next.outcome = { result: 'Completed' };
    return next;
  }
  const sent = Math.min(next.passLeftBytes, link);
  next.processedBytes += sent;
  next.passLeftBytes -= sent;
  next.passDirtiedBytes = Math.min(
    p.dataTotalBytes,
    next.passDirtiedBytes + effectiveDirtyRate(p, s) * dt,
  );
  if (next.passLeftBytes <= 0) {
    const downtimeBudget = (p.linkBytesPerSecond * p.maxDowntimeMs) / 1000;
    if (next.passDirtiedBytes <= downtimeBudget) {
      // Stop-and-copy: the guest pauses for the last dirty pages and resumes on the target.
      next.processedBytes += next.passDirtiedBytes;
      next.passDirtiedBytes = 0;
      next.remainingBytes = 0;
      next.outcome = { result: 'Completed' };
      return next;
    }
    next.iteration += 1;
    next.passLeftBytes = next.passDirtiedBytes;
    next.passDirtiedBytes = 0;
    if (p.allowAutoConverge) next.throttle = nextThrottle(next.throttle);
  }
  next.remainingBytes = next.passLeftBytes + next.passDirtiedBytes;
  return next;
};

const checkTimeouts = (p: MigrationModelParams, s: MigrationModelState): MigrationModelState => {
  if (s.outcome || s.mode === 'PostCopy') return s;
  if (p.acceptableCompletionSeconds > 0 && s.elapsedSeconds > p.acceptableCompletionSeconds) {
    if (p.allowPostCopy) return { ...s, mode: 'PostCopy' };
    return {
      ...s,
      outcome: {
        result: 'Failed',
        reason: `Live migration is not completed after ${Math.round(p.acceptableCompletionSeconds)} sec and has been aborted`,
      },
    };
  }
  const stalled = s.elapsedSeconds - s.lastProgressSeconds;
  if (p.progressTimeoutSeconds > 0 && stalled > p.progressTimeoutSeconds) {
    return {
      ...s,
      outcome: {
        result: 'Failed',
        reason: `Live migration stuck for ${Math.floor(stalled)} sec and has been aborted`,
      },
    };
  }
  return s;
};

/** Runs the model forward by `seconds` of simulated time (stops early at the outcome). */
export const advanceMigration = (
  params: MigrationModelParams,
  state: MigrationModelState,
  seconds: number,
): MigrationModelState => {
  let s = state;
  const end = state.elapsedSeconds + seconds;
  while (!s.outcome && s.elapsedSeconds < end - 1e-9) {
    s = step(params, s, Math.min(STEP_SECONDS, end - s.elapsedSeconds));
    if (s.remainingBytes < s.lowWatermarkBytes) {
      s = { ...s, lowWatermarkBytes: s.remainingBytes, lastProgressSeconds: s.elapsedSeconds };
    }
    s = checkTimeouts(params, s);
  }
  return s;
};

const GiB = 2 ** 30;

/** KubeVirt's acceptable completion time: completionTimeoutPerGiB for every GiB to move. */
export const acceptableCompletionSeconds = (
  dataTotalBytes: number,
  completionTimeoutPerGiB: number,
): number => completionTimeoutPerGiB * Math.max(1, dataTotalBytes / GiB);

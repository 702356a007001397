import type { Guest, GuestSpec } from '../../guests/guestTypes';
import type { SimulatedGuestBehaviour } from '../runtime/simulation';

/** What virt-handler remembers about the guest of one VMI (by uid) between reconciles. */
export interface GuestRecord {
  uid: string;
  /** The VMI's `namespace/name`: its work-queue key. */
  key: string;
  spec: GuestSpec;
  simulation: SimulatedGuestBehaviour | undefined;
  /** Undefined until the guest manager has started it. */
  guest?: Guest;
  bootedAtMs?: number;
  agentConnected: boolean;
  paused?: 'PausedByUser' | 'PausedStartStrategy';
  /** File systems frozen through the agent (a snapshot in progress). */
  frozen: boolean;
  /** Graceful shutdown requested (the VMI is being deleted). */
  shuttingDown: boolean;
  /** A force stop cut the graceful shutdown short. */
  killedNow?: boolean;
  /** The guest was stopped on purpose to play a crash, or because its launcher pod went away. */
  killed?: 'crash' | 'podGone';
  /** A launcher pod for this VMI was seen, so its disappearance means something. */
  sawLauncherPod: boolean;
  /** A Started event was recorded for this guest. */
  announced?: boolean;
  /** How the guest ended; the next reconcile writes it to the VMI. */
  exit?: { phase: 'Succeeded' | 'Failed' };
  timers: Set<NodeJS.Timeout>;
  unsubscribe: (() => void)[];
}

export const newGuestRecord = (
  uid: string,
  key: string,
  spec: GuestSpec,
  simulation: SimulatedGuestBehaviour | undefined,
): GuestRecord => ({
  uid,
  key,
  spec,
  simulation,
  agentConnected: false,
  frozen: false,
  shuttingDown: false,
  sawLauncherPod: false,
  timers: new Set(),
  unsubscribe: [],
});

/** Runs `fn` after `ms` unless the record is disposed first. */
export const later = (record: GuestRecord, ms: number, fn: () => void): void => {
  const timer = setTimeout(() => {
    record.timers.delete(timer);
    fn();
  }, ms);
  record.timers.add(timer);
};

/** Stops the record's timers and listeners (not the guest). */
export const disposeRecord = (record: GuestRecord): void => {
  for (const t of record.timers) clearTimeout(t);
  record.timers.clear();
  for (const u of record.unsubscribe) u();
  record.unsubscribe = [];
};

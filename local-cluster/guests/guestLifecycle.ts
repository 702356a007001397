import type { GuestExitReason } from './guestTypes';

/**
 * The booted/exited state both guest kinds share, with the listener semantics `Guest` documents:
 * late subscribers still hear about a state that is already reached (on the next tick, so a
 * listener never runs inside the call that registers it).
 */
export class GuestLifecycle {
  private bootedNow = false;
  private exitReason: GuestExitReason | undefined;
  private readonly bootedListeners = new Set<() => void>();
  private readonly exitListeners = new Set<(reason: GuestExitReason) => void>();

  get booted(): boolean {
    return this.bootedNow;
  }

  get exited(): boolean {
    return this.exitReason !== undefined;
  }

  onBooted(listener: () => void): () => void {
    this.bootedListeners.add(listener);
    if (this.bootedNow && !this.exited) {
      setImmediate(() => {
        if (this.bootedListeners.has(listener)) listener();
      });
    }
    return () => this.bootedListeners.delete(listener);
  }

  onExit(listener: (reason: GuestExitReason) => void): () => void {
    const reason = this.exitReason;
    if (reason !== undefined) {
      setImmediate(() => listener(reason));
      return () => undefined;
    }
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** The login prompt is up. */
  markBooted(): void {
    if (this.bootedNow || this.exited) return;
    this.bootedNow = true;
    for (const listener of [...this.bootedListeners]) listener();
  }

  /** The guest went down for a reboot (or is booting again). */
  markBooting(): void {
    this.bootedNow = false;
  }

  /** Ends the guest once; later calls are ignored so the first reason wins. */
  markExited(reason: GuestExitReason): void {
    if (this.exited) return;
    this.bootedNow = false;
    this.exitReason = reason;
    const listeners = [...this.exitListeners];
    this.exitListeners.clear();
    this.bootedListeners.clear();
    for (const listener of listeners) listener(reason);
  }
}

import type { UploadProgress } from './transferSteps';

interface Upload extends UploadProgress {
  active: boolean;
}

/**
 * What the upload server pod of each claim has received, shared between the upload proxy (which
 * streams request bodies in) and the DataVolume controller (which turns it into progress and, at the
 * end, into the pod's Succeeded phase). Keyed by `namespace/claim`.
 */
export class UploadTracker {
  private readonly uploads = new Map<string, Upload>();
  private readonly listeners: ((key: string) => void)[] = [];

  get(key: string): UploadProgress | undefined {
    return this.uploads.get(key);
  }

  onChange(listener: (key: string) => void): void {
    this.listeners.push(listener);
  }

  private changed(key: string): void {
    for (const l of this.listeners) l(key);
  }

  /** Starts an upload; false when one is already streaming into the claim (CDI answers 503). */
  begin(key: string, expectedBytes: number | undefined): boolean {
    const current = this.uploads.get(key);
    if (current?.active) return false;
    this.uploads.set(key, { active: true, receivedBytes: 0, expectedBytes, done: false });
    this.changed(key);
    return true;
  }

  received(key: string, bytes: number): void {
    const u = this.uploads.get(key);
    if (u) u.receivedBytes += bytes;
  }

  /** Reports progress to listeners (throttled by the caller). */
  report(key: string): void {
    this.changed(key);
  }

  finish(key: string): void {
    const u = this.uploads.get(key);
    if (!u) return;
    u.active = false;
    u.done = true;
    u.expectedBytes = u.receivedBytes;
    this.changed(key);
  }

  /** The client went away or sent garbage: the server is ready for another attempt. */
  abort(key: string): void {
    this.uploads.delete(key);
    this.changed(key);
  }

  forget(key: string): void {
    this.uploads.delete(key);
  }
}

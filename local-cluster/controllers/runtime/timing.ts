/**
 * Simulated durations (a boot, an import, a migration) in one place. Real time by default; tests
 * pass a small `timeScale` so a "3 s boot" takes a few milliseconds and the same code paths run.
 */
export class Timing {
  constructor(readonly timeScale = 1) {}

  /** Milliseconds to really wait for a simulated duration of `simulatedMs`. */
  ms(simulatedMs: number): number {
    return Math.max(1, Math.round(simulatedMs * this.timeScale));
  }

  /** Simulated milliseconds that have passed in `realMs` of wall time. */
  simulated(realMs: number): number {
    return realMs / this.timeScale;
  }

  now(): Date {
    return new Date();
  }

  nowIso(): string {
    return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

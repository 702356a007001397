/**
 * Runs steps at fixed offsets from its start, on a clock that stands still while paused: a
 * paused guest's boot resumes where it stopped.
 */
export class PausableTimeline {
  private steps: { atMs: number; run: () => void }[] = [];
  private elapsedMs = 0;
  private resumedAt = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private paused = false;
  private generation = 0;

  /** Replaces whatever was scheduled and starts the clock at zero. */
  start(steps: { atMs: number; run: () => void }[], paused = false): void {
    this.cancel();
    this.steps = [...steps].sort((a, b) => a.atMs - b.atMs);
    this.elapsedMs = 0;
    this.resumedAt = Date.now();
    this.paused = paused;
    if (!paused) this.armNext();
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.elapsedMs += Date.now() - this.resumedAt;
    this.clearTimer();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.resumedAt = Date.now();
    this.armNext();
  }

  cancel(): void {
    this.generation++;
    this.clearTimer();
    this.steps = [];
  }

  private now(): number {
    return this.paused ? this.elapsedMs : this.elapsedMs + (Date.now() - this.resumedAt);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private armNext(): void {
    const next = this.steps[0];
    if (!next || this.timer) return;
    const generation = this.generation;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        while (this.steps.length && this.steps[0].atMs <= this.now()) {
          const step = this.steps.shift();
          step?.run();
          // A step may pause, cancel or restart the timeline; then this run is over.
          if (this.paused || generation !== this.generation) return;
        }
        this.armNext();
      },
      Math.max(0, next.atMs - this.now()),
    );
  }
}

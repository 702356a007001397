import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PausableTimeline } from './pausableTimeline';

describe('PausableTimeline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs steps at their offsets', () => {
    const ran: string[] = [];
    const timeline = new PausableTimeline();
    timeline.start([
      { atMs: 100, run: () => ran.push('b') },
      { atMs: 0, run: () => ran.push('a') },
    ]);
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['a']);
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['a', 'b']);
  });

  it('does not count time spent paused', () => {
    const ran: string[] = [];
    const timeline = new PausableTimeline();
    timeline.start([{ atMs: 100, run: () => ran.push('x') }]);
    vi.advanceTimersByTime(60);
    timeline.pause();
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual([]);
    timeline.resume();
    vi.advanceTimersByTime(39);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['x']);
  });

  it('lets a step restart the timeline, and cancel drops what is left', () => {
    const ran: string[] = [];
    const timeline = new PausableTimeline();
    timeline.start([
      {
        atMs: 10,
        run: () => timeline.start([{ atMs: 5, run: () => ran.push('restarted') }]),
      },
      { atMs: 12, run: () => ran.push('old') },
    ]);
    vi.advanceTimersByTime(20);
    expect(ran).toEqual(['restarted']);
    timeline.start([{ atMs: 5, run: () => ran.push('never') }]);
    timeline.cancel();
    vi.advanceTimersByTime(20);
    expect(ran).toEqual(['restarted']);
  });
});

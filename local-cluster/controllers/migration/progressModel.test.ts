import { describe, expect, it } from 'vitest';
import type { MigrationModelParams } from './progressModel';
import {
  acceptableCompletionSeconds,
  advanceMigration,
  effectiveDirtyRate,
  initialMigrationState,
} from './progressModel';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

const params = (over: Partial<MigrationModelParams> = {}): MigrationModelParams => ({
  dataTotalBytes: 2 * GiB,
  linkBytesPerSecond: GiB / 2,
  dirtyBytesPerSecond: 16 * MiB,
  allowAutoConverge: false,
  allowPostCopy: false,
  acceptableCompletionSeconds: 300,
  progressTimeoutSeconds: 150,
  maxDowntimeMs: 300,
  ...over,
});

const run = (p: MigrationModelParams, seconds: number) =>
  advanceMigration(p, initialMigrationState(p), seconds);

describe('migration progress model', () => {
  it('starts with all memory remaining', () => {
    const s = initialMigrationState(params());
    expect(s).toMatchObject({ processedBytes: 0, remainingBytes: 2 * GiB, mode: 'PreCopy' });
  });

  it('moves data at the link rate during the first pass', () => {
    const s = run(params(), 2);
    expect(s.outcome).toBeUndefined();
    expect(s.processedBytes).toBeCloseTo(GiB, -6);
    expect(s.remainingBytes).toBeGreaterThan(GiB);
    expect(s.remainingBytes).toBeLessThan(GiB + 64 * MiB);
  });

  it('converges for a mostly idle guest after the first pass plus a short one', () => {
    const s = run(params(), 60);
    expect(s.outcome).toEqual({ result: 'Completed' });
    expect(s.remainingBytes).toBe(0);
    expect(s.elapsedSeconds).toBeGreaterThanOrEqual(4);
    expect(s.elapsedSeconds).toBeLessThan(5);
    expect(s.processedBytes).toBeGreaterThan(2 * GiB);
  });

  it('never converges when the guest dirties as fast as the link: progress timeout aborts', () => {
    const s = run(params({ dirtyBytesPerSecond: GiB, acceptableCompletionSeconds: 0 }), 1000);
    expect(s.outcome).toEqual({
      result: 'Failed',
      reason: 'Live migration stuck for 150 sec and has been aborted',
    });
  });

  it('aborts at the completion timeout without post-copy', () => {
    const s = run(params({ dirtyBytesPerSecond: GiB, acceptableCompletionSeconds: 40 }), 1000);
    expect(s.outcome).toEqual({
      result: 'Failed',
      reason: 'Live migration is not completed after 40 sec and has been aborted',
    });
    expect(s.elapsedSeconds).toBeCloseTo(40, 0);
  });

  it('switches to post-copy at the completion timeout and then completes', () => {
    const p = params({
      dirtyBytesPerSecond: GiB,
      acceptableCompletionSeconds: 40,
      allowPostCopy: true,
    });
    const during = run(p, 41);
    expect(during.mode).toBe('PostCopy');
    expect(during.outcome).toBeUndefined();
    expect(effectiveDirtyRate(p, during)).toBe(0);
    const end = advanceMigration(p, during, 30);
    expect(end.outcome).toEqual({ result: 'Completed' });
  });

  it('auto-converge throttles the guest until it converges', () => {
    const p = params({
      dirtyBytesPerSecond: GiB,
      allowAutoConverge: true,
      acceptableCompletionSeconds: 0,
    });
    const s = run(p, 600);
    expect(s.outcome).toEqual({ result: 'Completed' });
    expect(s.throttle).toBeGreaterThanOrEqual(0.5);
  });

  it('is the same whether advanced in one go or in small steps', () => {
    const p = params();
    let s = initialMigrationState(p);
    for (let i = 0; i < 30; i++) s = advanceMigration(p, s, 0.1);
    const once = run(p, 3);
    expect(s.processedBytes).toBeCloseTo(once.processedBytes, -3);
  });

  it.each([
    [0.5 * GiB, 150, 150],
    [GiB, 150, 150],
    [6 * GiB, 800, 4800],
  ])('acceptable completion time of %d bytes at %d s/GiB is %d s', (bytes, perGiB, expected) => {
    expect(acceptableCompletionSeconds(bytes, perGiB)).toBe(expected);
  });
});

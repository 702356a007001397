import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration } from './goDuration';

describe('parseGoDuration', () => {
  it.each([
    ['5m', 300_000],
    ['5m0s', 300_000],
    ['1h30m', 5_400_000],
    ['2h0m0s', 7_200_000],
    ['1.5s', 1500],
    ['300ms', 300],
    ['90', 90_000],
    [45, 45_000],
    ['0', 0],
    ['0s', 0],
  ])('%s → %d ms', (input, ms) => {
    expect(parseGoDuration(input)).toBe(ms);
  });

  it.each([[''], ['5 minutes'], ['m5'], ['1d'], [undefined]])('rejects %s', (input) => {
    expect(parseGoDuration(input)).toBeUndefined();
  });
});

describe('formatGoDuration', () => {
  it.each([
    [300_000, '5m0s'],
    [7_200_000, '2h0m0s'],
    [45_000, '45s'],
    [3_723_000, '1h2m3s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});

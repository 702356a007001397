import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatBytesPerSecond,
  formatNumber,
  formatQuantity,
  toPercent,
} from './quantityFormat';

describe('formatBytes', () => {
  it.each([
    [undefined, undefined],
    [NaN, undefined],
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [30 * 2 ** 30, '30 GiB'],
    [1.234567 * 2 ** 20, '1.23 MiB'],
    [-2048, '-2 KiB'],
  ])('%s → %s', (input, expected) => expect(formatBytes(input)).toBe(expected));
});

describe('formatBytesPerSecond', () => {
  it.each([
    [undefined, undefined],
    [2048, '2 KiB/s'],
  ])('%s → %s', (input, expected) => expect(formatBytesPerSecond(input)).toBe(expected));
});

describe('formatQuantity', () => {
  it.each([
    [undefined, undefined],
    ['2Gi', '2 GiB'],
    ['512Mi', '512 MiB'],
    [1024, '1 KiB'],
    ['not-a-quantity', 'not-a-quantity'],
  ])('%s → %s', (input, expected) => expect(formatQuantity(input)).toBe(expected));
});

describe('formatNumber', () => {
  it.each([
    [undefined, 2, undefined],
    [0.123456, 2, '0.12'],
    [3, 2, '3'],
    [1.5, 0, '2'],
  ])('%s (%s digits) → %s', (input, digits, expected) =>
    expect(formatNumber(input, digits)).toBe(expected),
  );
});

describe('toPercent', () => {
  it.each([
    [undefined, 10, undefined],
    [5, undefined, undefined],
    [5, 0, undefined],
    [5, 10, 50],
    [20, 10, 100],
    [-1, 10, 0],
  ])('%s of %s → %s', (part, total, expected) => expect(toPercent(part, total)).toBe(expected));
});

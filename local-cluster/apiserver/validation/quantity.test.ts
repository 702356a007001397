import { describe, it, expect } from 'vitest';
import { isValidQuantity, parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1.', 1],
    ['+2', 2],
    ['-2', -2],
    ['250m', 0.25],
    ['100u', 1e-4],
    ['5n', 5e-9],
    ['1k', 1000],
    ['2M', 2e6],
    ['3G', 3e9],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['1Ki', 1024],
    ['512Mi', 512 * 2 ** 20],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['2Ti', 2 * 2 ** 40],
    ['1Pi', 2 ** 50],
    ['1Ei', 2 ** 60],
    ['1e3', 1000],
    ['1E3', 1000],
    ['12e-3', 0.012],
    ['1e+2', 100],
    [2, 2],
    [0.5, 0.5],
  ] as const)('%s → %s', (input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected, 12);
  });

  it.each([
    '',
    ' 1',
    '1 ',
    'lots',
    '1Gb',
    '1gi',
    'Gi',
    '1.2.3',
    '.',
    '1KiB',
    '--1',
    '1e',
    '1ee3',
    '1Mi5',
  ])('rejects %j', (input) => {
    expect(() => parseQuantity(input)).toThrow();
    expect(isValidQuantity(input)).toBe(false);
  });

  it('rejects non-finite numbers and non-quantities', () => {
    expect(() => parseQuantity(Number.NaN)).toThrow();
    expect(isValidQuantity(Infinity)).toBe(false);
    expect(isValidQuantity(null)).toBe(false);
    expect(isValidQuantity({})).toBe(false);
    expect(isValidQuantity('2Gi')).toBe(true);
    expect(isValidQuantity(4)).toBe(true);
  });
});

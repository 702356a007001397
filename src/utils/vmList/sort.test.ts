import { describe, expect, it } from 'vitest';
import { sortByValue } from './sort';

describe('sortByValue', () => {
  const rows = [{ v: 'vm-10' }, { v: undefined }, { v: 'vm-2' }, { v: 'VM-1' }];
  it('sorts text naturally, empty last', () => {
    expect(sortByValue(rows, (r) => r.v, 'asc').map((r) => r.v)).toEqual([
      'VM-1',
      'vm-2',
      'vm-10',
      undefined,
    ]);
    expect(sortByValue(rows, (r) => r.v, 'desc').map((r) => r.v)).toEqual([
      'vm-10',
      'vm-2',
      'VM-1',
      undefined,
    ]);
  });

  it('sorts numbers numerically', () => {
    const numbers = [{ v: 10 }, { v: 9 }, { v: undefined }, { v: 100 }];
    expect(sortByValue(numbers, (r) => r.v, 'asc').map((r) => r.v)).toEqual([
      9,
      10,
      100,
      undefined,
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { matchesLabelSelector } from './labelMatch';
import type { LabelSelector } from './rbacTypes';

const labels = { tier: 'web', env: 'prod' };

const cases: [string, LabelSelector, boolean][] = [
  ['empty selector matches everything', {}, true],
  ['matchLabels equal', { matchLabels: { tier: 'web' } }, true],
  ['matchLabels differ', { matchLabels: { tier: 'db' } }, false],
  ['matchLabels missing key', { matchLabels: { team: 'a' } }, false],
  ['In', { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev', 'prod'] }] }, true],
  [
    'In without the value',
    { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }] },
    false,
  ],
  ['NotIn', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] }, true],
  [
    'NotIn holds for absent keys',
    { matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['a'] }] },
    true,
  ],
  ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
  ['DoesNotExist', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, false],
  [
    'labels and expressions must all hold',
    {
      matchLabels: { tier: 'web' },
      matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }],
    },
    false,
  ],
];

describe('matchesLabelSelector', () => {
  it.each(cases)('%s', (_name, selector, expected) => {
    expect(matchesLabelSelector(selector, labels)).toBe(expected);
  });

  it('treats missing labels as none', () => {
    expect(
      matchesLabelSelector(
        { matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] },
        undefined,
      ),
    ).toBe(true);
  });
});

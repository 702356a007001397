import { describe, expect, it } from 'vitest';
import type { MigrationPolicy } from './migrationTypes';
import { matchMigrationPolicy } from './policyMatch';

const policy = (
  name: string,
  vmi?: Record<string, string>,
  ns?: Record<string, string>,
  noSelectors = false,
): MigrationPolicy => ({
  metadata: { name },
  spec: noSelectors
    ? ({} as MigrationPolicy['spec'])
    : { selectors: { virtualMachineInstanceSelector: vmi, namespaceSelector: ns } },
});

const vmiLabels = { 'workload-type': 'db', tier: 'gold' };
const nsLabels = { 'hpc-workloads': 'True' };

describe('matchMigrationPolicy', () => {
  it.each([
    ['no policies', [], undefined],
    [
      'a policy whose VMI label does not match',
      [policy('a', { 'workload-type': 'web' })],
      undefined,
    ],
    [
      'a policy needing a missing namespace label',
      [policy('a', undefined, { other: 'x' })],
      undefined,
    ],
    ['a policy without selectors', [policy('a', undefined, undefined, true)], undefined],
    ['a policy with empty selectors (matches everything)', [policy('a')], 'a'],
    [
      'the policy matching more labels',
      [
        policy('one', { 'workload-type': 'db' }),
        policy('two', { 'workload-type': 'db', tier: 'gold' }),
      ],
      'two',
    ],
    [
      'VMI labels over namespace labels on equal totals',
      [policy('ns', undefined, { 'hpc-workloads': 'True' }), policy('vmi', { tier: 'gold' })],
      'vmi',
    ],
    [
      'namespace + VMI labels over VMI labels alone',
      [
        policy('vmi', { tier: 'gold' }),
        policy('both', { tier: 'gold' }, { 'hpc-workloads': 'True' }),
      ],
      'both',
    ],
    [
      'the lexicographically first name on a full tie',
      [policy('zeta', { tier: 'gold' }), policy('alpha', { 'workload-type': 'db' })],
      'alpha',
    ],
  ])('%s', (_what, policies, expected) => {
    expect(matchMigrationPolicy(policies, vmiLabels, nsLabels)?.metadata.name).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import {
  applyMigrationPolicy,
  clusterMigrationConfiguration,
  DEFAULT_MIGRATION_CONFIGURATION,
} from './migrationConfig';

describe('clusterMigrationConfiguration', () => {
  it.each([
    [
      'defaults when nothing is configured',
      undefined,
      undefined,
      { parallelMigrationsPerCluster: 5, progressTimeout: 150 },
    ],
    [
      'the KubeVirt CR over defaults',
      { parallelMigrationsPerCluster: 3 },
      undefined,
      { parallelMigrationsPerCluster: 3 },
    ],
    [
      'HyperConverged over the KubeVirt CR',
      { parallelMigrationsPerCluster: 3, completionTimeoutPerGiB: 100 },
      { parallelMigrationsPerCluster: 1, bandwidthPerMigration: '64Mi' },
      {
        parallelMigrationsPerCluster: 1,
        completionTimeoutPerGiB: 100,
        bandwidthPerMigration: '64Mi',
      },
    ],
    [
      'the migration network from HCO',
      undefined,
      { network: 'migration-net' },
      { network: 'migration-net' },
    ],
  ])('takes %s', (_what, kv, hco, expected) => {
    expect(clusterMigrationConfiguration(kv, hco)).toMatchObject(expected);
  });

  it('ignores fields that are not migration settings and null values', () => {
    const config = clusterMigrationConfiguration({ foo: 1, progressTimeout: null }, undefined);
    expect(config).toEqual(DEFAULT_MIGRATION_CONFIGURATION);
  });
});

describe('applyMigrationPolicy', () => {
  const base = clusterMigrationConfiguration(undefined, undefined);
  it.each([
    ['nothing set', {}, false, {}],
    ['bandwidth', { bandwidthPerMigration: '128Mi' }, true, { bandwidthPerMigration: '128Mi' }],
    [
      'post-copy (implies workload disruption)',
      { allowPostCopy: true },
      true,
      { allowPostCopy: true, allowWorkloadDisruption: true },
    ],
    [
      'explicit workload disruption wins',
      { allowPostCopy: true, allowWorkloadDisruption: false },
      true,
      { allowPostCopy: true, allowWorkloadDisruption: false },
    ],
    [
      'auto-converge and timeout',
      { allowAutoConverge: true, completionTimeoutPerGiB: 10 },
      true,
      { allowAutoConverge: true, completionTimeoutPerGiB: 10 },
    ],
  ])('overrides %s', (_what, spec, changed, expected) => {
    const result = applyMigrationPolicy(base, { selectors: {}, ...spec });
    expect(result.changed).toBe(changed);
    expect(result.configuration).toMatchObject({ ...base, ...expected });
  });
});

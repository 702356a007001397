import type { V1alpha1MigrationPolicySpec } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { MigrationConfiguration } from './migrationTypes';

/** KubeVirt's built-in migration configuration (virt-config defaults), used where neither the
 * KubeVirt CR nor HyperConverged says otherwise. */
export const DEFAULT_MIGRATION_CONFIGURATION: Readonly<MigrationConfiguration> = {
  allowAutoConverge: false,
  allowPostCopy: false,
  allowWorkloadDisruption: false,
  bandwidthPerMigration: '0Mi',
  completionTimeoutPerGiB: 150,
  disableTLS: false,
  nodeDrainTaintKey: 'kubevirt.io/drain',
  parallelMigrationsPerCluster: 5,
  parallelOutboundMigrationsPerNode: 2,
  progressTimeout: 150,
  unsafeMigrationOverride: false,
};

const KNOWN_KEYS = Object.keys(DEFAULT_MIGRATION_CONFIGURATION).concat('network');

const pickKnown = (source: Record<string, unknown> | undefined): MigrationConfiguration => {
  const out: Record<string, unknown> = {};
  for (const key of KNOWN_KEYS) {
    const v = source?.[key];
    if (v !== undefined && v !== null) out[key] = v;
  }
  return out as MigrationConfiguration;
};

/**
 * The cluster-wide migration configuration: KubeVirt defaults, then the KubeVirt CR's
 * `spec.configuration.migrations`, then HyperConverged's `spec.liveMigrationConfig`. HCO wins
 * because on a real cluster its operator rewrites the KubeVirt CR from it; here nothing does, so
 * reading both keeps Settings edits (made on HCO) effective at once.
 */
export const clusterMigrationConfiguration = (
  kubevirtMigrations: Record<string, unknown> | undefined,
  hcoLiveMigrationConfig: Record<string, unknown> | undefined,
): MigrationConfiguration => ({
  ...DEFAULT_MIGRATION_CONFIGURATION,
  ...pickKnown(kubevirtMigrations),
  ...pickKnown(hcoLiveMigrationConfig),
});

/**
 * KubeVirt's `GetMigrationConfByPolicy`: every field the policy sets overrides the cluster value.
 * `changed` tells whether the policy set anything (KubeVirt records the policy name only then).
 * A policy that sets `allowPostCopy` but not `allowWorkloadDisruption` also sets the latter, for
 * backward compatibility, as KubeVirt does.
 */
export const applyMigrationPolicy = (
  config: MigrationConfiguration,
  policy: V1alpha1MigrationPolicySpec,
): { configuration: MigrationConfiguration; changed: boolean } => {
  const configuration: MigrationConfiguration = { ...config };
  let changed = false;
  const set = <K extends keyof MigrationConfiguration>(
    key: K,
    value: MigrationConfiguration[K] | undefined,
  ): void => {
    if (value === undefined || value === null) return;
    configuration[key] = value;
    changed = true;
  };
  set('allowAutoConverge', policy.allowAutoConverge);
  set('bandwidthPerMigration', policy.bandwidthPerMigration);
  set('completionTimeoutPerGiB', policy.completionTimeoutPerGiB);
  set('allowPostCopy', policy.allowPostCopy);
  set('allowWorkloadDisruption', policy.allowWorkloadDisruption ?? policy.allowPostCopy);
  return { configuration, changed };
};

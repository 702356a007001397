import type { VirtualMachineInstanceMigration } from '../models/types';

/** Migration phases after which nothing more happens. */
const FINAL_PHASES = new Set(['Succeeded', 'Failed']);

export const isMigrationFinished = (migration: VirtualMachineInstanceMigration): boolean =>
  FINAL_PHASES.has(migration.status?.phase ?? '') || !!migration.metadata?.deletionTimestamp;

/** The newest unfinished migration among a VMI's migrations, if any. */
export const getActiveMigration = (
  migrations: readonly VirtualMachineInstanceMigration[],
): VirtualMachineInstanceMigration | undefined =>
  migrations
    .filter((m) => !isMigrationFinished(m))
    .sort((a, b) =>
      (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''),
    )[0];

import type { MigrationMode } from './progressModel';

/**
 * The in-flight figures of running migrations, by VMI UID. KubeVirt's VMI status carries no byte
 * counts (virt-handler exports them as `kubevirt_vmi_migration_*` metrics straight from libvirt's
 * job info), so the metrics exporter reads them here, in process.
 */
export interface MigrationProgress {
  vmiUid: string;
  vmiName: string;
  namespace: string;
  migrationName: string;
  migrationUid: string;
  sourceNode?: string;
  targetNode?: string;
  mode: MigrationMode;
  /** Seconds since the memory transfer started. */
  elapsedSeconds: number;
  dataTotalBytes: number;
  dataProcessedBytes: number;
  dataRemainingBytes: number;
  /** Bytes per second being sent now (`kubevirt_vmi_migration_memory_transfer_rate_bytes`). */
  memoryTransferRateBytes: number;
  /** Bytes per second the guest dirties now (`kubevirt_vmi_migration_dirty_memory_rate_bytes`). */
  dirtyMemoryRateBytes: number;
  iteration: number;
  /** Auto-converge vCPU throttle, 0…1. */
  autoConvergeThrottle: number;
  /** Wall-clock time of the last update (ms since epoch). */
  updatedAt: number;
}

const registry = new Map<string, MigrationProgress>();

/** The running migration of a VMI, or undefined when none is transferring. */
export const progressOf = (vmiUid: string): MigrationProgress | undefined => registry.get(vmiUid);

/** All migrations transferring now. */
export const allMigrationProgress = (): MigrationProgress[] => [...registry.values()];

export const reportMigrationProgress = (progress: MigrationProgress): void => {
  registry.set(progress.vmiUid, progress);
};

export const clearMigrationProgress = (vmiUid: string, migrationUid?: string): void => {
  const current = registry.get(vmiUid);
  if (current && (!migrationUid || current.migrationUid === migrationUid)) registry.delete(vmiUid);
};

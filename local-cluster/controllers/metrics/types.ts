import type { GuestStats } from '../../guests/guestTypes';

/**
 * What the exporter needs from the parts of the local cluster that run guests and migrations.
 * Both are optional: without them every running VMI gets plausible simulated statistics.
 */

/** Totals since a guest started; a type-only import, so the exporter loads no guest code. */
export type { GuestStats };

/** Progress of the live migration a VMI is in, as libvirt's migration job info reports it
 * (virDomainGetJobStats); virt-handler exports it while the migration runs. */
export interface MigrationProgress {
  /** Bytes already sent to the target (memory and disks). */
  dataProcessedBytes: number;
  /** Bytes still to send. */
  dataRemainingBytes: number;
  /** processed + remaining, as libvirt reports `data_total`. */
  dataTotalBytes: number;
  /** Memory transfer rate, bytes per second. */
  memoryTransferRateBytes: number;
  /** Rate at which the guest dirties memory, bytes per second. */
  dirtyMemoryRateBytes: number;
  /** Disk transfer rate, bytes per second (0 without block migration). */
  diskTransferRateBytes?: number;
}

export interface MetricsSources {
  /** Real statistics of a running guest (QEMU or built-in), by VMI uid. */
  guestStats?: (vmiUid: string) => GuestStats | undefined;
  /** Progress of the migration of a VMI, by VMI uid; undefined when none runs. */
  migrationProgress?: (vmiUid: string) => MigrationProgress | undefined;
}

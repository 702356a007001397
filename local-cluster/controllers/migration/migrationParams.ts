import { parseQuantity } from '../../apiserver/validation/quantity';
import type { MigrationModelParams } from './progressModel';
import { acceptableCompletionSeconds } from './progressModel';
import type { MigrationConfiguration, Vmi } from './migrationTypes';
import { ANNOTATIONS } from './migrationTypes';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/** What one migration may use of the migration network when nothing limits it. */
export const LINK_BYTES_PER_SECOND = GiB;
/** The shortest memory transfer the simulation plays, so a small VM still shows its migration. */
export const MIN_TRANSFER_SECONDS = 5;
/** QEMU's default downtime-limit. */
export const MAX_DOWNTIME_MS = 300;

const quantity = (value: unknown): number | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  try {
    return parseQuantity(value);
  } catch {
    return undefined;
  }
};

/** Guest memory as KubeVirt sizes the migration: `domain.memory.guest`, else the memory request. */
export const guestMemoryBytes = (vmi: Vmi): number => {
  const domain = vmi.spec.domain as {
    memory?: { guest?: string };
    resources?: { requests?: Record<string, string> };
  };
  return (
    quantity(domain.memory?.guest) ??
    quantity(domain.resources?.requests?.memory) ??
    quantity(vmi.status?.memory?.guestCurrent) ??
    GiB
  );
};

/** Volumes that live in the launcher pod and must be copied with the guest (block migration). */
export const localVolumes = (vmi: Vmi): string[] =>
  (vmi.spec.volumes ?? [])
    .filter((v) => v.containerDisk || v.emptyDisk || v.hostDisk || v.ephemeral)
    .map((v) => v.name);

export const migrationMethodOf = (vmi: Vmi): 'LiveMigration' | 'BlockMigration' =>
  localVolumes(vmi).length ? 'BlockMigration' : 'LiveMigration';

/** Extra bytes a block migration copies: the declared empty-disk capacities. */
const localDiskBytes = (vmi: Vmi): number =>
  (vmi.spec.volumes ?? []).reduce((sum, v) => sum + (quantity(v.emptyDisk?.capacity) ?? 0), 0);

/** The simulated guest's dirty rate: the annotation when set, else a mostly idle guest (1 % of
 * its memory per second, at most 32 MiB/s). */
export const dirtyRateBytesPerSecond = (vmi: Vmi, memoryBytes: number): number =>
  quantity(vmi.metadata.annotations?.[ANNOTATIONS.dirtyRate]) ??
  Math.min(memoryBytes * 0.01, 32 * MiB);

/** Model inputs for one VMI under one migration configuration. */
export const migrationModelParams = (
  vmi: Vmi,
  config: MigrationConfiguration,
): MigrationModelParams => {
  const memory = guestMemoryBytes(vmi);
  const dataTotalBytes = memory + localDiskBytes(vmi);
  const bandwidth = quantity(config.bandwidthPerMigration) ?? 0;
  const link = Math.min(
    bandwidth > 0 ? bandwidth : LINK_BYTES_PER_SECOND,
    LINK_BYTES_PER_SECOND,
    dataTotalBytes / MIN_TRANSFER_SECONDS,
  );
  return {
    dataTotalBytes,
    linkBytesPerSecond: link,
    dirtyBytesPerSecond: dirtyRateBytesPerSecond(vmi, memory),
    allowAutoConverge: config.allowAutoConverge ?? false,
    allowPostCopy: config.allowPostCopy ?? false,
    acceptableCompletionSeconds: acceptableCompletionSeconds(
      dataTotalBytes,
      config.completionTimeoutPerGiB ?? 150,
    ),
    progressTimeoutSeconds: config.progressTimeout ?? 150,
    maxDowntimeMs: MAX_DOWNTIME_MS,
  };
};

import type { DomainStats } from './domainStats';
import type { ExpositionWriter } from './exposition';
import { escapeLabelValue, joinPairs } from './exposition';
import { DOMAIN, MIGRATION_JOB } from './families';
import type { MigrationProgress } from './types';

const pair = (key: string, value: string): string => `${key}="${escapeLabelValue(value)}"`;

/**
 * The series virt-handler's domain-stats collector exports for one running VMI. `base` holds the
 * VMI's preformatted labels (node, namespace, name and its `kubernetes_vmi_label_*` labels).
 */
export const writeDomainSeries = (w: ExpositionWriter, base: string, s: DomainStats): void => {
  w.addPairs(DOMAIN.cpuUsage.name, base, s.cpuSeconds);
  w.addPairs(DOMAIN.cpuUser.name, base, s.cpuUserSeconds);
  w.addPairs(DOMAIN.cpuSystem.name, base, s.cpuSystemSeconds);

  s.vcpus.forEach((v, i) => {
    const id = pair('id', String(i));
    w.addPairs(DOMAIN.vcpuSeconds.name, joinPairs(base, id, 'state="running"'), v.seconds);
    w.addPairs(DOMAIN.vcpuWait.name, joinPairs(base, id), v.waitSeconds);
    w.addPairs(DOMAIN.vcpuDelay.name, joinPairs(base, id), v.delaySeconds);
  });
  w.addPairs(DOMAIN.vcpuCount.name, base, s.vcpus.length);

  const m = s.memory;
  w.addPairs(DOMAIN.memResident.name, base, m.residentBytes);
  w.addPairs(DOMAIN.memAvailable.name, base, m.availableBytes);
  w.addPairs(DOMAIN.memUnused.name, base, m.unusedBytes);
  w.addPairs(DOMAIN.memCached.name, base, m.cachedBytes);
  w.addPairs(DOMAIN.memSwapIn.name, base, m.swapInBytes);
  w.addPairs(DOMAIN.memSwapOut.name, base, m.swapOutBytes);
  w.addPairs(DOMAIN.memMajFault.name, base, m.majorFaults);
  w.addPairs(DOMAIN.memMinFault.name, base, m.minorFaults);
  w.addPairs(DOMAIN.memBalloon.name, base, m.actualBalloonBytes);
  w.addPairs(DOMAIN.memUsable.name, base, m.usableBytes);
  w.addPairs(DOMAIN.memDomain.name, base, m.domainBytes);
  // KubeVirt records this one (available − usable); exported directly so it exists without rules.
  w.addPairs(DOMAIN.memUsed.name, base, m.availableBytes - m.usableBytes);

  for (const n of s.nets) {
    const l = joinPairs(base, pair('interface', n.iface));
    w.addPairs(DOMAIN.netRxBytes.name, l, n.rxBytes);
    w.addPairs(DOMAIN.netTxBytes.name, l, n.txBytes);
    w.addPairs(DOMAIN.netRxPackets.name, l, n.rxPackets);
    w.addPairs(DOMAIN.netTxPackets.name, l, n.txPackets);
    w.addPairs(DOMAIN.netRxErrors.name, l, n.rxErrors);
    w.addPairs(DOMAIN.netTxErrors.name, l, n.txErrors);
    w.addPairs(DOMAIN.netRxDropped.name, l, n.rxDropped);
    w.addPairs(DOMAIN.netTxDropped.name, l, n.txDropped);
  }

  for (const b of s.blocks) {
    const l = joinPairs(base, pair('drive', b.drive));
    w.addPairs(DOMAIN.iopsRead.name, l, b.readOps);
    w.addPairs(DOMAIN.iopsWrite.name, l, b.writeOps);
    w.addPairs(DOMAIN.readBytes.name, l, b.readBytes);
    w.addPairs(DOMAIN.writeBytes.name, l, b.writeBytes);
    w.addPairs(DOMAIN.readTimes.name, l, b.readSeconds);
    w.addPairs(DOMAIN.writeTimes.name, l, b.writeSeconds);
    w.addPairs(DOMAIN.flushRequests.name, l, b.flushOps);
    w.addPairs(DOMAIN.flushTimes.name, l, b.flushSeconds);
  }

  for (const f of s.filesystems) {
    const l = joinPairs(
      base,
      pair('disk_name', f.diskName),
      pair('mount_point', f.mountPoint),
      pair('file_system_type', f.fileSystemType),
    );
    w.addPairs(DOMAIN.fsCapacity.name, l, f.capacityBytes);
    w.addPairs(DOMAIN.fsUsed.name, l, f.usedBytes);
  }
};

/** libvirt's migration job statistics, under today's names and the pre-1.1 ones. */
export const writeMigrationJobSeries = (
  w: ExpositionWriter,
  base: string,
  p: MigrationProgress,
): void => {
  const disk = p.diskTransferRateBytes ?? 0;
  w.addPairs(MIGRATION_JOB.dataProcessed.name, base, p.dataProcessedBytes);
  w.addPairs(MIGRATION_JOB.dataRemaining.name, base, p.dataRemainingBytes);
  w.addPairs(MIGRATION_JOB.dataTotal.name, base, p.dataTotalBytes);
  w.addPairs(MIGRATION_JOB.dirtyRate.name, base, p.dirtyMemoryRateBytes);
  w.addPairs(MIGRATION_JOB.memoryRate.name, base, p.memoryTransferRateBytes);
  w.addPairs(MIGRATION_JOB.diskRate.name, base, disk);
  w.addPairs(MIGRATION_JOB.legacyDataProcessed.name, base, p.dataProcessedBytes);
  w.addPairs(MIGRATION_JOB.legacyDataRemaining.name, base, p.dataRemainingBytes);
  w.addPairs(MIGRATION_JOB.legacyDirtyRate.name, base, p.dirtyMemoryRateBytes);
  w.addPairs(MIGRATION_JOB.legacyMemoryRate.name, base, p.memoryTransferRateBytes);
  w.addPairs(MIGRATION_JOB.legacyDiskRate.name, base, disk);
};

/**
 * Progress when nobody reports it: memory copied at ~1 GiB/s (the contract's simulated rate)
 * from the migration's start, with a small dirty rate so the remaining data never hits zero
 * before the migration controller completes it.
 */
export const simulatedMigrationProgress = (
  memoryBytes: number,
  startedMs: number,
  nowMs: number,
): MigrationProgress => {
  const rate = 2 ** 30;
  const total = Math.max(memoryBytes, 64 * 2 ** 20);
  const elapsed = Math.max(0, (nowMs - startedMs) / 1000);
  const dirty = Math.floor(total * 0.002);
  const processed = Math.min(total - dirty, Math.floor(elapsed * rate));
  return {
    dataProcessedBytes: processed,
    dataRemainingBytes: total - processed,
    dataTotalBytes: total,
    memoryTransferRateBytes: processed < total - dirty ? rate : dirty,
    dirtyMemoryRateBytes: dirty,
    diskTransferRateBytes: 0,
  };
};

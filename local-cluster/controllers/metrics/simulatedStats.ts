import type { BlockStats, DomainStats, NetStats } from './domainStats';
import type { GuestStats } from './types';

/**
 * Plausible statistics for a guest the exporter cannot measure. Everything is a pure function of
 * the VMI uid and its uptime, so every scrape of the same VMI agrees with the previous one:
 * counters are integrals of a positive rate (r·t + a·(1 − cos ωt)/ω with a ≤ r), hence never go
 * down, and gauges wobble around a per-VMI level. A new VMI (new uid) starts again from zero,
 * as a restarted domain does.
 */

export interface SimulationInput {
  uid: string;
  vcpus: number;
  memoryBytes: number;
  interfaces: string[];
  drives: { name: string; capacityBytes?: number }[];
  /** Seconds since the VMI entered phase Running. */
  uptimeSeconds: number;
  /** Whether a guest agent reports filesystems (condition AgentConnected). */
  agentConnected: boolean;
}

const GiB = 2 ** 30;
const MiB = 2 ** 20;
const DEFAULT_DISK_BYTES = 30 * GiB;

/** FNV-1a, 32 bits: a stable seed per uid. */
export const hashString = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** mulberry32: a tiny deterministic generator of floats in [0, 1). */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** A rate that wobbles between r − a and r + a with the given period; its integral from 0 to t. */
export const wobblyTotal = (rate: number, wobble: number, periodSeconds: number, t: number) => {
  const a = Math.min(Math.abs(wobble), Math.abs(rate));
  const w = (2 * Math.PI) / periodSeconds;
  return rate * t + (a * (1 - Math.cos(w * t))) / w;
};

const between = (rnd: () => number, lo: number, hi: number): number => lo + (hi - lo) * rnd();
const logBetween = (rnd: () => number, lo: number, hi: number): number =>
  Math.exp(between(rnd, Math.log(lo), Math.log(hi)));

export const simulateDomainStats = (input: SimulationInput): DomainStats => {
  const rnd = seededRandom(hashString(input.uid));
  const t = Math.max(0, input.uptimeSeconds);
  const vcpus = Math.max(1, input.vcpus);

  // CPU: a busy-ness between 3 % and 33 % of the vCPUs, wobbling over 5–20 minutes.
  const util = between(rnd, 0.03, 0.33);
  const cpuPeriod = between(rnd, 300, 1200);
  const cpuSeconds = vcpus * wobblyTotal(util, util * between(rnd, 0.2, 0.9), cpuPeriod, t);
  const vcpuShare = (0.9 * cpuSeconds) / vcpus;
  const vcpuStats = Array.from({ length: vcpus }, () => {
    const seconds = vcpuShare * between(rnd, 0.9, 1.1);
    return { seconds, waitSeconds: seconds * 0.015, delaySeconds: seconds * 0.004 };
  });

  // Memory: the guest sees ~97 % of the domain memory and uses 20–55 % of it.
  const domainBytes = Math.max(64 * MiB, input.memoryBytes);
  const availableBytes = Math.floor((domainBytes * 0.97) / 1024) * 1024;
  const usedShare = between(rnd, 0.2, 0.55) + 0.05 * Math.sin(t / between(rnd, 200, 600));
  const usedBytes = Math.floor((availableBytes * usedShare) / 1024) * 1024;
  const usableBytes = availableBytes - usedBytes;
  const swaps = rnd() < 0.125;
  const swapRate = swaps ? logBetween(rnd, 1e3, 2e4) : 0;

  const nets: NetStats[] = input.interfaces.map((iface, i) => {
    const rxRate = logBetween(rnd, 2e3, 4e5) / (i + 1);
    const txRate = rxRate * between(rnd, 0.2, 1.5);
    const period = between(rnd, 120, 900);
    const rxBytes = Math.floor(wobblyTotal(rxRate, rxRate * 0.8, period, t));
    const txBytes = Math.floor(wobblyTotal(txRate, txRate * 0.8, period, t));
    const rxPackets = Math.floor(rxBytes / between(rnd, 400, 1400));
    const txPackets = Math.floor(txBytes / between(rnd, 300, 1200));
    return {
      iface,
      rxBytes,
      txBytes,
      rxPackets,
      txPackets,
      rxErrors: 0,
      txErrors: 0,
      rxDropped: Math.floor(rxPackets / 200_000),
      txDropped: 0,
    };
  });

  const blocks: BlockStats[] = input.drives.map(({ name }, i) => {
    const scale = i === 0 ? 1 : 0.25;
    const readRate = logBetween(rnd, 5e3, 2e6) * scale;
    const writeRate = logBetween(rnd, 2e3, 1e6) * scale;
    const period = between(rnd, 180, 1500);
    const readBytes = Math.floor(wobblyTotal(readRate, readRate * 0.9, period, t));
    const writeBytes = Math.floor(wobblyTotal(writeRate, writeRate * 0.9, period, t));
    const readOps = Math.floor(readBytes / between(rnd, 4096, 131072));
    const writeOps = Math.floor(writeBytes / between(rnd, 4096, 65536));
    const flushOps = Math.floor(writeOps / 20);
    return {
      drive: name,
      readOps,
      writeOps,
      readBytes,
      writeBytes,
      readSeconds: readOps * between(rnd, 0.0003, 0.003),
      writeSeconds: writeOps * between(rnd, 0.0005, 0.005),
      flushOps,
      flushSeconds: flushOps * 0.001,
    };
  });

  const root = input.drives[0];
  const rootCapacity = root?.capacityBytes ?? DEFAULT_DISK_BYTES;
  const fsCapacity = Math.floor((rootCapacity * 0.98) / 4096) * 4096;
  const fsUsedShare = Math.min(0.9, between(rnd, 0.12, 0.5) + t / (86400 * 365));

  return {
    cpuSeconds,
    cpuUserSeconds: cpuSeconds * 0.7,
    cpuSystemSeconds: cpuSeconds * 0.3,
    vcpus: vcpuStats,
    memory: {
      domainBytes,
      availableBytes,
      usableBytes,
      unusedBytes: Math.floor(usableBytes * 0.6),
      cachedBytes: Math.floor(usableBytes * 0.35),
      residentBytes: Math.floor(usedBytes * 1.08 + usableBytes * 0.2 + 120 * MiB),
      actualBalloonBytes: domainBytes,
      swapInBytes: Math.floor(swapRate * t),
      swapOutBytes: Math.floor(swapRate * 1.3 * t),
      majorFaults: Math.floor(wobblyTotal(between(rnd, 0.2, 3), 0.1, 600, t)),
      minorFaults: Math.floor(wobblyTotal(between(rnd, 200, 2000), 100, 600, t)),
    },
    nets,
    blocks,
    filesystems:
      input.agentConnected && root
        ? [
            {
              diskName: 'vda',
              mountPoint: '/',
              fileSystemType: 'xfs',
              capacityBytes: fsCapacity,
              usedBytes: Math.floor((fsCapacity * fsUsedShare) / 4096) * 4096,
            },
          ]
        : [],
  };
};

/**
 * Replaces simulated figures with what a real guest measured. The guest reports totals, so they
 * land on the first interface and the first drive; the split between vCPUs, user and system time
 * keeps the simulated proportions. A guest without a NIC or a disk (the local QEMU guests have
 * neither) measured nothing there, so those keep their simulated figures.
 */
export const withGuestStats = (sim: DomainStats, real: GuestStats): DomainStats => {
  const cpuRatio = sim.cpuSeconds > 0 ? real.cpuSeconds / sim.cpuSeconds : 0;
  const available = real.memoryAvailableBytes > 0 ? real.memoryAvailableBytes : 0;
  const usable = Math.max(0, available - real.memoryUsedBytes);
  const [firstNet, ...otherNets] = sim.nets;
  const [firstBlock, ...otherBlocks] = sim.blocks;
  const perReadOp =
    firstBlock && firstBlock.readOps > 0 ? firstBlock.readSeconds / firstBlock.readOps : 0.001;
  const perWriteOp =
    firstBlock && firstBlock.writeOps > 0 ? firstBlock.writeSeconds / firstBlock.writeOps : 0.002;
  return {
    ...sim,
    cpuSeconds: real.cpuSeconds,
    cpuUserSeconds: real.cpuSeconds * 0.7,
    cpuSystemSeconds: real.cpuSeconds * 0.3,
    vcpus: sim.vcpus.map((v) => ({
      seconds: v.seconds * cpuRatio,
      waitSeconds: v.waitSeconds * cpuRatio,
      delaySeconds: v.delaySeconds * cpuRatio,
    })),
    memory: {
      ...sim.memory,
      availableBytes: available || sim.memory.availableBytes,
      usableBytes: available ? usable : sim.memory.usableBytes,
      unusedBytes: available ? Math.floor(usable * 0.6) : sim.memory.unusedBytes,
      cachedBytes: available ? Math.floor(usable * 0.35) : sim.memory.cachedBytes,
      // For a QEMU guest the used figure is the process RSS, which is what RSS means here too.
      residentBytes: real.memoryUsedBytes,
    },
    nets: !(real.netRxBytes || real.netTxBytes)
      ? sim.nets
      : firstNet
        ? [
            {
              ...firstNet,
              rxBytes: real.netRxBytes,
              txBytes: real.netTxBytes,
              rxPackets: Math.floor(real.netRxBytes / 800),
              txPackets: Math.floor(real.netTxBytes / 700),
              rxDropped: 0,
            },
            ...otherNets,
          ]
        : [],
    blocks: !(real.diskReadOps || real.diskWriteOps)
      ? sim.blocks
      : firstBlock
        ? [
            {
              ...firstBlock,
              readBytes: real.diskReadBytes,
              writeBytes: real.diskWriteBytes,
              readOps: real.diskReadOps,
              writeOps: real.diskWriteOps,
              readSeconds: real.diskReadOps * perReadOp,
              writeSeconds: real.diskWriteOps * perWriteOp,
              flushOps: Math.floor(real.diskWriteOps / 20),
              flushSeconds: Math.floor(real.diskWriteOps / 20) * 0.001,
            },
            ...otherBlocks,
          ]
        : [],
  };
};

import { describe, expect, it } from 'vitest';
import type { DomainStats } from './domainStats';
import type { SimulationInput } from './simulatedStats';
import { simulateDomainStats, withGuestStats, wobblyTotal } from './simulatedStats';

const GiB = 2 ** 30;
const input = (over: Partial<SimulationInput> = {}): SimulationInput => ({
  uid: 'c0ffee00-0000-4000-8000-000000000001',
  vcpus: 2,
  memoryBytes: 4 * GiB,
  interfaces: ['default', 'secondary'],
  drives: [{ name: 'rootdisk', capacityBytes: 30 * GiB }, { name: 'cloudinitdisk' }],
  uptimeSeconds: 600,
  agentConnected: true,
  ...over,
});

/** Every counter of a domain, flattened, to compare two scrapes. */
const counters = (s: DomainStats): number[] => [
  s.cpuSeconds,
  s.cpuUserSeconds,
  s.cpuSystemSeconds,
  ...s.vcpus.flatMap((v) => [v.seconds, v.waitSeconds, v.delaySeconds]),
  s.memory.majorFaults,
  s.memory.minorFaults,
  s.memory.swapInBytes,
  s.memory.swapOutBytes,
  ...s.nets.flatMap((n) => [n.rxBytes, n.txBytes, n.rxPackets, n.txPackets, n.rxDropped]),
  ...s.blocks.flatMap((b) => [
    b.readOps,
    b.writeOps,
    b.readBytes,
    b.writeBytes,
    b.readSeconds,
    b.writeSeconds,
    b.flushOps,
    b.flushSeconds,
  ]),
];

describe('simulated domain statistics', () => {
  it('integrates a wobbling positive rate, so totals never decrease', () => {
    let last = -1;
    for (let t = 0; t < 5000; t += 7) {
      const v = wobblyTotal(10, 10, 300, t);
      expect(v).toBeGreaterThanOrEqual(last);
      last = v;
    }
    expect(wobblyTotal(10, 50, 300, 0)).toBe(0);
  });

  it('is the same for the same VMI and time, and differs between VMIs', () => {
    expect(simulateDomainStats(input())).toEqual(simulateDomainStats(input()));
    const other = simulateDomainStats(input({ uid: 'another-uid' }));
    expect(other.cpuSeconds).not.toBe(simulateDomainStats(input()).cpuSeconds);
  });

  it('keeps every counter monotonic across scrapes', () => {
    let previous = counters(simulateDomainStats(input({ uptimeSeconds: 0 })));
    expect(previous.every((v) => v === 0)).toBe(true);
    const decreases: string[] = [];
    for (let t = 3; t < 7200; t += 13) {
      const now = counters(simulateDomainStats(input({ uptimeSeconds: t })));
      now.forEach((v, i) => {
        if (v < previous[i]) decreases.push(`counter ${i} at ${t}s: ${previous[i]} -> ${v}`);
      });
      previous = now;
    }
    expect(decreases).toEqual([]);
  });

  it('keeps gauges plausible: used memory within the domain, CPU within the vCPUs', () => {
    for (let t = 0; t < 3600; t += 60) {
      const s = simulateDomainStats(input({ uptimeSeconds: t }));
      const m = s.memory;
      expect(m.availableBytes).toBeLessThanOrEqual(m.domainBytes);
      expect(m.usableBytes).toBeGreaterThan(0);
      expect(m.usableBytes).toBeLessThan(m.availableBytes);
      expect(m.unusedBytes + m.cachedBytes).toBeLessThanOrEqual(m.usableBytes);
      expect(s.cpuSeconds).toBeLessThanOrEqual(2 * t + 1e-9);
    }
  });

  it('describes the VMI: one series per interface and drive, a filesystem only with an agent', () => {
    const s = simulateDomainStats(input());
    expect(s.vcpus).toHaveLength(2);
    expect(s.nets.map((n) => n.iface)).toEqual(['default', 'secondary']);
    expect(s.blocks.map((b) => b.drive)).toEqual(['rootdisk', 'cloudinitdisk']);
    expect(s.filesystems).toHaveLength(1);
    expect(s.filesystems[0].capacityBytes).toBeLessThanOrEqual(30 * GiB);
    expect(s.filesystems[0].usedBytes).toBeLessThan(s.filesystems[0].capacityBytes);
    expect(simulateDomainStats(input({ agentConnected: false })).filesystems).toEqual([]);
  });

  it('takes what a real guest measured', () => {
    const sim = simulateDomainStats(input());
    const real = withGuestStats(sim, {
      cpuSeconds: 42,
      memoryUsedBytes: 300 * 2 ** 20,
      memoryAvailableBytes: GiB,
      netRxBytes: 1000,
      netTxBytes: 2000,
      diskReadBytes: 3000,
      diskWriteBytes: 4000,
      diskReadOps: 5,
      diskWriteOps: 6,
    });
    expect(real.cpuSeconds).toBe(42);
    expect(real.vcpus.reduce((a, v) => a + v.seconds, 0)).toBeCloseTo(
      (42 / sim.cpuSeconds) * sim.vcpus.reduce((a, v) => a + v.seconds, 0),
    );
    expect(real.memory.availableBytes - real.memory.usableBytes).toBe(300 * 2 ** 20);
    expect(real.memory.residentBytes).toBe(300 * 2 ** 20);
    expect(real.nets[0]).toMatchObject({ iface: 'default', rxBytes: 1000, txBytes: 2000 });
    expect(real.nets[1]).toEqual(sim.nets[1]);
    expect(real.blocks[0]).toMatchObject({
      readBytes: 3000,
      writeBytes: 4000,
      readOps: 5,
      writeOps: 6,
    });
  });

  it('keeps simulated network and disk figures for a guest that has neither', () => {
    const sim = simulateDomainStats(input());
    const real = withGuestStats(sim, {
      cpuSeconds: 7,
      memoryUsedBytes: 200 * 2 ** 20,
      memoryAvailableBytes: GiB,
      netRxBytes: 0,
      netTxBytes: 0,
      diskReadBytes: 0,
      diskWriteBytes: 0,
      diskReadOps: 0,
      diskWriteOps: 0,
    });
    expect(real.cpuSeconds).toBe(7);
    expect(real.nets).toEqual(sim.nets);
    expect(real.blocks).toEqual(sim.blocks);
  });
});

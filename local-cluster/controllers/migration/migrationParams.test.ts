import { describe, expect, it } from 'vitest';
import { guestMemoryBytes, migrationMethodOf, migrationModelParams } from './migrationParams';
import type { Vmi } from './migrationTypes';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

const vmi = (
  domain: Record<string, unknown>,
  volumes: Vmi['spec']['volumes'] = [],
  annotations?: Record<string, string>,
): Vmi => ({
  metadata: { name: 'vm', annotations },
  spec: { domain: { devices: {}, ...domain }, volumes },
});

describe('migration parameters', () => {
  it.each([
    ['memory.guest', vmi({ memory: { guest: '4Gi' } }), 4 * GiB],
    ['the memory request', vmi({ resources: { requests: { memory: '2Gi' } } }), 2 * GiB],
    ['1 GiB when nothing says', vmi({}), GiB],
  ])('reads guest memory from %s', (_what, v, bytes) => {
    expect(guestMemoryBytes(v)).toBe(bytes);
  });

  it.each([
    [
      'PVC-only VMIs',
      [{ name: 'root', persistentVolumeClaim: { claimName: 'root' } }],
      'LiveMigration',
    ],
    [
      'VMIs with a container disk',
      [{ name: 'root', containerDisk: { image: 'x' } }],
      'BlockMigration',
    ],
  ])('uses %s → %s', (_what, volumes, method) => {
    expect(migrationMethodOf(vmi({}, volumes))).toBe(method);
  });

  it('caps the link at 1 GiB/s and stretches small transfers to 5 s', () => {
    const p = migrationModelParams(vmi({ memory: { guest: '2Gi' } }), {
      bandwidthPerMigration: '0Mi',
    });
    expect(p.linkBytesPerSecond).toBe((2 * GiB) / 5);
    const big = migrationModelParams(vmi({ memory: { guest: '32Gi' } }), {});
    expect(big.linkBytesPerSecond).toBe(GiB);
  });

  it('applies bandwidthPerMigration, timeouts and the dirty-rate annotation', () => {
    const p = migrationModelParams(
      vmi({ memory: { guest: '8Gi' } }, [], {
        'simulation.local-cluster.io/migration-dirty-rate': '2Gi',
      }),
      {
        bandwidthPerMigration: '64Mi',
        completionTimeoutPerGiB: 10,
        progressTimeout: 30,
        allowPostCopy: true,
      },
    );
    expect(p).toMatchObject({
      linkBytesPerSecond: 64 * MiB,
      dirtyBytesPerSecond: 2 * GiB,
      acceptableCompletionSeconds: 80,
      progressTimeoutSeconds: 30,
      allowPostCopy: true,
    });
  });
});

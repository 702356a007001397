import { describe, expect, it } from 'vitest';
import { nextCronTime, parseCron } from './cronSchedule';
import { digestedUrl, importDataVolumeName, polledDigest } from './dataImportCronSource';

const next = (expr: string, after: string): string =>
  nextCronTime(parseCron(expr), new Date(after)).toISOString();

describe('cron schedules', () => {
  it.each([
    ['0 */12 * * *', '2026-11-23T10:15:00Z', '2026-11-23T12:00:00.000Z'],
    ['24 6/12 * * *', '2026-11-23T10:15:00Z', '2026-11-23T18:24:00.000Z'],
    ['24 6/12 * * *', '2026-11-23T18:24:00Z', '2026-11-24T06:24:00.000Z'],
    ['0 0 * * 0', '2026-11-23T10:00:00Z', '2026-11-29T00:00:00.000Z'],
    ['30 2 1 * *', '2026-11-23T10:00:00Z', '2026-12-01T02:30:00.000Z'],
    ['0 0 29 2 *', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['@daily', '2026-11-23T10:00:00Z', '2026-11-24T00:00:00.000Z'],
    ['15,45 * * * *', '2026-11-23T10:20:00Z', '2026-11-23T10:45:00.000Z'],
    ['0 9 * jan-mar mon-fri', '2026-11-23T10:00:00Z', '2027-01-01T09:00:00.000Z'],
  ])('%s after %s fires at %s', (expr, after, at) => expect(next(expr, after)).toBe(at));

  it.each(['', '* * * *', '60 * * * *', '*/0 * * * *', '5-1 * * * *'])('rejects "%s"', (expr) =>
    expect(() => parseCron(expr)).toThrow(),
  );
});

describe('DataImportCron sources', () => {
  it('names imports after the DataSource and the digest', () => {
    const digest = polledDigest('docker://quay.io/containerdisks/fedora:41') ?? '';
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(importDataVolumeName('fedora', digest)).toBe(`fedora-${digest.slice(7, 19)}`);
    expect(importDataVolumeName('x'.repeat(70), digest).length).toBeLessThanOrEqual(63);
  });

  it('has no digest for unreachable registries', () => {
    expect(polledDigest('docker://registry.example.invalid/os:1')).toBeUndefined();
    expect(polledDigest(undefined)).toBeUndefined();
  });

  it.each([
    [
      'docker://quay.io/containerdisks/fedora:41',
      'docker://quay.io/containerdisks/fedora@sha256:ab',
    ],
    ['docker://registry:5000/os/rhel9', 'docker://registry:5000/os/rhel9@sha256:ab'],
    ['docker://registry:5000/os/rhel9:9.4', 'docker://registry:5000/os/rhel9@sha256:ab'],
  ])('pins %s to its digest', (url, pinned) => expect(digestedUrl(url, 'sha256:ab')).toBe(pinned));
});

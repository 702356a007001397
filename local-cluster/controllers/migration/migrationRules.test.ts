import { describe, expect, it } from 'vitest';
import {
  admissionDenial,
  migrationRefusal,
  migrationsToGarbageCollect,
  otherMigrationInProgress,
  withPhaseTransition,
} from './migrationRules';
import type { MigrationPhase, Vmi, Vmim } from './migrationTypes';

const vmi = (over: Partial<NonNullable<Vmi['status']>> = {}): Vmi => ({
  metadata: { name: 'vm', namespace: 'ns', uid: 'vmi-uid' },
  spec: { domain: { devices: {} } },
  status: { phase: 'Running', ...over },
});

const vmim = (name: string, phase?: MigrationPhase, created = '2026-01-01T00:00:00Z'): Vmim => ({
  metadata: { name, namespace: 'ns', uid: `${name}-uid`, creationTimestamp: created },
  spec: { vmiName: 'vm' },
  status: phase ? { phase } : undefined,
});

describe('migrationRefusal', () => {
  it.each([
    ['a running migratable VMI', vmi(), undefined],
    ['a finished VMI', vmi({ phase: 'Succeeded' }), 'Cannot migrate VMI in finalized state.'],
    [
      'LiveMigratable False',
      vmi({
        conditions: [
          {
            type: 'LiveMigratable',
            status: 'False',
            reason: 'DisksNotLiveMigratable',
            message: 'cannot migrate VMI: PVC rootdisk is not shared',
          },
        ],
      }),
      'Cannot migrate VMI, Reason: DisksNotLiveMigratable, Message: cannot migrate VMI: PVC rootdisk is not shared',
    ],
    [
      'LiveMigratable True',
      vmi({ conditions: [{ type: 'LiveMigratable', status: 'True' }] }),
      undefined,
    ],
  ])('%s', (_what, v, expected) => {
    expect(migrationRefusal(v)).toBe(expected);
  });
});

describe('admissionDenial', () => {
  it.each([
    ['a migration of a running VMI', vmim('new'), vmi(), [], undefined],
    ['a missing VMI', vmim('new'), undefined, [], 'the VMI "ns/vm" does not exist'],
    [
      'an in-flight migration',
      vmim('new'),
      vmi(),
      [vmim('old', 'Running')],
      'in-flight migration detected. Active migration job (old-uid) is currently already in progress for VMI vm.',
    ],
    ['only finished migrations', vmim('new'), vmi(), [vmim('old', 'Failed')], undefined],
  ])('%s', (_what, m, v, existing, expected) => {
    expect(admissionDenial(m, v, existing)).toBe(expected);
  });
});

describe('otherMigrationInProgress', () => {
  const owned = vmi({ migrationState: { migrationUid: 'old-uid' } });
  it.each([
    ['no migration state', vmi(), [], false],
    ['its own state', vmi({ migrationState: { migrationUid: 'new-uid' } }), [], false],
    ['an unfinished other migration', owned, [vmim('old', 'Running')], true],
    ['a finished other migration', owned, [vmim('old', 'Succeeded')], false],
  ])('%s', (_what, v, all, expected) => {
    expect(otherMigrationInProgress(vmim('new'), v, all)).toBe(expected);
  });
});

describe('migrationsToGarbageCollect', () => {
  it('keeps the five newest finished migrations', () => {
    const all = [
      ...Array.from({ length: 7 }, (_, i) =>
        vmim(`m${i}`, i % 2 ? 'Failed' : 'Succeeded', `2026-01-01T00:00:0${i}Z`),
      ),
      vmim('running', 'Running', '2026-01-01T00:00:00Z'),
    ];
    expect(migrationsToGarbageCollect(all)).toEqual(['m0', 'm1']);
  });
});

describe('withPhaseTransition', () => {
  it('records each phase once', () => {
    const once = withPhaseTransition(undefined, 'Pending', 't1');
    expect(withPhaseTransition(once, 'Pending', 't2')).toBe(once);
    expect(withPhaseTransition(once, 'Running', 't2')).toEqual([
      { phase: 'Pending', phaseTransitionTimestamp: 't1' },
      { phase: 'Running', phaseTransitionTimestamp: 't2' },
    ]);
  });
});

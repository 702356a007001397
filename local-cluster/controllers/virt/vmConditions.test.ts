import { describe, expect, it } from 'vitest';
import { cond, vmiFixture } from './testFixtures';
import { syncVmConditions } from './vmConditions';

const NOW = '2026-01-01T00:00:00Z';

describe('syncVmConditions', () => {
  it('says the VMI does not exist and keeps the last copied conditions', () => {
    const out = syncVmConditions({
      current: [cond('LiveMigratable', 'True')],
      vmi: undefined,
      restartRequired: undefined,
      now: NOW,
    });
    expect(out).toEqual([
      cond('LiveMigratable', 'True'),
      {
        type: 'Ready',
        status: 'False',
        reason: 'VMINotExists',
        message: 'VMI does not exist',
        lastProbeTime: null,
        lastTransitionTime: NOW,
      },
    ]);
  });

  it('mirrors the VMI’s conditions and drops the ones it no longer has', () => {
    const vmi = vmiFixture('Running', [
      { ...cond('Ready', 'True'), lastTransitionTime: '2025-12-31T00:00:00Z' },
      cond('AgentConnected', 'True'),
      cond('LiveMigratable', 'False', 'DisksNotLiveMigratable', 'cannot migrate'),
    ]);
    const out = syncVmConditions({
      current: [cond('Paused', 'True', 'PausedByUser')],
      vmi,
      restartRequired: 'keep',
      now: NOW,
    });
    expect(out).toEqual([
      { ...cond('Ready', 'True'), lastTransitionTime: '2025-12-31T00:00:00Z' },
      cond('AgentConnected', 'True'),
      cond('LiveMigratable', 'False', 'DisksNotLiveMigratable', 'cannot migrate'),
    ]);
  });

  it('sets and clears RestartRequired and Failure', () => {
    const vmi = vmiFixture('Running', [cond('Ready', 'True')]);
    const set = syncVmConditions({
      current: [],
      vmi,
      failure: { reason: 'FailedCreate', message: 'boom' },
      restartRequired: 'a non-live-updatable field was changed in the template spec',
      now: NOW,
    });
    expect(set.map((c) => [c.type, c.status, c.reason ?? c.message])).toEqual([
      ['Ready', 'True', undefined],
      ['Failure', 'True', 'FailedCreate'],
      ['RestartRequired', 'True', 'a non-live-updatable field was changed in the template spec'],
    ]);
    const cleared = syncVmConditions({ current: set, vmi, restartRequired: undefined, now: NOW });
    expect(cleared.map((c) => c.type)).toEqual(['Ready']);
  });

  it('is stable when nothing changed', () => {
    const vmi = vmiFixture('Running', [cond('Ready', 'True'), cond('AgentConnected', 'True')]);
    const first = syncVmConditions({ current: [], vmi, restartRequired: undefined, now: NOW });
    expect(
      syncVmConditions({
        current: first,
        vmi,
        restartRequired: undefined,
        now: '2026-02-01T00:00:00Z',
      }),
    ).toEqual(first);
  });
});

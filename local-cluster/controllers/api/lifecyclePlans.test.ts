import { describe, expect, it } from 'vitest';
import { StatusError } from '../../apiserver/core/statusError';
import type { Vm, Vmi } from '../handler/kubevirtObjects';
import { planRestart, planStart, planStop } from './lifecyclePlans';
import { runStrategyOf } from './runStrategy';
import { stateChangeFields } from './stateChangeRequests';

const vm = (spec: Record<string, unknown>, status?: Record<string, unknown>): Vm =>
  ({
    metadata: { name: 'vm1', namespace: 'ns' },
    spec: { template: { spec: { domain: { devices: {} } } }, ...spec },
    ...(status ? { status } : {}),
  }) as Vm;

const vmi = (phase: string, spec: Record<string, unknown> = {}): Vmi =>
  ({
    metadata: { name: 'vm1', namespace: 'ns', uid: 'uid-1' },
    spec: { domain: { devices: {} }, ...spec },
    status: { phase },
  }) as Vmi;

const failure = (fn: () => unknown): { code: number; message: string } => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a StatusError');
};

const conflict = (why: string) => ({
  code: 409,
  message: `Operation cannot be fulfilled on virtualmachine.kubevirt.io "vm1": ${why}`,
});

describe('run strategy', () => {
  it.each([
    [{ runStrategy: 'Manual' }, 'Manual'],
    [{ running: true }, 'Always'],
    [{ running: false }, 'Halted'],
    [{}, 'Halted'],
  ])('%j is %s', (spec, strategy) => {
    expect(runStrategyOf(vm(spec))).toBe(strategy);
  });

  it('refuses running and runStrategy together', () => {
    expect(() => runStrategyOf(vm({ running: true, runStrategy: 'Always' }))).toThrow(
      'mutually exclusive',
    );
  });
});

describe('start', () => {
  it.each([
    ['Halted', undefined, {}, { spec: { runStrategy: 'Always' } }],
    [
      'Halted',
      undefined,
      { paused: true },
      { stateChanges: [{ action: 'Start', data: { paused: 'true' } }] },
    ],
    ['Manual', undefined, {}, { stateChanges: [{ action: 'Start' }] }],
    [
      'Manual',
      'Succeeded',
      {},
      { stateChanges: [{ action: 'Stop', uid: 'uid-1' }, { action: 'Start' }] },
    ],
    [
      'RerunOnFailure',
      'Succeeded',
      {},
      { stateChanges: [{ action: 'Stop', uid: 'uid-1' }, { action: 'Start' }] },
    ],
    ['RerunOnFailure', undefined, {}, { stateChanges: [{ action: 'Start' }] }],
  ] as const)('%s with VMI %s and %j plans %j', (strategy, phase, options, plan) => {
    expect(
      planStart(vm({ runStrategy: strategy }), phase ? vmi(phase) : undefined, options),
    ).toEqual(plan);
  });

  it('switches the deprecated running field when the VM uses it', () => {
    expect(planStart(vm({ running: false }), undefined, {})).toEqual({ spec: { running: true } });
  });

  it.each([
    ['Always', 'Running', conflict('VM is already running')],
    ['Manual', 'Scheduling', conflict('VM is already running')],
    ['Always', undefined, conflict('Always does not support manual start requests')],
    ['Once', 'Succeeded', conflict('Once does not support manual start requests')],
    [
      'RerunOnFailure',
      'Failed',
      conflict('RerunOnFailure does not support starting VM from failed state'),
    ],
  ] as const)('%s with VMI %s is refused', (strategy, phase, expected) => {
    expect(
      failure(() => planStart(vm({ runStrategy: strategy }), phase ? vmi(phase) : undefined, {})),
    ).toEqual(expected);
  });
});

describe('stop', () => {
  it.each([
    ['Always', 'Running', {}, { spec: { runStrategy: 'Halted' } }],
    ['Always', undefined, {}, { spec: { runStrategy: 'Halted' } }],
    [
      'Always',
      'Running',
      { gracePeriod: 0 },
      { vmiGracePeriodSeconds: 0, spec: { runStrategy: 'Halted' } },
    ],
    ['Manual', 'Running', {}, { stateChanges: [{ action: 'Stop', uid: 'uid-1' }] }],
    ['RerunOnFailure', 'Running', {}, { stateChanges: [{ action: 'Stop', uid: 'uid-1' }] }],
    [
      'Halted',
      'Running',
      { gracePeriod: 0 },
      { vmiGracePeriodSeconds: 0, stateChanges: [{ action: 'Stop', uid: 'uid-1' }] },
    ],
  ] as const)('%s with VMI %s and %j plans %j', (strategy, phase, options, plan) => {
    const instance = phase ? vmi(phase, { terminationGracePeriodSeconds: 180 }) : undefined;
    expect(planStop(vm({ runStrategy: strategy }), instance, options)).toEqual(plan);
  });

  it.each([
    ['Halted', undefined, {}, conflict('VM is not running')],
    ['Manual', 'Succeeded', {}, conflict('VM is not running')],
    [
      'Halted',
      'Running',
      {},
      conflict('Halted only supports manual stop requests with a shorter graceperiod'),
    ],
    [
      'Halted',
      'Running',
      { gracePeriod: 300 },
      conflict('Halted only supports manual stop requests with a shorter graceperiod'),
    ],
  ] as const)('%s with VMI %s and %j is refused', (strategy, phase, options, expected) => {
    const instance = phase ? vmi(phase, { terminationGracePeriodSeconds: 180 }) : undefined;
    expect(failure(() => planStop(vm({ runStrategy: strategy }), instance, options))).toEqual(
      expected,
    );
  });
});

describe('restart', () => {
  it('asks to stop this VMI and start a new one', () => {
    expect(planRestart(vm({ runStrategy: 'Always' }), vmi('Running'), {})).toEqual({
      stateChanges: [{ action: 'Stop', uid: 'uid-1' }, { action: 'Start' }],
    });
  });

  it('forces with gracePeriodSeconds 0 by deleting the launcher pod', () => {
    expect(
      planRestart(vm({ runStrategy: 'Always' }), vmi('Running'), { gracePeriodSeconds: 0 }),
    ).toMatchObject({ deleteLauncherPod: true });
  });

  it.each([
    [{ gracePeriodSeconds: 3 }, 400, 'For force restart, only gracePeriod=0 is supported for now'],
    [{ gracePeriodSeconds: -1 }, 400, 'gracePeriod has to be greater or equal to 0'],
  ])('refuses %j', (options, code, message) => {
    expect(
      failure(() => planRestart(vm({ runStrategy: 'Always' }), vmi('Running'), options)),
    ).toEqual({ code, message });
  });

  it.each([
    ['Halted', 'Running', conflict('RunStategy Halted does not support manual restart requests')],
    ['Once', 'Running', conflict('RunStategy Once does not support manual restart requests')],
    ['Always', undefined, conflict('VM is not running: Halted')],
  ] as const)('%s with VMI %s is refused', (strategy, phase, expected) => {
    expect(
      failure(() => planRestart(vm({ runStrategy: strategy }), phase ? vmi(phase) : undefined, {})),
    ).toEqual(expected);
  });
});

describe('state change requests', () => {
  it('queues requests when none are pending and clears a start failure', () => {
    const failure = { consecutiveFailCount: 2 };
    expect(stateChangeFields(vm({}, { startFailure: failure }), [{ action: 'Start' }])).toEqual([
      { path: '/status/stateChangeRequests', value: [{ action: 'Start' }], current: undefined },
      { path: '/status/startFailure', value: undefined, current: failure, guard: false },
    ]);
  });

  it('lets a lone Stop replace pending requests', () => {
    const pending = vm({}, { stateChangeRequests: [{ action: 'Start' }] });
    expect(stateChangeFields(pending, [{ action: 'Stop', uid: 'u' }])).toEqual([
      {
        path: '/status/stateChangeRequests',
        value: [{ action: 'Stop', uid: 'u' }],
        current: [{ action: 'Start' }],
      },
    ]);
  });

  it('refuses anything else while requests are pending, with a 500', () => {
    const pending = vm({}, { stateChangeRequests: [{ action: 'Stop', uid: 'u' }] });
    expect(failure(() => stateChangeFields(pending, [{ action: 'Start' }]))).toEqual({
      code: 500,
      message: 'Internal error occurred: unable to complete request: stop/start already underway',
    });
  });
});

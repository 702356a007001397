import { describe, expect, it } from 'vitest';
import { guardedPatch, valueAt } from './guardedPatch';

describe('guarded patches', () => {
  const vm = { spec: { runStrategy: 'Halted' }, status: { startFailure: { n: 1 } } };

  it('tests the old value before replacing it', () => {
    expect(
      guardedPatch(vm, [{ path: '/spec/runStrategy', value: 'Always', current: 'Halted' }]),
    ).toEqual([
      { op: 'test', path: '/spec/runStrategy', value: 'Halted' },
      { op: 'replace', path: '/spec/runStrategy', value: 'Always' },
    ]);
  });

  it('adds absent fields with their missing parents, and removes without a guard when asked', () => {
    expect(
      guardedPatch({ spec: {} }, [
        { path: '/status/stateChangeRequests', value: [{ action: 'Start' }], current: undefined },
        { path: '/status/other', value: 1, current: undefined },
      ]),
    ).toEqual([
      { op: 'add', path: '/status', value: { stateChangeRequests: [{ action: 'Start' }] } },
      { op: 'add', path: '/status/other', value: 1 },
    ]);
    expect(
      guardedPatch(vm, [
        { path: '/status/startFailure', value: undefined, current: { n: 1 }, guard: false },
      ]),
    ).toEqual([{ op: 'remove', path: '/status/startFailure' }]);
  });

  it('writes nothing for unchanged fields and escapes keys', () => {
    expect(
      guardedPatch(vm, [{ path: '/spec/runStrategy', value: 'Halted', current: 'Halted' }]),
    ).toEqual([]);
    expect(valueAt({ metadata: { labels: { 'a/b': 'x' } } }, '/metadata/labels/a~1b')).toBe('x');
    expect(valueAt(vm, '/spec/missing/deeper')).toBeUndefined();
  });
});

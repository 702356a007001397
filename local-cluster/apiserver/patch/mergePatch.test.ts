import { describe, expect, it } from 'vitest';
import { StatusError } from '../core/statusError';
import { applyMergePatch } from './mergePatch';

describe('applyMergePatch', () => {
  // RFC 7386, Appendix A. The cases whose patch is not an object are covered below: kube refuses them.
  const appendix: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ['a string', { a: 1 }, { a: 1 }],
  ];
  it.each(appendix)('%j patched with %j is %j', (target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });

  it('does not modify its arguments', () => {
    const target = { metadata: { labels: { a: '1', b: '2' } }, spec: { list: [1] } };
    const patch = { metadata: { labels: { a: null, c: '3' } }, spec: { list: [2] } };
    const targetCopy = structuredClone(target);
    const patchCopy = structuredClone(patch);
    const out = applyMergePatch(target, patch) as typeof target;
    expect(out).toEqual({ metadata: { labels: { b: '2', c: '3' } }, spec: { list: [2] } });
    expect(target).toEqual(targetCopy);
    expect(patch).toEqual(patchCopy);
    out.spec.list.push(9);
    expect(patch.spec.list).toEqual([2]);
  });

  it('stores a __proto__ key as data, not as a prototype', () => {
    const out = applyMergePatch({}, JSON.parse('{"__proto__":{"polluted":true}}')) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([['"c"'], ['["c"]'], ['null'], ['42']])('rejects the non-object patch %s', (json) => {
    expect(() => applyMergePatch({ a: 'b' }, JSON.parse(json))).toThrow(StatusError);
  });
});

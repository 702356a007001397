import { describe, expect, it } from 'vitest';
import { statusErrorOf } from '../core/statusErrorOf';
import { StatusError } from '../core/statusError';
import { applyJsonPatch } from './jsonPatch';

const doc = () => ({
  metadata: { name: 'vm', labels: { app: 'x' } },
  spec: { running: false, list: ['a', 'b'], 'a/b': 1, 'm~n': 2 },
});

describe('applyJsonPatch', () => {
  const cases: [string, unknown[], (d: ReturnType<typeof doc>) => unknown, unknown][] = [
    [
      'add a map key',
      [{ op: 'add', path: '/metadata/labels/tier', value: 'web' }],
      (d) => d.metadata.labels,
      { app: 'x', tier: 'web' },
    ],
    [
      'add to the end of a list',
      [{ op: 'add', path: '/spec/list/-', value: 'c' }],
      (d) => d.spec.list,
      ['a', 'b', 'c'],
    ],
    [
      'insert into a list',
      [{ op: 'add', path: '/spec/list/0', value: 'z' }],
      (d) => d.spec.list,
      ['z', 'a', 'b'],
    ],
    [
      'replace',
      [{ op: 'replace', path: '/spec/running', value: true }],
      (d) => d.spec.running,
      true,
    ],
    ['remove', [{ op: 'remove', path: '/metadata/labels/app' }], (d) => d.metadata.labels, {}],
    ['remove a list item', [{ op: 'remove', path: '/spec/list/0' }], (d) => d.spec.list, ['b']],
    [
      'move',
      [{ op: 'move', from: '/spec/list', path: '/spec/moved' }],
      (d) => d.spec,
      { running: false, moved: ['a', 'b'], 'a/b': 1, 'm~n': 2 },
    ],
    [
      'copy',
      [{ op: 'copy', from: '/metadata/name', path: '/metadata/labels/name' }],
      (d) => d.metadata.labels,
      { app: 'x', name: 'vm' },
    ],
    ['escaped slash', [{ op: 'replace', path: '/spec/a~1b', value: 5 }], (d) => d.spec['a/b'], 5],
    ['escaped tilde', [{ op: 'replace', path: '/spec/m~0n', value: 6 }], (d) => d.spec['m~n'], 6],
    [
      'passing test then replace',
      [
        { op: 'test', path: '/spec/running', value: false },
        { op: 'replace', path: '/spec/running', value: true },
      ],
      (d) => d.spec.running,
      true,
    ],
    [
      'deep-equal test of a map',
      [{ op: 'test', path: '/metadata/labels', value: { app: 'x' } }],
      (d) => d,
      doc(),
    ],
    ['empty patch', [], (d) => d, doc()],
  ];
  it.each(cases)('%s', (_name, patch, pick, expected) => {
    const input = doc();
    const out = applyJsonPatch(input, patch) as ReturnType<typeof doc>;
    expect(pick(out)).toEqual(expected);
    expect(input).toEqual(doc());
  });

  it('replaces the whole document at the root path', () => {
    expect(applyJsonPatch(doc(), [{ op: 'replace', path: '', value: { a: 1 } }])).toEqual({ a: 1 });
  });

  it('never mutates the input, even when a later operation fails', () => {
    const input = doc();
    expect(() =>
      applyJsonPatch(input, [
        { op: 'replace', path: '/spec/running', value: true },
        { op: 'remove', path: '/spec/missing' },
      ]),
    ).toThrow(StatusError);
    expect(input).toEqual(doc());
  });

  const malformed: [string, unknown][] = [
    ['an object', { op: 'add', path: '/a', value: 1 }],
    ['a string', 'nope'],
    ['a non-object operation', [42]],
    ['an unknown op', [{ op: 'frobnicate', path: '/a' }]],
    ['a missing op', [{ path: '/a', value: 1 }]],
    ['a missing path', [{ op: 'add', value: 1 }]],
    ['a relative path', [{ op: 'add', path: 'a', value: 1 }]],
    ['add without value', [{ op: 'add', path: '/a' }]],
    ['test without value', [{ op: 'test', path: '/a' }]],
    ['move without from', [{ op: 'move', path: '/a' }]],
    ['copy with a bad from', [{ op: 'copy', path: '/a', from: 'x' }]],
  ];
  it.each(malformed)('rejects %s as 400', (_name, patch) => {
    const err = statusErrorOf(() => applyJsonPatch(doc(), patch));
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
  });

  const unappliable: [string, unknown[], string][] = [
    [
      'a failed test',
      [{ op: 'test', path: '/spec/running', value: true }],
      'testing value /spec/running failed: test failed',
    ],
    [
      'a test of a missing path',
      [{ op: 'test', path: '/spec/nothing', value: 1 }],
      'testing value /spec/nothing failed',
    ],
    [
      'remove of a missing key',
      [{ op: 'remove', path: '/spec/missing' }],
      'remove operation does not apply: doc is missing path: "/spec/missing"',
    ],
    [
      'replace of a missing key',
      [{ op: 'replace', path: '/spec/missing', value: 1 }],
      'replace operation does not apply',
    ],
    [
      'add under a missing parent',
      [{ op: 'add', path: '/nothing/here', value: 1 }],
      'add operation does not apply: doc is missing path: "/nothing/here"',
    ],
    [
      'add past the end of a list',
      [{ op: 'add', path: '/spec/list/5', value: 'x' }],
      'invalid index in path: "/spec/list/5"',
    ],
    [
      'a non-numeric list index',
      [{ op: 'add', path: '/spec/list/x', value: 'x' }],
      'invalid index in path',
    ],
    [
      'move from a missing path',
      [{ op: 'move', from: '/spec/nope', path: '/spec/x' }],
      'doc is missing from path: "/spec/nope"',
    ],
  ];
  it.each(unappliable)('answers %s with 422 Invalid', (_name, patch, detail) => {
    const err = statusErrorOf(() => applyJsonPatch(doc(), patch));
    expect(err.code).toBe(422);
    expect(err.reason).toBe('Invalid');
    expect(err.message).toBe('the server rejected our request due to an error in our request');
    expect(err.details?.causes?.[0].reason).toBe('UnexpectedServerResponse');
    expect(err.details?.causes?.[0].message).toContain(detail);
  });

  it('refuses to modify prototypes', () => {
    const err = statusErrorOf(() =>
      applyJsonPatch({}, [{ op: 'add', path: '/__proto__/polluted', value: 1 }]),
    );
    expect(err.code).toBe(422);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { statusErrorOf } from '../core/statusErrorOf';
import type { LabelRequirement } from './labelSelector';
import {
  labelSelectorFromObject,
  matchesLabelRequirements,
  parseLabelSelector,
} from './labelSelector';

const req = (
  key: string,
  operator: LabelRequirement['operator'],
  values: string[] = [],
): LabelRequirement => ({
  key,
  operator,
  values,
});

describe('parseLabelSelector', () => {
  const valid: [string, LabelRequirement[]][] = [
    ['', []],
    ['   ', []],
    ['a=b', [req('a', '=', ['b'])]],
    ['a==b', [req('a', '=', ['b'])]],
    ['a!=b', [req('a', '!=', ['b'])]],
    [' a = b ', [req('a', '=', ['b'])]],
    ['a=', [req('a', '=', [''])]],
    ['a', [req('a', 'exists')]],
    ['!a', [req('a', 'doesnotexist')]],
    ['! a', [req('a', 'doesnotexist')]],
    ['a in (x,y)', [req('a', 'in', ['x', 'y'])]],
    ['a in(y, x, y)', [req('a', 'in', ['x', 'y'])]],
    ['a notin (x)', [req('a', 'notin', ['x'])]],
    ['a in ()', [req('a', 'in', [''])]],
    ['a in (x,)', [req('a', 'in', ['', 'x'])]],
    ['a in (,x)', [req('a', 'in', ['', 'x'])]],
    ['a>1', [req('a', 'gt', ['1'])]],
    ['a < 10', [req('a', 'lt', ['10'])]],
    ['a=in', [req('a', '=', ['in'])]],
    ['in=notin', [req('in', '=', ['notin'])]],
    [
      'app.kubernetes.io/name=nginx,tier!=db,!legacy,env in (prod, staging),x',
      [
        req('app.kubernetes.io/name', '=', ['nginx']),
        req('tier', '!=', ['db']),
        req('legacy', 'doesnotexist'),
        req('env', 'in', ['prod', 'staging']),
        req('x', 'exists'),
      ],
    ],
    ['kubevirt.io/domain=vm-1', [req('kubevirt.io/domain', '=', ['vm-1'])]],
    [`a=${'v'.repeat(63)}`, [req('a', '=', ['v'.repeat(63)])]],
  ];
  it.each(valid)('parses %j', (selector, expected) => {
    expect(parseLabelSelector(selector)).toEqual(expected);
  });

  const invalid: [string, string][] = [
    ['a b', "found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a=b,', "found '', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['=b', "found '=', expected: !, identifier, or 'end of string'"],
    ['a in x', "unable to parse requirement: found 'x' expected: '('"],
    ['a in (x', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (x y)', "unable to parse requirement: found 'y', expected: ',' or ')'"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    [
      'a>x',
      "values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer",
    ],
    [
      'a:b=c',
      'unable to parse requirement: <nil>: Invalid value: "a:b": name part must consist of',
    ],
    [
      'a/b/c=d',
      'unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must',
    ],
    ['Foo.com/a=b', 'prefix part a lowercase RFC 1123 subdomain must consist of lower case'],
    ['/a=b', 'prefix part must be non-empty'],
    [`${'k'.repeat(64)}=b`, 'name part must be no more than 63 characters'],
    [
      'a=-b',
      'values[0][a]: Invalid value: "-b": a valid label must be an empty string or consist of',
    ],
    [`a=${'v'.repeat(64)}`, 'must be no more than 63 characters'],
    ['a in (x,-y)', 'values[0][a]: Invalid value: "-y"'],
  ];
  it.each(invalid)('rejects %j', (selector, message) => {
    const err = statusErrorOf(() => parseLabelSelector(selector));
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toContain(message);
  });

  it('prefixes requirement errors like kube', () => {
    expect(statusErrorOf(() => parseLabelSelector('app:monolith')).message).toBe(
      "unable to parse requirement: <nil>: Invalid value: \"app:monolith\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  });
});

describe('matchesLabelRequirements', () => {
  const labels = { app: 'web', tier: 'frontend', replicas: '3', empty: '' };
  const cases: [string, Record<string, string> | undefined, boolean][] = [
    ['', labels, true],
    ['', undefined, true],
    ['app=web', labels, true],
    ['app=db', labels, false],
    ['app!=db', labels, true],
    ['missing!=x', labels, true],
    ['app', labels, true],
    ['missing', labels, false],
    ['!missing', labels, true],
    ['!app', labels, false],
    ['app in (web,db)', labels, true],
    ['app in (db)', labels, false],
    ['missing in (x)', labels, false],
    ['app notin (db)', labels, true],
    ['app notin (web)', labels, false],
    ['missing notin (web)', labels, true],
    ['replicas>2', labels, true],
    ['replicas>3', labels, false],
    ['replicas<4', labels, true],
    ['app>1', labels, false],
    ['missing<1', labels, false],
    ['empty=', labels, true],
    ['missing=', labels, false],
    ['app=web,tier=frontend', labels, true],
    ['app=web,tier=backend', labels, false],
    ['app=web', undefined, false],
    ['app!=web', undefined, true],
  ];
  it.each(cases)('%j against %j is %s', (selector, input, expected) => {
    expect(matchesLabelRequirements(parseLabelSelector(selector), input)).toBe(expected);
  });

  it('compares large integers exactly', () => {
    expect(
      matchesLabelRequirements(parseLabelSelector('n>9007199254740992'), { n: '9007199254740993' }),
    ).toBe(true);
  });
});

describe('labelSelectorFromObject', () => {
  it('is empty for an empty selector, which matches everything', () => {
    expect(labelSelectorFromObject({})).toEqual([]);
  });

  it('combines matchLabels and matchExpressions', () => {
    const reqs = labelSelectorFromObject({
      matchLabels: { 'kubevirt.io/vm': 'vm-1', app: 'x' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['b', 'a'] },
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists' },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
      ],
    });
    expect(reqs).toEqual([
      req('app', '=', ['x']),
      req('kubevirt.io/vm', '=', ['vm-1']),
      req('tier', 'in', ['a', 'b']),
      req('legacy', 'doesnotexist'),
      req('zone', 'exists'),
      req('env', 'notin', ['dev']),
    ]);
    expect(
      matchesLabelRequirements(reqs, { app: 'x', 'kubevirt.io/vm': 'vm-1', tier: 'a', zone: 'z' }),
    ).toBe(true);
    expect(
      matchesLabelRequirements(reqs, { app: 'x', 'kubevirt.io/vm': 'vm-1', tier: 'c', zone: 'z' }),
    ).toBe(false);
  });

  const invalid: [string, Parameters<typeof labelSelectorFromObject>[0], string][] = [
    [
      'In without values',
      { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      "values set can't be empty",
    ],
    [
      'Exists with values',
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      'values set must be empty',
    ],
    ['bad key', { matchLabels: { 'a b': 'x' } }, 'key: Invalid value: "a b"'],
    ['bad value', { matchLabels: { a: 'x y' } }, 'values[0][a]: Invalid value: "x y"'],
  ];
  it.each(invalid)('rejects %s', (_name, sel, message) => {
    expect(statusErrorOf(() => labelSelectorFromObject(sel)).message).toContain(message);
  });

  it('rejects an unknown operator', () => {
    const sel = JSON.parse(
      '{"matchExpressions":[{"key":"a","operator":"Gt","values":["1"]}]}',
    ) as Parameters<typeof labelSelectorFromObject>[0];
    expect(statusErrorOf(() => labelSelectorFromObject(sel)).message).toBe(
      '"Gt" is not a valid label selector operator',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { statusErrorOf } from '../core/statusErrorOf';
import type { FieldRequirement } from './fieldSelector';
import { fieldValue, matchesFieldRequirements, parseFieldSelector } from './fieldSelector';

const POD_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'spec.nodeName',
  'status.phase',
] as const;

describe('parseFieldSelector', () => {
  const valid: [string, FieldRequirement[]][] = [
    ['', []],
    ['metadata.name=a', [{ field: 'metadata.name', operator: '=', value: 'a' }]],
    ['metadata.name==a', [{ field: 'metadata.name', operator: '=', value: 'a' }]],
    ['metadata.name!=a', [{ field: 'metadata.name', operator: '!=', value: 'a' }]],
    ['metadata.name=', [{ field: 'metadata.name', operator: '=', value: '' }]],
    [
      'spec.nodeName=node-1,status.phase!=Running',
      [
        { field: 'spec.nodeName', operator: '=', value: 'node-1' },
        { field: 'status.phase', operator: '!=', value: 'Running' },
      ],
    ],
    ['metadata.name=a\\,b', [{ field: 'metadata.name', operator: '=', value: 'a,b' }]],
    ['metadata.name=a\\=b', [{ field: 'metadata.name', operator: '=', value: 'a=b' }]],
    ['metadata.name=a\\\\b', [{ field: 'metadata.name', operator: '=', value: 'a\\b' }]],
    [
      'metadata.name=x\\,y,metadata.namespace=ns',
      [
        { field: 'metadata.name', operator: '=', value: 'x,y' },
        { field: 'metadata.namespace', operator: '=', value: 'ns' },
      ],
    ],
    ['metadata.name=a,', [{ field: 'metadata.name', operator: '=', value: 'a' }]],
  ];
  it.each(valid)('parses %j', (selector, expected) => {
    expect(parseFieldSelector(selector, POD_FIELDS)).toEqual(expected);
  });

  const invalid: [string, string][] = [
    ['metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['metadata.name=a=b', 'invalid field selector: unescaped character in value: 61'],
    ['metadata.name==a=b', 'invalid field selector: unescaped character in value: 61'],
    ['metadata.name=a\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['metadata.name=a\\', 'invalid field selector: invalid escape sequence: \\'],
    [
      'spec.foo=bar',
      '"spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace", "spec.nodeName", "status.phase"',
    ],
    ['metadata.name = a', '"metadata.name " is not a known field selector'],
  ];
  it.each(invalid)('rejects %j', (selector, message) => {
    const err = statusErrorOf(() => parseFieldSelector(selector, POD_FIELDS));
    expect(err.code).toBe(400);
    expect(err.message).toContain(message);
  });
});

describe('fieldValue', () => {
  const event = {
    metadata: { name: 'e1', namespace: 'default' },
    involvedObject: { kind: 'VirtualMachine', name: 'vm' },
    count: 3,
    spec: { unschedulable: true, taints: [{ key: 'x' }] },
    status: { phase: 'Running' },
  };
  const cases: [string, string][] = [
    ['metadata.name', 'e1'],
    ['involvedObject.kind', 'VirtualMachine'],
    ['status.phase', 'Running'],
    ['count', '3'],
    ['spec.unschedulable', 'true'],
    ['spec.taints', ''],
    ['spec.nodeName', ''],
    ['metadata.name.deeper', ''],
    ['nothing.here', ''],
    ['metadata.constructor', ''],
  ];
  it.each(cases)('%s reads %j', (field, expected) => {
    expect(fieldValue(event, field)).toBe(expected);
  });

  it('reads nothing from non-objects', () => {
    expect(fieldValue(undefined, 'a')).toBe('');
    expect(fieldValue('str', 'length')).toBe('');
  });
});

describe('matchesFieldRequirements', () => {
  const pod = {
    metadata: { name: 'a,b', namespace: 'ns' },
    spec: { nodeName: 'n1' },
    status: { phase: 'Pending' },
  };
  const cases: [string, boolean][] = [
    ['', true],
    ['metadata.name=a\\,b', true],
    ['metadata.name!=a\\,b', false],
    ['spec.nodeName=n1,status.phase=Pending', true],
    ['spec.nodeName=n1,status.phase=Running', false],
    ['spec.nodeName!=', true],
    ['status.phase!=Running', true],
  ];
  it.each(cases)('%j is %s', (selector, expected) => {
    expect(matchesFieldRequirements(parseFieldSelector(selector, POD_FIELDS), pod)).toBe(expected);
  });

  it('treats absent fields as empty strings', () => {
    expect(
      matchesFieldRequirements(parseFieldSelector('spec.nodeName=', POD_FIELDS), { metadata: {} }),
    ).toBe(true);
  });
});

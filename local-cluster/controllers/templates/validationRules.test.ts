import { describe, expect, it } from 'vitest';
import { lookupPath } from './evaluateRules';
import { RuleParseError, parseValidationRules, pathExpression } from './validationRules';

describe('parseValidationRules', () => {
  it('reads nothing from an empty or missing annotation', () => {
    expect(parseValidationRules(undefined)).toEqual([]);
    expect(parseValidationRules('  \n')).toEqual([]);
  });

  it('keeps the fields SSP understands and their types', () => {
    const [rule] = parseValidationRules(
      JSON.stringify([
        {
          name: 'bus',
          path: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
          valid: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
          rule: 'enum',
          message: 'm',
          values: ['virtio', 'sata'],
          justWarning: true,
          unknownKey: 'ignored',
        },
      ]),
    );
    expect(rule).toMatchObject({
      name: 'bus',
      rule: 'enum',
      values: ['virtio', 'sata'],
      justWarning: true,
      valid: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
    });
    expect(rule).not.toHaveProperty('unknownKey');
  });

  it.each([
    ['not JSON', '[{'],
    ['not an array', '{"name": "x"}'],
    ['an item that is not an object', '["x"]'],
    ['a path without the jsonpath:: prefix', '[{"name":"x","path":".spec.a","rule":"integer"}]'],
    ['a malformed path', '[{"name":"x","path":"jsonpath::spec[","rule":"integer"}]'],
    ['a malformed valid path', '[{"name":"x","path":"jsonpath::.a","valid":"a.b","rule":"enum"}]'],
  ])('rejects %s', (_what, annotation) => {
    expect(() => parseValidationRules(annotation)).toThrow(RuleParseError);
  });

  it('reports paths without prefix and leading $', () => {
    expect(pathExpression('jsonpath::$.spec.domain.cpu.cores')).toBe('.spec.domain.cpu.cores');
  });
});

describe('lookupPath', () => {
  const root = {
    spec: {
      domain: {
        devices: {
          disks: [
            { name: 'a', disk: { bus: 'virtio' } },
            { name: 'b', cdrom: { bus: 'sata' } },
            { name: 'c', disk: { bus: 'sata' } },
          ],
        },
      },
    },
  };

  it('follows fields, indexes and [*], skipping branches that lack the field', () => {
    expect(lookupPath(root, '.spec.domain.devices.disks[*].disk.bus')).toEqual(['virtio', 'sata']);
    expect(lookupPath(root, '.spec.domain.devices.disks[1].name')).toEqual(['b']);
    expect(lookupPath(root, '.spec.domain.devices.disks[9].name')).toEqual([]);
    expect(lookupPath(root, '.spec.domain.cpu.cores')).toEqual([]);
  });
});

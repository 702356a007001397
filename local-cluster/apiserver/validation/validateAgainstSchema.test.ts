import { describe, it, expect } from 'vitest';
import { malformedObjects, validObjects } from './fixtures/malformedObjects';
import type { JSONSchemaProps } from './schemaStore';
import { schemaFor } from './schemaStore';
import { validateAgainstSchema } from './validateAgainstSchema';

const vmSchema = (): JSONSchemaProps => {
  const s = schemaFor('kubevirt.io', 'v1', 'VirtualMachine');
  if (!s) throw new Error('VirtualMachine schema missing; run npm run generate:schemas');
  return s;
};
const goodVm = () => {
  const fixture = validObjects.find((f) => f.kind === 'VirtualMachine');
  if (!fixture) throw new Error('no VirtualMachine fixture');
  return structuredClone(fixture.object);
};

describe('validateAgainstSchema', () => {
  it('accepts a good VirtualMachine', () => {
    expect(validateAgainstSchema(vmSchema(), goodVm())).toEqual([]);
  });

  it('reports a missing required field as FieldValueRequired', () => {
    const vm = goodVm();
    delete vm.spec;
    expect(validateAgainstSchema(vmSchema(), vm)).toEqual([
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec' },
    ]);
  });

  it('reports a wrong type with kube wording and bracketed list indices', () => {
    const vm = goodVm();
    const disks = (
      vm as unknown as {
        spec: { template: { spec: { domain: { devices: { disks: unknown[] } } } } };
      }
    ).spec.template.spec.domain.devices.disks;
    disks[0] = { name: 7 };
    expect(validateAgainstSchema(vmSchema(), vm)).toEqual([
      {
        reason: 'FieldValueTypeInvalid',
        message:
          'Invalid value: "integer": spec.template.spec.domain.devices.disks[0].name in body must be of type string: "integer"',
        field: 'spec.template.spec.domain.devices.disks[0].name',
      },
    ]);
  });

  it('reports every error at once', () => {
    const vm = goodVm();
    Object.assign(vm.spec as object, { running: 'yes', template: 5 });
    const fields = validateAgainstSchema(vmSchema(), vm).map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['spec.running', 'spec.template']));
  });

  const schema: JSONSchemaProps = {
    type: 'object',
    properties: {
      policy: { type: 'string', enum: ['Always', 'Halted'] },
      size: { 'x-kubernetes-int-or-string': true },
      note: { type: 'string', nullable: true },
      count: { type: 'integer', format: 'int32' },
      at: { type: 'string', format: 'date-time' },
      odd: { type: 'string', format: 'kube-special' },
    },
  };

  it.each([
    [
      { policy: 'Always', size: '1Gi', note: null, count: 3, at: '2024-05-01T10:00:00Z', odd: 'x' },
      [],
    ],
    [{ size: 1 }, []],
    [
      { policy: 'Foo' },
      ['FieldValueNotSupported: Unsupported value: "Foo": supported values: "Always", "Halted"'],
    ],
    [
      { size: true },
      [
        'FieldValueTypeInvalid: Invalid value: "boolean": size in body must be of type number or string: "boolean"',
      ],
    ],
    [
      { count: 2 ** 40 },
      [
        `FieldValueInvalid: Invalid value: ${2 ** 40}: count in body must be of type int32: ${2 ** 40}`,
      ],
    ],
    [
      { count: 'x' },
      [
        'FieldValueTypeInvalid: Invalid value: "string": count in body must be of type integer: "string"',
      ],
    ],
    [
      { at: 'yesterday' },
      [
        'FieldValueInvalid: Invalid value: "yesterday": at in body must be of type date-time: "yesterday"',
      ],
    ],
  ])('%j → %j', (obj, expected) => {
    expect(validateAgainstSchema(schema, obj).map((c) => `${c.reason}: ${c.message}`)).toEqual(
      expected,
    );
  });

  it('caches the compiled validator per schema object', () => {
    const s = vmSchema();
    const t0 = performance.now();
    validateAgainstSchema(s, goodVm());
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('finds schema-level problems in the schema-level fixtures', () => {
    const typeErrors = malformedObjects.filter((f) =>
      /"(three|two|yes|eighty|http)"/.test(f.title),
    );
    expect(typeErrors.length).toBeGreaterThan(3);
    for (const f of typeErrors) {
      const schema = schemaFor(f.group, f.version, f.kind);
      if (!schema) throw new Error(`no schema for ${f.kind}`);
      const causes = validateAgainstSchema(schema, f.object);
      expect(causes.map((c) => c.field)).toContain(f.field);
    }
  });
});

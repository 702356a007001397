import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { StatusCause } from '../core/types';
import type { JSONSchemaProps } from './schemaStore';

/** OpenAPI schema validation of a (pruned) object, answered as the causes kube-apiserver puts in
 * a 422 Invalid status: `spec.runStrategy: Unsupported value: "Sometimes": supported values: …`. */

type AjvSchema = Record<string, unknown>;

/** Formats kube-openapi checks. Any other format is documentation only, as in kube. */
const CHECKED_FORMATS = new Set(['int32', 'int64', 'date-time', 'date', 'uri', 'email', 'uuid']);

const ajv = new Ajv({
  strict: false,
  allErrors: true,
  verbose: true, // puts the offending value on each error, which kube quotes in its messages
  validateSchema: false,
  addUsedSchema: false,
});
addFormats(ajv, ['date-time', 'date', 'uri', 'email', 'uuid']);
ajv.addFormat('int32', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
});
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });

/** Rewrites the kube dialect into plain JSON Schema: `nullable` becomes a `null` type member and
 * int-or-string a two-type union. Quantities and IntOrStrings share the flag; numbers are let
 * through (not only integers) because built-in kinds accept `cpu: 0.5`, as kube does. */
const toAjv = (s: JSONSchemaProps): AjvSchema => {
  const out: AjvSchema = {};
  const types: string[] = s['x-kubernetes-int-or-string']
    ? ['number', 'string']
    : s.type
      ? [s.type]
      : [];
  if (types.length && s.nullable) types.push('null');
  if (types.length) out.type = types.length === 1 ? types[0] : types;
  if (s.enum) out.enum = s.nullable ? [...s.enum, null] : s.enum;
  if (s.format && CHECKED_FORMATS.has(s.format)) out.format = s.format;
  for (const key of [
    'pattern',
    'minimum',
    'maximum',
    'minLength',
    'maxLength',
    'minItems',
    'maxItems',
  ] as const) {
    if (s[key] !== undefined) out[key] = s[key];
  }
  if (s.required?.length) out.required = s.required;
  if (s.properties) {
    out.properties = Object.fromEntries(
      Object.entries(s.properties).map(([k, v]) => [k, toAjv(v)]),
    );
  }
  if (s.items) out.items = toAjv(s.items);
  if (typeof s.additionalProperties === 'object') {
    out.additionalProperties = toAjv(s.additionalProperties);
  }
  return out;
};

// Schemas come from the shared schemaStore cache, so identity is a sound cache key.
const compiled = new WeakMap<JSONSchemaProps, ValidateFunction>();

const validatorFor = (schema: JSONSchemaProps): ValidateFunction => {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(toAjv(schema));
    compiled.set(schema, v);
  }
  return v;
};

/** `/spec/disks/0/name` → `spec.disks[0].name`, kube's field path notation. */
const fieldPath = (pointer: string, child?: string): string => {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) segments.push(child);
  return segments.reduce(
    (path, seg) => (/^\d+$/.test(seg) && path ? `${path}[${seg}]` : path ? `${path}.${seg}` : seg),
    '',
  );
};

/** The value as Go's `%q`/`%v` would print it in a kube message. */
const show = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v)
    : v === null || typeof v !== 'object'
      ? String(v)
      : JSON.stringify(v);

/** The JSON type name kube-openapi reports for a wrong-typed value. */
const jsonType = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
};

const toCause = (e: ErrorObject): StatusCause => {
  const field = fieldPath(e.instancePath);
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return {
        reason: 'FieldValueRequired',
        message: 'Required value',
        field: fieldPath(e.instancePath, missing),
      };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      return {
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${show(e.data)}: supported values: ${allowed.map(show).join(', ')}`,
        field,
      };
    }
    case 'type': {
      const expected = String((e.params as { type: string | string[] }).type)
        .split(',')
        .filter((t) => t !== 'null')
        .join(' or ');
      const actual = jsonType(e.data);
      return {
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: "${actual}": ${field} in body must be of type ${expected}: "${actual}"`,
        field,
      };
    }
    case 'format': {
      const format = (e.params as { format: string }).format;
      return {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${show(e.data)}: ${field} in body must be of type ${format}: ${show(e.data)}`,
        field,
      };
    }
    default:
      return {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${show(e.data)}: ${field} in body ${e.message ?? 'is invalid'}`,
        field,
      };
  }
};

/** Validates `obj` against `schema` and returns kube-style causes, none when it conforms. */
export const validateAgainstSchema = (schema: JSONSchemaProps, obj: unknown): StatusCause[] => {
  const validate = validatorFor(schema);
  if (validate(obj)) return [];
  const seen = new Set<string>();
  return (validate.errors ?? []).map(toCause).filter((c) => {
    const key = `${c.field}\u0000${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

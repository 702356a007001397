import type { JSONSchemaProps } from './schemaStore';

/** Structural pruning, as kube-apiserver applies it to custom resources: fields the schema does
 * not declare are dropped unless a node preserves unknown fields. The removed paths feed
 * `fieldValidation=Strict|Warn` (`unknown field "spec.foo"`). */

type JSONObject = Record<string, unknown>;

const isObject = (v: unknown): v is JSONObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const join = (base: string, key: string): string => (base ? `${base}.${key}` : key);

/** Fields every embedded object (and the root) carries without the schema listing them. */
const TYPE_META = new Set(['apiVersion', 'kind', 'metadata']);

interface Walk {
  removed: string[];
}

const pruneObject = (
  schema: JSONSchemaProps,
  value: JSONObject,
  at: string,
  walk: Walk,
  keepTypeMeta: boolean,
): JSONObject => {
  const properties = schema.properties ?? {};
  const extra =
    typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  // `additionalProperties: true` is a map of anything; kube treats it like preserving.
  const preserve =
    schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true;
  const embedded = keepTypeMeta || schema['x-kubernetes-embedded-resource'] === true;
  const out: JSONObject = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = properties[key] ?? extra;
    const path = join(at, key);
    if (embedded && TYPE_META.has(key)) {
      out[key] = child; // metadata is validated by its own rules, never pruned by the schema
    } else if (childSchema) {
      // Like kube, a null in a field that is not nullable is dropped rather than rejected: Go
      // clients serialise unset timestamps and structs that way.
      if (child === null && !childSchema.nullable) continue;
      out[key] = pruneValue(childSchema, child, path, walk);
    } else if (preserve) {
      out[key] = child;
    } else {
      walk.removed.push(path);
    }
  }
  return out;
};

function pruneValue(schema: JSONSchemaProps, value: unknown, at: string, walk: Walk): unknown {
  if (schema['x-kubernetes-int-or-string']) return value;
  if (Array.isArray(value)) {
    const items = schema.items;
    return items ? value.map((v, i) => pruneValue(items, v, `${at}[${i}]`, walk)) : value;
  }
  // Like kube, `type: object` without properties and without preserving is emptied.
  if (isObject(value)) return pruneObject(schema, value, at, walk, false);
  // Scalars, or a value of the wrong type: validation reports those, pruning leaves them.
  return value;
}

/** Returns a pruned copy of `obj` (the input is not modified) and the dotted paths removed.
 * Root apiVersion, kind and metadata are always kept: kube validates metadata on its own. */
export const pruneUnknownFields = (
  schema: JSONSchemaProps,
  obj: unknown,
): { value: unknown; unknownFields: string[] } => {
  const walk: Walk = { removed: [] };
  if (!isObject(obj)) return { value: obj, unknownFields: [] };
  const value = pruneObject(schema, obj, '', walk, true);
  return { value, unknownFields: walk.removed };
};

/** Writes one structural OpenAPI v3 schema per served kind to
 * local-cluster/apiserver/schemas/generated/, derived from the TypeScript typings of
 * @kubevirt-ui-ext/kubevirt-api (which are generated from the real KubeVirt, CDI, nmstate and
 * Kubernetes OpenAPI documents). Kinds the package has no type for keep hand-written schemas in
 * schemas/handwritten/. Run with `npm run generate:schemas`; the output is committed. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Definition, Schema } from 'ts-json-schema-generator';
import {
  DEFAULT_CONFIG,
  SchemaGenerator,
  createFormatter,
  createParser,
  createProgram,
} from 'ts-json-schema-generator';
import { builtinKinds } from '../local-cluster/apiserver/registry/builtinKinds';
import { crdCatalog, schemaFileName } from '../local-cluster/apiserver/registry/crdCatalog';
import type { JSONSchemaProps } from '../local-cluster/apiserver/validation/schemaStore';

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'node_modules/@kubevirt-ui-ext/kubevirt-api/dist');
const OUT_DIR = path.join(ROOT, 'local-cluster/apiserver/schemas/generated');

/** Beyond this many nested objects a schema keeps the subtree open (preserve unknown fields)
 * instead of describing it: VirtualMachine embeds the whole VMI spec, and fully expanded schemas
 * would weigh megabytes each for fields nobody validates that deep. */
const MAX_OBJECT_DEPTH = 10;

interface TypeSource {
  /** Bundle under dist/ holding the type. */
  bundle: 'kubevirt' | 'containerized-data-importer' | 'kubernetes' | 'nmstate';
  /** Type name prefix; the kind is appended. */
  prefix: string;
}

/** Where the typings put each API group. The OpenAPI generator names types after the Go package
 * (kube: `IoK8sApiAppsV1`) or after the version (KubeVirt, CDI, nmstate: `V1beta1`). */
const sourceFor = (group: string, version: string): TypeSource | undefined => {
  const v = version.charAt(0).toUpperCase() + version.slice(1);
  const kube = (pkg: string): TypeSource => ({
    bundle: 'kubernetes',
    prefix: `IoK8sApi${pkg}${v}`,
  });
  switch (group) {
    case '':
      return kube('Core');
    case 'apps':
      return kube('Apps');
    case 'batch':
      return kube('Batch');
    case 'storage.k8s.io':
      return kube('Storage');
    case 'rbac.authorization.k8s.io':
      return kube('Rbac');
    case 'authorization.k8s.io':
      return kube('Authorization');
    case 'apiextensions.k8s.io':
      return {
        bundle: 'kubernetes',
        prefix: `IoK8sApiextensionsApiserverPkgApisApiextensions${v}`,
      };
    case 'cdi.kubevirt.io':
      return { bundle: 'containerized-data-importer', prefix: v };
    case 'nmstate.io':
      return { bundle: 'nmstate', prefix: v };
    case 'kubevirt.io':
    case 'instancetype.kubevirt.io':
    case 'migrations.kubevirt.io':
    case 'snapshot.kubevirt.io':
    case 'clone.kubevirt.io':
    case 'export.kubevirt.io':
      return { bundle: 'kubevirt', prefix: v };
    default:
      return undefined; // OpenShift, HCO, Multus, snapshot.storage: not in the package.
  }
};

interface KindRef {
  group: string;
  version: string;
  kind: string;
}

/** Every kind the server serves; virtual kinds too when a type exists, so discovery documents
 * and kubectl explain cover them. */
const servedKinds = (): KindRef[] => {
  const all = [...crdCatalog, ...builtinKinds].map(({ group, version, kind }) => ({
    group,
    version,
    kind,
  }));
  const seen = new Set<string>();
  return all.filter((k) => {
    const key = schemaFileName(k.group, k.version, k.kind);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** One ts program per bundle: parsing the 2.8 MB kubernetes typings dominates the run time. */
const generators = new Map<string, { generator: SchemaGenerator; names: Set<string> }>();

const generatorFor = (bundle: TypeSource['bundle']) => {
  let entry = generators.get(bundle);
  if (!entry) {
    const config = {
      ...DEFAULT_CONFIG,
      path: path.join(DIST, bundle, 'index.d.ts'),
      expose: 'all' as const,
      jsDoc: 'extended' as const,
      skipTypeCheck: true,
      topRef: true,
      additionalProperties: false,
      sortProps: true,
    };
    const program = createProgram(config);
    const generator = new SchemaGenerator(
      program,
      createParser(program, config),
      createFormatter(config),
      config,
    );
    const file = program.getSourceFile(config.path);
    const names = new Set<string>();
    file?.forEachChild((node) => {
      const name = (node as { name?: { text?: string } }).name?.text;
      if (name) names.add(name);
    });
    entry = { generator, names };
    generators.set(bundle, entry);
  }
  return entry;
};

/** Boilerplate the typings repeat on every Quantity and IntOrString field instead of the field's
 * own description; its first sentence is enough for kubectl explain. */
const QUANTITY_DOC = 'Quantity is a fixed-point representation of a number.';
const INT_OR_STRING_DOC = 'IntOrString is a type that can hold an int32 or a string.';

/** Maps of resource name to Quantity, typed as `{[key: string]: string}` by the typings though
 * kube accepts numbers there (`cpu: 1` in YAML). */
const RESOURCE_LIST_FIELDS = new Set([
  'requests',
  'limits',
  'capacity',
  'allocatable',
  'allocatedResources',
  'hard',
  'used',
  'overhead',
  'min',
  'max',
  'default',
  'defaultRequest',
  'maxLimitRequestRatio',
]);

const refName = (ref: string): string => decodeURIComponent(ref.replace('#/definitions/', ''));

const isObjectMeta = (name: string): boolean => /MetaV1ObjectMeta$/.test(name);

/** A CRD's own schema (JSONSchemaProps) is recursive and carries `x-kubernetes-*` and `default`
 * keys the typings cannot express, so it must be kept verbatim rather than pruned. */
const isJsonSchemaProps = (name: string): boolean => /V1JSONSchemaProps$/.test(name);

const TIME_DOC = /^(Time|MicroTime) is a /;

/** KubeVirt's published OpenAPI drops the nullable timestamps of its conditions, so the typings
 * lack them; without them here, pruning would strip what controllers write into status. */
const withConditionTimes = (name: string, def: Definition): Definition => {
  const props = def.properties ?? {};
  if (!name.endsWith('Condition') || !props.type || !props.status) return def;
  if (Object.keys(props).some((k) => k.startsWith('last'))) return def;
  const times = ['lastProbeTime', 'lastTransitionTime'];
  if (name.endsWith('KubeVirtCondition')) times.push('lastUpdateTime');
  const time: Definition = { type: ['string', 'null'], format: 'date-time' };
  return { ...def, properties: { ...props, ...Object.fromEntries(times.map((t) => [t, time])) } };
};

/** The OpenAPI generator prefixes Go field names that are TypeScript reserved words (`_continue`,
 * `_default`, `_export`); kube field names never start with an underscore. */
const jsonFieldName = (tsName: string, typeName?: string): string =>
  (typeName && CAPITALISED_JSON_FIELDS[typeName]?.[tsName]) ?? tsName.replace(/^_/, '');

/** The generator lower-cases the first letter of every field; these few are capitalised in kube's JSON. */
const CAPITALISED_JSON_FIELDS: Record<string, Record<string, string>> = {
  IoK8sApiCoreV1DaemonEndpoint: { port: 'Port' },
};

interface Ctx {
  definitions: Record<string, Definition>;
  /** Definitions being expanded on the current path, to cut recursive types. */
  stack: string[];
  objectDepth: number;
}

const open = (description?: string): JSONSchemaProps => ({
  type: 'object',
  ...(description ? { description } : {}),
  'x-kubernetes-preserve-unknown-fields': true,
});

const intOrString = (description?: string): JSONSchemaProps => ({
  ...(description ? { description } : {}),
  'x-kubernetes-int-or-string': true,
});

/** First sentence of the boilerplate, or the description as written. */
const tidyDescription = (d: string | undefined): string | undefined => {
  if (!d) return undefined;
  if (d.startsWith(QUANTITY_DOC)) return QUANTITY_DOC;
  if (d.startsWith(INT_OR_STRING_DOC)) return INT_OR_STRING_DOC;
  return d.trim() || undefined;
};

const asDef = (d: Definition | boolean | undefined): Definition | undefined =>
  typeof d === 'object' ? d : undefined;

/** Resolves `$ref`s and one-level `allOf` wrappers, carrying the outer description over. */
const resolve = (node: Definition, ctx: Ctx): { def: Definition; name?: string } => {
  if (node.$ref) {
    const name = refName(node.$ref);
    const target = ctx.definitions[name];
    return {
      def: { ...target, ...(node.description ? { description: node.description } : {}) },
      name,
    };
  }
  return { def: node };
};

const convertUnion = (variants: Definition[], description: string | undefined, ctx: Ctx) => {
  const nonNull = variants.filter((v) => v.type !== 'null');
  const nullable = nonNull.length < variants.length;
  const types = new Set(nonNull.map((v) => resolve(v, ctx).def.type).flat());
  const withNull = (s: JSONSchemaProps): JSONSchemaProps => (nullable ? { ...s, nullable } : s);
  if (nonNull.length === 1) return withNull(convert(nonNull[0], ctx, description));
  if (types.has('string') && (types.has('number') || types.has('integer')) && types.size === 2)
    return withNull(intOrString(description));
  // A union of string literals is a closed set of values: an enum, as kube would declare it.
  const literals = nonNull.map((v) => resolve(v, ctx).def);
  if (literals.every((v) => v.type === 'string' && (v.const !== undefined || v.enum))) {
    const values = literals.flatMap((v) => (v.enum ? v.enum : [v.const]));
    return withNull({ type: 'string', ...(description ? { description } : {}), enum: values });
  }
  // Structural schemas forbid type unions; an open node is the honest answer.
  return withNull({
    ...(description ? { description } : {}),
    'x-kubernetes-preserve-unknown-fields': true,
  });
};

const convertObject = (
  def: Definition,
  description: string | undefined,
  ctx: Ctx,
  fieldName?: string,
): JSONSchemaProps => {
  const props = def.properties ?? {};
  const extra = asDef(def.additionalProperties);
  const hasProps = Object.keys(props).length > 0;
  if (!hasProps && !extra) return open(description);
  if (ctx.objectDepth >= MAX_OBJECT_DEPTH) return open(description);
  const inner: Ctx = { ...ctx, objectDepth: ctx.objectDepth + 1 };
  const out: JSONSchemaProps = { type: 'object', ...(description ? { description } : {}) };
  if (hasProps) {
    out.properties = {};
    const typeName = ctx.stack[ctx.stack.length - 1];
    for (const [tsName, child] of Object.entries(props)) {
      const c = asDef(child);
      const name = jsonFieldName(tsName, typeName);
      if (c) out.properties[name] = convert(c, inner, undefined, name);
    }
    const required = (def.required ?? [])
      .map((r) => jsonFieldName(r, typeName))
      .filter((r) => out.properties?.[r]);
    if (required.length) out.required = required;
    // kube forbids properties next to additionalProperties; keeping the known fields matters more.
    if (extra) out['x-kubernetes-preserve-unknown-fields'] = true;
    return out;
  }
  if (extra) {
    const values = convert(extra as Definition, inner);
    const quantities =
      fieldName && RESOURCE_LIST_FIELDS.has(fieldName) && values.type === 'string' && !values.enum;
    out.additionalProperties = quantities ? intOrString() : values;
  }
  return out;
};

/** JSON Schema draft 7 node → structural OpenAPI v3 node. */
function convert(
  node: Definition,
  ctx: Ctx,
  descriptionOverride?: string,
  fieldName?: string,
): JSONSchemaProps {
  const resolved = resolve(node, ctx);
  const name = resolved.name;
  const def = name ? withConditionTimes(name, resolved.def) : resolved.def;
  const description = tidyDescription(descriptionOverride ?? def.description);
  if (name && isObjectMeta(name)) {
    // Nested ObjectMeta (pod and VMI templates) stays open, as in KubeVirt's own CRDs.
    return {
      type: 'object',
      ...(description ? { description } : {}),
      nullable: true,
      'x-kubernetes-preserve-unknown-fields': true,
    };
  }
  // Recursive types, and a CRD's own schema, stay open from here down.
  if (name && (ctx.stack.includes(name) || isJsonSchemaProps(name))) return open(description);
  const inner: Ctx = name ? { ...ctx, stack: [...ctx.stack, name] } : ctx;

  const variants = (def.anyOf ?? def.oneOf)?.map(asDef).filter((v): v is Definition => !!v);
  if (variants) return convertUnion(variants, description, inner);
  if (Array.isArray(def.type)) {
    return convertUnion(
      def.type.map((t) => ({ ...def, type: t })),
      description,
      inner,
    );
  }
  if (description === QUANTITY_DOC || description === INT_OR_STRING_DOC)
    return intOrString(description);

  const doc = description ? { description } : {};
  switch (def.type) {
    case 'object':
      return convertObject(def, description, inner, fieldName);
    case 'array': {
      const items = asDef(Array.isArray(def.items) ? def.items[0] : def.items);
      return { type: 'array', ...doc, items: items ? convert(items, inner) : open() };
    }
    case 'string': {
      const values = def.enum ?? (def.const !== undefined ? [def.const] : undefined);
      const format = def.format ?? (description && TIME_DOC.test(description) ? 'date-time' : '');
      return {
        type: 'string',
        ...(format ? { format } : {}),
        ...doc,
        ...(values ? { enum: values } : {}),
      };
    }
    case 'integer':
    case 'number':
    case 'boolean':
      return { type: def.type, ...doc };
    default:
      // `any` / `unknown` in the typings: arbitrary JSON.
      return { ...doc, 'x-kubernetes-preserve-unknown-fields': true };
  }
}

const rootSchema = (schema: Schema, typeName: string): JSONSchemaProps => {
  const definitions = (schema.definitions ?? {}) as Record<string, Definition>;
  const converted = convert(definitions[typeName], { definitions, stack: [], objectDepth: 0 });
  // kube allows only `type: object` for root metadata: the server validates ObjectMeta itself.
  const properties: Record<string, JSONSchemaProps> = { ...converted.properties };
  properties.apiVersion = {
    type: 'string',
    description: properties.apiVersion?.description ?? 'APIVersion of this object.',
  };
  properties.kind = {
    type: 'string',
    description: properties.kind?.description ?? 'Kind of this object.',
  };
  properties.metadata = { type: 'object' };
  const sorted = Object.fromEntries(
    Object.keys(properties)
      .sort()
      .map((k) => [k, properties[k]]),
  );
  const { description, required } = converted;
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties: sorted,
    ...(required?.length ? { required: required.filter((r) => r !== 'metadata') } : {}),
  };
};

const main = (): void => {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const f of readdirSync(OUT_DIR)) if (f.endsWith('.json')) rmSync(path.join(OUT_DIR, f));
  const missing: string[] = [];
  let bytes = 0;
  let count = 0;
  for (const k of servedKinds()) {
    const source = sourceFor(k.group, k.version);
    const typeName = source && `${source.prefix}${k.kind}`;
    const entry = source && generatorFor(source.bundle);
    if (!typeName || !entry?.names.has(typeName)) {
      missing.push(schemaFileName(k.group, k.version, k.kind));
      continue;
    }
    const schema = rootSchema(entry.generator.createSchema(typeName), typeName);
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    writeFileSync(path.join(OUT_DIR, schemaFileName(k.group, k.version, k.kind)), text);
    bytes += text.length;
    count++;
  }
  console.log(`wrote ${count} schemas (${(bytes / 1024).toFixed(0)} KiB) to ${OUT_DIR}`);
  console.log(`no type in the package (hand-written schemas expected): ${missing.join(', ')}`);
};

main();

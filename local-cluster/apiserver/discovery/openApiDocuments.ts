import { createHash } from 'node:crypto';
import type { ResourceKind, Verb } from '../registry/resourceKind';
import type { JSONSchemaProps } from '../validation/schemaStore';
import { schemaFor } from '../validation/schemaStore';

/** The OpenAPI documents kube-apiserver publishes: `/openapi/v2` (Swagger 2.0, one document) and
 * `/openapi/v3` (an index of one OpenAPI 3.0 document per group-version). kubectl reads them for
 * `explain` (v3: finds the kind through the `x-kubernetes-group-version-kind` of a path
 * operation, then the schema carrying the same GVK), and to learn whether the server validates
 * fields itself (v3: a `fieldValidation` query parameter on the kind's PATCH operation). */

type SchemaOf = (kind: ResourceKind) => JSONSchemaProps | undefined;
type Json = Record<string, unknown>;

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

const defaultSchemaOf: SchemaOf = (k) => schemaFor(k.group, k.version, k.kind);

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';
const STATUS = 'io.k8s.apimachinery.pkg.apis.meta.v1.Status';

/** Groups compiled into kube-apiserver, named after their Go package (`io.k8s.api.apps`). */
const KUBE_PACKAGES: Record<string, string> = {
  '': 'io.k8s.api.core',
  apps: 'io.k8s.api.apps',
  batch: 'io.k8s.api.batch',
  'storage.k8s.io': 'io.k8s.api.storage',
  'rbac.authorization.k8s.io': 'io.k8s.api.rbac',
  'authorization.k8s.io': 'io.k8s.api.authorization',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
};

/** Kube's definition names: Go package paths for compiled-in kinds (OpenShift's too), the
 * reversed group for custom resources (`kubevirt.io` → `io.kubevirt`), as CRD publishing does. */
const packageOf = (group: string): string => {
  if (group in KUBE_PACKAGES) return KUBE_PACKAGES[group];
  if (group.endsWith('.openshift.io')) return `com.github.openshift.api.${group.split('.')[0]}`;
  return group.split('.').reverse().join('.');
};

export const definitionName = (k: Pick<ResourceKind, 'group' | 'version' | 'kind'>): string =>
  `${packageOf(k.group)}.${k.version}.${k.kind}`;

const gvkOf = (k: ResourceKind, kind = k.kind): Gvk => ({
  group: k.group,
  version: k.version,
  kind,
});

const groupVersionKeyOf = (k: Pick<ResourceKind, 'group' | 'version'>): string =>
  k.group ? `apis/${k.group}/${k.version}` : `api/${k.version}`;

// ---- shared metadata schemas --------------------------------------------------------------------

const str = (description: string): JSONSchemaProps => ({ type: 'string', description });
const stringMap = (description: string): JSONSchemaProps => ({
  type: 'object',
  description,
  additionalProperties: { type: 'string' },
});

const objectMeta: JSONSchemaProps = {
  type: 'object',
  description:
    'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
  properties: {
    annotations: stringMap(
      'Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.',
    ),
    creationTimestamp: {
      type: 'string',
      format: 'date-time',
      description:
        'CreationTimestamp is a timestamp representing the server time when this object was created.',
    },
    deletionGracePeriodSeconds: {
      type: 'integer',
      format: 'int64',
      description:
        'Number of seconds allowed for this object to gracefully terminate before it will be removed from the system.',
    },
    deletionTimestamp: {
      type: 'string',
      format: 'date-time',
      description:
        'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.',
    },
    finalizers: {
      type: 'array',
      description: 'Must be empty before the object is deleted from the registry.',
      items: { type: 'string' },
    },
    generateName: str(
      'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.',
    ),
    generation: {
      type: 'integer',
      format: 'int64',
      description: 'A sequence number representing a specific generation of the desired state.',
    },
    labels: stringMap(
      'Map of string keys and values that can be used to organize and categorize (scope and select) objects.',
    ),
    managedFields: {
      type: 'array',
      description:
        'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.',
      items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    },
    name: str('Name must be unique within a namespace. Cannot be updated.'),
    namespace: str('Namespace defines the space within which each name must be unique.'),
    ownerReferences: {
      type: 'array',
      description: 'List of objects depended by this object.',
      items: {
        type: 'object',
        description:
          'OwnerReference contains enough information to let you identify an owning object.',
        required: ['apiVersion', 'kind', 'name', 'uid'],
        properties: {
          apiVersion: str('API version of the referent.'),
          blockOwnerDeletion: {
            type: 'boolean',
            description:
              'If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed.',
          },
          controller: {
            type: 'boolean',
            description: 'If true, this reference points to the managing controller.',
          },
          kind: str('Kind of the referent.'),
          name: str('Name of the referent.'),
          uid: str('UID of the referent.'),
        },
      },
    },
    resourceVersion: str(
      'An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed.',
    ),
    selfLink: str(
      'Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.',
    ),
    uid: str('UID is the unique in time and space value for this object.'),
  },
};

const listMeta: JSONSchemaProps = {
  type: 'object',
  description: 'ListMeta describes metadata that synthetic resources must have, including lists.',
  properties: {
    continue: str('continue may be set if the user set a limit on the number of items returned.'),
    remainingItemCount: {
      type: 'integer',
      format: 'int64',
      description:
        'The number of subsequent items in the list which are not included in this list response.',
    },
    resourceVersion: str("String that identifies the server's internal version of this object."),
    selfLink: str(
      'Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.',
    ),
  },
};

const statusSchema: JSONSchemaProps = {
  type: 'object',
  description: "Status is a return value for calls that don't return other objects.",
  properties: {
    apiVersion: { type: 'string' },
    code: {
      type: 'integer',
      format: 'int32',
      description: 'Suggested HTTP return code for this status, 0 if not set.',
    },
    details: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    kind: { type: 'string' },
    message: str('A human-readable description of the status of this operation.'),
    metadata: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    reason: str('A machine-readable description of why this operation is in the "Failure" status.'),
    status: str('Status of the operation. One of: "Success" or "Failure".'),
  },
};

// ---- per-dialect schema conversion ------------------------------------------------------------

type Dialect = 'v2' | 'v3';

const refTo = (dialect: Dialect, name: string): string =>
  dialect === 'v2' ? `#/definitions/${name}` : `#/components/schemas/${name}`;

/** Swagger 2.0 has no `nullable`; kube drops it when publishing v2. */
const forDialect = (s: JSONSchemaProps, dialect: Dialect): Json => {
  if (dialect === 'v3') return s as Json;
  const { nullable: _nullable, properties, items, additionalProperties, ...rest } = s;
  const out: Json = { ...rest };
  if (properties) {
    out.properties = Object.fromEntries(
      Object.entries(properties).map(([k, v]) => [k, forDialect(v, dialect)]),
    );
  }
  if (items) out.items = forDialect(items, dialect);
  if (additionalProperties !== undefined) {
    out.additionalProperties =
      typeof additionalProperties === 'object'
        ? forDialect(additionalProperties, dialect)
        : additionalProperties;
  }
  return out;
};

const OPEN_SCHEMA: JSONSchemaProps = {
  type: 'object',
  'x-kubernetes-preserve-unknown-fields': true,
};

/** The kind's schema with root metadata pointing at the shared ObjectMeta, as kube publishes it. */
const kindSchema = (
  k: ResourceKind,
  schema: JSONSchemaProps | undefined,
  dialect: Dialect,
): Json => {
  const base = forDialect(schema ?? OPEN_SCHEMA, dialect);
  const metadataRef = refTo(dialect, OBJECT_META);
  const metadata =
    dialect === 'v2'
      ? { $ref: metadataRef, description: "Standard object's metadata." }
      : { allOf: [{ $ref: metadataRef }], default: {}, description: "Standard object's metadata." };
  return {
    ...base,
    properties: { ...(base.properties as Json | undefined), metadata },
    'x-kubernetes-group-version-kind': [gvkOf(k)],
  };
};

const listSchema = (k: ResourceKind, dialect: Dialect): Json => ({
  type: 'object',
  description: `${k.listKind} is a list of ${k.kind}.`,
  required: ['items'],
  properties: {
    apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
    items: {
      type: 'array',
      description: `List of ${k.plural}.`,
      items: { $ref: refTo(dialect, definitionName(k)) },
    },
    kind: str('Kind is a string value representing the REST resource this object represents.'),
    metadata:
      dialect === 'v2'
        ? { $ref: refTo(dialect, LIST_META) }
        : { allOf: [{ $ref: refTo(dialect, LIST_META) }], default: {} },
  },
  'x-kubernetes-group-version-kind': [gvkOf(k, k.listKind)],
});

// ---- paths ------------------------------------------------------------------------------------

const ACTIONS: Partial<Record<Verb, { method: string; action: string; item: boolean }>> = {
  list: { method: 'get', action: 'list', item: false },
  create: { method: 'post', action: 'post', item: false },
  deletecollection: { method: 'delete', action: 'deletecollection', item: false },
  get: { method: 'get', action: 'get', item: true },
  update: { method: 'put', action: 'put', item: true },
  patch: { method: 'patch', action: 'patch', item: true },
  delete: { method: 'delete', action: 'delete', item: true },
};

const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];

const queryParam = (name: string, description: string, type = 'string'): Json => ({
  name,
  in: 'query',
  description,
  type,
});
const pathParam = (name: string): Json => ({ name, in: 'path', required: true, type: 'string' });

/** Swagger 2.0 puts the type on the parameter, OpenAPI 3.0 under `schema`. */
const param = (p: Json, dialect: Dialect): Json => {
  if (dialect === 'v2') return p;
  const { type, ...rest } = p;
  return { ...rest, schema: { type } };
};

const WRITE_PARAMS = [
  queryParam('dryRun', 'When present, indicates that modifications should not be persisted.'),
  queryParam(
    'fieldManager',
    'fieldManager is a name associated with the actor or entity that is making these changes.',
  ),
  queryParam(
    'fieldValidation',
    'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields: Ignore, Warn or Strict.',
  ),
];

const OPERATION_VERBS: Record<string, string> = {
  list: 'list',
  post: 'create',
  deletecollection: 'deleteCollection',
  get: 'read',
  put: 'replace',
  patch: 'patch',
  delete: 'delete',
};

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `listKubevirtIoV1NamespacedVirtualMachine`, in the style of kube's operation ids. */
const operationId = (
  action: string,
  k: ResourceKind,
  scope: 'Namespaced' | '' | 'ForAllNamespaces',
): string => {
  const group = k.group ? k.group.split(/[.-]/).map(capitalize).join('') : 'Core';
  const kind = scope === 'ForAllNamespaces' ? `${k.kind}ForAllNamespaces` : `${scope}${k.kind}`;
  return `${OPERATION_VERBS[action]}${group}${capitalize(k.version)}${kind}`;
};

const response = (dialect: Dialect, ref: string): Json =>
  dialect === 'v2'
    ? { description: 'OK', schema: { $ref: refTo(dialect, ref) } }
    : {
        description: 'OK',
        content: { 'application/json': { schema: { $ref: refTo(dialect, ref) } } },
      };

const requestBody = (dialect: Dialect, ref: string, patch: boolean): Json | undefined => {
  if (dialect === 'v2') return undefined;
  const schema = patch ? { type: 'object' } : { $ref: refTo(dialect, ref) };
  const types = patch ? PATCH_TYPES : ['application/json', 'application/yaml'];
  return {
    required: true,
    content: Object.fromEntries(types.map((t) => [t, { schema }])),
  };
};

const pathsFor = (k: ResourceKind, dialect: Dialect): Record<string, Json> => {
  const prefix = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  const collection = k.namespaced
    ? `${prefix}/namespaces/{namespace}/${k.plural}`
    : `${prefix}/${k.plural}`;
  const paths: Record<string, Json> = {};
  const add = (path: string, method: string, op: Json) => {
    paths[path] = { ...paths[path], [method]: op };
  };
  for (const verb of k.verbs) {
    const a = ACTIONS[verb];
    if (!a) continue;
    const path = a.item ? `${collection}/{name}` : collection;
    const writes = a.method !== 'get';
    const bodyRef = definitionName(k);
    const resultRef =
      a.action === 'list' ? `${definitionName(k)}List` : a.method === 'delete' ? STATUS : bodyRef;
    const params = [
      ...(k.namespaced ? [pathParam('namespace')] : []),
      ...(a.item ? [pathParam('name')] : []),
      ...(writes ? WRITE_PARAMS : []),
      ...(a.action === 'list'
        ? [
            queryParam(
              'labelSelector',
              'A selector to restrict the list of returned objects by their labels.',
            ),
            queryParam(
              'fieldSelector',
              'A selector to restrict the list of returned objects by their fields.',
            ),
            queryParam('watch', 'Watch for changes to the described resources.', 'boolean'),
          ]
        : []),
    ].map((p) => param(p, dialect));
    const hasBody = a.action === 'post' || a.action === 'put' || a.action === 'patch';
    const body = hasBody ? requestBody(dialect, bodyRef, a.action === 'patch') : undefined;
    const v2Body =
      dialect === 'v2' && hasBody
        ? [
            {
              name: 'body',
              in: 'body',
              required: true,
              schema: a.action === 'patch' ? { type: 'object' } : { $ref: refTo(dialect, bodyRef) },
            },
          ]
        : [];
    add(path, a.method, {
      operationId: operationId(a.action, k, k.namespaced ? 'Namespaced' : ''),
      ...(dialect === 'v2' && a.action === 'patch' ? { consumes: PATCH_TYPES } : {}),
      parameters: [...params, ...v2Body],
      ...(body ? { requestBody: body } : {}),
      responses: { '200': response(dialect, resultRef) },
      'x-kubernetes-action': a.action,
      'x-kubernetes-group-version-kind': gvkOf(k),
    });
  }
  // The all-namespaces list, which kubectl `get -A` and explain's path search also accept.
  if (k.namespaced && k.verbs.includes('list')) {
    add(`${prefix}/${k.plural}`, 'get', {
      operationId: operationId('list', k, 'ForAllNamespaces'),
      parameters: [],
      responses: { '200': response(dialect, `${definitionName(k)}List`) },
      'x-kubernetes-action': 'list',
      'x-kubernetes-group-version-kind': gvkOf(k),
    });
  }
  return paths;
};

// ---- documents --------------------------------------------------------------------------------

const INFO = { title: 'Kubernetes', version: 'v1.32.0' };

const sharedSchemas = (dialect: Dialect): Record<string, Json> => ({
  [OBJECT_META]: forDialect(objectMeta, dialect),
  [LIST_META]: forDialect(listMeta, dialect),
  [STATUS]: forDialect(statusSchema, dialect),
});

const sortKeys = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );

const schemasAndPaths = (kinds: ResourceKind[], dialect: Dialect, schemaOf: SchemaOf) => {
  const schemas: Record<string, Json> = sharedSchemas(dialect);
  let paths: Record<string, Json> = {};
  for (const k of kinds) {
    schemas[definitionName(k)] = kindSchema(k, schemaOf(k), dialect);
    if (k.verbs.includes('list')) schemas[`${definitionName(k)}List`] = listSchema(k, dialect);
    paths = { ...paths, ...pathsFor(k, dialect) };
  }
  return { schemas: sortKeys(schemas), paths: sortKeys(paths) };
};

/** The Swagger 2.0 document of every served kind (`GET /openapi/v2`). */
export const buildOpenApiV2 = (
  kinds: ResourceKind[],
  schemaOf: SchemaOf = defaultSchemaOf,
): object => {
  const { schemas, paths } = schemasAndPaths(kinds, 'v2', schemaOf);
  return { swagger: '2.0', info: INFO, paths, definitions: schemas };
};

/** One OpenAPI 3.0 document per group-version (`GET /openapi/v3/apis/<group>/<version>`), or
 * undefined when no served kind belongs to `groupVersionKey` (`api/v1`, `apis/<g>/<v>`). */
export const buildOpenApiV3GroupVersion = (
  kinds: ResourceKind[],
  groupVersionKey: string,
  schemaOf: SchemaOf = defaultSchemaOf,
): object | undefined => {
  const key = groupVersionKey.replace(/^\/+/, '');
  const members = kinds.filter((k) => groupVersionKeyOf(k) === key);
  if (!members.length) return undefined;
  const { schemas, paths } = schemasAndPaths(members, 'v3', schemaOf);
  return { openapi: '3.0.0', info: INFO, paths, components: { schemas } };
};

/** Clients cache group-version documents by URL, so the URL carries a digest of the content
 * (upper-case hex SHA-512, as kube-apiserver writes it). */
const digest = (doc: object): string =>
  createHash('sha512').update(JSON.stringify(doc)).digest('hex').toUpperCase();

/** The `/openapi/v3` discovery index: one entry per served group-version. */
export const openApiV3Index = (
  kinds: ResourceKind[],
  schemaOf: SchemaOf = defaultSchemaOf,
): { paths: Record<string, { serverRelativeURL: string }> } => {
  const keys = [...new Set(kinds.map(groupVersionKeyOf))].sort();
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const key of keys) {
    const doc = buildOpenApiV3GroupVersion(kinds, key, schemaOf);
    if (doc) paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${digest(doc)}` };
  }
  return { paths };
};

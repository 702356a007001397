import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { schemaFileName } from '../registry/crdCatalog';

/** The OpenAPI v3 subset a structural CustomResourceDefinition schema may use (apiextensions.k8s.io/v1
 * JSONSchemaProps), which is also what the server keeps for built-in kinds. */
export interface JSONSchemaProps {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  description?: string;
  properties?: Record<string, JSONSchemaProps>;
  required?: string[];
  items?: JSONSchemaProps;
  additionalProperties?: JSONSchemaProps | boolean;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
}

/** Generated schemas (from the kubevirt-api typings) win over hand-written ones, which only cover
 * kinds the typings lack; see scripts/generate-crd-schemas.ts. */
const SCHEMA_DIRS = ['generated', 'handwritten'].map((d) => path.join(__dirname, '../schemas', d));

// `null` remembers a miss too, so an unknown kind costs one stat per directory, once.
const cache = new Map<string, JSONSchemaProps | null>();

const load = (fileName: string): JSONSchemaProps | null => {
  for (const dir of SCHEMA_DIRS) {
    const file = path.join(dir, fileName);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as JSONSchemaProps;
  }
  return null;
};

/** The schema of one served kind, or undefined when none is committed (the server then accepts
 * any object, as kube-apiserver does for a CRD version without a schema). Callers share the
 * returned object, so they must not mutate it. */
export const schemaFor = (
  group: string,
  version: string,
  kind: string,
): JSONSchemaProps | undefined => {
  const fileName = schemaFileName(group, version, kind);
  if (!cache.has(fileName)) cache.set(fileName, load(fileName));
  return cache.get(fileName) ?? undefined;
};

import { randomBytes, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { KubeObject, ObjectMeta } from '../core/types';
import type { ResourceKind } from '../registry/resourceKind';
import { apiVersionOf } from '../registry/resourceKind';
import { defaultOnCreate } from './kindDefaults';

/** Metadata fields only the server sets; client values are replaced or kept from the stored object. */
const SERVER_OWNED: readonly string[] = [
  'uid',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

const withoutKeys = (meta: ObjectMeta, keys: readonly string[]): ObjectMeta =>
  Object.fromEntries(Object.entries(meta).filter(([k]) => !keys.includes(k))) as ObjectMeta;

const tracksGeneration = (kind: ResourceKind, obj: KubeObject): boolean =>
  kind.source === 'crd' || obj.spec !== undefined;

/** apiVersion and kind, spread first so they lead the object's keys as kube serializes them. */
const typeMetaFirst = (kind: ResourceKind) => ({ apiVersion: apiVersionOf(kind), kind: kind.kind });

const GENERATE_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** kube's generateName suffix: five characters from an alphabet without vowels or look-alikes. */
export const generatedName = (prefix: string): string => {
  const bytes = randomBytes(5);
  let suffix = '';
  for (const b of bytes) suffix += GENERATE_NAME_ALPHABET[b % GENERATE_NAME_ALPHABET.length];
  return `${prefix}${suffix}`;
};

export const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The object as it will be stored on create: identity, timestamps, generation 1. */
export const prepareCreate = (
  kind: ResourceKind,
  obj: KubeObject,
  namespace: string | undefined,
  keepStatus: boolean,
): KubeObject => {
  const metadata = withoutKeys(obj.metadata, [...SERVER_OWNED, 'resourceVersion']);
  if (!metadata.name && metadata.generateName) metadata.name = generatedName(metadata.generateName);
  if (kind.namespaced) metadata.namespace = namespace;
  else delete metadata.namespace;
  metadata.uid = randomUUID();
  metadata.creationTimestamp = now();
  // Like kube, only kinds with a desired state track generations; ConfigMaps and Secrets do not.
  if (tracksGeneration(kind, obj)) metadata.generation = 1;
  const created: KubeObject = { ...typeMetaFirst(kind), ...obj, ...typeMetaFirst(kind), metadata };
  if (kind.statusSubresource && !keepStatus) delete created.status;
  return defaultOnCreate(kind, created);
};

const withoutMetaAndStatus = (obj: KubeObject): Record<string, unknown> => {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
};

/**
 * Merges an incoming full object with the stored one, keeping what the client may not change: the
 * server-owned metadata, and, for kinds with a status subresource, the status on main-resource
 * writes and everything but the status on status writes. Bumps generation when the spec changed.
 */
export const prepareUpdate = (
  kind: ResourceKind,
  stored: KubeObject,
  incoming: KubeObject,
  subresource: 'status' | undefined,
): KubeObject => {
  if (subresource === 'status') {
    return { ...stored, status: incoming.status, metadata: { ...stored.metadata } };
  }
  const kept = Object.fromEntries(
    SERVER_OWNED.filter((f) => stored.metadata[f as keyof ObjectMeta] !== undefined).map((f) => [
      f,
      stored.metadata[f as keyof ObjectMeta],
    ]),
  );
  const metadata: ObjectMeta = { ...withoutKeys(incoming.metadata, SERVER_OWNED), ...kept };
  metadata.name = stored.metadata.name;
  metadata.namespace = stored.metadata.namespace;
  if (metadata.generateName === undefined) delete metadata.generateName;
  const updated: KubeObject = {
    ...typeMetaFirst(kind),
    ...incoming,
    ...typeMetaFirst(kind),
    metadata,
  };
  if (kind.statusSubresource) {
    if (stored.status === undefined) delete updated.status;
    else updated.status = stored.status;
  }
  if (
    stored.metadata.generation !== undefined &&
    !isDeepStrictEqual(withoutMetaAndStatus(stored), withoutMetaAndStatus(updated))
  ) {
    metadata.generation = stored.metadata.generation + 1;
  }
  return updated;
};

/** True when a write changes nothing but the resourceVersion: kube then keeps the old version. */
export const isNoop = (stored: KubeObject, next: KubeObject): boolean => {
  const strip = (o: KubeObject) => ({
    ...o,
    metadata: { ...o.metadata, resourceVersion: undefined, managedFields: undefined },
  });
  return isDeepStrictEqual(strip(stored), strip(next));
};

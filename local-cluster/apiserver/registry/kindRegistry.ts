import type { ObjectStore } from '../storage/objectStore';
import { builtinKinds } from './builtinKinds';
import type { CustomResourceDefinition } from './crdConversion';
import { crdSchemaOf, kindsOfCrd } from './crdConversion';
import type { ResourceKind } from './resourceKind';

/** Registry key of stored objects: one per group and plural, whatever the version. */
export const storageKey = (k: Pick<ResourceKind, 'group' | 'plural'>): string =>
  `${k.group}/${k.plural}`;

export const CRD_STORAGE_KEY = 'apiextensions.k8s.io/customresourcedefinitions';

/**
 * Every kind served right now: the compiled-in ones plus those of the CRDs in the store. It follows
 * CRD writes through the store's change feed, so a created CRD is served and discovered at once.
 */
export class KindRegistry {
  private byPath = new Map<string, ResourceKind>();
  private crdSchemas = new Map<string, Record<string, unknown> | undefined>();
  /** Changes whenever the set of served kinds changes; caches of derived documents key on it. */
  generation = 0;

  constructor(private readonly store: ObjectStore) {
    this.rebuild();
    store.onChange((e) => {
      if (e.kindKey === CRD_STORAGE_KEY) this.rebuild();
    });
  }

  private rebuild(): void {
    const byPath = new Map<string, ResourceKind>();
    const schemas = new Map<string, Record<string, unknown> | undefined>();
    for (const k of builtinKinds) byPath.set(`${k.group}/${k.version}/${k.plural}`, k);
    for (const obj of this.store.list(CRD_STORAGE_KEY)) {
      const crd = obj as CustomResourceDefinition;
      if (crd.metadata.deletionTimestamp) continue;
      for (const k of kindsOfCrd(crd)) {
        const path = `${k.group}/${k.version}/${k.plural}`;
        byPath.set(path, k);
        schemas.set(path, crdSchemaOf(crd, k.version));
      }
    }
    this.byPath = byPath;
    this.crdSchemas = schemas;
    this.generation++;
  }

  lookup(group: string, version: string, plural: string): ResourceKind | undefined {
    return this.byPath.get(`${group}/${version}/${plural}`);
  }

  /** The kind an object's apiVersion and kind name, for owner references and seed loading. */
  lookupByKind(apiVersion: string, kind: string): ResourceKind | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    for (const k of this.byPath.values()) {
      if (k.group === group && k.version === version && k.kind === kind) return k;
    }
    return undefined;
  }

  /** Same kind under any served version (owner references may name another version). */
  lookupByGroupKind(group: string, kind: string): ResourceKind | undefined {
    for (const k of this.byPath.values()) if (k.group === group && k.kind === kind) return k;
    return undefined;
  }

  crdSchema(k: ResourceKind): Record<string, unknown> | undefined {
    return this.crdSchemas.get(`${k.group}/${k.version}/${k.plural}`);
  }

  all(): ResourceKind[] {
    return [...this.byPath.values()];
  }

  /** Group versions served, in discovery order: the legacy core group first, then by group name. */
  groupVersions(): { group: string; version: string }[] {
    const seen = new Map<string, { group: string; version: string }>();
    for (const k of this.byPath.values())
      seen.set(`${k.group}/${k.version}`, { group: k.group, version: k.version });
    return [...seen.values()].sort((a, b) =>
      a.group === b.group ? a.version.localeCompare(b.version) : a.group.localeCompare(b.group),
    );
  }
}

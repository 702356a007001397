import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { defaultRbacObjects } from './auth/defaultClusterRoles';
import type { KubeObject } from './core/types';
import { crdCatalog } from './registry/crdCatalog';
import { crdFromCatalog } from './registry/crdConversion';
import type { ResourceService } from './rest/resourceService';
import { systemContext } from './rest/requestContext';
import { schemaFor } from './validation/schemaStore';

export const DEFAULT_SEED_DIR = join(__dirname, '..', 'seed');

/** Extra objects contributed by later layers (KubeVirt content: templates, instance types, VMs). */
export type SeedContributor = () => KubeObject[];

/**
 * Fills an empty store the way a new cluster comes up: the built-in RBAC roles, the CRDs the
 * operators install, then the YAML files of the seed folder in name order. Objects keep their
 * status, as if their controllers had already reported it.
 */
export const loadSeed = (
  service: ResourceService,
  seedDir: string,
  contributors: SeedContributor[] = [],
): number => {
  const objects: KubeObject[] = [
    ...defaultRbacObjects(),
    ...crdCatalog.map((e) =>
      crdFromCatalog(
        e,
        schemaFor(e.group, e.version, e.kind) as Record<string, unknown> | undefined,
      ),
    ),
  ];
  for (const file of readdirSync(seedDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const docs = loadAll(readFileSync(join(seedDir, file), 'utf8')) as (KubeObject | null)[];
    objects.push(...docs.filter((d): d is KubeObject => Boolean(d)));
  }
  for (const c of contributors) objects.push(...c());
  let created = 0;
  for (const obj of objects) {
    const kind = service.registry.lookupByKind(String(obj.apiVersion), String(obj.kind));
    if (!kind)
      throw new Error(
        `seed: no served kind for ${String(obj.apiVersion)} ${String(obj.kind)} (${obj.metadata.name})`,
      );
    const existing = service.store.get(
      `${kind.group}/${kind.plural}`,
      kind.namespaced ? obj.metadata.namespace : undefined,
      obj.metadata.name ?? '',
    );
    if (existing) continue;
    service.create(kind, obj.metadata.namespace, obj, systemContext(), { keepStatus: true });
    created++;
  }
  return created;
};

import type { KindRegistry } from '../registry/kindRegistry';
import type { ResourceKind } from '../registry/resourceKind';

/** The version the local cluster reports; kubectl warns past one minor of skew, so keep it current. */
export const SERVER_VERSION = {
  major: '1',
  minor: '35',
  gitVersion: 'v1.35.0+virt-console-local',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-11-01T00:00:00Z',
  goVersion: 'go1.25.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const apiResources = (k: ResourceKind): Record<string, unknown>[] => {
  const main: Record<string, unknown> = {
    name: k.plural,
    singularName: k.singular,
    namespaced: k.namespaced,
    kind: k.kind,
    verbs: k.verbs,
    ...(k.shortNames?.length ? { shortNames: k.shortNames } : {}),
    ...(k.categories?.length ? { categories: k.categories } : {}),
    storageVersionHash: Buffer.from(`${k.group}/${k.version}/${k.kind}`)
      .toString('base64')
      .slice(0, 11),
  };
  const subs: Record<string, unknown>[] = [];
  if (k.statusSubresource)
    subs.push({
      name: `${k.plural}/status`,
      singularName: '',
      namespaced: k.namespaced,
      kind: k.kind,
      verbs: ['get', 'patch', 'update'],
    });
  if (k.scale)
    subs.push({
      name: `${k.plural}/scale`,
      singularName: '',
      namespaced: k.namespaced,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
  return [main, ...subs];
};

export const apiVersions = (): Record<string, unknown> => ({
  kind: 'APIVersions',
  versions: ['v1'],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
});

export const apiResourceList = (
  registry: KindRegistry,
  group: string,
  version: string,
): Record<string, unknown> | undefined => {
  const kinds = registry.all().filter((k) => k.group === group && k.version === version);
  if (!kinds.length) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: kinds.sort((a, b) => a.plural.localeCompare(b.plural)).flatMap(apiResources),
  };
};

const groupEntry = (name: string, versions: string[]): Record<string, unknown> => ({
  name,
  versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
  preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
});

export const apiGroupList = (registry: KindRegistry): Record<string, unknown> => {
  const byGroup = new Map<string, string[]>();
  for (const gv of registry.groupVersions()) {
    if (!gv.group) continue;
    const list = byGroup.get(gv.group) ?? [];
    list.push(gv.version);
    byGroup.set(gv.group, list);
  }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...byGroup].map(([name, versions]) => groupEntry(name, versions)),
  };
};

export const apiGroup = (
  registry: KindRegistry,
  group: string,
): Record<string, unknown> | undefined => {
  const versions = registry
    .groupVersions()
    .filter((gv) => gv.group === group)
    .map((gv) => gv.version);
  return versions.length
    ? { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group, versions) }
    : undefined;
};

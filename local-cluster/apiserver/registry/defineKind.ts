import type { ResourceKind } from './resourceKind';
import { CRUD_VERBS } from './resourceKind';

type KindOptions = Partial<Omit<ResourceKind, 'group' | 'version' | 'kind' | 'plural'>>;

/** Fills the defaults every table entry shares, so the tables list only what differs per kind. */
export const defineKind = (
  groupVersion: string,
  kind: string,
  plural: string,
  options: KindOptions = {},
): ResourceKind => {
  const [group, version] = groupVersion.includes('/')
    ? groupVersion.split('/')
    : ['', groupVersion];
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    listKind: `${kind}List`,
    namespaced: true,
    verbs: CRUD_VERBS,
    statusSubresource: false,
    strategicMerge: false,
    source: 'builtin',
    ...options,
  };
};

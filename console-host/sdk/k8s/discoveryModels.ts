/** Turns Kubernetes discovery documents into console K8sModels (pure). */
import type { K8sModel, K8sVerb } from '@openshift-console/dynamic-plugin-sdk';

export type APIResource = {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs?: string[];
  shortNames?: string[];
  singularName?: string;
};

export type APIResourceList = { groupVersion: string; resources: APIResource[] };

export type APIGroup = {
  name: string;
  versions: { groupVersion: string; version: string }[];
  preferredVersion?: { groupVersion: string; version: string };
};

/** `VirtualMachine` → `VirtualMachines`, `Policy` → `Policies`. */
export const pluralLabel = (kind: string): string => {
  if (/[^aeiou]y$/.test(kind)) return `${kind.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(kind)) return `${kind}es`;
  return `${kind}s`;
};

/** Abbreviation for the resource badge: the capitals of the kind (`VirtualMachine` → `VM`). */
/** Badges the console's own models spell differently from the capital-letters rule. */
const CONSOLE_ABBREVIATIONS: Record<string, string> = {
  Namespace: 'NS',
  Project: 'PR',
  PersistentVolumeClaim: 'PVC',
  PersistentVolume: 'PV',
};

/** The console's badge for a kind: its capitals (VirtualMachine → VM, Pod → P), at most four. */
export const abbreviation = (kind: string): string =>
  CONSOLE_ABBREVIATIONS[kind] ?? (kind.replace(/[^A-Z]/g, '') || kind.toUpperCase()).slice(0, 4);

/** One model per top-level resource (subresources such as `pods/log` are skipped). */
export const modelsFromResourceList = (list: APIResourceList): K8sModel[] => {
  const [group, version] = list.groupVersion.includes('/')
    ? list.groupVersion.split('/')
    : ['', list.groupVersion];
  return list.resources
    .filter((r) => !r.name.includes('/'))
    .map((r) => ({
      kind: r.kind,
      plural: r.name,
      apiVersion: version,
      ...(group ? { apiGroup: group, crd: true } : {}),
      namespaced: r.namespaced,
      verbs: (r.verbs ?? []) as K8sVerb[],
      shortNames: r.shortNames,
      abbr: abbreviation(r.kind),
      label: r.kind,
      labelPlural: pluralLabel(r.kind),
      id: r.singularName || r.kind.toLowerCase(),
    }));
};

/** Model lookup over the discovered models (pure). */
import type { K8sGroupVersionKind, K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { parseReference, referenceForModel } from './ref';

/** Discovered models keyed by `group~version~Kind`. */
export type ModelMap = Record<string, K8sModel>;

/** Preferred version per API group ('' for core). */
export type PreferredVersions = Record<string, string>;

const byPreference = (preferred: PreferredVersions) => (a: K8sModel, b: K8sModel) =>
  Number(preferred[b.apiGroup ?? ''] === b.apiVersion) -
  Number(preferred[a.apiGroup ?? ''] === a.apiVersion);

/**
 * Finds a model by `{group, version, kind}`, by `group~version~Kind`, by bare kind (preferring the
 * core group) or by plural (as in `/k8s/ns/x/pods`). A missing version means the preferred one.
 */
export const findModel = (
  models: ModelMap,
  query:
    K8sGroupVersionKind | { group?: string; version?: string; kind: string } | string | undefined,
  preferred: PreferredVersions = {},
): K8sModel | undefined => {
  if (!query) return undefined;
  const gvk = typeof query === 'string' ? parseReference(query) : query;
  const all = Object.values(models);
  if (gvk) {
    const group = gvk.group === 'core' ? '' : (gvk.group ?? '');
    const candidates = all
      .filter((m) => m.kind === gvk.kind && (m.apiGroup ?? '') === group)
      .sort(byPreference(preferred));
    return (
      candidates.find((m) => m.apiVersion === gvk.version) ??
      (gvk.version ? undefined : candidates[0])
    );
  }
  const coreFirst = (a: K8sModel, b: K8sModel) =>
    Number(!a.apiGroup) === Number(!b.apiGroup)
      ? byPreference(preferred)(a, b)
      : a.apiGroup
        ? 1
        : -1;
  const name = query as string;
  return (
    all.filter((m) => m.kind === name).sort(coreFirst)[0] ??
    all.filter((m) => m.plural === name).sort(coreFirst)[0]
  );
};

export { referenceForModel };

import { compare, type Operation } from 'fast-json-patch';
import { produce, type Draft } from 'immer';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';

/** A JSON patch operation as `k8sPatch` sends it (`application/json-patch+json`). */
export type PatchOperation = Operation;

/** A change to a resource, written as an immer recipe on a draft. */
export type Recipe<R> = (draft: Draft<R>) => void;

/** The guard every edit starts with: the server refuses the patch when the object changed since. */
export const resourceVersionTest = (obj: K8sResourceCommon): PatchOperation => ({
  op: 'test',
  path: '/metadata/resourceVersion',
  value: obj.metadata?.resourceVersion,
});

/**
 * The precise JSON patch that turns `obj` into what the recipes make of it: only the changed
 * paths, led by the resourceVersion test so a concurrent change gives 409/422 instead of being
 * overwritten. No change gives no operations (nothing to send).
 */
export const buildPatch = <R extends K8sResourceCommon>(
  obj: R,
  ...recipes: Recipe<R>[]
): PatchOperation[] => {
  const next = produce(obj, (draft) => {
    for (const recipe of recipes) recipe(draft);
  });
  const ops = compare(obj, next);
  return ops.length ? [resourceVersionTest(obj), ...ops] : [];
};

/** The object with the recipes applied (what the patch will make of it), for previews and checks. */
export const applyRecipes = <R extends K8sResourceCommon>(obj: R, ...recipes: Recipe<R>[]): R =>
  produce(obj, (draft) => {
    for (const recipe of recipes) recipe(draft);
  });

/** Replaces the object's labels (an empty map removes the field). */
export const setLabels =
  <R extends K8sResourceCommon>(labels: Record<string, string>): Recipe<R> =>
  (draft) => {
    const metadata = (draft.metadata ??= {});
    if (Object.keys(labels).length) metadata.labels = labels;
    else delete metadata.labels;
  };

/** Replaces the object's annotations (an empty map removes the field). */
export const setAnnotations =
  <R extends K8sResourceCommon>(annotations: Record<string, string>): Recipe<R> =>
  (draft) => {
    const metadata = (draft.metadata ??= {});
    if (Object.keys(annotations).length) metadata.annotations = annotations;
    else delete metadata.annotations;
  };

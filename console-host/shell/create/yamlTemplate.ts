/** Pure parts of "Create with YAML": choosing the kind's template and filling in the project. */
import { load } from 'js-yaml';
import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { getAPIVersionForModel } from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/k8s-ref';

export type TemplateLike = {
  properties: {
    name: string;
    model: { group?: string; version?: string; kind: string };
    template: unknown;
  };
};

/** The `console.yaml-template` named `name` (default `default`) for the model, if any. */
export const templateForModel = <T extends TemplateLike>(
  extensions: T[],
  model: K8sModel,
  name = 'default',
): T | undefined =>
  extensions.find(
    ({ properties: p }) =>
      p.name === name &&
      (p.model.group ?? '') === (model.apiGroup ?? '') &&
      p.model.kind === model.kind &&
      (!p.model.version || p.model.version === model.apiVersion),
  );

/** What the editor starts from when the kind has no template. */
export const skeletonFor = (model: K8sModel): K8sResourceCommon => ({
  apiVersion: getAPIVersionForModel(model),
  kind: model.kind,
  metadata: { name: 'example' },
});

/**
 * The object to create: the template (YAML text or an object) or the skeleton, with
 * `metadata.namespace` set to the active project for namespaced kinds, as the console does.
 */
export const initialObject = (
  template: unknown,
  model: K8sModel,
  namespace?: string,
): K8sResourceCommon => {
  const parsed = typeof template === 'string' ? load(template) : template;
  const obj: K8sResourceCommon =
    parsed && typeof parsed === 'object'
      ? structuredClone(parsed as K8sResourceCommon)
      : skeletonFor(model);
  if (model.namespaced && namespace) obj.metadata = { ...obj.metadata, namespace };
  return obj;
};

import type { K8sGroupVersionKind, K8sModel } from '@openshift-console/dynamic-plugin-sdk';

/**
 * `{ group, version, kind }` of a model, as `useK8sWatchResource` and `ResourceLink` take it.
 * A pure copy of the SDK's `getGroupVersionKindForModel`, so that the plugin needs no runtime
 * import for it (and the module stays usable in unit tests).
 */
export const modelToGroupVersionKind = (model: K8sModel): K8sGroupVersionKind => ({
  ...(model.apiGroup ? { group: model.apiGroup } : {}),
  version: model.apiVersion,
  kind: model.kind,
});

/** WatchK8sResource → a cache query, given the discovered models (pure). */
import type { K8sModel, WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { findModel, type ModelMap, type PreferredVersions } from './models';
import { ALL_NAMESPACES_KEY } from './ref';
import { selectorToString } from './url';
import type { WatchQuery } from './watchCache';

export class NoModelError extends Error {
  constructor() {
    super('Model does not exist');
    this.name = 'NoModelError';
  }
}

export type ResolvedWatch =
  { status: 'pending' } | { status: 'error'; error: Error } | { status: 'ok'; query: WatchQuery };

export const modelForWatch = (
  res: WatchK8sResource,
  models: ModelMap,
  preferred?: PreferredVersions,
): K8sModel | undefined => findModel(models, res.groupVersionKind ?? res.kind, preferred);

export const resolveWatch = (
  res: WatchK8sResource,
  discovery: { models: ModelMap; preferred: PreferredVersions; loaded: boolean },
): ResolvedWatch => {
  const model = modelForWatch(res, discovery.models, discovery.preferred);
  if (!model)
    return discovery.loaded
      ? { status: 'error', error: new NoModelError() }
      : { status: 'pending' };
  const ns =
    model.namespaced && res.namespace && res.namespace !== ALL_NAMESPACES_KEY
      ? res.namespace
      : undefined;
  return {
    status: 'ok',
    query: {
      model,
      ns,
      name: res.isList ? undefined : res.name,
      labelSelector: selectorToString(res.selector) || undefined,
      fieldSelector: res.fieldSelector,
      limit: res.limit,
      partialMetadata: res.partialMetadata,
    },
  };
};

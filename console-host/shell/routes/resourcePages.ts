/** Finds the plugin's resource list/details page for a model, if any (pure). */
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';

type ResourcePageExtension = {
  properties: { model: { group?: string; version?: string; kind: string } };
};

export const pageForModel = <E extends ResourcePageExtension>(
  extensions: E[],
  model: K8sModel,
): E | undefined =>
  extensions.find(
    ({ properties: { model: m } }) =>
      (m.group ?? '') === (model.apiGroup ?? '') &&
      m.kind === model.kind &&
      (!m.version || m.version === model.apiVersion),
  );

/** useK8sModel(s): the discovered models, `[value, inFlight]`. */
import { useMemo, useSyncExternalStore } from 'react';
import type { K8sGroupVersionKind, K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { getDiscovery, loadDiscovery, subscribeDiscovery } from './discovery';
import { findModel } from './models';

export const useDiscovery = () => {
  const discovery = useSyncExternalStore(subscribeDiscovery, getDiscovery);
  if (!discovery.loaded) void loadDiscovery();
  return discovery;
};

export const useK8sModels = (): [{ [key: string]: K8sModel }, boolean] => {
  const { models, loaded } = useDiscovery();
  return useMemo(() => [models, !loaded], [models, loaded]);
};

export const useK8sModel = (
  groupVersionKind?: K8sGroupVersionKind | string,
): [K8sModel, boolean] => {
  const { models, preferred, loaded } = useDiscovery();
  const key =
    typeof groupVersionKind === 'string'
      ? groupVersionKind
      : JSON.stringify(groupVersionKind ?? null);
  return useMemo(() => {
    const query = key.startsWith('{')
      ? (JSON.parse(key) as K8sGroupVersionKind)
      : key === 'null'
        ? undefined
        : key;
    return [findModel(models, query, preferred) as K8sModel, !loaded];
  }, [key, models, preferred, loaded]);
};

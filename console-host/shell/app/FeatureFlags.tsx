/**
 * Feature flags from plugins: `console.flag/model` (true when discovery has the model),
 * `console.flag` handlers and `console.flag/hookProvider` hooks, all fed to PluginStore.setFeatureFlags.
 */
import { useCallback, useEffect } from 'react';
import { useExtensions, usePluginStore } from '@openshift/dynamic-plugin-sdk';
import {
  isFeatureFlag,
  isFeatureFlagHookProvider,
  isModelFeatureFlag,
  type FeatureFlagHookProvider,
} from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import type { ResolvedExtension } from '@openshift/dynamic-plugin-sdk';
import { useResolvedExtensions } from '../../sdk/hooks/useResolvedExtensions';
import { useDiscovery } from '../../sdk/k8s/useK8sModels';
import { findModel } from '../../sdk/k8s/models';

const useSetFlag = () => {
  const store = usePluginStore();
  // Stable, so hook providers can list it in their effect dependencies.
  return useCallback(
    (flag: string, value: boolean) => {
      if (store.getFeatureFlags()[flag] !== value) store.setFeatureFlags({ [flag]: value });
    },
    [store],
  );
};

const HookRunner = ({ extension }: { extension: ResolvedExtension<FeatureFlagHookProvider> }) => {
  const setFlag = useSetFlag();
  extension.properties.handler(setFlag);
  return null;
};

export const FeatureFlags = () => {
  const setFlag = useSetFlag();
  const discovery = useDiscovery();
  const modelFlags = useExtensions(isModelFeatureFlag);
  useEffect(() => {
    if (!discovery.loaded) return;
    for (const e of modelFlags) {
      const { group, version, kind } = e.properties.model;
      const model = findModel(discovery.models, { group, version, kind }, discovery.preferred);
      setFlag(e.properties.flag, !!model);
    }
  });
  const [handlers] = useResolvedExtensions(isFeatureFlag);
  useEffect(() => {
    for (const e of handlers) e.properties.handler(setFlag);
  }, [handlers, setFlag]);
  const [hooks] = useResolvedExtensions(isFeatureFlagHookProvider);
  return (
    <>
      {hooks.map((e) => (
        <HookRunner key={e.uid} extension={e} />
      ))}
    </>
  );
};

/** Wraps the app in the providers of `console.context-provider` extensions. */
import type { ReactNode } from 'react';
import {
  isContextProvider,
  type ContextProvider,
} from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import type { ResolvedExtension } from '@openshift/dynamic-plugin-sdk';
import { useResolvedExtensions } from '../../sdk/hooks/useResolvedExtensions';

const WithProvider = ({
  extension,
  children,
}: {
  extension: ResolvedExtension<ContextProvider>;
  children: ReactNode;
}) => {
  const { provider: Provider, useValueHook } = extension.properties;
  const value = useValueHook();
  return <Provider value={value}>{children}</Provider>;
};

export const ContextProviders = ({ children }: { children: ReactNode }) => {
  const [providers] = useResolvedExtensions(isContextProvider);
  return providers.reduceRight<ReactNode>(
    (inner, e) => (
      <WithProvider key={e.uid} extension={e}>
        {inner}
      </WithProvider>
    ),
    children,
  );
};

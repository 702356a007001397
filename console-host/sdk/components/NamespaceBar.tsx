/** NamespaceBar: the project selector above namespaced pages, tied to the URL via useActiveNamespace. */
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Flex, FlexItem } from '@patternfly/react-core';
import type { NamespaceBarProps } from '@openshift-console/dynamic-plugin-sdk';
import { useActiveNamespace } from '../hooks/useActiveNamespace';
import { ProjectSelect } from './ProjectSelect';

/** How many plugin-rendered NamespaceBars are mounted (the shell then hides its own). */
let pluginBars = 0;
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
export const usePluginNamespaceBarShown = (): boolean =>
  useSyncExternalStore(subscribe, () => pluginBars > 0);

export const NamespaceBarView = ({
  onNamespaceChange,
  isDisabled,
  children,
}: NamespaceBarProps) => {
  const { t } = useTranslation('console-host');
  const [namespace, setNamespace] = useActiveNamespace();
  return (
    <nav className="co-namespace-bar" aria-label={t('Namespace bar')}>
      <Flex alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <ProjectSelect
            value={namespace}
            isDisabled={isDisabled}
            onChange={(ns) => {
              setNamespace(ns);
              onNamespaceChange?.(ns);
            }}
          />
        </FlexItem>
        {children && <FlexItem>{children}</FlexItem>}
      </Flex>
    </nav>
  );
};

/** The SDK export: while a plugin renders it, the shell's own namespace bar steps aside. */
export const NamespaceBar = (props: NamespaceBarProps) => {
  useEffect(() => {
    pluginBars++;
    listeners.forEach((l) => l());
    return () => {
      pluginBars--;
      listeners.forEach((l) => l());
    };
  }, []);
  return <NamespaceBarView {...props} />;
};

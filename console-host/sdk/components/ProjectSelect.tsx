/** The project dropdown of the namespace bar: "All projects" plus the projects the user can see. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Divider,
  MenuSearch,
  MenuSearchInput,
  MenuToggle,
  SearchInput,
  Select,
  SelectList,
  SelectOption,
} from '@patternfly/react-core';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { useK8sWatchResource } from '../k8s/useK8sWatchResources';
import { useK8sModel } from '../k8s/useK8sModels';
import { ALL_NAMESPACES_KEY } from '../k8s/ref';

const PROJECT = { group: 'project.openshift.io', version: 'v1', kind: 'Project' };
const NAMESPACE = { version: 'v1', kind: 'Namespace' };

type Props = { value: string; onChange: (ns: string) => void; isDisabled?: boolean };

export const ProjectSelect = ({ value, onChange, isDisabled }: Props) => {
  const { t } = useTranslation('console-host');
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const [projectModel, inFlight] = useK8sModel(PROJECT);
  const [projects, loaded] = useK8sWatchResource<K8sResourceCommon[]>(
    inFlight ? null : { groupVersionKind: projectModel ? PROJECT : NAMESPACE, isList: true },
  );
  const names = useMemo(
    () =>
      (loaded && Array.isArray(projects) ? projects : [])
        .map((p) => p.metadata?.name ?? '')
        .filter((n) => n.toLowerCase().includes(filter.toLowerCase()))
        .sort((a, b) => a.localeCompare(b)),
    [projects, loaded, filter],
  );
  const all = value === ALL_NAMESPACES_KEY;
  return (
    <Select
      isOpen={open}
      onOpenChange={setOpen}
      selected={value}
      onSelect={(_e, selected) => {
        setOpen(false);
        setFilter('');
        onChange(String(selected));
      }}
      isScrollable
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          onClick={() => setOpen(!open)}
          isExpanded={open}
          isDisabled={isDisabled}
          variant="plainText"
          aria-label={t('Project: {{name}}', { name: all ? t('All projects') : value })}
          data-test-id="namespace-bar-dropdown"
        >
          {t('Project: {{name}}', { name: all ? t('All projects') : value })}
        </MenuToggle>
      )}
    >
      <MenuSearch>
        <MenuSearchInput>
          <SearchInput
            aria-label={t('Select project...')}
            placeholder={t('Select project...')}
            value={filter}
            onChange={(_e, v) => setFilter(v)}
          />
        </MenuSearchInput>
      </MenuSearch>
      <Divider />
      <SelectList aria-label={t('Projects')}>
        <SelectOption value={ALL_NAMESPACES_KEY}>{t('All projects')}</SelectOption>
        {names.map((name) => (
          <SelectOption key={name} value={name}>
            {name}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};

import type { FC, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageSection, Tab, TabTitleText, Tabs } from '@patternfly/react-core';
import type { VMTabProps } from '../tabProps';
import DetailsSection from './DetailsSection';
import MetadataSection from './MetadataSection';
import StorageSection from './StorageSection';

/** The sub-tabs, in display order; the chosen one is `?subtab=<key>` in the URL. */
const SUBTABS = ['details', 'storage', 'metadata'] as const;
type SubTab = (typeof SUBTABS)[number];

const isSubTab = (value: string | null): value is SubTab =>
  (SUBTABS as readonly string[]).includes(value ?? '');

/** Configuration: the VM's settings by topic, each edited in a dialog as a precise patch. */
const ConfigurationTab: FC<VMTabProps> = ({ obj: vm, customData }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [params, setParams] = useSearchParams();
  const requested = params.get('subtab');
  const active: SubTab = isSubTab(requested) ? requested : 'details';
  const vmi = customData?.vmi;

  const titles: Record<SubTab, string> = {
    details: t('Details'),
    storage: t('Storage'),
    metadata: t('Metadata'),
  };
  const content = (key: SubTab): ReactNode => {
    switch (key) {
      case 'details':
        return <DetailsSection vm={vm} vmi={vmi} />;
      case 'storage':
        return <StorageSection vm={vm} vmi={vmi} />;
      case 'metadata':
        return <MetadataSection vm={vm} />;
    }
  };

  return (
    <PageSection>
      <Tabs
        isVertical
        activeKey={active}
        aria-label={t('Configuration sections')}
        onSelect={(_e, key) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              next.set('subtab', String(key));
              return next;
            },
            { replace: true },
          )
        }
        mountOnEnter
        unmountOnExit
      >
        {SUBTABS.map((key) => (
          <Tab key={key} eventKey={key} title={<TabTitleText>{titles[key]}</TabTitleText>}>
            <div className="pf-v6-u-pl-lg">{content(key)}</div>
          </Tab>
        ))}
      </Tabs>
    </PageSection>
  );
};

export default ConfigurationTab;

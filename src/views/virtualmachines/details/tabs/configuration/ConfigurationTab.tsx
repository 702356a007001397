import type { FC, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Flex, FlexItem, PageSection, Tab, TabTitleText, Tabs } from '@patternfly/react-core';
import type { VMTabProps } from '../tabProps';
import DetailsSection from './DetailsSection';
import InitialRunSection from './InitialRunSection';
import MetadataSection from './MetadataSection';
import NetworkSection from './NetworkSection';
import SchedulingSection from './SchedulingSection';
import SSHSection from './SSHSection';
import StorageSection from './StorageSection';

/** The sub-tabs, in display order; the chosen one is `?subtab=<key>` in the URL. */
const SUBTABS = [
  'details',
  'storage',
  'network',
  'scheduling',
  'ssh',
  'initialRun',
  'metadata',
] as const;
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
    network: t('Network'),
    scheduling: t('Scheduling'),
    ssh: t('SSH'),
    initialRun: t('Initial run'),
    metadata: t('Metadata'),
  };
  const content = (key: SubTab): ReactNode => {
    switch (key) {
      case 'details':
        return <DetailsSection vm={vm} vmi={vmi} />;
      case 'storage':
        return <StorageSection vm={vm} vmi={vmi} />;
      case 'network':
        return <NetworkSection vm={vm} vmi={vmi} />;
      case 'scheduling':
        return <SchedulingSection vm={vm} />;
      case 'ssh':
        return <SSHSection vm={vm} vmi={vmi} />;
      case 'initialRun':
        return <InitialRunSection vm={vm} vmi={vmi} />;
      case 'metadata':
        return <MetadataSection vm={vm} />;
    }
  };

  return (
    <PageSection>
      <Flex flexWrap={{ default: 'nowrap' }} alignItems={{ default: 'alignItemsFlexStart' }}>
        <FlexItem>
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
          >
            {SUBTABS.map((key) => (
              <Tab
                key={key}
                eventKey={key}
                title={<TabTitleText>{titles[key]}</TabTitleText>}
                tabContentId={`config-${key}`}
              />
            ))}
          </Tabs>
        </FlexItem>
        <FlexItem flex={{ default: 'flex_1' }}>
          <section id={`config-${active}`} role="tabpanel" aria-label={titles[active]}>
            {content(active)}
          </section>
        </FlexItem>
      </Flex>
    </PageSection>
  );
};

export default ConfigurationTab;

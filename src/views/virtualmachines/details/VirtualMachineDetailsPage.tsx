import type { FC } from 'react';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bullseye, EmptyState, EmptyStateBody, PageSection, Spinner } from '@patternfly/react-core';
import { ExclamationCircleIcon } from '@patternfly/react-icons';
import { DocumentTitle, HorizontalNav } from '@openshift-console/dynamic-plugin-sdk';
import type { NavPage } from '@openshift-console/dynamic-plugin-sdk';
import { getErrorMessage } from '../../../utils/errors';
import { useVirtualMachineActions } from '../actions/useVirtualMachineActions';
import ConfigurationTab from './tabs/configuration/ConfigurationTab';
import ConsoleTab from './tabs/console/ConsoleTab';
import DiagnosticsTab from './tabs/diagnostics/DiagnosticsTab';
import EventsTab from './tabs/events/EventsTab';
import MetricsTab from './tabs/metrics/MetricsTab';
import OverviewTab from './tabs/overview/OverviewTab';
import SnapshotsTab from './tabs/snapshots/SnapshotsTab';
import type { VMTabCustomData } from './tabs/tabProps';
import YAMLTab from './tabs/yaml/YAMLTab';
import PendingChangesBanner from './PendingChangesBanner';
import { useVirtualMachineDetails } from './useVirtualMachineDetails';
import VirtualMachineDetailsHeader from './VirtualMachineDetailsHeader';

/** Props the console passes to a `console.page/resource/details` component. */
export type VirtualMachineDetailsPageProps = {
  /** The VM's name (from the URL). */
  name: string;
  /** Its project. */
  namespace: string;
  /** The model reference (`kubevirt.io~v1~VirtualMachine`). */
  kind: string;
};

/**
 * The VM details page: header with status, quick buttons and actions, the pending-changes banner,
 * and the tabs as nested routes (`.../<name>/<tab>`). Three watches serve every tab.
 */
const VirtualMachineDetailsPage: FC<VirtualMachineDetailsPageProps> = ({
  name,
  namespace,
  kind,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const navigate = useNavigate();
  const { vm, vmi, migration, loaded, loadError } = useVirtualMachineDetails(name, namespace);
  const listPath = `/k8s/ns/${namespace}/${kind}`;
  const onDeleted = useCallback(() => navigate(listPath), [navigate, listPath]);
  const [actions] = useVirtualMachineActions(loaded ? vm : undefined, {
    vmi,
    migration,
    onDeleted,
  });
  const customData = useMemo<VMTabCustomData>(() => ({ vmi, migration }), [vmi, migration]);

  const pages = useMemo<NavPage[]>(
    () => [
      { href: '', name: t('Overview'), component: OverviewTab as NavPage['component'] },
      { href: 'metrics', name: t('Metrics'), component: MetricsTab as NavPage['component'] },
      { href: 'yaml', name: t('YAML'), component: YAMLTab as NavPage['component'] },
      {
        href: 'configuration',
        name: t('Configuration'),
        component: ConfigurationTab as NavPage['component'],
      },
      { href: 'events', name: t('Events'), component: EventsTab as NavPage['component'] },
      { href: 'console', name: t('Console'), component: ConsoleTab as NavPage['component'] },
      { href: 'snapshots', name: t('Snapshots'), component: SnapshotsTab as NavPage['component'] },
      {
        href: 'diagnostics',
        name: t('Diagnostics'),
        component: DiagnosticsTab as NavPage['component'],
      },
    ],
    [t],
  );

  if (loadError) {
    return (
      <PageSection>
        <EmptyState
          titleText={t('VirtualMachine cannot be shown')}
          headingLevel="h1"
          icon={ExclamationCircleIcon}
          status="danger"
        >
          <EmptyStateBody>{getErrorMessage(loadError)}</EmptyStateBody>
        </EmptyState>
      </PageSection>
    );
  }
  if (!loaded || !vm?.metadata) {
    return (
      <Bullseye className="pf-v6-u-p-xl">
        <Spinner aria-label={t('Loading')} />
      </Bullseye>
    );
  }

  return (
    <>
      <DocumentTitle>{t('{{name}} · VirtualMachine details', { name })}</DocumentTitle>
      <VirtualMachineDetailsHeader vm={vm} actions={actions} listPath={listPath} />
      <PendingChangesBanner vm={vm} vmi={vmi} />
      <HorizontalNav resource={vm} pages={pages} customData={customData} />
    </>
  );
};

export default VirtualMachineDetailsPage;

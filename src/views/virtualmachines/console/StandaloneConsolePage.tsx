import type { FC } from 'react';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Bullseye,
  EmptyState,
  EmptyStateBody,
  Page,
  PageSection,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { DocumentTitle } from '@openshift-console/dynamic-plugin-sdk';
import { getErrorMessage } from '../../../utils/errors';
import { useVirtualMachineDetails } from '../details/useVirtualMachineDetails';

const VMConsoles = lazy(() => import('../../../components/consoles/VMConsoles'));

/**
 * The full-window console of a VM (`console.page/route/standalone`, outside the console's
 * masthead and navigation): `/k8s/ns/:ns/kubevirt.io~v1~VirtualMachine/:name/console/standalone`.
 */
const StandaloneConsolePage: FC = () => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const { ns = '', name = '' } = useParams<{ ns: string; name: string }>();
  const { vm, vmi, loaded, loadError } = useVirtualMachineDetails(name, ns);
  const spinner = (
    <Bullseye>
      <Spinner aria-label={t('Loading the console')} />
    </Bullseye>
  );
  return (
    <Page>
      <DocumentTitle>{t('{{name}} · Console', { name })}</DocumentTitle>
      <PageSection>
        <Title headingLevel="h1" size="lg">
          {t('Console of {{name}} ({{namespace}})', { name, namespace: ns })}
        </Title>
      </PageSection>
      <PageSection isFilled>
        {loadError ? (
          <EmptyState titleText={t('The VirtualMachine could not be loaded')} headingLevel="h2">
            <EmptyStateBody>{getErrorMessage(loadError)}</EmptyStateBody>
          </EmptyState>
        ) : !loaded || !vm ? (
          spinner
        ) : (
          <Suspense fallback={spinner}>
            <VMConsoles vm={vm} vmi={vmi} standalone />
          </Suspense>
        )}
      </PageSection>
    </Page>
  );
};

export default StandaloneConsolePage;

import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, EmptyStateBody, PageSection } from '@patternfly/react-core';
import { TerminalIcon } from '@patternfly/react-icons';
import type { VMTabProps } from '../tabProps';

/** The Console tab. The VNC and serial consoles come with their own issue (#6). */
const ConsoleTab: FC<VMTabProps> = () => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <PageSection>
      <EmptyState titleText={t('Console')} headingLevel="h2" icon={TerminalIcon}>
        <EmptyStateBody>
          {t(
            'The VNC and serial consoles of this VirtualMachine are not available in this version yet.',
          )}
        </EmptyStateBody>
      </EmptyState>
    </PageSection>
  );
};

export default ConsoleTab;

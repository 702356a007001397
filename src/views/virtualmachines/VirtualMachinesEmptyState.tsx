import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, EmptyStateBody } from '@patternfly/react-core';
import { SearchIcon, VirtualMachineIcon } from '@patternfly/react-icons';

/** Heading level of the empty-state titles (the page title is the h1). */
const HEADING_LEVEL = 'h2';

/** `data-test` ids of the two empty states, for tests. */
const EMPTY_TEST_IDS = { noData: 'vm-list-empty', noMatch: 'vm-list-no-match' };

/** Shown when the project (or the cluster) has no VirtualMachines at all. */
export const NoVirtualMachinesEmptyState: FC = () => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <EmptyState
      titleText={t('No VirtualMachines found')}
      headingLevel={HEADING_LEVEL}
      icon={VirtualMachineIcon}
      data-test={EMPTY_TEST_IDS.noData}
    >
      <EmptyStateBody>{t('VirtualMachines that you create appear in this list.')}</EmptyStateBody>
    </EmptyState>
  );
};

/** Shown when VirtualMachines exist but none matches the filters. */
export const NoMatchingVirtualMachinesEmptyState: FC = () => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <EmptyState
      titleText={t('No results found')}
      headingLevel={HEADING_LEVEL}
      icon={SearchIcon}
      data-test={EMPTY_TEST_IDS.noMatch}
    >
      <EmptyStateBody>
        {t('No VirtualMachines match the filters. Clear the filters to see all VirtualMachines.')}
      </EmptyStateBody>
    </EmptyState>
  );
};

import type { FC } from 'react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Bullseye, PageSection, Spinner } from '@patternfly/react-core';
import type { VMTabProps } from '../tabProps';

// noVNC and xterm.js load only when a console is opened, not with the details page.
const VMConsoles = lazy(() => import('../../../../../components/consoles/VMConsoles'));

/** The Console tab: the VM's VNC and serial consoles. */
const ConsoleTab: FC<VMTabProps> = ({ obj, customData }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <PageSection>
      <Suspense
        fallback={
          <Bullseye>
            <Spinner aria-label={t('Loading the console')} />
          </Bullseye>
        }
      >
        <VMConsoles vm={obj} vmi={customData?.vmi} />
      </Suspense>
    </PageSection>
  );
};

export default ConsoleTab;

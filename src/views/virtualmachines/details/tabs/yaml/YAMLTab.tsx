import type { FC } from 'react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Bullseye, Spinner } from '@patternfly/react-core';
import { ResourceYAMLEditor } from '@openshift-console/dynamic-plugin-sdk';
import type { VMTabProps } from '../tabProps';

/**
 * The VM as YAML, with the console's editor: Save (a PUT carrying the resourceVersion, so a
 * concurrent change is a 409 the editor shows), Reload, Cancel and Download.
 */
const YAMLTab: FC<VMTabProps> = ({ obj }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <Suspense
      fallback={
        <Bullseye>
          <Spinner aria-label={t('Loading')} />
        </Bullseye>
      }
    >
      <ResourceYAMLEditor initialResource={obj} header={t('VirtualMachine details')} />
    </Suspense>
  );
};

export default YAMLTab;

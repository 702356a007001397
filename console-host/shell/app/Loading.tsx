/** A centred spinner for pages that are loading. */
import { useTranslation } from 'react-i18next';
import { Bullseye, Spinner } from '@patternfly/react-core';

export const Loading = () => {
  const { t } = useTranslation('console-host');
  return (
    <Bullseye className="pf-v6-u-p-2xl">
      <Spinner aria-label={t('Loading')} />
    </Bullseye>
  );
};

import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AlertActionCloseButton, AlertGroup } from '@patternfly/react-core';

type CopiedToastProps = {
  /** Removes the toast (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** What was copied. */
  text: string;
};

/** Confirms a copy to the clipboard; goes away by itself. */
const CopiedToast: FC<CopiedToastProps> = ({ closeOverlay, text }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <AlertGroup isToast isLiveRegion>
      <Alert
        variant="success"
        title={t('Copied to clipboard')}
        timeout={4000}
        onTimeout={closeOverlay}
        actionClose={<AlertActionCloseButton onClose={closeOverlay} />}
      >
        <code>{text}</code>
      </Alert>
    </AlertGroup>
  );
};

export default CopiedToast;

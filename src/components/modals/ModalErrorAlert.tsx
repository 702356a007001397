import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@patternfly/react-core';
import { getErrorMessage, isConflictError } from '../../utils/errors';

type ModalErrorAlertProps = {
  /** The failed request's error (an HttpError carrying the server's Status). */
  error: unknown;
};

/** A failed request inside a modal: the server's message, and for conflicts what to do. */
const ModalErrorAlert: FC<ModalErrorAlertProps> = ({ error }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const conflict = isConflictError(error);
  return (
    <Alert
      variant="danger"
      isInline
      title={
        conflict
          ? t('The object changed on the server since you opened this dialog.')
          : t('The request failed')
      }
      aria-live="polite"
    >
      {conflict
        ? t(
            'Your changes were not saved. Close the dialog and open it again to edit the latest version.',
          )
        : getErrorMessage(error)}
    </Alert>
  );
};

export default ModalErrorAlert;

import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import ModalErrorAlert from './ModalErrorAlert';

type ActionErrorModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** What was attempted, e.g. "Start VirtualMachine". */
  title: string;
  /** The failed request's error. */
  error: unknown;
};

/** An action that ran without a dialog failed: say so, with the server's reason. */
const ActionErrorModal: FC<ActionErrorModalProps> = ({ closeOverlay, title, error }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <Modal isOpen onClose={closeOverlay} variant="small" aria-labelledby="action-error-title">
      <ModalHeader title={title} labelId="action-error-title" titleIconVariant="danger" />
      <ModalBody>
        <ModalErrorAlert error={error} />
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={closeOverlay}>
          {t('Close')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default ActionErrorModal;

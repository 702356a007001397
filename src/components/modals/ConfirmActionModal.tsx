import type { FC, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import ModalErrorAlert from './ModalErrorAlert';

export type ConfirmActionModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The question, e.g. "Stop VirtualMachine?". */
  title: string;
  /** What will happen. */
  body: ReactNode;
  /** The confirming button's text (a noun or verb naming the action). */
  confirmLabel: string;
  /** Danger for destructive actions. */
  variant?: 'primary' | 'danger';
  /** The request; the modal stays open and shows the error when it fails. */
  onConfirm: () => Promise<unknown>;
};

/** Asks before an action, runs it, and keeps the dialog with the server's error on failure. */
const ConfirmActionModal: FC<ConfirmActionModalProps> = ({
  closeOverlay,
  title,
  body,
  confirmLabel,
  variant = 'primary',
  onConfirm,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const confirm = () => {
    setBusy(true);
    setError(undefined);
    onConfirm()
      .then(closeOverlay)
      .catch((e: unknown) => {
        setError(e);
        setBusy(false);
      });
  };

  return (
    <Modal isOpen onClose={closeOverlay} variant="small" aria-labelledby="confirm-action-title">
      <ModalHeader
        title={title}
        labelId="confirm-action-title"
        titleIconVariant={variant === 'danger' ? 'warning' : undefined}
      />
      <ModalBody>
        {body}
        {error !== undefined && <ModalErrorAlert error={error} />}
      </ModalBody>
      <ModalFooter>
        <Button variant={variant} onClick={confirm} isLoading={busy} isDisabled={busy}>
          {confirmLabel}
        </Button>
        <Button variant="link" onClick={closeOverlay}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default ConfirmActionModal;

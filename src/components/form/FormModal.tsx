import type { FC, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import ModalErrorAlert from '../modals/ModalErrorAlert';

type FormModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The dialog's title. */
  title: string;
  /** The form's fields. */
  children: ReactNode;
  /** Whether the fields are valid (checked when the user saves). */
  isValid: boolean;
  /** Called on an invalid save so the form shows its messages. */
  onInvalid?: () => void;
  /** Saves; the dialog stays open with the fields and the server's error when it fails. */
  onSave: () => Promise<unknown>;
  /** The saving button's text (default "Save"). */
  saveLabel?: string;
  /** The cancel button's text (default "Cancel"). */
  cancelLabel?: string;
  /** Modal width. */
  variant?: 'small' | 'medium' | 'large';
};

/** A dialog around a form: validates before saving, shows server errors inline, keeps the input. */
const FormModal: FC<FormModalProps> = ({
  closeOverlay,
  title,
  children,
  isValid,
  onInvalid,
  onSave,
  saveLabel,
  cancelLabel,
  variant = 'medium',
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const save = () => {
    if (!isValid) {
      onInvalid?.();
      return;
    }
    setBusy(true);
    setError(undefined);
    onSave()
      .then(closeOverlay)
      .catch((e: unknown) => {
        setError(e);
        setBusy(false);
      });
  };

  return (
    <Modal isOpen onClose={closeOverlay} variant={variant} aria-labelledby="config-form-title">
      <ModalHeader title={title} labelId="config-form-title" />
      <ModalBody>
        <Form
          id="config-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          {children}
        </Form>
        {error !== undefined && <ModalErrorAlert error={error} />}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          type="submit"
          form="config-form"
          isLoading={busy}
          isDisabled={busy}
        >
          {saveLabel ?? t('Save')}
        </Button>
        <Button variant="link" onClick={closeOverlay}>
          {cancelLabel ?? t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default FormModal;

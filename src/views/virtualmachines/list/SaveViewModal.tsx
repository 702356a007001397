import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';

export type SaveViewModalProps = {
  closeOverlay: () => void;
  existing: readonly string[];
  onSave: (name: string) => void;
};

/** Names the current filters as a saved view; an existing name is replaced, and says so. */
const SaveViewModal: FC<SaveViewModalProps> = ({ closeOverlay, existing, onSave }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [name, setName] = useState('');
  const trimmed = name.trim();
  const replaces = existing.includes(trimmed);
  const save = () => {
    if (!trimmed) return;
    onSave(trimmed);
    closeOverlay();
  };
  return (
    <Modal isOpen onClose={closeOverlay} variant="small" aria-labelledby="save-view-title">
      <ModalHeader title={t('Save view')} labelId="save-view-title" />
      <ModalBody>
        <Form
          id="save-view-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <FormGroup label={t('View name')} isRequired fieldId="save-view-name">
            <TextInput
              id="save-view-name"
              value={name}
              onChange={(_e, v) => setName(v)}
              isRequired
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant={replaces ? 'warning' : 'default'}>
                  {replaces
                    ? t('A view with this name exists; saving replaces it.')
                    : t('The view keeps the current filters and search.')}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" type="submit" form="save-view-form" isDisabled={!trimmed}>
          {t('Save')}
        </Button>
        <Button variant="link" onClick={closeOverlay}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default SaveViewModal;

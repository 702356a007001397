import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  Content,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import type { VMListColumn } from '../../../utils/vmList/columns';
import {
  DEFAULT_VM_LIST_COLUMNS,
  MAX_VM_LIST_COLUMNS,
  REQUIRED_VM_LIST_COLUMNS,
  VM_LIST_COLUMNS,
} from '../../../utils/vmList/columns';

export type ManageColumnsModalProps = {
  closeOverlay: () => void;
  titles: Record<VMListColumn, string>;
  chosen: readonly VMListColumn[];
  onSave: (columns: VMListColumn[]) => void;
};

/** Choose up to nine columns; Name always stays. */
const ManageColumnsModal: FC<ManageColumnsModalProps> = ({
  closeOverlay,
  titles,
  chosen,
  onSave,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [columns, setColumns] = useState<Set<VMListColumn>>(new Set(chosen));
  const full = columns.size >= MAX_VM_LIST_COLUMNS;
  const toggle = (id: VMListColumn, on: boolean) =>
    setColumns((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <Modal isOpen onClose={closeOverlay} variant="small" aria-labelledby="manage-columns-title">
      <ModalHeader
        title={t('Manage columns')}
        labelId="manage-columns-title"
        description={t('Selected columns will appear in the table. You can show up to {{max}}.', {
          max: MAX_VM_LIST_COLUMNS,
        })}
      />
      <ModalBody>
        <Content component="p" aria-live="polite">
          {t('{{count}} of {{max}} columns selected', {
            count: columns.size,
            max: MAX_VM_LIST_COLUMNS,
          })}
        </Content>
        {VM_LIST_COLUMNS.map((id) => {
          const required = REQUIRED_VM_LIST_COLUMNS.includes(id);
          const on = columns.has(id);
          return (
            <Checkbox
              key={id}
              id={`column-${id}`}
              label={titles[id]}
              isChecked={on}
              isDisabled={required || (full && !on)}
              onChange={(_e, checked) => toggle(id, checked)}
              description={id === 'namespace' ? t('Shown only with All projects') : undefined}
            />
          );
        })}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          onClick={() => {
            onSave(VM_LIST_COLUMNS.filter((id) => columns.has(id)));
            closeOverlay();
          }}
        >
          {t('Save')}
        </Button>
        <Button variant="secondary" onClick={() => setColumns(new Set(DEFAULT_VM_LIST_COLUMNS))}>
          {t('Restore default columns')}
        </Button>
        <Button variant="link" onClick={closeOverlay}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default ManageColumnsModal;

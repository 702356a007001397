import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  DataList,
  DataListAction,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  Form,
  FormGroup,
  InputGroup,
  InputGroupItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import FieldError from '../../form/FieldError';
import {
  SEND_KEY_COMBOS,
  isKeyComboIssue,
  parseKeyCombo,
  type KeyComboIssue,
} from '../../../utils/consoleKeys';

export type KeyCombosModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The user's combinations, as their canonical spelling. */
  combos: string[];
  /** Saves the user's combinations. */
  onChange: (combos: string[]) => void;
};

/** The user's own Send key combinations: add one by its key names, or remove one. */
const KeyCombosModal: FC<KeyCombosModalProps> = ({ closeOverlay, combos, onChange }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [text, setText] = useState('');
  const [issue, setIssue] = useState<KeyComboIssue | 'exists'>();
  const [list, setList] = useState(combos);

  const message = (i: KeyComboIssue | 'exists' | undefined) => {
    if (!i) return undefined;
    if (i === 'exists') return t('The Send key menu already has this combination.');
    switch (i.code) {
      case 'empty':
        return t('Enter key names joined by +.');
      case 'unknown-key':
        return t('The key name {{name}} is not one this console knows.', { name: i.key });
      case 'repeated-key':
        return t('The key {{name}} appears more than once.', { name: i.key });
      default:
        return t('A combination presses at most {{max}} keys.', { max: i.max });
    }
  };

  const save = (next: string[]) => {
    setList(next);
    onChange(next);
  };
  const add = () => {
    const parsed = parseKeyCombo(text);
    if (isKeyComboIssue(parsed)) return setIssue(parsed);
    if (list.includes(parsed.label) || SEND_KEY_COMBOS.some((c) => c.label === parsed.label))
      return setIssue('exists');
    save([...list, parsed.label]);
    setText('');
    setIssue(undefined);
  };

  return (
    <Modal isOpen onClose={closeOverlay} variant="small" aria-labelledby="key-combos-title">
      <ModalHeader title={t('Key combinations')} labelId="key-combos-title" />
      <ModalBody>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <FormGroup label={t('New key combination')} fieldId="key-combo-text">
            <InputGroup>
              <InputGroupItem isFill>
                <TextInput
                  id="key-combo-text"
                  value={text}
                  validated={issue ? 'error' : 'default'}
                  onChange={(_e, value) => {
                    setText(value);
                    setIssue(undefined);
                  }}
                />
              </InputGroupItem>
              <InputGroupItem>
                <Button variant="secondary" type="submit">
                  {t('Add')}
                </Button>
              </InputGroupItem>
            </InputGroup>
            <FieldError
              message={message(issue)}
              help={t(
                'Key names joined by +, pressed in that order: Ctrl+Alt+F5, Ctrl+Shift+Esc, Super+L.',
              )}
            />
          </FormGroup>
        </Form>
        {list.length > 0 && (
          <DataList aria-label={t('Your key combinations')} isCompact>
            {list.map((label) => (
              <DataListItem key={label} aria-labelledby={`combo-${label}`}>
                <DataListItemRow>
                  <DataListItemCells
                    dataListCells={[
                      <DataListCell key="label">
                        <span id={`combo-${label}`}>{label}</span>
                      </DataListCell>,
                    ]}
                  />
                  <DataListAction
                    id={`combo-${label}-remove`}
                    aria-labelledby={`combo-${label}-remove combo-${label}`}
                    aria-label={t('Remove')}
                  >
                    <Button
                      variant="link"
                      isInline
                      aria-label={t('Remove {{combo}}', { combo: label })}
                      onClick={() => save(list.filter((c) => c !== label))}
                    >
                      {t('Remove')}
                    </Button>
                  </DataListAction>
                </DataListItemRow>
              </DataListItem>
            ))}
          </DataList>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={closeOverlay}>
          {t('Done')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default KeyCombosModal;

import type { FC } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Flex,
  FlexItem,
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
import { MinusCircleIcon, PlusCircleIcon } from '@patternfly/react-icons';
import { validateLabelKey, validateLabelValue, type ValidationIssue } from '../../utils/validation';
import { useValidationMessage } from '../form/useValidationMessage';
import ModalErrorAlert from './ModalErrorAlert';

type Row = { id: number; key: string; value: string };

export type KeyValueModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** "Edit labels" or "Edit annotations". */
  title: string;
  /** The current map. */
  initial: Record<string, string> | undefined;
  /** Label values follow label syntax; annotation values are free text. */
  kind: 'labels' | 'annotations';
  /** Saves the new map; the modal keeps the rows and shows the error when it fails. */
  onSave: (next: Record<string, string>) => Promise<unknown>;
};

const toRows = (map: Record<string, string> | undefined): Row[] =>
  Object.entries(map ?? {}).map(([key, value], id) => ({ id, key, value }));

/** Issues per row: key syntax, duplicate keys, and for labels the value syntax. */
const rowIssues = (rows: Row[], kind: KeyValueModalProps['kind']) => {
  const seen = new Set<string>();
  return rows.map((row) => {
    const key: ValidationIssue | undefined =
      validateLabelKey(row.key) ?? (seen.has(row.key) ? { code: 'duplicate' } : undefined);
    seen.add(row.key);
    const value = kind === 'labels' ? validateLabelValue(row.value) : undefined;
    return { key, value };
  });
};

/** Edits a string map (labels, annotations) as key/value rows, validated before saving. */
const KeyValueModal: FC<KeyValueModalProps> = ({ closeOverlay, title, initial, kind, onSave }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const message = useValidationMessage();
  const [rows, setRows] = useState<Row[]>(() => toRows(initial));
  const [nextId, setNextId] = useState(rows.length);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const issues = useMemo(() => rowIssues(rows, kind), [rows, kind]);
  const invalid = issues.some((i) => i.key || i.value);

  const update = (id: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const add = () => {
    setRows((current) => [...current, { id: nextId, key: '', value: '' }]);
    setNextId(nextId + 1);
  };

  const save = () => {
    setTouched(true);
    if (invalid) return;
    setBusy(true);
    setError(undefined);
    onSave(Object.fromEntries(rows.map((row) => [row.key, row.value])))
      .then(closeOverlay)
      .catch((e: unknown) => {
        setError(e);
        setBusy(false);
      });
  };

  const keyLabel = kind === 'labels' ? t('Label key') : t('Annotation key');
  const valueLabel = kind === 'labels' ? t('Label value') : t('Annotation value');

  return (
    <Modal isOpen onClose={closeOverlay} variant="medium" aria-labelledby="key-value-title">
      <ModalHeader title={title} labelId="key-value-title" />
      <ModalBody>
        <Form
          id="key-value-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          {rows.map((row, index) => {
            const keyError = touched || row.key ? message(issues[index]?.key) : undefined;
            const valueError = message(issues[index]?.value);
            return (
              <Flex key={row.id} alignItems={{ default: 'alignItemsFlexStart' }}>
                <FlexItem flex={{ default: 'flex_1' }}>
                  <FormGroup label={keyLabel} fieldId={`kv-key-${row.id}`}>
                    <TextInput
                      id={`kv-key-${row.id}`}
                      value={row.key}
                      validated={keyError ? 'error' : 'default'}
                      onChange={(_e, key) => update(row.id, { key: key.trim() })}
                    />
                    {keyError && (
                      <FormHelperText>
                        <HelperText>
                          <HelperTextItem variant="error">{keyError}</HelperTextItem>
                        </HelperText>
                      </FormHelperText>
                    )}
                  </FormGroup>
                </FlexItem>
                <FlexItem flex={{ default: 'flex_1' }}>
                  <FormGroup label={valueLabel} fieldId={`kv-value-${row.id}`}>
                    <TextInput
                      id={`kv-value-${row.id}`}
                      value={row.value}
                      validated={valueError ? 'error' : 'default'}
                      onChange={(_e, value) => update(row.id, { value })}
                    />
                    {valueError && (
                      <FormHelperText>
                        <HelperText>
                          <HelperTextItem variant="error">{valueError}</HelperTextItem>
                        </HelperText>
                      </FormHelperText>
                    )}
                  </FormGroup>
                </FlexItem>
                <FlexItem alignSelf={{ default: 'alignSelfFlexEnd' }}>
                  <Button
                    variant="plain"
                    icon={<MinusCircleIcon />}
                    aria-label={
                      row.key ? t('Remove {{name}}', { name: row.key }) : t('Remove empty row')
                    }
                    onClick={() => setRows((current) => current.filter((r) => r.id !== row.id))}
                  />
                </FlexItem>
              </Flex>
            );
          })}
          <div>
            <Button variant="link" icon={<PlusCircleIcon />} onClick={add} isInline>
              {kind === 'labels' ? t('Add label') : t('Add annotation')}
            </Button>
          </div>
        </Form>
        {error !== undefined && <ModalErrorAlert error={error} />}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          type="submit"
          form="key-value-form"
          isLoading={busy}
          isDisabled={busy || (touched && invalid)}
        >
          {t('Save')}
        </Button>
        <Button variant="link" onClick={closeOverlay}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default KeyValueModal;

import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Flex,
  FlexItem,
  FormGroup,
  FormSelect,
  FormSelectOption,
  TextInput,
} from '@patternfly/react-core';
import { MinusCircleIcon, PlusCircleIcon } from '@patternfly/react-icons';
import FieldError from '../../../../../components/form/FieldError';
import FormModal from '../../../../../components/form/FormModal';
import type { VirtualMachine } from '../../../../../models/types';
import { validateToleration } from '../../../../../utils/vmSpec/forms';
import { setTolerations } from '../../../../../utils/vmSpec/scheduling';
import type { VMToleration } from '../../../../../utils/vmSpec/types';
import { patchVM } from './patchVM';
import { useIssueMessage } from './useIssueMessage';

export type TolerationsModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM whose tolerations are edited. */
  vm: VirtualMachine;
};

type Row = VMToleration & { id: number };
/** Operators and effects as the API spells them ('' = every effect). */
const OPERATORS = ['Equal', 'Exists'];
const EFFECTS = ['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Edits the tolerations: key, operator, value and effect per row. */
const TolerationsModal: FC<TolerationsModalProps> = ({ closeOverlay, vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const issueMessage = useIssueMessage();
  const [rows, setRows] = useState<Row[]>(() =>
    (vm.spec?.template?.spec?.tolerations ?? []).map((tol, id) => ({
      ...tol,
      operator: tol.operator ?? 'Equal',
      id,
    })),
  );
  const [nextId, setNextId] = useState(rows.length);
  const [submitted, setSubmitted] = useState(false);
  const issues = rows.map((row) => validateToleration(row));
  const update = (id: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={t('Edit tolerations')}
      variant="large"
      isValid={issues.every((i) => !Object.keys(i).length)}
      onInvalid={() => setSubmitted(true)}
      onSave={() => patchVM(vm, setTolerations(rows.map(({ id: _id, ...tol }) => tol)))}
    >
      {rows.map((row, index) => {
        const keyError = submitted || row.key ? issueMessage(issues[index]?.key) : undefined;
        const valueError = submitted || row.value ? issueMessage(issues[index]?.value) : undefined;
        return (
          <Flex key={row.id} alignItems={{ default: 'alignItemsFlexStart' }}>
            <FlexItem flex={{ default: 'flex_1' }}>
              <FormGroup label={t('Taint key')} fieldId={`tol-key-${row.id}`}>
                <TextInput
                  id={`tol-key-${row.id}`}
                  value={row.key ?? ''}
                  validated={keyError ? 'error' : 'default'}
                  onChange={(_e, key) => update(row.id, { key: key.trim() })}
                />
                <FieldError message={keyError} />
              </FormGroup>
            </FlexItem>
            <FlexItem>
              <FormGroup label={t('Operator')} fieldId={`tol-op-${row.id}`}>
                <FormSelect
                  id={`tol-op-${row.id}`}
                  value={row.operator ?? 'Equal'}
                  onChange={(_e, operator) =>
                    update(row.id, { operator: operator as Row['operator'] })
                  }
                >
                  {OPERATORS.map((op) => (
                    <FormSelectOption key={op} value={op} label={op} />
                  ))}
                </FormSelect>
              </FormGroup>
            </FlexItem>
            <FlexItem flex={{ default: 'flex_1' }}>
              <FormGroup label={t('Taint value')} fieldId={`tol-value-${row.id}`}>
                <TextInput
                  id={`tol-value-${row.id}`}
                  value={row.operator === 'Exists' ? '' : (row.value ?? '')}
                  isDisabled={row.operator === 'Exists'}
                  validated={valueError ? 'error' : 'default'}
                  onChange={(_e, value) => update(row.id, { value })}
                />
                <FieldError message={valueError} />
              </FormGroup>
            </FlexItem>
            <FlexItem>
              <FormGroup label={t('Effect')} fieldId={`tol-effect-${row.id}`}>
                <FormSelect
                  id={`tol-effect-${row.id}`}
                  value={row.effect ?? ''}
                  onChange={(_e, effect) =>
                    update(row.id, { effect: (effect || undefined) as Row['effect'] })
                  }
                >
                  {EFFECTS.map((effect) => (
                    <FormSelectOption
                      key={effect}
                      value={effect}
                      label={effect || t('All effects')}
                    />
                  ))}
                </FormSelect>
              </FormGroup>
            </FlexItem>
            <FlexItem alignSelf={{ default: 'alignSelfFlexEnd' }}>
              <Button
                variant="plain"
                icon={<MinusCircleIcon />}
                aria-label={t('Remove toleration {{index}}', { index: index + 1 })}
                onClick={() => setRows((current) => current.filter((r) => r.id !== row.id))}
              />
            </FlexItem>
          </Flex>
        );
      })}
      <div>
        <Button
          variant="link"
          isInline
          icon={<PlusCircleIcon />}
          onClick={() => {
            setRows((current) => [
              ...current,
              { id: nextId, key: '', operator: 'Equal' as Row['operator'], value: '' },
            ]);
            setNextId(nextId + 1);
          }}
        >
          {t('Add toleration')}
        </Button>
      </div>
    </FormModal>
  );
};

export default TolerationsModal;

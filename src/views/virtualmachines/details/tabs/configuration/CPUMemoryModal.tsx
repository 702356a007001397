import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormGroup, Grid, GridItem, TextInput } from '@patternfly/react-core';
import { useValidationMessage } from '../../../../../components/form/useValidationMessage';
import type { VirtualMachine } from '../../../../../models/types';
import { validateInteger, validateQuantity } from '../../../../../utils/validation';
import { getCPUMemory, setCPUMemory } from '../../../../../utils/vmSpec/details';
import FieldError from '../../../../../components/form/FieldError';
import FormModal from '../../../../../components/form/FormModal';
import { patchVM } from './patchVM';

type CPUMemoryModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM to edit. */
  vm: VirtualMachine;
};

/** The smallest guest memory accepted (64 MiB), and the most vCPUs a VM may have. */
const MIN_MEMORY = 64 * 2 ** 20;
const MAX_VCPUS = 512;
const FIELDS = ['sockets', 'cores', 'threads', 'memory'] as const;

/** Edits the CPU topology (sockets × cores × threads) and the memory of a VM. */
const CPUMemoryModal: FC<CPUMemoryModalProps> = ({ closeOverlay, vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const message = useValidationMessage();
  const initial = getCPUMemory(vm);
  const [fields, setFields] = useState({
    sockets: String(initial.sockets),
    cores: String(initial.cores),
    threads: String(initial.threads),
    memory: initial.memory,
  });
  const [touched, setTouched] = useState(false);
  const issues = {
    sockets: validateInteger(fields.sockets, 1, 512),
    cores: validateInteger(fields.cores, 1, 512),
    threads: validateInteger(fields.threads, 1, 8),
    memory: validateQuantity(fields.memory, MIN_MEMORY),
  };
  const fieldsValid = !Object.values(issues).some(Boolean);
  const vcpus = fieldsValid
    ? Number(fields.sockets) * Number(fields.cores) * Number(fields.threads)
    : undefined;
  const tooManyVCPUs = vcpus !== undefined && vcpus > MAX_VCPUS;
  const valid = fieldsValid && !tooManyVCPUs;
  const fieldError = (key: (typeof FIELDS)[number]) => {
    const issue = issues[key];
    if (!(touched || fields[key] !== String(initial[key])) || !issue) return undefined;
    return key === 'memory' && issue.code === 'min'
      ? t('Memory must be at least 64Mi.')
      : message(issue);
  };
  const labels = {
    sockets: t('Sockets'),
    cores: t('Cores'),
    threads: t('Threads'),
    memory: t('Memory'),
  };
  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={t('Edit CPU | Memory')}
      isValid={valid}
      onInvalid={() => setTouched(true)}
      onSave={() =>
        patchVM(
          vm,
          setCPUMemory({
            sockets: Number(fields.sockets),
            cores: Number(fields.cores),
            threads: Number(fields.threads),
            memory: fields.memory.trim(),
          }),
        )
      }
    >
      <Grid hasGutter>
        {FIELDS.map((key) => {
          const error = fieldError(key);
          return (
            <GridItem span={key === 'memory' ? 12 : 4} key={key}>
              <FormGroup label={labels[key]} fieldId={`cpu-${key}`} isRequired>
                <TextInput
                  id={`cpu-${key}`}
                  value={fields[key]}
                  type={key === 'memory' ? 'text' : 'number'}
                  validated={error ? 'error' : 'default'}
                  onChange={(_e, value) => setFields({ ...fields, [key]: value })}
                />
                <FieldError
                  message={error}
                  help={key === 'memory' ? t('A quantity, such as 2Gi or 512Mi.') : undefined}
                />
              </FormGroup>
            </GridItem>
          );
        })}
      </Grid>
      {vcpus !== undefined && (
        <FieldError
          message={
            tooManyVCPUs
              ? t('Sockets × cores × threads must be at most {{max}} vCPUs.', { max: MAX_VCPUS })
              : undefined
          }
          help={t('{{count}} vCPU (sockets × cores × threads)', { count: vcpus })}
        />
      )}
    </FormModal>
  );
};

export default CPUMemoryModal;

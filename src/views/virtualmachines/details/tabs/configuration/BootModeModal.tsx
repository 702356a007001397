import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormGroup, Radio } from '@patternfly/react-core';
import type { VirtualMachine } from '../../../../../models/types';
import { getBootMode, setBootMode, type BootMode } from '../../../../../utils/vmSpec/details';
import FormModal from '../../../../../components/form/FormModal';
import { patchVM } from './patchVM';

type BootModeModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM to edit. */
  vm: VirtualMachine;
};

/** Chooses BIOS, UEFI or UEFI secure boot (which turns SMM on). */
const BootModeModal: FC<BootModeModalProps> = ({ closeOverlay, vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [mode, setMode] = useState<BootMode>(getBootMode(vm));
  const options: [BootMode, string][] = [
    ['bios', t('BIOS')],
    ['uefi', t('UEFI')],
    ['uefi-secure', t('UEFI (secure boot)')],
  ];
  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={t('Edit boot mode')}
      isValid
      variant="small"
      onSave={() => patchVM(vm, setBootMode(mode))}
    >
      <FormGroup role="radiogroup" isStack label={t('Boot mode')} fieldId="boot-mode">
        {options.map(([value, label]) => (
          <Radio
            key={value}
            id={`boot-mode-${value}`}
            name="boot-mode"
            label={label}
            isChecked={mode === value}
            onChange={() => setMode(value)}
            description={
              value === 'uefi-secure'
                ? t('Secure boot needs SMM, which is enabled with it.')
                : undefined
            }
          />
        ))}
      </FormGroup>
    </FormModal>
  );
};

export default BootModeModal;

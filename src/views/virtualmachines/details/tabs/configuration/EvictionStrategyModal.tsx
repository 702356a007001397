import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import FieldError from '../../../../../components/form/FieldError';
import FormModal from '../../../../../components/form/FormModal';
import type { VirtualMachine } from '../../../../../models/types';
import {
  EVICTION_STRATEGIES,
  setEvictionStrategy,
  type EvictionStrategy,
} from '../../../../../utils/vmSpec/scheduling';
import { patchVM } from './patchVM';

export type EvictionStrategyModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM whose eviction strategy is edited. */
  vm: VirtualMachine;
};

/** Chooses what happens to the VM when its node is drained (or the cluster default). */
const EvictionStrategyModal: FC<EvictionStrategyModalProps> = ({ closeOverlay, vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [strategy, setStrategy] = useState<string>(vm.spec?.template?.spec?.evictionStrategy ?? '');
  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={t('Edit eviction strategy')}
      variant="small"
      isValid
      onSave={() =>
        patchVM(vm, setEvictionStrategy((strategy || undefined) as EvictionStrategy | undefined))
      }
    >
      <FormGroup label={t('Eviction strategy')} fieldId="eviction-strategy">
        <FormSelect
          id="eviction-strategy"
          value={strategy}
          onChange={(_e, value) => setStrategy(value)}
        >
          <FormSelectOption value="" label={t('Cluster default')} />
          {EVICTION_STRATEGIES.map((s) => (
            <FormSelectOption key={s} value={s} label={s} />
          ))}
        </FormSelect>
        <FieldError
          help={t('LiveMigrate moves the VirtualMachine to another node when its node is drained.')}
        />
      </FormGroup>
    </FormModal>
  );
};

export default EvictionStrategyModal;

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowFilter } from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine } from '../../models/types';
import { getVMStatus, VM_PRINTABLE_STATUSES } from '../../utils/vmStatus';

/** Filter type, also the URL query parameter the console's list filter keeps it in. */
export const VM_STATUS_FILTER_TYPE = 'vm-status';

/**
 * The Status row filter: one item per printable status (as the API spells it, untranslated);
 * a VM matches when its display status is selected, or when nothing is selected.
 */
export const useVirtualMachineStatusFilter = (): RowFilter<VirtualMachine> => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return useMemo(
    () => ({
      filterGroupName: t('Status'),
      type: VM_STATUS_FILTER_TYPE,
      items: VM_PRINTABLE_STATUSES.map((status) => ({ id: status, title: status })),
      reducer: (vm) => getVMStatus(vm).status,
      filter: (input, vm) =>
        !input.selected?.length || input.selected.includes(getVMStatus(vm).status),
    }),
    [t],
  );
};

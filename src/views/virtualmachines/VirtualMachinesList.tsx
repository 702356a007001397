import type { FC } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ListPageBody,
  ListPageFilter,
  ListPageHeader,
  useK8sWatchResource,
  useListPageFilter,
  VirtualizedTable,
} from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine } from '../../models/types';
import { useVirtualMachineColumns } from './useVirtualMachineColumns';
import { useVirtualMachineStatusFilter } from './useVirtualMachineStatusFilter';
import VirtualMachineRow, { VM_GVK } from './VirtualMachineRow';
import {
  NoMatchingVirtualMachinesEmptyState,
  NoVirtualMachinesEmptyState,
} from './VirtualMachinesEmptyState';

/** Props the console passes to a `console.page/resource/list` component. */
export type VirtualMachinesListProps = {
  /** The project to list; `undefined` means all projects. */
  namespace?: string;
  /** The model reference of the listed kind (`kubevirt.io~v1~VirtualMachine`). */
  kind: string;
};

/**
 * The VirtualMachines list: one watch for the whole list, name/label and status filters,
 * virtualized rows. Loading, load errors and empty states are the table's.
 */
const VirtualMachinesList: FC<VirtualMachinesListProps> = ({ namespace }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [vms, loaded, loadError] = useK8sWatchResource<VirtualMachine[]>({
    groupVersionKind: VM_GVK,
    isList: true,
    namespace,
    namespaced: true,
  });

  const statusFilter = useVirtualMachineStatusFilter();
  const rowFilters = useMemo(() => [statusFilter], [statusFilter]);
  const [unfilteredVMs, filteredVMs, onFilterChange] = useListPageFilter(vms, rowFilters);
  const columns = useVirtualMachineColumns(!namespace);

  return (
    <>
      <ListPageHeader title={t('VirtualMachines')} />
      <ListPageBody>
        <ListPageFilter
          data={unfilteredVMs}
          loaded={loaded}
          rowFilters={rowFilters}
          onFilterChange={onFilterChange}
          nameFilterPlaceholder={t('Search by name...')}
          labelFilterPlaceholder={t('Search by label...')}
          hideColumnManagement
        />
        <VirtualizedTable<VirtualMachine>
          data={filteredVMs}
          unfilteredData={unfilteredVMs}
          loaded={loaded}
          loadError={loadError}
          columns={columns}
          Row={VirtualMachineRow}
          NoDataEmptyMsg={NoVirtualMachinesEmptyState}
          EmptyMsg={NoMatchingVirtualMachinesEmptyState}
          aria-label={t('VirtualMachines')}
        />
      </ListPageBody>
    </>
  );
};

export default VirtualMachinesList;

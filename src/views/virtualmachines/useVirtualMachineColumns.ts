import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableColumn } from '@openshift-console/dynamic-plugin-sdk';
import { sortable } from '@patternfly/react-table';
import type { VirtualMachine } from '../../models/types';

/** Column ids shared by the header and `VirtualMachineRow`. */
export const VM_COLUMN_IDS = {
  name: 'name',
  namespace: 'namespace',
  status: 'status',
  created: 'created',
  actions: 'actions',
} as const;

/**
 * The VM list columns, memoized per language and scope. The Namespace column appears only when
 * the list shows all projects, as in the console.
 */
export const useVirtualMachineColumns = (showNamespace: boolean): TableColumn<VirtualMachine>[] => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return useMemo(
    () => [
      {
        id: VM_COLUMN_IDS.name,
        title: t('Name'),
        sort: 'metadata.name',
        transforms: [sortable],
      },
      ...(showNamespace
        ? [
            {
              id: VM_COLUMN_IDS.namespace,
              title: t('Namespace'),
              sort: 'metadata.namespace',
              transforms: [sortable],
            },
          ]
        : []),
      {
        id: VM_COLUMN_IDS.status,
        title: t('Status'),
        sort: 'status.printableStatus',
        transforms: [sortable],
      },
      {
        id: VM_COLUMN_IDS.created,
        title: t('Created'),
        sort: 'metadata.creationTimestamp',
        transforms: [sortable],
      },
      { id: VM_COLUMN_IDS.actions, title: '', props: { 'aria-label': t('Actions') } },
    ],
    [t, showNamespace],
  );
};

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableColumn } from '@openshift-console/dynamic-plugin-sdk';
import type { VMListColumn } from '../../../utils/vmList/columns';
import type { VMListEntry } from '../../../utils/vmList/entries';
import { sortByValue } from '../../../utils/vmList/sort';
import type { VMListColumnDef } from './vmListColumnDefs';
import type { VMListMetrics } from './useVMListMetrics';
import { ACTIONS_COLUMN, SELECT_COLUMN } from './vmListRowData';

/**
 * The table's columns: selection checkboxes (select-all is the toolbar's bulk select), the chosen
 * columns (each sortable by its value), the kebab. Memoized per language, choice and figures.
 */
export const useVMListColumns = (
  shown: readonly VMListColumn[],
  defs: Record<VMListColumn, VMListColumnDef>,
  metrics: VMListMetrics,
): TableColumn<VMListEntry>[] => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return useMemo(
    () => [
      {
        id: SELECT_COLUMN,
        title: '',
        props: { className: 'pf-v6-c-table__check', 'aria-label': t('Selection') },
      },
      ...shown.map((id) => {
        const def = defs[id];
        return {
          id,
          title: def.title,
          // Headers keep their words whole; the table scrolls sideways when it must.
          props: { className: 'pf-m-nowrap' },
          sort: (data: VMListEntry[], direction: string) =>
            sortByValue(data, (e) => def.sortValue?.(e, metrics), direction as 'asc' | 'desc'),
        };
      }),
      { id: ACTIONS_COLUMN, title: '', props: { 'aria-label': t('Actions') } },
    ],
    [t, shown, defs, metrics],
  );
};

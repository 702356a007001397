import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowFilter, TableColumn } from '@openshift-console/dynamic-plugin-sdk';
import { sortable } from '@patternfly/react-table';
import type {
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineRestore,
  VirtualMachineSnapshot,
} from '../../../../../models/types';
import { getSnapshotState, SNAPSHOT_PHASES } from '../../../../../utils/snapshots';

/** Column ids shared by the header and `SnapshotRow`. */
export const SNAPSHOT_COLUMN_IDS = {
  name: 'name',
  created: 'created',
  status: 'status',
  indications: 'indications',
  lastRestored: 'last-restored',
  actions: 'actions',
} as const;

/** What every row needs besides its snapshot (one object for the whole table). */
export type SnapshotRowData = {
  vm: VirtualMachine;
  vmi?: VirtualMachineInstance;
  /** The newest restore of each snapshot of this VM, by snapshot name. */
  latestRestores: Map<string, VirtualMachineRestore>;
};

/** The snapshot table's columns, memoized per language. */
export const useSnapshotColumns = (): TableColumn<VirtualMachineSnapshot>[] => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return useMemo(
    () => [
      {
        id: SNAPSHOT_COLUMN_IDS.name,
        title: t('Name'),
        sort: 'metadata.name',
        transforms: [sortable],
      },
      {
        id: SNAPSHOT_COLUMN_IDS.created,
        title: t('Created'),
        sort: 'metadata.creationTimestamp',
        transforms: [sortable],
      },
      {
        id: SNAPSHOT_COLUMN_IDS.status,
        title: t('Status'),
        sort: 'status.phase',
        transforms: [sortable],
      },
      { id: SNAPSHOT_COLUMN_IDS.indications, title: t('Indications') },
      { id: SNAPSHOT_COLUMN_IDS.lastRestored, title: t('Last restored') },
      { id: SNAPSHOT_COLUMN_IDS.actions, title: '', props: { 'aria-label': t('Actions') } },
    ],
    [t],
  );
};

/** Filter type, also the URL query parameter the console's list filter keeps it in. */
export const SNAPSHOT_STATUS_FILTER_TYPE = 'snapshot-status';

/** The Status row filter: one item per snapshot phase, as the API spells it. */
export const useSnapshotStatusFilter = (): RowFilter<VirtualMachineSnapshot> => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return useMemo(
    () => ({
      filterGroupName: t('Status'),
      type: SNAPSHOT_STATUS_FILTER_TYPE,
      items: SNAPSHOT_PHASES.map((phase) => ({ id: phase, title: phase })),
      reducer: (snapshot) => getSnapshotState(snapshot).phase,
      filter: (input, snapshot) =>
        !input.selected?.length || input.selected.includes(getSnapshotState(snapshot).phase),
    }),
    [t],
  );
};

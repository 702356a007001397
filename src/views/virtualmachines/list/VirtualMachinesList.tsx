import type { FC } from 'react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  ListPageBody,
  ListPageCreateDropdown,
  ListPageHeader,
  useOverlay,
  useUserSettings,
  VirtualizedTable,
} from '@openshift-console/dynamic-plugin-sdk';
import { VM_GVK } from '../../../models/gvks';
import { downloadFile } from '../../../utils/downloadFile';
import type { VMListColumn } from '../../../utils/vmList/columns';
import { DEFAULT_VM_LIST_COLUMNS, resolveVMListColumns } from '../../../utils/vmList/columns';
import { toCSV } from '../../../utils/vmList/csv';
import type { VMListEntry } from '../../../utils/vmList/entries';
import { selectableEntries } from '../../../utils/vmList/bulk';
import type { VMListFilters } from '../../../utils/vmList/filters';
import {
  filterVMListEntries,
  getFacetOptions,
  parseVMListFilters,
  vmListFilterQuery,
  withoutVMListFilters,
  withVMListFilter,
} from '../../../utils/vmList/filters';
import {
  NoMatchingVirtualMachinesEmptyState,
  NoVirtualMachinesEmptyState,
} from '../VirtualMachinesEmptyState';
import ManageColumnsModal, { type ManageColumnsModalProps } from './ManageColumnsModal';
import { COLUMNS_SETTING } from './savedViews';
import { useVMListColumns } from './useVMListColumns';
import { useVMListEntries } from './useVMListEntries';
import { useVMListMetrics } from './useVMListMetrics';
import { getVMListColumnDefs } from './vmListColumnDefs';
import type { VMListRowData } from './vmListRowData';
import VirtualMachineRow from './VirtualMachineRow';
import VirtualMachinesToolbar from './VirtualMachinesToolbar';

/** Props the console passes to a `console.page/resource/list` component. */
export type VirtualMachinesListProps = {
  /** The project to list; `undefined` means all projects. */
  namespace?: string;
  /** The model reference of the listed kind (`kubevirt.io~v1~VirtualMachine`). */
  kind: string;
};

const VM_REFERENCE = `${VM_GVK.group}~${VM_GVK.version}~${VM_GVK.kind}`;

/**
 * The VirtualMachines list: one VM and one VMI watch, filters and search in the URL, selection
 * with bulk actions, user-chosen columns, CSV export, virtualized rows.
 */
const VirtualMachinesList: FC<VirtualMachinesListProps> = ({ namespace }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const navigate = useNavigate();
  const launch = useOverlay();
  const allProjects = !namespace;
  const [entries, loaded, loadError] = useVMListEntries(namespace);
  const metrics = useVMListMetrics(namespace);

  const [search, setSearch] = useSearchParams();
  const searchKey = search.toString();
  const filters = useMemo(() => parseVMListFilters(new URLSearchParams(searchKey)), [searchKey]);
  const filterQuery = useMemo(() => vmListFilterQuery(new URLSearchParams(searchKey)), [searchKey]);
  const shown = useMemo(() => filterVMListEntries(entries, filters), [entries, filters]);
  const options = useMemo(() => getFacetOptions(entries), [entries]);

  const setFilter = useCallback(
    <K extends keyof VMListFilters>(filter: K, value: VMListFilters[K]) =>
      setSearch((prev) => withVMListFilter(prev, filter, value), { replace: true }),
    [setSearch],
  );
  const clearAll = useCallback(
    () => setSearch((prev) => withoutVMListFilters(prev), { replace: true }),
    [setSearch],
  );
  const applyView = useCallback(
    (query: string) => {
      const next = withoutVMListFilters(new URLSearchParams(searchKey));
      new URLSearchParams(query).forEach((value, key) => next.set(key, value));
      setSearch(next);
    },
    [searchKey, setSearch],
  );

  const [selectedKeys, setSelectedKeys] = useState<ReadonlySet<string>>(new Set());
  const selected = useMemo(
    () => entries.filter((e) => selectedKeys.has(e.key)),
    [entries, selectedKeys],
  );
  const onSelect = useCallback(
    (key: string, on: boolean) =>
      setSelectedKeys((prev) => {
        const next = new Set(prev);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );
  const selectShown = useCallback(
    () => setSelectedKeys(new Set(selectableEntries(shown).map((e) => e.key))),
    [shown],
  );
  const selectNone = useCallback(() => setSelectedKeys(new Set()), []);

  const [storedColumns, setStoredColumns] = useUserSettings<VMListColumn[] | undefined>(
    COLUMNS_SETTING,
    undefined,
    true,
  );
  const shownColumns = useMemo(
    () => resolveVMListColumns(storedColumns, allProjects),
    [storedColumns, allProjects],
  );
  const defs = useMemo(() => getVMListColumnDefs(t), [t]);
  const columns = useVMListColumns(shownColumns, defs, metrics);
  const rowData = useMemo<VMListRowData>(
    () => ({ metrics, defs, selected: selectedKeys, onSelect }),
    [metrics, defs, selectedKeys, onSelect],
  );

  const manageColumns = () =>
    launch<Omit<ManageColumnsModalProps, 'closeOverlay'>>(ManageColumnsModal, {
      titles: Object.fromEntries(Object.values(defs).map((d) => [d.id, d.title])) as Record<
        VMListColumn,
        string
      >,
      chosen: storedColumns ?? DEFAULT_VM_LIST_COLUMNS,
      onSave: setStoredColumns,
    });

  const exportCSV = () =>
    downloadFile(
      'virtualmachines.csv',
      toCSV<VMListEntry>(
        shown,
        shownColumns.map((id) => ({
          title: defs[id].title,
          value: (entry) => defs[id].text(entry, metrics),
        })),
      ),
    );

  const createNamespace = namespace ?? 'default';
  return (
    <>
      <ListPageHeader title={t('VirtualMachines')}>
        <ListPageCreateDropdown
          items={{ yaml: t('With YAML') }}
          onClick={() => navigate(`/k8s/ns/${createNamespace}/${VM_REFERENCE}/~new`)}
          createAccessReview={{
            groupVersionKind: VM_REFERENCE,
            namespace: createNamespace,
          }}
        >
          {t('Create')}
        </ListPageCreateDropdown>
      </ListPageHeader>
      <ListPageBody>
        <VirtualMachinesToolbar
          filters={filters}
          options={options}
          allProjects={allProjects}
          onFilterChange={setFilter}
          onClearAll={clearAll}
          filterQuery={filterQuery}
          onApplyView={applyView}
          shown={shown}
          selected={selected}
          onSelectShown={selectShown}
          onSelectNone={selectNone}
          onManageColumns={manageColumns}
          onExport={exportCSV}
        />
        <VirtualizedTable<VMListEntry, VMListRowData>
          data={shown}
          unfilteredData={entries}
          loaded={loaded}
          loadError={loadError}
          columns={columns}
          Row={VirtualMachineRow}
          rowData={rowData}
          NoDataEmptyMsg={NoVirtualMachinesEmptyState}
          EmptyMsg={NoMatchingVirtualMachinesEmptyState}
          aria-label={t('VirtualMachines')}
        />
      </ListPageBody>
    </>
  );
};

export default VirtualMachinesList;

import type { FC } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ListPageFilter,
  useAccessReview,
  useK8sWatchResource,
  useListPageFilter,
  useOverlay,
  VirtualizedTable,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  Button,
  EmptyState,
  EmptyStateBody,
  PageSection,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  Tooltip,
} from '@patternfly/react-core';
import { CameraIcon, SearchIcon } from '@patternfly/react-icons';
import { VirtualMachineRestoreModel, VirtualMachineSnapshotModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import type { VirtualMachineRestore, VirtualMachineSnapshot } from '../../../../../models/types';
import { isRestoreOf, isSnapshotOf, latestRestores } from '../../../../../utils/snapshots';
import TakeSnapshotModal from '../../../actions/modals/TakeSnapshotModal';
import type { VMTabProps } from '../tabProps';
import SnapshotRow from './SnapshotRow';
import { type SnapshotRowData, useSnapshotColumns, useSnapshotStatusFilter } from './snapshotTable';

const SNAPSHOT_GVK = modelToGroupVersionKind(VirtualMachineSnapshotModel);
const RESTORE_GVK = modelToGroupVersionKind(VirtualMachineRestoreModel);

const NoSnapshots: FC = () => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <EmptyState titleText={t('No snapshots found')} headingLevel="h3" icon={CameraIcon}>
      <EmptyStateBody>
        {t('Take a snapshot to keep the state of the disks of this VirtualMachine.')}
      </EmptyStateBody>
    </EmptyState>
  );
};

const NoMatchingSnapshots: FC = () => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  return (
    <EmptyState titleText={t('No results found')} headingLevel="h3" icon={SearchIcon}>
      <EmptyStateBody>{t('No snapshots match the filters.')}</EmptyStateBody>
    </EmptyState>
  );
};

/**
 * The Snapshots tab: Take snapshot, and the VM's snapshots (one list watch of the project's
 * snapshots, one of its restores, both filtered to this VM) with status filter, name and label
 * search, and a kebab per snapshot (Restore, Create VirtualMachine, Delete).
 */
const SnapshotsTab: FC<VMTabProps> = ({ obj: vm, customData }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const namespace = vm.metadata?.namespace;
  const vmName = vm.metadata?.name ?? '';
  const vmi = customData?.vmi;

  const [allSnapshots, loaded, loadError] = useK8sWatchResource<VirtualMachineSnapshot[]>({
    groupVersionKind: SNAPSHOT_GVK,
    isList: true,
    namespace,
    namespaced: true,
  });
  const [allRestores] = useK8sWatchResource<VirtualMachineRestore[]>({
    groupVersionKind: RESTORE_GVK,
    isList: true,
    namespace,
    namespaced: true,
  });
  const snapshots = useMemo(
    () => (allSnapshots ?? []).filter((s) => isSnapshotOf(s, vmName)),
    [allSnapshots, vmName],
  );
  const rowData = useMemo<SnapshotRowData>(
    () => ({
      vm,
      vmi,
      latestRestores: latestRestores((allRestores ?? []).filter((r) => isRestoreOf(r, vmName))),
    }),
    [vm, vmi, allRestores, vmName],
  );

  const statusFilter = useSnapshotStatusFilter();
  const rowFilters = useMemo(() => [statusFilter], [statusFilter]);
  const [unfiltered, filtered, onFilterChange] = useListPageFilter(snapshots, rowFilters);
  const columns = useSnapshotColumns();

  const [canCreate] = useAccessReview({
    group: VirtualMachineSnapshotModel.apiGroup,
    resource: VirtualMachineSnapshotModel.plural,
    verb: 'create',
    namespace,
  });
  const inProgress = vm.status?.snapshotInProgress;
  const disabledReason = inProgress
    ? t('A snapshot of this VirtualMachine is in progress.')
    : !canCreate
      ? t('You do not have permission to perform this action.')
      : undefined;
  const takeSnapshot = (
    <Button
      variant="primary"
      isAriaDisabled={!!disabledReason}
      onClick={() => launch(TakeSnapshotModal, { vm, vmi })}
    >
      {t('Take snapshot')}
    </Button>
  );

  return (
    <PageSection>
      <Title headingLevel="h2" className="pf-v6-u-screen-reader">
        {t('Snapshots')}
      </Title>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            {disabledReason ? (
              <Tooltip content={disabledReason}>{takeSnapshot}</Tooltip>
            ) : (
              takeSnapshot
            )}
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <ListPageFilter
        data={unfiltered}
        loaded={loaded}
        rowFilters={rowFilters}
        onFilterChange={onFilterChange}
        nameFilterPlaceholder={t('Search by name...')}
        labelFilterPlaceholder={t('Search by label...')}
        hideColumnManagement
      />
      <VirtualizedTable<VirtualMachineSnapshot, SnapshotRowData>
        data={filtered}
        unfilteredData={unfiltered}
        loaded={loaded}
        loadError={loadError}
        columns={columns}
        Row={SnapshotRow}
        rowData={rowData}
        NoDataEmptyMsg={NoSnapshots}
        EmptyMsg={NoMatchingSnapshots}
        aria-label={t('Snapshots of {{name}}', { name: vmName })}
      />
    </PageSection>
  );
};

export default SnapshotsTab;

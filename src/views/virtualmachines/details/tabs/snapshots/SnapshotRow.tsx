import type { FC } from 'react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowProps } from '@openshift-console/dynamic-plugin-sdk';
import { TableData, Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { Content, Label, LabelGroup, Spinner } from '@patternfly/react-core';
import { CheckCircleIcon, ExclamationCircleIcon, InProgressIcon } from '@patternfly/react-icons';
import ActionsMenu from '../../../../../components/actions/ActionsMenu';
import type { VirtualMachineSnapshot } from '../../../../../models/types';
import { getRestoreState, getSnapshotState } from '../../../../../utils/snapshots';
import { SNAPSHOT_COLUMN_IDS, type SnapshotRowData } from './snapshotTable';
import { useSnapshotActions } from './useSnapshotActions';

/** The phase, with an icon, and whether the snapshot is ready to use. */
const SnapshotStatus: FC<{ snapshot: VirtualMachineSnapshot }> = ({ snapshot }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const state = getSnapshotState(snapshot);
  const icon =
    state.phase === 'Succeeded' ? (
      <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />
    ) : state.phase === 'Failed' ? (
      <ExclamationCircleIcon color="var(--pf-t--global--icon--color--status--danger--default)" />
    ) : (
      <InProgressIcon />
    );
  return (
    <div data-test="snapshot-status">
      {icon} <span>{state.phase}</span>
      <Content component="small" className="pf-v6-u-display-block">
        {state.readyToUse ? t('Ready to use') : t('Not ready to use')}
        {state.message ? ` · ${state.message}` : ''}
      </Content>
    </div>
  );
};

/** The newest restore of the snapshot onto this VM: in progress (why it waits) or when done. */
const LastRestored: FC<{ snapshotName: string; rowData: SnapshotRowData }> = ({
  snapshotName,
  rowData,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const restore = rowData.latestRestores.get(snapshotName);
  if (!restore) return <>-</>;
  const state = getRestoreState(restore);
  if (state.complete)
    return (
      <div data-test="snapshot-last-restored">
        <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />{' '}
        {t('Restore complete')}
        <Content component="small" className="pf-v6-u-display-block">
          <Timestamp timestamp={state.restoreTime ?? restore.metadata?.creationTimestamp ?? ''} />
        </Content>
      </div>
    );
  return (
    <div data-test="snapshot-last-restored">
      <Spinner size="sm" aria-hidden /> {t('Restore in progress')}
      {state.message && (
        <Content component="small" className="pf-v6-u-display-block">
          {state.message}
        </Content>
      )}
    </div>
  );
};

/** One snapshot row; cells whose column is not shown render nothing. */
const SnapshotRow: FC<RowProps<VirtualMachineSnapshot, SnapshotRowData>> = ({
  obj,
  activeColumnIDs,
  rowData,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const actions = useSnapshotActions(obj, rowData);
  const name = obj.metadata?.name ?? '';
  const description = obj.metadata?.annotations?.description;
  const { indications } = getSnapshotState(obj);
  return (
    <>
      <TableData id={SNAPSHOT_COLUMN_IDS.name} activeColumnIDs={activeColumnIDs}>
        <span data-test="snapshot-name">{name}</span>
        {description && (
          <Content component="small" className="pf-v6-u-display-block">
            {description}
          </Content>
        )}
      </TableData>
      <TableData id={SNAPSHOT_COLUMN_IDS.created} activeColumnIDs={activeColumnIDs}>
        <Timestamp timestamp={obj.metadata?.creationTimestamp ?? ''} />
      </TableData>
      <TableData id={SNAPSHOT_COLUMN_IDS.status} activeColumnIDs={activeColumnIDs}>
        <SnapshotStatus snapshot={obj} />
      </TableData>
      <TableData id={SNAPSHOT_COLUMN_IDS.indications} activeColumnIDs={activeColumnIDs}>
        {indications.length ? (
          <LabelGroup aria-label={t('Indications of {{name}}', { name })}>
            {indications.map((indication) => (
              <Label key={indication} isCompact>
                {indication}
              </Label>
            ))}
          </LabelGroup>
        ) : (
          '-'
        )}
      </TableData>
      <TableData id={SNAPSHOT_COLUMN_IDS.lastRestored} activeColumnIDs={activeColumnIDs}>
        <LastRestored snapshotName={name} rowData={rowData} />
      </TableData>
      <TableData
        id={SNAPSHOT_COLUMN_IDS.actions}
        activeColumnIDs={activeColumnIDs}
        className="pf-v6-c-table__action"
      >
        <ActionsMenu
          actions={actions}
          variant="kebab"
          label={t('Actions for {{name}}', { name })}
        />
      </TableData>
    </>
  );
};

export default memo(SnapshotRow);

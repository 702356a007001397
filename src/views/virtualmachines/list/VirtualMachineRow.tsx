import type { FC } from 'react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Label, LabelGroup } from '@patternfly/react-core';
import type { RowProps } from '@openshift-console/dynamic-plugin-sdk';
import { ResourceLink, TableData, Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { NAMESPACE_GVK, NODE_GVK, VM_GVK, VMI_GVK } from '../../../models/gvks';
import { isEntryMigrating } from '../../../utils/vmList/bulk';
import type { VMListEntry } from '../../../utils/vmList/entries';
import VirtualMachineStatus from '../VirtualMachineStatus';
import VirtualMachineActionsMenu from '../actions/VirtualMachineActionsMenu';
import { ACTIONS_COLUMN, SELECT_COLUMN, type VMListRowData } from './vmListRowData';

const DASH = '–';

/** Columns shown as plain text, in display order (between Created and Labels). */
const TEXT_COLUMNS = ['ip', 'cpu', 'memory', 'source', 'os'] as const;

/**
 * One VM row. Cells of hidden columns render nothing (`TableData` checks the id). The row only
 * re-renders when its entry (VM or VMI) or the shared row data changes.
 */
const VirtualMachineRow: FC<RowProps<VMListEntry, VMListRowData>> = ({
  obj: entry,
  activeColumnIDs,
  rowData: { metrics, defs, selected, onSelect },
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const cell = (id: keyof typeof defs) => defs[id].text(entry, metrics) || DASH;
  return (
    <>
      <TableData
        id={SELECT_COLUMN}
        activeColumnIDs={activeColumnIDs}
        className="pf-v6-c-table__check"
      >
        {/* Bulk actions are VM actions: a standalone VMI cannot take part. */}
        {!entry.standalone && (
          <Checkbox
            id={`select-${entry.key}`}
            aria-label={t('Select {{name}}', { name: entry.name })}
            isChecked={selected.has(entry.key)}
            onChange={(_e, checked) => onSelect(entry.key, checked)}
          />
        )}
      </TableData>
      <TableData id="name" activeColumnIDs={activeColumnIDs}>
        <ResourceLink
          groupVersionKind={entry.standalone ? VMI_GVK : VM_GVK}
          name={entry.name}
          namespace={entry.namespace}
        />
      </TableData>
      <TableData id="namespace" activeColumnIDs={activeColumnIDs}>
        <ResourceLink groupVersionKind={NAMESPACE_GVK} name={entry.namespace} />
      </TableData>
      <TableData id="status" activeColumnIDs={activeColumnIDs}>
        <VirtualMachineStatus status={entry.status} />
      </TableData>
      <TableData id="conditions" activeColumnIDs={activeColumnIDs}>
        {entry.conditions.length ? (
          <LabelGroup numLabels={2}>
            {entry.conditions.map((type) => (
              <Label key={type} isCompact>
                {type}
              </Label>
            ))}
          </LabelGroup>
        ) : (
          DASH
        )}
      </TableData>
      <TableData id="node" activeColumnIDs={activeColumnIDs}>
        {entry.node ? <ResourceLink groupVersionKind={NODE_GVK} name={entry.node} /> : DASH}
      </TableData>
      <TableData id="created" activeColumnIDs={activeColumnIDs}>
        <Timestamp timestamp={entry.created} />
      </TableData>
      {TEXT_COLUMNS.map((id) => (
        <TableData key={id} id={id} activeColumnIDs={activeColumnIDs}>
          {cell(id)}
        </TableData>
      ))}
      <TableData id="labels" activeColumnIDs={activeColumnIDs}>
        {entry.labels.length ? (
          <LabelGroup numLabels={2}>
            {entry.labels.map((label) => (
              <Label key={label} isCompact>
                {label}
              </Label>
            ))}
          </LabelGroup>
        ) : (
          DASH
        )}
      </TableData>
      <TableData
        id={ACTIONS_COLUMN}
        activeColumnIDs={activeColumnIDs}
        className="pf-v6-c-table__action"
      >
        {!entry.standalone && (
          <VirtualMachineActionsMenu
            vm={entry.vm}
            vmi={entry.vmi}
            migrating={isEntryMigrating(entry)}
            variant="kebab"
          />
        )}
      </TableData>
    </>
  );
};

export default memo(VirtualMachineRow);

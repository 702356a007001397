import type { FC } from 'react';
import { memo } from 'react';
import type { RowProps } from '@openshift-console/dynamic-plugin-sdk';
import { ResourceLink, TableData, Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { NamespaceModel, VirtualMachineModel } from '../../models';
import { modelToGroupVersionKind } from '../../models/modelUtils';
import type { VirtualMachine } from '../../models/types';
import { getVMStatus } from '../../utils/vmStatus';
import { VM_COLUMN_IDS } from './useVirtualMachineColumns';
import VirtualMachineStatus from './VirtualMachineStatus';
import VirtualMachineActionsMenu from './actions/VirtualMachineActionsMenu';

export const VM_GVK = modelToGroupVersionKind(VirtualMachineModel);
const NAMESPACE_GVK = modelToGroupVersionKind(NamespaceModel);

/** One VM row. Cells whose column is not shown render nothing (`TableData` checks the id). */
const VirtualMachineRow: FC<RowProps<VirtualMachine>> = ({ obj, activeColumnIDs }) => (
  <>
    <TableData id={VM_COLUMN_IDS.name} activeColumnIDs={activeColumnIDs}>
      <ResourceLink
        groupVersionKind={VM_GVK}
        name={obj.metadata?.name}
        namespace={obj.metadata?.namespace}
      />
    </TableData>
    <TableData id={VM_COLUMN_IDS.namespace} activeColumnIDs={activeColumnIDs}>
      <ResourceLink groupVersionKind={NAMESPACE_GVK} name={obj.metadata?.namespace} />
    </TableData>
    <TableData id={VM_COLUMN_IDS.status} activeColumnIDs={activeColumnIDs}>
      <VirtualMachineStatus status={getVMStatus(obj)} />
    </TableData>
    <TableData id={VM_COLUMN_IDS.created} activeColumnIDs={activeColumnIDs}>
      <Timestamp timestamp={obj.metadata?.creationTimestamp} />
    </TableData>
    <TableData
      id={VM_COLUMN_IDS.actions}
      activeColumnIDs={activeColumnIDs}
      className="pf-v6-c-table__action"
    >
      <VirtualMachineActionsMenu vm={obj} variant="kebab" />
    </TableData>
  </>
);

export default memo(VirtualMachineRow);

/** TableData: a cell of a VirtualizedTable row, rendered only when its column is active. */
import { Td } from '@patternfly/react-table';
import type { TableDataProps } from '@openshift-console/dynamic-plugin-sdk';

export const TableData = ({ id, activeColumnIDs, className, children }: TableDataProps) =>
  activeColumnIDs.has(id) ? (
    <Td className={className} data-label={id}>
      {children}
    </Td>
  ) : null;

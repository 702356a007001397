import type { VMListColumn } from '../../../utils/vmList/columns';
import type { VMListColumnDef } from './vmListColumnDefs';
import type { VMListMetrics } from './useVMListMetrics';

/** Column id of the selection checkboxes and of the row kebab. */
export const SELECT_COLUMN = 'select';
export const ACTIONS_COLUMN = 'actions';

/** What every row shares: figures, column texts and the selection. */
export type VMListRowData = {
  metrics: VMListMetrics;
  defs: Record<VMListColumn, VMListColumnDef>;
  selected: ReadonlySet<string>;
  onSelect: (key: string, selected: boolean) => void;
};

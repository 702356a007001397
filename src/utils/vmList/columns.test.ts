import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VM_LIST_COLUMNS,
  MAX_VM_LIST_COLUMNS,
  resolveVMListColumns,
  VM_LIST_COLUMNS,
} from './columns';

describe('resolveVMListColumns', () => {
  it('shows the defaults, Namespace only for all projects', () => {
    expect(resolveVMListColumns(undefined, true)).toEqual([...DEFAULT_VM_LIST_COLUMNS]);
    expect(resolveVMListColumns(undefined, false)).not.toContain('namespace');
  });

  it('keeps Name, drops unknown ids and orders by display order', () => {
    expect(resolveVMListColumns(['os', 'bogus', 'status'], false)).toEqual([
      'name',
      'status',
      'os',
    ]);
  });

  it('never shows more than nine', () => {
    expect(resolveVMListColumns([...VM_LIST_COLUMNS], true)).toHaveLength(MAX_VM_LIST_COLUMNS);
  });
});

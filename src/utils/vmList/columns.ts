/** Every column of the VM list, in display order. */
export const VM_LIST_COLUMNS = [
  'name',
  'namespace',
  'status',
  'conditions',
  'node',
  'created',
  'ip',
  'cpu',
  'memory',
  'source',
  'os',
  'labels',
] as const;
export type VMListColumn = (typeof VM_LIST_COLUMNS)[number];

/** The console's limit on shown columns (Name included). */
export const MAX_VM_LIST_COLUMNS = 9;

/** Name cannot be hidden: it is the link to the VM. */
export const REQUIRED_VM_LIST_COLUMNS: readonly VMListColumn[] = ['name'];

export const DEFAULT_VM_LIST_COLUMNS: readonly VMListColumn[] = [
  'name',
  'namespace',
  'status',
  'conditions',
  'node',
  'created',
  'ip',
  'cpu',
  'memory',
];

/**
 * The columns to show from a stored choice: unknown ids dropped, Name kept, in display order,
 * at most nine. Namespace shows only when the list spans all projects.
 */
export const resolveVMListColumns = (
  stored: readonly string[] | undefined,
  allProjects: boolean,
): VMListColumn[] => {
  const chosen = new Set<string>([
    ...(stored ?? DEFAULT_VM_LIST_COLUMNS),
    ...REQUIRED_VM_LIST_COLUMNS,
  ]);
  const shown = VM_LIST_COLUMNS.filter(
    (id) => chosen.has(id) && (allProjects || id !== 'namespace'),
  );
  return shown.slice(0, MAX_VM_LIST_COLUMNS);
};

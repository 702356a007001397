/** A named set of list filters the user saved: the filter part of the URL query. */
export type SavedView = { name: string; query: string };

/** The user setting the VM list's saved views live in (per user in the console). */
export const SAVED_VIEWS_SETTING = 'virt-console-plugin.virtualmachines.savedViews';

/** The column choice's user setting. */
export const COLUMNS_SETTING = 'virt-console-plugin.virtualmachines.columns';

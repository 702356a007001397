import type { TFunction } from 'i18next';
import type { VMListColumn } from '../../../utils/vmList/columns';
import type { VMListEntry } from '../../../utils/vmList/entries';
import { formatBytes, formatQuantity, toPercent } from '../../../utils/quantityFormat';
import type { VMListMetrics } from './useVMListMetrics';

/** What each column shows as text (cells that are links or icons render their own way). */
export type VMListColumnDef = {
  id: VMListColumn;
  title: string;
  /** The value the column sorts by. */
  sortValue?: (entry: VMListEntry, metrics: VMListMetrics) => string | number | undefined;
  /** The cell's text, also the CSV value. */
  text: (entry: VMListEntry, metrics: VMListMetrics) => string | undefined;
};

/** CPU in use as a share of the VM's vCPUs. */
const cpuPercent = (entry: VMListEntry, metrics: VMListMetrics): number | undefined =>
  toPercent(metrics.cpu.get(entry.key), entry.vcpus);

const memoryUsed = (entry: VMListEntry, metrics: VMListMetrics): number | undefined =>
  metrics.memory.get(entry.key);

export const getVMListColumnDefs = (t: TFunction): Record<VMListColumn, VMListColumnDef> => ({
  name: { id: 'name', title: t('Name'), sortValue: (e) => e.name, text: (e) => e.name },
  namespace: {
    id: 'namespace',
    title: t('Namespace'),
    sortValue: (e) => e.namespace,
    text: (e) => e.namespace,
  },
  status: {
    id: 'status',
    title: t('Status'),
    sortValue: (e) => e.status.status,
    text: (e) => e.status.status,
  },
  conditions: {
    id: 'conditions',
    title: t('Conditions'),
    sortValue: (e) => e.conditions.join(','),
    text: (e) => e.conditions.join(', '),
  },
  node: { id: 'node', title: t('Node'), sortValue: (e) => e.node, text: (e) => e.node },
  created: {
    id: 'created',
    title: t('Created'),
    sortValue: (e) => e.created,
    text: (e) => e.created,
  },
  ip: {
    id: 'ip',
    title: t('IP address'),
    sortValue: (e) => e.ips[0],
    text: (e) => e.ips.join(', '),
  },
  cpu: {
    id: 'cpu',
    title: t('CPU'),
    sortValue: cpuPercent,
    text: (e, m) => {
      const percent = cpuPercent(e, m);
      return percent === undefined ? undefined : `${percent.toFixed(1)}%`;
    },
  },
  memory: {
    id: 'memory',
    title: t('Memory'),
    sortValue: memoryUsed,
    text: (e, m) => {
      const used = formatBytes(memoryUsed(e, m));
      if (used === undefined) return undefined;
      const total = formatQuantity(e.memory);
      return total ? `${used} / ${total}` : used;
    },
  },
  source: {
    id: 'source',
    title: t('Instance type / template'),
    sortValue: (e) => e.instanceType ?? e.template,
    text: (e) => e.instanceType ?? e.template,
  },
  os: { id: 'os', title: t('Operating system'), sortValue: (e) => e.os, text: (e) => e.os },
  labels: {
    id: 'labels',
    title: t('Labels'),
    sortValue: (e) => e.labels.length,
    text: (e) => e.labels.join(', '),
  },
});

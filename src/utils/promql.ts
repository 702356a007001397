import type { PrometheusResponse } from '@openshift-console/dynamic-plugin-sdk';

/** The VM (and so its VMI: same name and namespace) a query is about. */
export type VMMetricsTarget = { name: string; namespace: string };

/** A point of a range query: time in ms since the epoch, value. */
export type MetricPoint = { x: number; y: number };

/** Escapes a label value for a double-quoted PromQL string. */
export const escapeLabelValue = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** `{name="…",namespace="…"[,interface="…"]}` for one VMI. */
export const vmiSelector = (
  target: VMMetricsTarget,
  extra: Record<string, string> = {},
): string => {
  const labels = { name: target.name, namespace: target.namespace, ...extra };
  return `{${Object.entries(labels)
    .map(([key, value]) => `${key}="${escapeLabelValue(value)}"`)
    .join(',')}}`;
};

/** Options of the VM queries. */
export type VMQueryOptions = {
  /** Range of the `rate()` windows (`5m` by default). */
  rateWindow?: string;
  /** One network interface (the spec's name); all of them when absent. */
  networkInterface?: string;
};

/** The PromQL of every figure the Overview tab and Metrics tab show for one VM. */
export type VMQueries = {
  /** CPU in use, in cores. */
  cpuUsage: string;
  /** Guest memory in use, in bytes. */
  memoryUsed: string;
  /** Guest file systems: used and capacity bytes (guest agent). */
  filesystemUsed: string;
  filesystemCapacity: string;
  /** Disk traffic, bytes per second. */
  storageRead: string;
  storageWrite: string;
  /** Disk operations per second. */
  iopsRead: string;
  iopsWrite: string;
  /** Network traffic, bytes per second. */
  networkIn: string;
  networkOut: string;
  /** Network in + out, bytes per second. */
  networkTotal: string;
  /** Live migration: bytes copied and still to copy, memory transfer rate. */
  migrationProcessed: string;
  migrationRemaining: string;
  migrationTransferRate: string;
};

/** Builds the per-VM queries (series as docs/metrics.md lists them). */
export const buildVMQueries = (
  target: VMMetricsTarget,
  options: VMQueryOptions = {},
): VMQueries => {
  const window = options.rateWindow ?? '5m';
  const vmi = vmiSelector(target);
  const nic = vmiSelector(
    target,
    options.networkInterface ? { interface: options.networkInterface } : {},
  );
  const rate = (metric: string, selector = vmi) => `sum(rate(${metric}${selector}[${window}]))`;
  const gauge = (metric: string) => `sum(${metric}${vmi})`;
  const networkIn = rate('kubevirt_vmi_network_receive_bytes_total', nic);
  const networkOut = rate('kubevirt_vmi_network_transmit_bytes_total', nic);
  return {
    cpuUsage: rate('kubevirt_vmi_cpu_usage_seconds_total'),
    memoryUsed: gauge('kubevirt_vmi_memory_used_bytes'),
    filesystemUsed: gauge('kubevirt_vmi_filesystem_used_bytes'),
    filesystemCapacity: gauge('kubevirt_vmi_filesystem_capacity_bytes'),
    storageRead: rate('kubevirt_vmi_storage_read_traffic_bytes_total'),
    storageWrite: rate('kubevirt_vmi_storage_write_traffic_bytes_total'),
    iopsRead: rate('kubevirt_vmi_storage_iops_read_total'),
    iopsWrite: rate('kubevirt_vmi_storage_iops_write_total'),
    networkIn,
    networkOut,
    networkTotal: `${networkIn} + ${networkOut}`,
    migrationProcessed: gauge('kubevirt_vmi_migration_data_processed_bytes'),
    migrationRemaining: gauge('kubevirt_vmi_migration_data_remaining_bytes'),
    migrationTransferRate: gauge('kubevirt_vmi_migration_memory_transfer_rate_bytes'),
  };
};

/** A time range of the Metrics tab. */
export type MetricsTimeRange = {
  key: '5m' | '1h' | '6h' | '24h' | '7d';
  /** Length in ms (the SDK's `timespan`). */
  timespan: number;
  /** `rate()` window that fits the range. */
  rateWindow: string;
};

const MINUTE = 60_000;

export const METRICS_TIME_RANGES: readonly MetricsTimeRange[] = [
  { key: '5m', timespan: 5 * MINUTE, rateWindow: '1m' },
  { key: '1h', timespan: 60 * MINUTE, rateWindow: '5m' },
  { key: '6h', timespan: 6 * 60 * MINUTE, rateWindow: '5m' },
  { key: '24h', timespan: 24 * 60 * MINUTE, rateWindow: '15m' },
  { key: '7d', timespan: 7 * 24 * 60 * MINUTE, rateWindow: '1h' },
];

/** Samples per range query (one chart point each). */
export const METRICS_SAMPLES = 60;

const toNumber = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

/** The value of the first sample of an instant query; `undefined` when there is none. */
export const getVectorValue = (response?: PrometheusResponse): number | undefined => {
  const value = response?.data?.result?.[0]?.value;
  return value ? toNumber(value[1]) : undefined;
};

/** The points of the first series of a range query (non-numeric samples dropped). */
export const getMatrixPoints = (response?: PrometheusResponse): MetricPoint[] => {
  const values = response?.data?.result?.[0]?.values ?? [];
  const points: MetricPoint[] = [];
  for (const [time, raw] of values) {
    const y = toNumber(raw);
    if (y !== undefined) points.push({ x: Number(time) * 1000, y });
  }
  return points;
};

/** The VM list's queries: one series per VMI, for one project or (no namespace) all of them. */
export const buildVMListQueries = (
  namespace?: string,
  rateWindow = '5m',
): { cpuUsage: string; memoryUsed: string } => {
  const selector = namespace ? `{namespace="${escapeLabelValue(namespace)}"}` : '';
  return {
    cpuUsage: `sum by (namespace, name) (rate(kubevirt_vmi_cpu_usage_seconds_total${selector}[${rateWindow}]))`,
    memoryUsed: `sum by (namespace, name) (kubevirt_vmi_memory_used_bytes${selector})`,
  };
};

/** The samples of an instant query by `namespace/name` of their series. */
export const getVectorByVM = (response?: PrometheusResponse): Map<string, number> => {
  const values = new Map<string, number>();
  for (const series of response?.data?.result ?? []) {
    const { namespace, name } = series.metric ?? {};
    const y = toNumber(series.value?.[1]);
    if (namespace && name && y !== undefined) values.set(`${namespace}/${name}`, y);
  }
  return values;
};

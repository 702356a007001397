/** Prometheus URLs as the console builds them for usePrometheusPoll (pure). */
import type { PrometheusPollProps } from '@openshift-console/dynamic-plugin-sdk';
import { PrometheusEndpoint } from '@openshift-console/dynamic-plugin-sdk/lib/api/common-types';

export const PROMETHEUS_BASE_PATH = '/api/prometheus';
export const PROMETHEUS_TENANCY_BASE_PATH = '/api/prometheus-tenancy';
export const DEFAULT_PROMETHEUS_SAMPLES = 60;
export const DEFAULT_PROMETHEUS_TIMESPAN = 60 * 60 * 1000;
/** The console's `useURLPoll` default delay. */
export const DEFAULT_PROMETHEUS_DELAY = 15000;

export type PrometheusUrlProps = Pick<
  PrometheusPollProps,
  'endpoint' | 'query' | 'namespace' | 'endTime' | 'samples' | 'timespan' | 'timeout'
>;

export type PrometheusUrlOptions = {
  /** Overrides the base path (a `customDataSource.basePath`). */
  basePath?: string;
  /** `SERVER_FLAGS.prometheusBaseURL`, default `/api/prometheus`. */
  prometheusBaseURL?: string;
  /** `SERVER_FLAGS.prometheusTenancyBaseURL`, default `/api/prometheus-tenancy`. */
  prometheusTenancyBaseURL?: string;
  /** "Now" in ms: the end of a range query without `endTime`. */
  now?: number;
};

/**
 * `<base>/<endpoint>?…`: `query_range` gets `start`, `end` (seconds) and `step = timespan/samples`
 * (seconds); then `namespace`, `query` and `timeout` when set. A namespace selects the tenancy
 * proxy. Empty string when there is no query (except for the rules endpoint): nothing to poll.
 */
export const prometheusUrl = (
  {
    endpoint,
    query,
    namespace,
    endTime,
    samples = DEFAULT_PROMETHEUS_SAMPLES,
    timespan = DEFAULT_PROMETHEUS_TIMESPAN,
    timeout,
  }: PrometheusUrlProps,
  options: PrometheusUrlOptions = {},
): string => {
  if (endpoint !== PrometheusEndpoint.RULES && !query) return '';
  const base =
    options.basePath ??
    (namespace
      ? (options.prometheusTenancyBaseURL ?? PROMETHEUS_TENANCY_BASE_PATH)
      : (options.prometheusBaseURL ?? PROMETHEUS_BASE_PATH));
  const params = new URLSearchParams();
  if (endpoint === PrometheusEndpoint.QUERY_RANGE) {
    const end = endTime ?? options.now ?? Date.now();
    params.append('start', `${(end - timespan) / 1000}`);
    params.append('end', `${end / 1000}`);
    params.append('step', `${timespan / samples / 1000}`);
  }
  if (namespace) params.append('namespace', namespace);
  if (query) params.append('query', query);
  if (timeout) params.append('timeout', timeout);
  return `${base.replace(/\/$/, '')}/${endpoint}?${params.toString()}`;
};

/** Whether a poll error means "no Prometheus here": the host's 503 `ServiceUnavailable` Status. */
export const isMetricsUnavailable = (error: unknown): boolean =>
  (error as { code?: unknown } | null | undefined)?.code === 503;

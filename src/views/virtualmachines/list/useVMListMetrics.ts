import { useMemo } from 'react';
import { PrometheusEndpoint, usePrometheusPoll } from '@openshift-console/dynamic-plugin-sdk';
import { buildVMListQueries, getVectorByVM } from '../../../utils/promql';

/** CPU (cores) and memory (bytes) in use per VM, by `namespace/name`. */
export type VMListMetrics = { cpu: Map<string, number>; memory: Map<string, number> };

const POLL_MS = 30_000;

/**
 * The CPU and memory columns' figures: two Prometheus queries for the whole page, whatever the
 * number of rows. Without Prometheus the maps stay empty and the cells show a dash.
 */
export const useVMListMetrics = (namespace?: string): VMListMetrics => {
  const queries = useMemo(() => buildVMListQueries(namespace), [namespace]);
  const [cpu] = usePrometheusPoll({
    endpoint: PrometheusEndpoint.QUERY,
    query: queries.cpuUsage,
    namespace,
    delay: POLL_MS,
  });
  const [memory] = usePrometheusPoll({
    endpoint: PrometheusEndpoint.QUERY,
    query: queries.memoryUsed,
    namespace,
    delay: POLL_MS,
  });
  return useMemo(() => ({ cpu: getVectorByVM(cpu), memory: getVectorByVM(memory) }), [cpu, memory]);
};

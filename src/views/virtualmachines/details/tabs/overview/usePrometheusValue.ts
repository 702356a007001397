import { PrometheusEndpoint, usePrometheusPoll } from '@openshift-console/dynamic-plugin-sdk';
import { getVectorValue } from '../../../../../utils/promql';
import { useMetricsNamespace } from '../metrics/useMetricsNamespace';

/**
 * The current value of an instant query about a VM in `namespace`, polled every `delayMs` (on the
 * tenancy path for users who cannot read the cluster-wide Prometheus); undefined without metrics.
 */
export const usePrometheusValue = (
  query: string,
  delayMs: number,
  namespace: string,
): number | undefined => {
  const [tenancyNamespace, ready] = useMetricsNamespace(namespace);
  return getVectorValue(
    usePrometheusPoll({
      endpoint: PrometheusEndpoint.QUERY,
      query: ready ? query : '',
      namespace: tenancyNamespace,
      delay: delayMs,
    })[0],
  );
};

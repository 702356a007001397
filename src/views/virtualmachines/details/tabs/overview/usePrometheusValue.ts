import { PrometheusEndpoint, usePrometheusPoll } from '@openshift-console/dynamic-plugin-sdk';
import { getVectorValue } from '../../../../../utils/promql';

/** The current value of an instant query, polled every `delayMs`; undefined without metrics. */
export const usePrometheusValue = (query: string, delayMs: number): number | undefined =>
  getVectorValue(
    usePrometheusPoll({ endpoint: PrometheusEndpoint.QUERY, query, delay: delayMs })[0],
  );

import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { alertsTenancyNamespace, CLUSTER_MONITORING_ACCESS } from '../../../../../utils/vmAlerts';

/**
 * Where a VM's metrics are read, by the Alerts card's rule: `[undefined, true]` (the cluster-wide
 * Prometheus) for users who may read it, `[namespace, true]` (the tenancy path of the VM's
 * namespace) for the others; `[undefined, false]` while the access review runs, when nothing
 * should be polled yet.
 */
export const useMetricsNamespace = (namespace: string): [string | undefined, boolean] => {
  const [canReadCluster, loading] = useAccessReview(CLUSTER_MONITORING_ACCESS);
  if (loading) return [undefined, false];
  return [alertsTenancyNamespace({ canReadCluster, clusterForbidden: false, namespace }), true];
};

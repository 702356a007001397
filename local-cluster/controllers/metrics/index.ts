import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import {
  CLUSTER_INSTANCETYPE,
  CLUSTER_PREFERENCE,
  HYPERCONVERGED,
  INSTANCETYPE,
  NODE,
  POD,
  PREFERENCE,
  VM,
  VM_SNAPSHOT,
  VMI,
  VMIM,
} from '../runtime/resources';
import type { MetricsState } from './collect';
import { collectMetrics } from './collect';
import type {
  HyperConverged,
  Instancetype,
  Node,
  Pod,
  Vm,
  Vmi,
  Vmim,
  VmSnapshot,
} from './kubevirtShapes';
import { createMetricsRoute } from './metricsRoute';
import type { MetricsSources } from './types';

export type { GuestStats, MetricsSources, MigrationProgress } from './types';
export { startPrometheus } from './prometheus';

export interface MetricsOptions {
  /** See CollectOptions.includeVmiLabels (default false). */
  includeVmiLabels?: boolean;
}

/**
 * Serves `GET /metrics` on the local cluster's port with what KubeVirt's components, HCO,
 * kube-state-metrics and cAdvisor would export for the cluster's current state. Reads only the
 * shared informers' caches, so a scrape costs one pass over the cached objects.
 */
export const startMetrics = (
  runtime: ControllerRuntime,
  sources: MetricsSources = {},
  options: MetricsOptions = {},
): Stoppable => {
  const informers = {
    vms: runtime.informers.for<Vm>(VM),
    vmis: runtime.informers.for<Vmi>(VMI),
    vmims: runtime.informers.for<Vmim>(VMIM),
    nodes: runtime.informers.for<Node>(NODE),
    pods: runtime.informers.for<Pod>(POD),
    hcos: runtime.informers.for<HyperConverged>(HYPERCONVERGED),
    instancetypes: runtime.informers.for<Instancetype>(INSTANCETYPE),
    clusterInstancetypes: runtime.informers.for<Instancetype>(CLUSTER_INSTANCETYPE),
    preferences: runtime.informers.for<Instancetype>(PREFERENCE),
    clusterPreferences: runtime.informers.for<Instancetype>(CLUSTER_PREFERENCE),
    vmSnapshots: runtime.informers.for<VmSnapshot>(VM_SNAPSHOT),
  };

  const state = (): MetricsState => ({
    vms: informers.vms.list(),
    vmis: informers.vmis.list(),
    vmims: informers.vmims.list(),
    nodes: informers.nodes.list(),
    pods: informers.pods
      .list()
      .filter((p) => p.metadata.labels?.['kubevirt.io'] === 'virt-launcher'),
    hyperConverged: informers.hcos.list()[0],
    instancetypes: informers.instancetypes.list(),
    clusterInstancetypes: informers.clusterInstancetypes.list(),
    preferences: informers.preferences.list(),
    clusterPreferences: informers.clusterPreferences.list(),
    vmSnapshots: informers.vmSnapshots.list(),
  });

  const route = createMetricsRoute({
    apiBaseUrl: runtime.client.baseUrl,
    render: () =>
      collectMetrics(state(), sources, {
        nowMs: runtime.timing.now().getTime(),
        includeVmiLabels: options.includeVmiLabels,
      }),
  });
  runtime.server.routes.push(route);

  return {
    stop: () => {
      const i = runtime.server.routes.indexOf(route);
      if (i >= 0) runtime.server.routes.splice(i, 1);
    },
  };
};

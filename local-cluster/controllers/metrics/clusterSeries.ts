import { findCondition } from '../runtime/conditions';
import type { DomainStats } from './domainStats';
import type { ExpositionWriter } from './exposition';
import { sanitizeLabelName } from './exposition';
import { CLUSTER, LAUNCHER_POD, MIGRATIONS } from './families';
import type { HyperConverged, Node, Pod, Vmim } from './kubevirtShapes';
import { quantity } from './vmiFacts';

const KVM_RESOURCE = 'devices.kubevirt.io/kvm';

/** kube-state-metrics' unit for a resource name. */
export const resourceUnit = (resource: string): string => {
  if (resource === 'cpu') return 'core';
  if (
    resource === 'memory' ||
    resource === 'ephemeral-storage' ||
    resource.startsWith('hugepages-')
  )
    return 'byte';
  return 'integer';
};

/** Allocatable resources per node, and the node counts KubeVirt's recording rules derive. */
export const writeNodeSeries = (w: ExpositionWriter, nodes: Node[]): void => {
  let withKvm = 0;
  for (const n of nodes) {
    const node = n.metadata.name ?? '';
    const allocatable = n.status?.allocatable ?? {};
    for (const [resource, value] of Object.entries(allocatable))
      w.add(
        CLUSTER.nodeAllocatable.name,
        { node, resource: sanitizeLabelName(resource), unit: resourceUnit(resource) },
        quantity(value),
      );
    if (quantity(allocatable[KVM_RESOURCE]) > 0) withKvm++;
  }
  w.add(CLUSTER.allocatableNodes.name, {}, nodes.length);
  w.add(CLUSTER.nodesWithKvm.name, {}, withKvm);
};

/** HCO's system health: 0 healthy, 1 warning, 2 error, from its own conditions. */
export const hcoHealth = (hco: HyperConverged): number => {
  const conditions = hco.status?.conditions;
  const is = (type: string, status: string) => findCondition(conditions, type)?.status === status;
  if (is('Available', 'False') || is('Degraded', 'True') || is('ReconcileComplete', 'False'))
    return 2;
  if (is('Progressing', 'True') || is('Upgradeable', 'False')) return 1;
  return 0;
};

export const writeHcoSeries = (w: ExpositionWriter, hco: HyperConverged | undefined): void => {
  if (!hco) return;
  const health = hcoHealth(hco);
  w.add(CLUSTER.hcoHealth.name, {}, health);
  w.add(CLUSTER.hcoOperatorHealth.name, {}, health);
};

/** virt-controller's migration collector: counts by phase, and one sample per finished one. */
export const writeMigrationSeries = (w: ExpositionWriter, vmims: Vmim[]): void => {
  let pending = 0;
  let scheduling = 0;
  let running = 0;
  let unset = 0;
  for (const m of vmims) {
    const phase = m.status?.phase;
    const labels = {
      vmi: m.spec?.vmiName ?? '',
      vmim: m.metadata.name ?? '',
      namespace: m.metadata.namespace ?? '',
    };
    switch (phase) {
      case 'Pending':
        pending++;
        break;
      case 'Scheduling':
        scheduling++;
        break;
      case 'Scheduled':
      case 'PreparingTarget':
      case 'TargetReady':
      case 'Running':
        running++;
        break;
      case 'Succeeded':
        w.add(MIGRATIONS.succeeded.name, labels, 1);
        break;
      case 'Failed':
        w.add(MIGRATIONS.failed.name, labels, 1);
        break;
      default:
        unset++;
    }
  }
  w.add(MIGRATIONS.pending.name, {}, pending);
  w.add(MIGRATIONS.scheduling.name, {}, scheduling);
  w.add(MIGRATIONS.running.name, {}, running);
  w.add(MIGRATIONS.unset.name, {}, unset);
};

/** Running virt-launcher pods as the scheduler, kube-state-metrics and cAdvisor see them; the
 * compute container's CPU and memory follow the domain it runs. */
export const writeLauncherPodSeries = (
  w: ExpositionWriter,
  pods: Pod[],
  domainStatsByVmiUid: ReadonlyMap<string, DomainStats>,
): void => {
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running') continue;
    const namespace = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    const node = pod.spec?.nodeName ?? '';
    let cpu = 0;
    let memory = 0;
    for (const c of pod.spec?.containers ?? []) {
      const cpuReq = quantity(c.resources?.requests?.cpu);
      const memReq = quantity(c.resources?.requests?.memory);
      cpu += cpuReq;
      memory += memReq;
      const base = { namespace, pod: name, container: c.name, node };
      if (cpuReq)
        w.add(
          LAUNCHER_POD.containerRequests.name,
          { ...base, resource: 'cpu', unit: 'core' },
          cpuReq,
        );
      if (memReq)
        w.add(
          LAUNCHER_POD.containerRequests.name,
          { ...base, resource: 'memory', unit: 'byte' },
          memReq,
        );
    }
    const scheduler = { namespace, pod: name, node, scheduler: 'default-scheduler', priority: '' };
    if (cpu)
      w.add(LAUNCHER_POD.podRequest.name, { ...scheduler, resource: 'cpu', unit: 'cores' }, cpu);
    if (memory)
      w.add(
        LAUNCHER_POD.podRequest.name,
        { ...scheduler, resource: 'memory', unit: 'bytes' },
        memory,
      );
    const stats = domainStatsByVmiUid.get(pod.metadata.labels?.['kubevirt.io/created-by'] ?? '');
    if (stats) {
      const c = { namespace, pod: name, container: 'compute', node };
      // QEMU's own threads (I/O, emulator) add a little on top of the vCPUs.
      w.add(LAUNCHER_POD.containerCpu.name, c, stats.cpuSeconds * 1.03);
      w.add(LAUNCHER_POD.containerMemory.name, c, stats.memory.residentBytes);
    }
  }
};

import type {
  IoK8sApiCoreV1NodeSelectorTerm,
  IoK8sApiCoreV1PodAffinityTerm,
} from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { LabelSelectorObject } from '../../apiserver/selectors/labelSelector';
import {
  matchesNodeAffinity,
  preferNoScheduleTaints,
  preferredAffinityScore,
  selectsLabels,
  termMatches,
  untoleratedTaint,
} from './nodeMatching';
import { quantityValue } from './quantities';
import type { Node, PersistentVolumeClaim, Pod, StorageClass } from './types';

/**
 * A pure kube-scheduler: filters every node the way the default profile does (unschedulable,
 * taints, node affinity/selector, resources, volume node affinity, inter-pod affinity), scores the
 * feasible ones (preferred affinity, least allocated, PreferNoSchedule taints), and when none fits
 * answers the same `0/N nodes are available: …` message the real scheduler puts on the pod.
 * The migration controller reuses it to choose a migration target.
 */

export interface PersistentVolume {
  metadata: { name?: string };
  spec?: { nodeAffinity?: { required?: { nodeSelectorTerms?: IoK8sApiCoreV1NodeSelectorTerm[] } } };
}

export interface SchedulingInput {
  pod: Pod;
  nodes: Node[];
  /** Pods already placed (any namespace); terminal ones are ignored. */
  pods: Pod[];
  pvc?: (namespace: string, name: string) => PersistentVolumeClaim | undefined;
  storageClass?: (name: string) => StorageClass | undefined;
  persistentVolume?: (name: string) => PersistentVolume | undefined;
  /** Nodes to leave out (a migration never targets the source node). */
  excludeNodes?: string[];
}

export type SchedulingResult = { node: string } | { message: string };

const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
const NO_VICTIMS = 'No preemption victims found for incoming pod';

const isTerminal = (pod: Pod): boolean =>
  pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** Total requests of a pod's containers. */
export const podRequests = (pod: Pod): Map<string, number> => {
  const total = new Map<string, number>();
  for (const c of pod.spec.containers ?? [])
    for (const [k, v] of Object.entries(c.resources?.requests ?? {}))
      total.set(k, (total.get(k) ?? 0) + quantityValue(v));
  return total;
};

/** What is already requested on each node, by resource (plus a `pods` count). */
export const usageByNode = (pods: Pod[]): Map<string, Map<string, number>> => {
  const usage = new Map<string, Map<string, number>>();
  for (const p of pods) {
    const node = p.spec.nodeName;
    if (!node || isTerminal(p)) continue;
    const u = usage.get(node) ?? new Map<string, number>();
    for (const [k, v] of podRequests(p)) u.set(k, (u.get(k) ?? 0) + v);
    u.set('pods', (u.get('pods') ?? 0) + 1);
    usage.set(node, u);
  }
  return usage;
};

const allocatable = (node: Node, resource: string): number =>
  quantityValue(node.status?.allocatable?.[resource]);

const resourceReasons = (pod: Pod, node: Node, used: Map<string, number> | undefined): string[] => {
  const reasons: string[] = [];
  if ((used?.get('pods') ?? 0) + 1 > allocatable(node, 'pods')) reasons.push('Too many pods');
  for (const [resource, amount] of podRequests(pod)) {
    if (amount <= 0) continue;
    if ((used?.get(resource) ?? 0) + amount > allocatable(node, resource))
      reasons.push(`Insufficient ${resource}`);
  }
  return reasons;
};

const affinityNamespaces = (term: IoK8sApiCoreV1PodAffinityTerm, pod: Pod): string[] | undefined =>
  term.namespaces?.length
    ? term.namespaces
    : term.namespaceSelector
      ? undefined
      : [pod.metadata.namespace ?? ''];

/** Nodes (by topology value) hosting a pod that the term selects. */
const termSatisfiedOn = (
  term: IoK8sApiCoreV1PodAffinityTerm,
  pod: Pod,
  node: Node,
  placed: Pod[],
  nodesByName: Map<string, Node>,
): boolean => {
  const domain = node.metadata.labels?.[term.topologyKey];
  if (domain === undefined) return false;
  const namespaces = affinityNamespaces(term, pod);
  return placed.some((other) => {
    if (!other.spec.nodeName || isTerminal(other) || other.metadata.uid === pod.metadata.uid)
      return false;
    if (namespaces && !namespaces.includes(other.metadata.namespace ?? '')) return false;
    if (
      !selectsLabels(term.labelSelector as LabelSelectorObject | undefined, other.metadata.labels)
    )
      return false;
    return nodesByName.get(other.spec.nodeName)?.metadata.labels?.[term.topologyKey] === domain;
  });
};

const volumeReasons = (pod: Pod, node: Node, input: SchedulingInput): string[] => {
  for (const v of pod.spec.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (!claim) continue;
    const pvc = input.pvc?.(pod.metadata.namespace ?? '', claim);
    const pvName = pvc?.spec?.volumeName;
    const terms = pvName
      ? input.persistentVolume?.(pvName)?.spec?.nodeAffinity?.required?.nodeSelectorTerms
      : undefined;
    if (terms?.length && !terms.some((t) => termMatches(t, node)))
      return ['node(s) had volume node affinity conflict'];
  }
  return [];
};

const filterNode = (
  pod: Pod,
  node: Node,
  input: SchedulingInput,
  used: Map<string, number> | undefined,
  nodesByName: Map<string, Node>,
): string[] => {
  if (
    node.spec?.unschedulable &&
    !(pod.spec.tolerations ?? []).some(
      (t) => t.key === 'node.kubernetes.io/unschedulable' || (t.operator === 'Exists' && !t.key),
    )
  )
    return ['node(s) were unschedulable'];
  const taint = untoleratedTaint(pod, node);
  if (taint) return [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`];
  if (!matchesNodeAffinity(pod, node)) return ["node(s) didn't match Pod's node affinity/selector"];
  const resources = resourceReasons(pod, node, used);
  if (resources.length) return resources;
  const volumes = volumeReasons(pod, node, input);
  if (volumes.length) return volumes;
  const affinity = pod.spec.affinity;
  const required = affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  if (required.some((t) => !termSatisfiedOn(t, pod, node, input.pods, nodesByName)))
    return ["node(s) didn't match pod affinity rules"];
  const anti = affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  if (anti.some((t) => termSatisfiedOn(t, pod, node, input.pods, nodesByName)))
    return ["node(s) didn't match pod anti-affinity rules"];
  return [];
};

/** Unbound immediate claims and missing claims stop scheduling before any node is looked at. */
const preFilterVolumes = (input: SchedulingInput): string | undefined => {
  const { pod } = input;
  if (!input.pvc) return undefined;
  for (const v of pod.spec.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (!claim) continue;
    const pvc = input.pvc(pod.metadata.namespace ?? '', claim);
    if (!pvc) return `persistentvolumeclaim "${claim}" not found`;
    if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${claim}" is being deleted`;
    if (pvc.status?.phase === 'Bound') continue;
    const sc = pvc.spec?.storageClassName
      ? input.storageClass?.(pvc.spec.storageClassName)
      : undefined;
    if (sc?.volumeBindingMode !== 'WaitForFirstConsumer')
      return 'pod has unbound immediate PersistentVolumeClaims';
  }
  return undefined;
};

const countedMessage = (total: number, reasons: Map<string, number>): string =>
  `0/${total} nodes are available: ${[...reasons]
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ')}.`;

const unschedulableMessage = (
  total: number,
  reasons: Map<string, number>,
  preemption: Map<string, number>,
): string => `${countedMessage(total, reasons)} preemption: ${countedMessage(total, preemption)}`;

const score = (
  pod: Pod,
  node: Node,
  used: Map<string, number> | undefined,
  preferred: number,
): number => {
  const requests = podRequests(pod);
  const free = (r: string) => {
    const cap = allocatable(node, r);
    return cap > 0 ? Math.max(0, cap - (used?.get(r) ?? 0) - (requests.get(r) ?? 0)) / cap : 0;
  };
  const leastAllocated = ((free('cpu') + free('memory')) / 2) * 100;
  return preferred * 10 + leastAllocated - preferNoScheduleTaints(pod, node) * 50;
};

export const schedule = (input: SchedulingInput): SchedulingResult => {
  const nodes = input.nodes.filter((n) => !input.excludeNodes?.includes(n.metadata.name ?? ''));
  const total = nodes.length;
  const early = preFilterVolumes(input);
  if (early)
    return {
      message: `0/${total} nodes are available: ${early}. preemption: 0/${total} nodes are available: ${total} ${PREEMPTION_NOT_HELPFUL}.`,
    };
  const usage = usageByNode(input.pods);
  const nodesByName = new Map(input.nodes.map((n) => [n.metadata.name ?? '', n]));
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  let best: { node: string; score: number } | undefined;
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    const used = usage.get(name);
    const failures = filterNode(input.pod, node, input, used, nodesByName);
    if (failures.length) {
      for (const f of failures) reasons.set(f, (reasons.get(f) ?? 0) + 1);
      const onlyResources = failures.every(
        (f) => f.startsWith('Insufficient') || f === 'Too many pods',
      );
      const p = onlyResources ? NO_VICTIMS : PREEMPTION_NOT_HELPFUL;
      preemption.set(p, (preemption.get(p) ?? 0) + 1);
      continue;
    }
    const s = score(input.pod, node, used, preferredAffinityScore(input.pod, node));
    if (!best || s > best.score || (s === best.score && name < best.node))
      best = { node: name, score: s };
  }
  if (best) return { node: best.node };
  if (total === 0) return { message: 'no nodes available to schedule pods' };
  return { message: unschedulableMessage(total, reasons, preemption) };
};

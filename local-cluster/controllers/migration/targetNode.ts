import { parseQuantity } from '../../apiserver/validation/quantity';
import type {
  Affinity,
  Node,
  NodeSelectorRequirement,
  Pod,
  PodSpec,
  Taint,
  Toleration,
} from './migrationTypes';

/**
 * Where the migration target pod can run: kube-scheduler's filters reduced to what virt-launcher
 * pods use (node selector, required node affinity, taints/tolerations, CPU and memory left, and
 * the anti-affinity KubeVirt adds so the target never lands on the source node). Written here
 * because the migration needs it before a scheduler exists in every controller set; it picks the
 * node with the most free memory, as the scheduler's least-allocated scoring tends to.
 */

export interface FitRequest {
  spec: PodSpec;
  /** The node the VMI runs on now: never a target. */
  sourceNode?: string;
}

export type FitResult = { node: string } | { message: string };

const quantity = (v: string | undefined): number => {
  if (!v) return 0;
  try {
    return parseQuantity(v);
  } catch {
    return 0;
  }
};

const podRequests = (spec: PodSpec): { cpu: number; memory: number } =>
  spec.containers.reduce(
    (sum, c) => ({
      cpu: sum.cpu + quantity(c.resources?.requests?.cpu),
      memory: sum.memory + quantity(c.resources?.requests?.memory),
    }),
    { cpu: 0, memory: 0 },
  );

const matchesRequirement = (
  labels: Record<string, string>,
  r: NodeSelectorRequirement,
): boolean => {
  const value = labels[r.key];
  switch (r.operator) {
    case 'In':
      return value !== undefined && (r.values ?? []).includes(value);
    case 'NotIn':
      return value === undefined || !(r.values ?? []).includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(r.values?.[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(r.values?.[0]);
  }
};

const matchesAffinity = (labels: Record<string, string>, affinity?: Affinity): boolean => {
  const terms =
    affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms?.length) return true;
  return terms.some((t) => (t.matchExpressions ?? []).every((r) => matchesRequirement(labels, r)));
};

const tolerates = (taint: Taint, tolerations: Toleration[]): boolean =>
  tolerations.some(
    (t) =>
      (!t.effect || t.effect === taint.effect) &&
      (t.operator === 'Exists'
        ? !t.key || t.key === taint.key
        : t.key === taint.key && (t.value ?? '') === (taint.value ?? '')),
  );

const isReady = (node: Node): boolean =>
  node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';

const activePodsOn = (pods: readonly Pod[], node: string): Pod[] =>
  pods.filter(
    (p) =>
      p.spec.nodeName === node &&
      p.status?.phase !== 'Succeeded' &&
      p.status?.phase !== 'Failed' &&
      !p.metadata.deletionTimestamp,
  );

/** The first reason a node is filtered out, worded as kube-scheduler's per-node reasons. */
const rejection = (node: Node, req: FitRequest, pods: readonly Pod[]): string | undefined => {
  const labels = node.metadata.labels ?? {};
  if (node.metadata.name === req.sourceNode) return "node(s) didn't match pod anti-affinity rules";
  if (node.spec?.unschedulable) return 'node(s) were unschedulable';
  if (!isReady(node)) return 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }';
  const taint = (node.spec?.taints ?? []).find(
    (t) => t.effect !== 'PreferNoSchedule' && !tolerates(t, req.spec.tolerations ?? []),
  );
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  const selector = req.spec.nodeSelector ?? {};
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) {
    return "node(s) didn't match Pod's node affinity/selector";
  }
  if (!matchesAffinity(labels, req.spec.affinity)) {
    return "node(s) didn't match Pod's node affinity/selector";
  }
  const want = podRequests(req.spec);
  const used = activePodsOn(pods, node.metadata.name ?? '').reduce(
    (sum, p) => {
      const r = podRequests(p.spec);
      return { cpu: sum.cpu + r.cpu, memory: sum.memory + r.memory };
    },
    { cpu: 0, memory: 0 },
  );
  const alloc = node.status?.allocatable ?? {};
  if (used.cpu + want.cpu > quantity(alloc.cpu)) return 'Insufficient cpu';
  if (used.memory + want.memory > quantity(alloc.memory)) return 'Insufficient memory';
  return undefined;
};

const freeMemory = (node: Node, pods: readonly Pod[]): number =>
  quantity(node.status?.allocatable?.memory) -
  activePodsOn(pods, node.metadata.name ?? '').reduce((s, p) => s + podRequests(p.spec).memory, 0);

/** Picks the target node, or says why none fits (`0/6 nodes are available: …`). */
export const pickTargetNode = (
  req: FitRequest,
  nodes: readonly Node[],
  pods: readonly Pod[],
): FitResult => {
  const reasons = new Map<string, number>();
  const fitting: Node[] = [];
  for (const node of nodes) {
    const why = rejection(node, req, pods);
    if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
    else fitting.push(node);
  }
  if (fitting.length) {
    const best = [...fitting].sort(
      (a, b) =>
        freeMemory(b, pods) - freeMemory(a, pods) ||
        (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
    )[0];
    return { node: best.metadata.name ?? '' };
  }
  const detail = [...reasons]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([why, n]) => `${n} ${why}`)
    .join(', ');
  return {
    message: `0/${nodes.length} nodes are available: ${detail}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`,
  };
};

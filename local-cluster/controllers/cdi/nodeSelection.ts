import { createHash } from 'node:crypto';
import type { Node } from './cdiTypes';

const isReady = (node: Node): boolean =>
  (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

const repelsPods = (node: Node): boolean =>
  Boolean(node.spec?.unschedulable) ||
  (node.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');

/** Nodes a CDI pod (no tolerations, no selector) can run on. */
export const workloadNodes = (nodes: Node[]): Node[] =>
  nodes
    .filter((n) => isReady(n) && !repelsPods(n))
    .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));

/**
 * The node a transfer pod lands on. Spread by a hash of the claim so that imports spread over the
 * workers the way the scheduler's balancing would, and the same claim always gets the same node.
 */
export const nodeForPod = (nodes: Node[], seed: string): string | undefined => {
  const candidates = workloadNodes(nodes);
  if (!candidates.length) return undefined;
  const h = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return candidates[h % candidates.length].metadata.name;
};

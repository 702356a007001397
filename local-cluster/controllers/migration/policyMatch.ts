import type { MigrationPolicy } from './migrationTypes';

interface MatchScore {
  vmiLabels: number;
  namespaceLabels: number;
}

/** Every label the selector names must be on the object with the same value; counts them. */
const countMatching = (
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
): number | undefined => {
  let n = 0;
  for (const [key, value] of Object.entries(selector ?? {})) {
    if (labels[key] !== value) return undefined;
    n++;
  }
  return n;
};

/** KubeVirt's ordering: more matching labels in total wins; on a tie, more VMI labels wins. */
const compare = (a: MatchScore, b: MatchScore): number => {
  const total = a.vmiLabels + a.namespaceLabels - (b.vmiLabels + b.namespaceLabels);
  return total !== 0 ? total : a.vmiLabels - b.vmiLabels;
};

/**
 * The MigrationPolicy that applies to a VMI, as KubeVirt's `matchPolicy` picks it: a policy
 * matches when all labels of its `virtualMachineInstanceSelector` are on the VMI and all labels of
 * its `namespaceSelector` are on the VMI's namespace; the most specific match (most matching labels,
 * then most VMI labels) wins, ties broken by policy name in lexicographic order. A policy without
 * `selectors` matches nothing.
 */
export const matchMigrationPolicy = <P extends MigrationPolicy>(
  policies: readonly P[],
  vmiLabels: Record<string, string> | undefined,
  namespaceLabels: Record<string, string> | undefined,
): P | undefined => {
  let best: { policy: P; score: MatchScore } | undefined;
  for (const policy of policies) {
    const selectors = policy.spec?.selectors;
    if (!selectors) continue;
    const vmi = countMatching(selectors.virtualMachineInstanceSelector, vmiLabels ?? {});
    const ns = countMatching(selectors.namespaceSelector, namespaceLabels ?? {});
    if (vmi === undefined || ns === undefined) continue;
    const score = { vmiLabels: vmi, namespaceLabels: ns };
    const order = best ? compare(score, best.score) : 1;
    if (
      order > 0 ||
      (order === 0 && best && (policy.metadata.name ?? '') < (best.policy.metadata.name ?? ''))
    ) {
      best = { policy, score };
    }
  }
  return best?.policy;
};

/** ClusterRole aggregation as kube's clusterrole-aggregation controller would leave it: an
 * aggregated role's rules become the union of the rules of every other ClusterRole its selectors
 * match. Kube persists that result; we compute it on demand so the snapshot never goes stale. */
import { matchesLabelSelector } from './labelMatch';
import type { ClusterRole, PolicyRule } from './rbacTypes';

/** Kube compares rules by deep equality; a fixed field order makes that a string compare. */
const ruleKey = (r: PolicyRule): string =>
  JSON.stringify([r.verbs, r.apiGroups, r.resources, r.resourceNames, r.nonResourceURLs]);

const byName = (a: ClusterRole, b: ClusterRole): number =>
  (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');

/** Returns a memoised lookup of effective rules by ClusterRole name, so one authorization
 * resolves only the roles its bindings reference. Chains (admin ← edit ← view) resolve
 * recursively; a cycle falls back to the stored rules of the role met twice. */
export const clusterRoleRulesResolver = (
  clusterRoles: ClusterRole[],
): ((name: string) => PolicyRule[] | undefined) => {
  const byRoleName = new Map<string, ClusterRole>();
  for (const role of clusterRoles) {
    const name = role.metadata.name ?? '';
    if (!byRoleName.has(name)) byRoleName.set(name, role);
  }
  const memo = new Map<string, PolicyRule[]>();
  const inProgress = new Set<string>();

  const resolve = (role: ClusterRole): PolicyRule[] => {
    const name = role.metadata.name ?? '';
    if (!role.aggregationRule) return role.rules ?? [];
    const known = memo.get(name);
    if (known) return known;
    if (inProgress.has(name)) return role.rules ?? [];
    inProgress.add(name);
    const seen = new Set<string>();
    const rules: PolicyRule[] = [];
    for (const selector of role.aggregationRule.clusterRoleSelectors ?? []) {
      const sources = clusterRoles
        .filter(
          (r) => r.metadata.name !== name && matchesLabelSelector(selector, r.metadata.labels),
        )
        .sort(byName);
      for (const source of sources) {
        for (const rule of resolve(source)) {
          const key = ruleKey(rule);
          if (!seen.has(key)) {
            seen.add(key);
            rules.push(rule);
          }
        }
      }
    }
    inProgress.delete(name);
    memo.set(name, rules);
    return rules;
  };

  return (name) => {
    const role = byRoleName.get(name);
    return role ? resolve(role) : undefined;
  };
};

export const effectiveClusterRoles = (clusterRoles: ClusterRole[]): ClusterRole[] => {
  const rulesOf = clusterRoleRulesResolver(clusterRoles);
  return clusterRoles.map((role) =>
    role.aggregationRule ? { ...role, rules: rulesOf(role.metadata.name ?? '') ?? [] } : role,
  );
};

/** RBAC authorization with kube's semantics: ClusterRoleBindings grant everywhere, RoleBindings
 * only inside their own namespace (even when they reference a ClusterRole), and the first rule
 * that covers a request allows it. Nothing here ever denies explicitly; RBAC is additive. */
import type { UserInfo } from '../core/types';
import { clusterRoleRulesResolver } from './aggregation';
import type {
  AuthorizationDecision,
  ClusterRoleBinding,
  PolicyRule,
  RbacSnapshot,
  RequestAttributes,
  RoleBinding,
  Subject,
  SubjectRules,
} from './rbacTypes';
import { ruleAllows } from './ruleMatch';

export { effectiveClusterRoles } from './aggregation';
export { forbiddenMessage } from './forbiddenMessage';

/** A binding that applies to the user, with the rules its role grants (undefined: role missing). */
interface Grant {
  describe: string;
  rules: PolicyRule[] | undefined;
}

/** A ServiceAccount subject without a namespace means the RoleBinding's own namespace. */
const subjectApplies = (user: UserInfo, subject: Subject, bindingNamespace: string): boolean => {
  switch (subject.kind) {
    case 'User':
      return user.username === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace || bindingNamespace;
      return ns !== '' && user.username === `system:serviceaccount:${ns}:${subject.name}`;
    }
    default:
      return false;
  }
};

/** Kube's audit-friendly subject wording: service accounts read `name/namespace`. */
const describeSubject = (subject: Subject, bindingNamespace: string): string =>
  subject.kind === 'ServiceAccount'
    ? `ServiceAccount "${subject.name}/${subject.namespace || bindingNamespace}"`
    : `${subject.kind} "${subject.name}"`;

const firstApplyingSubject = (
  user: UserInfo,
  binding: RoleBinding | ClusterRoleBinding,
  bindingNamespace: string,
): Subject | undefined =>
  (binding.subjects ?? []).find((s) => subjectApplies(user, s, bindingNamespace));

/** A RoleBinding's Role must live in the binding's namespace; undefined marks it missing. */
const namespacedRoleRules = (
  rbac: RbacSnapshot,
  namespace: string,
  name: string,
): PolicyRule[] | undefined => {
  const role = rbac.roles.find(
    (r) => r.metadata.namespace === namespace && r.metadata.name === name,
  );
  return role ? (role.rules ?? []) : undefined;
};

/** Cluster-wide bindings first, then the namespace's own, as kube visits them. */
function* grantsFor(user: UserInfo, namespace: string, rbac: RbacSnapshot): Generator<Grant> {
  const clusterRulesOf = clusterRoleRulesResolver(rbac.clusterRoles);

  for (const binding of rbac.clusterRoleBindings) {
    const subject = firstApplyingSubject(user, binding, '');
    if (!subject) continue;
    // A ClusterRoleBinding may only reference a ClusterRole; anything else grants nothing.
    const rules =
      binding.roleRef.kind === 'ClusterRole' ? clusterRulesOf(binding.roleRef.name) : undefined;
    yield {
      describe: `ClusterRoleBinding "${binding.metadata.name}" of ${binding.roleRef.kind} "${binding.roleRef.name}" to ${describeSubject(subject, '')}`,
      rules,
    };
  }

  if (!namespace) return;
  for (const binding of rbac.roleBindings) {
    if (binding.metadata.namespace !== namespace) continue;
    const subject = firstApplyingSubject(user, binding, namespace);
    if (!subject) continue;
    const rules =
      binding.roleRef.kind === 'ClusterRole'
        ? clusterRulesOf(binding.roleRef.name)
        : namespacedRoleRules(rbac, namespace, binding.roleRef.name);
    yield {
      describe: `RoleBinding "${binding.metadata.name}/${namespace}" of ${binding.roleRef.kind} "${binding.roleRef.name}" to ${describeSubject(subject, namespace)}`,
      rules,
    };
  }
}

export const authorize = (
  user: UserInfo,
  attrs: RequestAttributes,
  rbac: RbacSnapshot,
): AuthorizationDecision => {
  // Non-resource URLs are cluster-wide by nature, so only ClusterRoleBindings can grant them.
  const namespace = attrs.resourceRequest ? (attrs.namespace ?? '') : '';
  for (const grant of grantsFor(user, namespace, rbac)) {
    if ((grant.rules ?? []).some((rule) => ruleAllows(rule, attrs))) {
      return { allowed: true, reason: `RBAC: allowed by ${grant.describe}` };
    }
  }
  return { allowed: false, reason: '' };
};

/** What SelfSubjectRulesReview reports: rules naming resources and rules naming URLs, split the
 * way kube splits them (a rule may appear in both lists), trimmed to the fields each list has. */
export const rulesFor = (user: UserInfo, namespace: string, rbac: RbacSnapshot): SubjectRules => {
  const result: SubjectRules = { resourceRules: [], nonResourceRules: [], incomplete: false };
  for (const grant of grantsFor(user, namespace, rbac)) {
    if (!grant.rules) {
      result.incomplete = true;
      continue;
    }
    for (const rule of grant.rules) {
      if ((rule.resources ?? []).length > 0) {
        result.resourceRules.push({
          verbs: [...rule.verbs],
          apiGroups: [...(rule.apiGroups ?? [])],
          resources: [...(rule.resources ?? [])],
          ...(rule.resourceNames?.length ? { resourceNames: [...rule.resourceNames] } : {}),
        });
      }
      if ((rule.nonResourceURLs ?? []).length > 0) {
        result.nonResourceRules.push({
          verbs: [...rule.verbs],
          nonResourceURLs: [...(rule.nonResourceURLs ?? [])],
        });
      }
    }
  }
  return result;
};

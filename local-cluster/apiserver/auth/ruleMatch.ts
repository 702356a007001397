/** Whether one PolicyRule covers one request, following kube's RBAC evaluation helpers. */
import type {
  NonResourceAttributes,
  PolicyRule,
  RequestAttributes,
  ResourceAttributes,
} from './rbacTypes';

const ALL = '*';

const verbMatches = (rule: PolicyRule, verb: string): boolean =>
  rule.verbs.some((v) => v === ALL || v === verb);

const apiGroupMatches = (rule: PolicyRule, group: string): boolean =>
  (rule.apiGroups ?? []).some((g) => g === ALL || g === group);

/** Accepts `*`, the exact `resource[/subresource]`, `*\/subresource` (kube), and `resource/*`
 * (a local convenience kube itself does not honour) for any subresource of one resource. */
const resourceMatches = (rule: PolicyRule, resource: string, subresource: string): boolean => {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some(
    (r) =>
      r === ALL ||
      r === combined ||
      (subresource !== '' && (r === `*/${subresource}` || r === `${resource}/*`)),
  );
};

/** An empty list places no restriction; otherwise the request must name one of them, so a
 * named rule never allows list, watch or create without a name. */
const resourceNameMatches = (rule: PolicyRule, name: string): boolean => {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (name !== '' && names.includes(name));
};

/** Exact match, or a trailing `*` turning the entry into a prefix. */
const nonResourceURLMatches = (rule: PolicyRule, path: string): boolean =>
  (rule.nonResourceURLs ?? []).some(
    (u) => u === ALL || u === path || (u.endsWith(ALL) && path.startsWith(u.slice(0, -1))),
  );

const resourceRuleAllows = (rule: PolicyRule, attrs: ResourceAttributes): boolean =>
  verbMatches(rule, attrs.verb) &&
  apiGroupMatches(rule, attrs.apiGroup) &&
  resourceMatches(rule, attrs.resource, attrs.subresource ?? '') &&
  resourceNameMatches(rule, attrs.name ?? '');

const nonResourceRuleAllows = (rule: PolicyRule, attrs: NonResourceAttributes): boolean =>
  verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.path);

export const ruleAllows = (rule: PolicyRule, attrs: RequestAttributes): boolean =>
  attrs.resourceRequest ? resourceRuleAllows(rule, attrs) : nonResourceRuleAllows(rule, attrs);

/** A deliberately tiny label-selector matcher for ClusterRole aggregation only, so the authorizer
 * does not depend on the general selector module. Semantics follow metav1.LabelSelector: every
 * matchLabels entry and every expression must hold, and an empty selector matches everything. */
import type { LabelSelector, LabelSelectorRequirement } from './rbacTypes';

const requirementHolds = (
  req: LabelSelectorRequirement,
  labels: Record<string, string>,
): boolean => {
  const present = Object.prototype.hasOwnProperty.call(labels, req.key);
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return present && values.includes(labels[req.key]);
    case 'NotIn':
      return !present || !values.includes(labels[req.key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      // kube rejects unknown operators; a selector it would reject must not grant anything.
      return false;
  }
};

export const matchesLabelSelector = (
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean => {
  const actual = labels ?? {};
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => Object.prototype.hasOwnProperty.call(actual, key) && actual[key] === value,
  );
  return byLabel && (selector.matchExpressions ?? []).every((req) => requirementHolds(req, actual));
};

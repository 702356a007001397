import type {
  IoK8sApiCoreV1NodeSelectorRequirement,
  IoK8sApiCoreV1NodeSelectorTerm,
  IoK8sApiCoreV1Taint,
  IoK8sApiCoreV1Toleration,
} from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { LabelSelectorObject } from '../../apiserver/selectors/labelSelector';
import {
  labelSelectorFromObject,
  matchesLabelRequirements,
} from '../../apiserver/selectors/labelSelector';
import type { Node, Pod } from './types';

/** The matching rules kube-scheduler applies: node selector terms, taints and tolerations. */

const requirementHolds = (
  req: IoK8sApiCoreV1NodeSelectorRequirement,
  value: string | undefined,
): boolean => {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const n = Number(value);
      const bound = Number(values[0]);
      if (value === undefined || !Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return req.operator === 'Gt' ? n > bound : n < bound;
    }
    default:
      return false;
  }
};

/** A term holds when all its label expressions and field expressions hold (an empty term never). */
export const termMatches = (term: IoK8sApiCoreV1NodeSelectorTerm, node: Node): boolean => {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata.labels ?? {};
  return (
    exprs.every((r) => requirementHolds(r, labels[r.key])) &&
    fields.every((r) =>
      requirementHolds(r, r.key === 'metadata.name' ? node.metadata.name : undefined),
    )
  );
};

/** `nodeSelector` plus required node affinity (terms are ORed). */
export const matchesNodeAffinity = (pod: Pod, node: Node): boolean => {
  const labels = node.metadata.labels ?? {};
  const selectorOk = Object.entries(pod.spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
  if (!selectorOk) return false;
  const terms =
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms;
  return !terms?.length || terms.some((t) => termMatches(t, node));
};

export const preferredAffinityScore = (pod: Pod, node: Node): number =>
  (pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
    .filter((p) => termMatches(p.preference, node))
    .reduce((sum, p) => sum + p.weight, 0);

export const tolerates = (
  toleration: IoK8sApiCoreV1Toleration,
  taint: IoK8sApiCoreV1Taint,
): boolean => {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
};

/** The first NoSchedule/NoExecute taint no toleration covers. */
export const untoleratedTaint = (pod: Pod, node: Node): IoK8sApiCoreV1Taint | undefined =>
  (node.spec?.taints ?? []).find(
    (t) =>
      (t.effect === 'NoSchedule' || t.effect === 'NoExecute') &&
      !(pod.spec.tolerations ?? []).some((tol) => tolerates(tol, t)),
  );

export const preferNoScheduleTaints = (pod: Pod, node: Node): number =>
  (node.spec?.taints ?? []).filter(
    (t) =>
      t.effect === 'PreferNoSchedule' &&
      !(pod.spec.tolerations ?? []).some((tol) => tolerates(tol, t)),
  ).length;

export const selectsLabels = (
  selector: LabelSelectorObject | undefined,
  labels: Record<string, string> | undefined,
): boolean => {
  if (!selector) return false;
  try {
    return matchesLabelRequirements(labelSelectorFromObject(selector), labels);
  } catch {
    return false;
  }
};

/** Small constructors for the shipped RBAC objects, so the role files read like kube's own policy
 * tables. Every call returns fresh arrays so callers may mutate what they get. */
import type {
  ClusterRole,
  ClusterRoleBinding,
  LabelSelector,
  PolicyRule,
  Subject,
} from './rbacTypes';

export const READ = ['get', 'list', 'watch'] as const;
export const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'] as const;
export const READ_WRITE = [...READ, ...WRITE] as const;

export const AGGREGATE_TO_ADMIN = 'rbac.authorization.k8s.io/aggregate-to-admin';
export const AGGREGATE_TO_EDIT = 'rbac.authorization.k8s.io/aggregate-to-edit';
export const AGGREGATE_TO_VIEW = 'rbac.authorization.k8s.io/aggregate-to-view';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RBAC_VERSION = `${RBAC_GROUP}/v1`;

export const rule = (
  verbs: readonly string[],
  apiGroups: readonly string[],
  resources: readonly string[],
  resourceNames?: readonly string[],
): PolicyRule => ({
  verbs: [...verbs],
  apiGroups: [...apiGroups],
  resources: [...resources],
  ...(resourceNames ? { resourceNames: [...resourceNames] } : {}),
});

export const urlRule = (verbs: readonly string[], urls: readonly string[]): PolicyRule => ({
  verbs: [...verbs],
  nonResourceURLs: [...urls],
});

interface RoleMeta {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export const clusterRole = (
  name: string,
  rules: PolicyRule[],
  meta: RoleMeta = {},
): ClusterRole => ({
  apiVersion: RBAC_VERSION,
  kind: 'ClusterRole',
  metadata: {
    name,
    ...(meta.labels ? { labels: { ...meta.labels } } : {}),
    ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
  },
  rules,
});

/** Aggregated roles carry no rules of their own; aggregation fills them in. */
export const aggregatedClusterRole = (
  name: string,
  selectors: LabelSelector[],
  meta: RoleMeta = {},
): ClusterRole => ({
  ...clusterRole(name, [], meta),
  aggregationRule: { clusterRoleSelectors: selectors },
});

export const group = (name: string): Subject => ({ kind: 'Group', apiGroup: RBAC_GROUP, name });

export const clusterRoleBinding = (
  name: string,
  roleName: string,
  subjects: Subject[],
  meta: RoleMeta = {},
): ClusterRoleBinding => ({
  apiVersion: RBAC_VERSION,
  kind: 'ClusterRoleBinding',
  metadata: {
    name,
    ...(meta.labels ? { labels: { ...meta.labels } } : {}),
    ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
  },
  subjects,
  roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: roleName },
});

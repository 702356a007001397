/** The subset of rbac.authorization.k8s.io/v1 the authorizer reads. Fields that kube marks
 * `omitempty` stay optional because stored objects may simply lack them. */
import type { KubeObject } from '../core/types';

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface AggregationRule {
  clusterRoleSelectors: LabelSelector[];
}

export type Role = KubeObject & { rules?: PolicyRule[] };

export type ClusterRole = KubeObject & { rules?: PolicyRule[]; aggregationRule?: AggregationRule };

export interface Subject {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export interface RoleRef {
  apiGroup: string;
  kind: 'Role' | 'ClusterRole';
  name: string;
}

export type RoleBinding = KubeObject & { subjects?: Subject[]; roleRef: RoleRef };

export type ClusterRoleBinding = KubeObject & { subjects?: Subject[]; roleRef: RoleRef };

/** Everything the authorizer needs, read from storage by the caller at request time. */
export interface RbacSnapshot {
  roles: Role[];
  clusterRoles: ClusterRole[];
  roleBindings: RoleBinding[];
  clusterRoleBindings: ClusterRoleBinding[];
}

export interface ResourceAttributes {
  resourceRequest: true;
  verb: string;
  /** '' for the core group. */
  apiGroup: string;
  resource: string;
  subresource?: string;
  name?: string;
  /** Absent or '' for cluster-scoped requests. */
  namespace?: string;
}

export interface NonResourceAttributes {
  resourceRequest: false;
  verb: string;
  path: string;
}

export type RequestAttributes = ResourceAttributes | NonResourceAttributes;

export interface AuthorizationDecision {
  allowed: boolean;
  reason: string;
}

export interface SubjectRules {
  resourceRules: PolicyRule[];
  nonResourceRules: PolicyRule[];
  /** True when a binding for the user names a role that does not exist, as kube reports it. */
  incomplete: boolean;
}

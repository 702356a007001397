/** A small cluster policy shared by the auth tests: the shipped defaults plus bindings for a few
 * representative users, service accounts and groups. */
import type { UserInfo } from '../core/types';
import { defaultClusterRoleBindings, defaultClusterRoles } from './defaultClusterRoles';
import type { ClusterRole, RbacSnapshot, Role, RoleBinding, Subject } from './rbacTypes';
import { clusterRole, clusterRoleBinding, rule, urlRule } from './ruleBuilders';

const RBAC = 'rbac.authorization.k8s.io';

/** Every authenticated caller carries `system:authenticated`, as the authenticator adds it. */
export const user = (username: string, groups: string[] = []): UserInfo => ({
  username,
  groups: [...groups, 'system:authenticated'],
});

export const serviceAccount = (namespace: string, name: string): UserInfo =>
  user(`system:serviceaccount:${namespace}:${name}`, [
    'system:serviceaccounts',
    `system:serviceaccounts:${namespace}`,
  ]);

const roleBinding = (
  namespace: string,
  name: string,
  kind: 'Role' | 'ClusterRole',
  roleName: string,
  subjects: Subject[],
): RoleBinding => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'RoleBinding',
  metadata: { name, namespace },
  subjects,
  roleRef: { apiGroup: RBAC, kind, name: roleName },
});

const role = (namespace: string, name: string, rules: Role['rules']): Role => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'Role',
  metadata: { name, namespace },
  rules,
});

const userSubject = (name: string): Subject => ({ kind: 'User', apiGroup: RBAC, name });

export const snapshot = (extraClusterRoles: ClusterRole[] = []): RbacSnapshot => ({
  clusterRoles: [
    ...defaultClusterRoles(),
    clusterRole('metrics-reader', [urlRule(['get'], ['/metrics', '/debug/*'])]),
    clusterRole('node-reader', [rule(['get', 'list'], [''], ['nodes'])]),
    ...extraClusterRoles,
  ],
  clusterRoleBindings: [
    ...defaultClusterRoleBindings(),
    clusterRoleBinding('root', 'cluster-admin', [userSubject('kubeadmin')]),
    clusterRoleBinding('monitoring', 'metrics-reader', [
      { kind: 'ServiceAccount', name: 'prometheus', namespace: 'monitoring' },
    ]),
    clusterRoleBinding('ops-nodes', 'node-reader', [
      { kind: 'Group', apiGroup: RBAC, name: 'ops' },
    ]),
    clusterRoleBinding('dangling', 'does-not-exist', [userSubject('ghost')]),
  ],
  roles: [
    role('dev', 'one-pod', [
      {
        verbs: ['get', 'update'],
        apiGroups: [''],
        resources: ['pods'],
        resourceNames: ['allowed-pod'],
      },
    ]),
    role('dev', 'status-writer', [
      { verbs: ['update'], apiGroups: ['*'], resources: ['*/status'] },
      { verbs: ['get'], apiGroups: ['kubevirt.io'], resources: ['virtualmachines/*'] },
    ]),
  ],
  roleBindings: [
    roleBinding('dev', 'dev-admins', 'ClusterRole', 'admin', [userSubject('developer')]),
    roleBinding('dev', 'qa-view', 'ClusterRole', 'view', [
      { kind: 'Group', apiGroup: RBAC, name: 'qa' },
    ]),
    roleBinding('dev', 'alice-one-pod', 'Role', 'one-pod', [userSubject('alice')]),
    roleBinding('dev', 'alice-status', 'Role', 'status-writer', [userSubject('alice')]),
    // A ServiceAccount subject with no namespace means the binding's namespace.
    roleBinding('ci', 'builder-edit', 'ClusterRole', 'edit', [
      { kind: 'ServiceAccount', name: 'builder' },
    ]),
    roleBinding('dev', 'broken', 'Role', 'missing-role', [userSubject('alice')]),
  ],
});

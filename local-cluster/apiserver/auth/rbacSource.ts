import type { UserInfo } from '../core/types';
import type { ObjectStore } from '../storage/objectStore';
import { authorize } from './rbacAuthorizer';
import type {
  AuthorizationDecision,
  ClusterRole,
  ClusterRoleBinding,
  RbacSnapshot,
  RequestAttributes,
  Role,
  RoleBinding,
} from './rbacTypes';

const RBAC_KEYS = {
  roles: 'rbac.authorization.k8s.io/roles',
  clusterRoles: 'rbac.authorization.k8s.io/clusterroles',
  roleBindings: 'rbac.authorization.k8s.io/rolebindings',
  clusterRoleBindings: 'rbac.authorization.k8s.io/clusterrolebindings',
} as const;

/** The RBAC objects of the store as one snapshot, rebuilt only after an RBAC object changes. */
export class RbacSource {
  private cached: RbacSnapshot | undefined;

  constructor(private readonly store: ObjectStore) {
    const keys = new Set<string>(Object.values(RBAC_KEYS));
    store.onChange((e) => {
      if (keys.has(e.kindKey)) this.cached = undefined;
    });
  }

  snapshot(): RbacSnapshot {
    this.cached ??= {
      roles: this.store.list(RBAC_KEYS.roles) as Role[],
      clusterRoles: this.store.list(RBAC_KEYS.clusterRoles) as ClusterRole[],
      roleBindings: this.store.list(RBAC_KEYS.roleBindings) as RoleBinding[],
      clusterRoleBindings: this.store.list(RBAC_KEYS.clusterRoleBindings) as ClusterRoleBinding[],
    };
    return this.cached;
  }

  /** system:masters bypasses RBAC, as kube-apiserver's privileged group does. */
  authorize(user: UserInfo, attrs: RequestAttributes): AuthorizationDecision {
    if (user.groups.includes('system:masters')) return { allowed: true, reason: 'system:masters' };
    return authorize(user, attrs, this.snapshot());
  }
}

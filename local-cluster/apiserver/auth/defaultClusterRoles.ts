/** The RBAC objects a fresh cluster starts with: kube's bootstrap roles (cluster-admin, the
 * admin/edit/view aggregation chain and what aggregates into it, discovery and basic-user), the
 * OpenShift and KubeVirt roles the console relies on, and the bindings that hand the everyone-roles
 * to `system:authenticated`. The seed stores these; the authorizer reads them back from storage. */
import type { KubeObject } from '../core/types';
import { kubevirtClusterRoleBindings, kubevirtClusterRoles } from './kubevirtClusterRoles';
import { openshiftClusterRoles } from './openshiftClusterRoles';
import type { ClusterRole, ClusterRoleBinding } from './rbacTypes';
import {
  AGGREGATE_TO_ADMIN,
  AGGREGATE_TO_EDIT,
  AGGREGATE_TO_VIEW,
  READ,
  READ_WRITE,
  WRITE,
  aggregatedClusterRole,
  clusterRole,
  clusterRoleBinding,
  group,
  rule,
  urlRule,
} from './ruleBuilders';

const CORE = '';
const APPS = 'apps';
const BATCH = 'batch';
const AUTOSCALING = 'autoscaling';
const POLICY = 'policy';
const NETWORKING = 'networking.k8s.io';
const DISCOVERY = 'discovery.k8s.io';
const COORDINATION = 'coordination.k8s.io';
const RBAC = 'rbac.authorization.k8s.io';
const AUTHORIZATION = 'authorization.k8s.io';
const SNAPSHOT_STORAGE = 'snapshot.storage.k8s.io';

/** Kube marks its bootstrap objects so reconciliation can find them; kept for fidelity. */
const bootstrap = (extraLabels: Record<string, string> = {}) => ({
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults', ...extraLabels },
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
});

export const DISCOVERY_URLS = [
  '/api',
  '/api/*',
  '/apis',
  '/apis/*',
  '/version',
  '/version/',
  '/openapi',
  '/openapi/*',
  '/healthz',
  '/readyz',
  '/livez',
] as const;

/** Admin is edit plus managing who may do what inside the namespace. */
const aggregateToAdmin = (): ClusterRole =>
  clusterRole(
    'system:aggregate-to-admin',
    [
      rule(['create'], [AUTHORIZATION], ['localsubjectaccessreviews']),
      rule(READ_WRITE, [RBAC], ['roles', 'rolebindings']),
    ],
    bootstrap({ [AGGREGATE_TO_ADMIN]: 'true' }),
  );

/** Edit writes workloads and may read secrets and exec into pods, but grants no permissions. */
const aggregateToEdit = (): ClusterRole =>
  clusterRole(
    'system:aggregate-to-edit',
    [
      rule(
        READ,
        [CORE],
        ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy'],
      ),
      rule(['impersonate'], [CORE], ['serviceaccounts']),
      rule(WRITE, [CORE], ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
      rule(['create'], [CORE], ['pods/eviction']),
      rule(
        WRITE,
        [CORE],
        [
          'replicationcontrollers',
          'replicationcontrollers/scale',
          'serviceaccounts',
          'services',
          'services/proxy',
          'persistentvolumeclaims',
          'configmaps',
          'secrets',
          'events',
        ],
      ),
      rule(['create'], [CORE], ['serviceaccounts/token']),
      rule(
        WRITE,
        [APPS],
        [
          'statefulsets',
          'statefulsets/scale',
          'daemonsets',
          'deployments',
          'deployments/scale',
          'deployments/rollback',
          'replicasets',
          'replicasets/scale',
        ],
      ),
      rule(WRITE, [AUTOSCALING], ['horizontalpodautoscalers']),
      rule(WRITE, [BATCH], ['jobs', 'cronjobs']),
      rule(WRITE, [POLICY], ['poddisruptionbudgets']),
      rule(WRITE, [NETWORKING], ['networkpolicies', 'ingresses']),
      rule(READ_WRITE, [COORDINATION], ['leases']),
      rule(READ_WRITE, [SNAPSHOT_STORAGE], ['volumesnapshots']),
    ],
    bootstrap({ [AGGREGATE_TO_EDIT]: 'true' }),
  );

/** View reads the namespace's workloads but deliberately not secrets or exec/attach. */
const aggregateToView = (): ClusterRole =>
  clusterRole(
    'system:aggregate-to-view',
    [
      rule(
        READ,
        [CORE],
        [
          'pods',
          'replicationcontrollers',
          'replicationcontrollers/scale',
          'serviceaccounts',
          'services',
          'services/status',
          'endpoints',
          'persistentvolumeclaims',
          'persistentvolumeclaims/status',
          'configmaps',
        ],
      ),
      rule(
        READ,
        [CORE],
        [
          'limitranges',
          'resourcequotas',
          'bindings',
          'events',
          'pods/status',
          'resourcequotas/status',
          'namespaces/status',
          'replicationcontrollers/status',
          'pods/log',
        ],
      ),
      // Granted through a RoleBinding this only reads the binding's own namespace.
      rule(READ, [CORE], ['namespaces']),
      rule(READ, [DISCOVERY], ['endpointslices']),
      rule(
        READ,
        [APPS],
        [
          'controllerrevisions',
          'statefulsets',
          'statefulsets/status',
          'statefulsets/scale',
          'daemonsets',
          'daemonsets/status',
          'deployments',
          'deployments/status',
          'deployments/scale',
          'replicasets',
          'replicasets/status',
          'replicasets/scale',
        ],
      ),
      rule(READ, [AUTOSCALING], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
      rule(READ, [BATCH], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
      rule(READ, [POLICY], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
      rule(READ, [NETWORKING], ['networkpolicies', 'ingresses', 'ingresses/status']),
      rule(READ, [SNAPSHOT_STORAGE], ['volumesnapshots']),
    ],
    bootstrap({ [AGGREGATE_TO_VIEW]: 'true' }),
  );

const kubeClusterRoles = (): ClusterRole[] => [
  clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), urlRule(['*'], ['*'])], bootstrap()),
  // The chain admin ← edit ← view: edit carries the admin label and view the edit label.
  aggregatedClusterRole('admin', [{ matchLabels: { [AGGREGATE_TO_ADMIN]: 'true' } }], bootstrap()),
  aggregatedClusterRole(
    'edit',
    [{ matchLabels: { [AGGREGATE_TO_EDIT]: 'true' } }],
    bootstrap({ [AGGREGATE_TO_ADMIN]: 'true' }),
  ),
  aggregatedClusterRole(
    'view',
    [{ matchLabels: { [AGGREGATE_TO_VIEW]: 'true' } }],
    bootstrap({ [AGGREGATE_TO_EDIT]: 'true' }),
  ),
  aggregateToAdmin(),
  aggregateToEdit(),
  aggregateToView(),
  clusterRole('system:discovery', [urlRule(['get'], DISCOVERY_URLS)], bootstrap()),
];

export const defaultClusterRoles = (): ClusterRole[] => [
  ...kubeClusterRoles(),
  ...openshiftClusterRoles(),
  ...kubevirtClusterRoles(),
];

export const defaultClusterRoleBindings = (): ClusterRoleBinding[] => {
  const authenticated = () => [group('system:authenticated')];
  return [
    clusterRoleBinding('cluster-admin', 'cluster-admin', [group('system:masters')], bootstrap()),
    clusterRoleBinding('system:discovery', 'system:discovery', authenticated(), bootstrap()),
    clusterRoleBinding('system:basic-user', 'system:basic-user', authenticated(), bootstrap()),
    clusterRoleBinding(
      'self-provisioners',
      'self-provisioner',
      [group('system:authenticated:oauth')],
      bootstrap(),
    ),
    ...kubevirtClusterRoleBindings(),
  ];
};

/** Fresh copies on every call, so a caller that stores and mutates them cannot alter the next. */
export const defaultRbacObjects = (): KubeObject[] => [
  ...defaultClusterRoles(),
  ...defaultClusterRoleBindings(),
];

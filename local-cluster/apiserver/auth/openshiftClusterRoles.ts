/** OpenShift API groups the virtualization console touches (templates, routes, projects) and
 * Multus network attachment definitions, aggregated into admin/edit/view the way an OpenShift
 * cluster grants them, plus OpenShift's `system:basic-user` merged with kube's. */
import {
  AGGREGATE_TO_ADMIN,
  AGGREGATE_TO_EDIT,
  AGGREGATE_TO_VIEW,
  READ,
  READ_WRITE,
  clusterRole,
  rule,
} from './ruleBuilders';
import type { ClusterRole } from './rbacTypes';

const TEMPLATE = 'template.openshift.io';
const ROUTE = 'route.openshift.io';
const PROJECT = 'project.openshift.io';
const NAD = 'k8s.cni.cncf.io';

const BOOTSTRAP_META = {
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
};

const withAggregateLabel = (aggregateTo: string) => ({
  labels: { ...BOOTSTRAP_META.labels, [aggregateTo]: 'true' },
  annotations: BOOTSTRAP_META.annotations,
});

export const openshiftClusterRoles = (): ClusterRole[] => [
  clusterRole(
    'system:openshift:aggregate-to-admin',
    [rule(['get', 'update', 'patch', 'delete'], [PROJECT], ['projects'])],
    withAggregateLabel(AGGREGATE_TO_ADMIN),
  ),
  clusterRole(
    'system:openshift:aggregate-to-edit',
    [
      rule(READ_WRITE, [TEMPLATE], ['templates', 'templateinstances']),
      rule(['create'], [TEMPLATE], ['processedtemplates', 'templateconfigs']),
      rule(READ_WRITE, [ROUTE], ['routes']),
      rule(['create'], [ROUTE], ['routes/custom-host']),
      rule(READ_WRITE, [NAD], ['network-attachment-definitions']),
    ],
    withAggregateLabel(AGGREGATE_TO_EDIT),
  ),
  clusterRole(
    'system:openshift:aggregate-to-view',
    [
      rule(READ, [TEMPLATE], ['templates', 'templateinstances']),
      rule(READ, [ROUTE], ['routes', 'routes/status']),
      rule(READ, [PROJECT], ['projects']),
      rule(READ, [NAD], ['network-attachment-definitions']),
    ],
    withAggregateLabel(AGGREGATE_TO_VIEW),
  ),
  // Every authenticated user holds this. `users/~` is the caller's own User object; project
  // list/watch is granted to all because OpenShift filters the list to the caller's projects.
  clusterRole(
    'system:basic-user',
    [
      rule(['get'], ['', 'user.openshift.io'], ['users'], ['~']),
      rule(['list'], [PROJECT], ['projectrequests']),
      rule(['list', 'watch'], [PROJECT], ['projects']),
      rule(
        ['create'],
        ['authorization.k8s.io'],
        ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      ),
      rule(['create'], ['authentication.k8s.io'], ['selfsubjectreviews']),
      rule(['create'], ['authorization.openshift.io'], ['selfsubjectrulesreviews']),
      rule(READ, ['rbac.authorization.k8s.io'], ['clusterroles']),
      rule(['get', 'list'], ['storage.k8s.io'], ['storageclasses']),
    ],
    BOOTSTRAP_META,
  ),
  // OpenShift's read-everything role (no secrets), which diagnostics such as the storage checkup
  // bind to read storage classes, profiles and boot sources across the cluster.
  clusterRole(
    'cluster-reader',
    [
      rule(
        READ,
        [''],
        [
          'namespaces',
          'nodes',
          'persistentvolumes',
          'persistentvolumeclaims',
          'pods',
          'services',
          'configmaps',
          'events',
          'serviceaccounts',
        ],
      ),
      rule(READ, ['storage.k8s.io', 'snapshot.storage.k8s.io'], ['*']),
      rule(
        READ,
        [
          'kubevirt.io',
          'cdi.kubevirt.io',
          'instancetype.kubevirt.io',
          'snapshot.kubevirt.io',
          'migrations.kubevirt.io',
          'hco.kubevirt.io',
          TEMPLATE,
          NAD,
        ],
        ['*'],
      ),
      rule(READ, [PROJECT], ['projects']),
    ],
    BOOTSTRAP_META,
  ),
  // Lets OAuth-authenticated users request projects (`oc new-project`), bound below as OpenShift
  // binds it by default.
  clusterRole(
    'self-provisioner',
    [rule(['create'], ['', PROJECT], ['projectrequests'])],
    BOOTSTRAP_META,
  ),
];

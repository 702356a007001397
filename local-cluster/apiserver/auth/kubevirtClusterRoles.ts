/** The ClusterRoles KubeVirt and CDI install so that namespace admin/edit/view users can work with
 * virtual machines: each is labelled to aggregate into the matching kube role. The cluster-wide
 * read roles are bound to every authenticated user, as the operators do, because the console
 * reads cluster instancetypes, preferences and CDI config from any namespace. */
import {
  AGGREGATE_TO_ADMIN,
  AGGREGATE_TO_EDIT,
  AGGREGATE_TO_VIEW,
  READ,
  READ_WRITE,
  clusterRole,
  clusterRoleBinding,
  group,
  rule,
} from './ruleBuilders';
import type { ClusterRole, ClusterRoleBinding, PolicyRule } from './rbacTypes';

const KUBEVIRT = 'kubevirt.io';
const SUBRESOURCES = 'subresources.kubevirt.io';
const SNAPSHOT = 'snapshot.kubevirt.io';
const EXPORT = 'export.kubevirt.io';
const CLONE = 'clone.kubevirt.io';
const INSTANCETYPE = 'instancetype.kubevirt.io';
const POOL = 'pool.kubevirt.io';
const MIGRATIONS = 'migrations.kubevirt.io';
const CDI = 'cdi.kubevirt.io';
const UPLOAD = 'upload.cdi.kubevirt.io';

const VIRT_RESOURCES = [
  'virtualmachines',
  'virtualmachineinstances',
  'virtualmachineinstancereplicasets',
  'virtualmachineinstancepresets',
];
const MIGRATION_RESOURCES = ['virtualmachineinstancemigrations'];
const SNAPSHOT_RESOURCES = [
  'virtualmachinesnapshots',
  'virtualmachinesnapshotcontents',
  'virtualmachinerestores',
];
const NAMESPACED_INSTANCETYPES = ['virtualmachineinstancetypes', 'virtualmachinepreferences'];
const CLUSTER_INSTANCETYPES = [
  'virtualmachineclusterinstancetypes',
  'virtualmachineclusterpreferences',
];
/** Read-only guest introspection, which view users get too. */
const VMI_INFO = [
  'virtualmachineinstances/guestosinfo',
  'virtualmachineinstances/userlist',
  'virtualmachineinstances/filesystemlist',
];
/** Streams are opened with GET (websocket upgrade), so they need `get`, not `update`. */
const VMI_STREAMS = [
  'virtualmachineinstances/console',
  'virtualmachineinstances/vnc',
  'virtualmachineinstances/vnc/screenshot',
  'virtualmachineinstances/portforward',
  'virtualmachineinstances/usbredir',
];
/** Actions are PUT requests, so they need `update`. */
const VMI_ACTIONS = [
  'virtualmachineinstances/pause',
  'virtualmachineinstances/unpause',
  'virtualmachineinstances/softreboot',
  'virtualmachineinstances/addvolume',
  'virtualmachineinstances/removevolume',
  'virtualmachineinstances/freeze',
  'virtualmachineinstances/unfreeze',
];
const VM_ACTIONS = [
  'virtualmachines/start',
  'virtualmachines/stop',
  'virtualmachines/restart',
  'virtualmachines/addvolume',
  'virtualmachines/removevolume',
  'virtualmachines/memorydump',
  'virtualmachines/removememorydump',
];

const kubevirtLabels = (aggregateTo: string) => ({ 'kubevirt.io': '', [aggregateTo]: 'true' });

/** KubeVirt ships identical rule sets for admin and edit; admin aggregates edit anyway. */
const kubevirtWriteRules = (): PolicyRule[] => [
  rule(['get'], [SUBRESOURCES], [...VMI_STREAMS, ...VMI_INFO]),
  rule(['update'], [SUBRESOURCES], VMI_ACTIONS),
  rule(['update'], [SUBRESOURCES], VM_ACTIONS),
  rule(['get'], [SUBRESOURCES], ['virtualmachines/expand-spec', 'virtualmachines/portforward']),
  rule(['update'], [SUBRESOURCES], ['expand-vm-spec']),
  rule(READ_WRITE, [KUBEVIRT], VIRT_RESOURCES),
  rule(READ, [KUBEVIRT], MIGRATION_RESOURCES),
  rule(READ_WRITE, [SNAPSHOT], SNAPSHOT_RESOURCES),
  rule(READ_WRITE, [EXPORT], ['virtualmachineexports']),
  rule(READ_WRITE, [CLONE], ['virtualmachineclones']),
  rule(READ_WRITE, [INSTANCETYPE], NAMESPACED_INSTANCETYPES),
  rule(READ, [INSTANCETYPE], CLUSTER_INSTANCETYPES),
  rule(READ_WRITE, [POOL], ['virtualmachinepools']),
  rule(READ, [MIGRATIONS], ['migrationpolicies']),
];

const kubevirtViewRules = (): PolicyRule[] => [
  rule(['get'], [SUBRESOURCES], [...VMI_INFO, 'virtualmachines/expand-spec']),
  rule(['update'], [SUBRESOURCES], ['expand-vm-spec']),
  rule(READ, [KUBEVIRT], [...VIRT_RESOURCES, ...MIGRATION_RESOURCES]),
  rule(READ, [SNAPSHOT], SNAPSHOT_RESOURCES),
  rule(READ, [EXPORT], ['virtualmachineexports']),
  rule(READ, [CLONE], ['virtualmachineclones']),
  rule(READ, [INSTANCETYPE], [...NAMESPACED_INSTANCETYPES, ...CLUSTER_INSTANCETYPES]),
  rule(READ, [POOL], ['virtualmachinepools']),
  rule(READ, [MIGRATIONS], ['migrationpolicies']),
];

const CDI_WRITABLE = [
  'datavolumes',
  'datasources',
  'dataimportcrons',
  'volumeimportsources',
  'volumeuploadsources',
  'volumeclonesources',
];

/** `datavolumes/source` create is CDI's clone-permission check, so even view users hold it. */
const cdiWriteRules = (): PolicyRule[] => [
  rule(READ_WRITE, [CDI], CDI_WRITABLE),
  rule(['create'], [CDI], ['datavolumes/source']),
  rule(['create'], [UPLOAD], ['uploadtokenrequests']),
];

const cdiViewRules = (): PolicyRule[] => [
  rule(READ, [CDI], [...CDI_WRITABLE, 'cdiconfigs', 'storageprofiles', 'objecttransfers']),
  rule(['create'], [CDI], ['datavolumes/source']),
];

export const kubevirtClusterRoles = (): ClusterRole[] => [
  // Since KubeVirt 1.5 migrating is its own role, aggregated into no other: a project admin may run
  // VMs but not move them between nodes unless a cluster admin grants this.
  clusterRole(
    'kubevirt.io:migrate',
    [
      rule(['update'], [SUBRESOURCES], ['virtualmachines/migrate']),
      rule(READ_WRITE, [KUBEVIRT], MIGRATION_RESOURCES),
    ],
    { labels: { 'kubevirt.io': '' } },
  ),
  clusterRole('kubevirt.io:admin', kubevirtWriteRules(), {
    labels: kubevirtLabels(AGGREGATE_TO_ADMIN),
  }),
  clusterRole('kubevirt.io:edit', kubevirtWriteRules(), {
    labels: kubevirtLabels(AGGREGATE_TO_EDIT),
  }),
  clusterRole('kubevirt.io:view', kubevirtViewRules(), {
    labels: kubevirtLabels(AGGREGATE_TO_VIEW),
  }),
  clusterRole('kubevirt.io:default', [rule(['get', 'list'], [KUBEVIRT], ['kubevirts'])], {
    labels: { 'kubevirt.io': '' },
  }),
  clusterRole(
    'instancetype.kubevirt.io:view',
    [rule(READ, [INSTANCETYPE], CLUSTER_INSTANCETYPES)],
    {
      labels: { 'kubevirt.io': '' },
    },
  ),
  clusterRole('cdi.kubevirt.io:admin', cdiWriteRules(), {
    labels: { [AGGREGATE_TO_ADMIN]: 'true' },
  }),
  clusterRole('cdi.kubevirt.io:edit', cdiWriteRules(), { labels: { [AGGREGATE_TO_EDIT]: 'true' } }),
  clusterRole('cdi.kubevirt.io:view', cdiViewRules(), { labels: { [AGGREGATE_TO_VIEW]: 'true' } }),
  clusterRole('cdi.kubevirt.io:config-reader', [
    rule(READ, [CDI], ['cdiconfigs', 'storageprofiles']),
  ]),
];

export const kubevirtClusterRoleBindings = (): ClusterRoleBinding[] =>
  ['kubevirt.io:default', 'instancetype.kubevirt.io:view', 'cdi.kubevirt.io:config-reader'].map(
    (name) => clusterRoleBinding(name, name, [group('system:authenticated')]),
  );

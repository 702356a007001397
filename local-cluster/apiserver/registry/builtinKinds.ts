import { defineKind } from './defineKind';
import type { ResourceKind } from './resourceKind';

/** Kinds compiled into kube-apiserver (and the OpenShift API server) that the product uses. Custom
 * resources are not listed here: they are CustomResourceDefinition objects (see crdCatalog.ts). */

const core = (
  kind: string,
  plural: string,
  o: Parameters<typeof defineKind>[3] = {},
): ResourceKind => defineKind('v1', kind, plural, { strategicMerge: true, ...o });
const cluster = { namespaced: false } as const;
const withStatus = { statusSubresource: true } as const;
const age = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' } as const;
const ROLE_PREFIX = 'node-role.kubernetes.io/';
const nodeRoles = (obj: { metadata: { labels?: Record<string, string> } }): string =>
  Object.keys(obj.metadata.labels ?? {})
    .filter((k) => k.startsWith(ROLE_PREFIX))
    .map((k) => k.slice(ROLE_PREFIX.length))
    .sort()
    .join(',') || '<none>';
const nodeStatus = (obj: object): string => {
  const node = obj as {
    spec?: { unschedulable?: boolean };
    status?: { conditions?: { type: string; status: string }[] };
  };
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  return `${ready ? 'Ready' : 'NotReady'}${node.spec?.unschedulable ? ',SchedulingDisabled' : ''}`;
};
const reviewVerbs = { verbs: ['create' as const], virtual: true };

export const builtinKinds: ResourceKind[] = [
  core('Namespace', 'namespaces', {
    ...cluster,
    ...withStatus,
    shortNames: ['ns'],
    selectableFields: ['status.phase'],
    printerColumns: [{ name: 'Status', type: 'string', jsonPath: '.status.phase' }, age],
  }),
  core('Node', 'nodes', {
    ...cluster,
    ...withStatus,
    shortNames: ['no'],
    selectableFields: ['spec.unschedulable'],
    printerColumns: [
      { name: 'Status', type: 'string', jsonPath: '.status.conditions', compute: nodeStatus },
      {
        name: 'Roles',
        type: 'string',
        jsonPath: '.metadata.labels',
        compute: nodeRoles,
      },
      age,
      { name: 'Version', type: 'string', jsonPath: '.status.nodeInfo.kubeletVersion' },
    ],
  }),
  core('Pod', 'pods', {
    ...withStatus,
    shortNames: ['po'],
    categories: ['all'],
    selectableFields: [
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'status.phase',
      'status.podIP',
      'status.nominatedNodeName',
    ],
    printerColumns: [
      { name: 'Status', type: 'string', jsonPath: '.status.phase' },
      { name: 'IP', type: 'string', jsonPath: '.status.podIP', priority: 1 },
      { name: 'Node', type: 'string', jsonPath: '.spec.nodeName', priority: 1 },
      age,
    ],
  }),
  core('Service', 'services', {
    ...withStatus,
    shortNames: ['svc'],
    categories: ['all'],
    printerColumns: [
      { name: 'Type', type: 'string', jsonPath: '.spec.type' },
      { name: 'Cluster-IP', type: 'string', jsonPath: '.spec.clusterIP' },
      age,
    ],
  }),
  core('Endpoints', 'endpoints', { shortNames: ['ep'] }),
  core('ConfigMap', 'configmaps', { shortNames: ['cm'] }),
  core('Secret', 'secrets', {
    selectableFields: ['type'],
    printerColumns: [{ name: 'Type', type: 'string', jsonPath: '.type' }, age],
  }),
  core('ServiceAccount', 'serviceaccounts', { shortNames: ['sa'] }),
  core('PersistentVolumeClaim', 'persistentvolumeclaims', {
    ...withStatus,
    shortNames: ['pvc'],
    printerColumns: [
      { name: 'Status', type: 'string', jsonPath: '.status.phase' },
      { name: 'Volume', type: 'string', jsonPath: '.spec.volumeName' },
      { name: 'Capacity', type: 'string', jsonPath: '.status.capacity.storage' },
      { name: 'StorageClass', type: 'string', jsonPath: '.spec.storageClassName' },
      age,
    ],
  }),
  core('PersistentVolume', 'persistentvolumes', { ...cluster, ...withStatus, shortNames: ['pv'] }),
  core('Event', 'events', {
    shortNames: ['ev'],
    selectableFields: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ],
    printerColumns: [
      { name: 'Type', type: 'string', jsonPath: '.type' },
      { name: 'Reason', type: 'string', jsonPath: '.reason' },
      { name: 'Message', type: 'string', jsonPath: '.message' },
      age,
    ],
  }),
  core('ResourceQuota', 'resourcequotas', { ...withStatus, shortNames: ['quota'] }),
  core('LimitRange', 'limitranges', { shortNames: ['limits'] }),
  ...[
    'Deployment:deployments:deploy',
    'StatefulSet:statefulsets:sts',
    'DaemonSet:daemonsets:ds',
    'ReplicaSet:replicasets:rs',
  ].map((entry) => {
    const [kind, plural, short] = entry.split(':');
    return defineKind('apps/v1', kind, plural, {
      ...withStatus,
      strategicMerge: true,
      shortNames: [short],
      categories: ['all'],
      scale:
        kind === 'DaemonSet'
          ? undefined
          : {
              specReplicasPath: '.spec.replicas',
              statusReplicasPath: '.status.replicas',
              labelSelectorPath: '.status.selector',
            },
    });
  }),
  defineKind('apps/v1', 'ControllerRevision', 'controllerrevisions', { strategicMerge: true }),
  defineKind('batch/v1', 'Job', 'jobs', {
    ...withStatus,
    strategicMerge: true,
    categories: ['all'],
    selectableFields: ['status.successful'],
  }),
  defineKind('storage.k8s.io/v1', 'StorageClass', 'storageclasses', {
    ...cluster,
    strategicMerge: true,
    shortNames: ['sc'],
    printerColumns: [
      { name: 'Provisioner', type: 'string', jsonPath: '.provisioner' },
      { name: 'ReclaimPolicy', type: 'string', jsonPath: '.reclaimPolicy' },
      age,
    ],
  }),
  defineKind('rbac.authorization.k8s.io/v1', 'Role', 'roles', { strategicMerge: true }),
  defineKind('rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings', {
    strategicMerge: true,
  }),
  defineKind('rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', {
    ...cluster,
    strategicMerge: true,
  }),
  defineKind('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', {
    ...cluster,
    strategicMerge: true,
  }),
  defineKind('authorization.k8s.io/v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', {
    ...cluster,
    ...reviewVerbs,
  }),
  defineKind('authorization.k8s.io/v1', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', {
    ...cluster,
    ...reviewVerbs,
  }),
  defineKind('authorization.k8s.io/v1', 'SubjectAccessReview', 'subjectaccessreviews', {
    ...cluster,
    ...reviewVerbs,
  }),
  defineKind(
    'authorization.k8s.io/v1',
    'LocalSubjectAccessReview',
    'localsubjectaccessreviews',
    reviewVerbs,
  ),
  defineKind('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'customresourcedefinitions', {
    ...cluster,
    ...withStatus,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    printerColumns: [age],
  }),
  defineKind('route.openshift.io/v1', 'Route', 'routes', {
    ...withStatus,
    selectableFields: ['spec.host', 'spec.path', 'spec.to.name'],
  }),
  defineKind('project.openshift.io/v1', 'Project', 'projects', {
    ...cluster,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    virtual: true,
    selectableFields: ['status.phase'],
    printerColumns: [
      {
        name: 'Display Name',
        type: 'string',
        jsonPath: '.metadata.annotations.openshift\\.io/display-name',
      },
      { name: 'Status', type: 'string', jsonPath: '.status.phase' },
    ],
  }),
  defineKind('project.openshift.io/v1', 'ProjectRequest', 'projectrequests', {
    ...cluster,
    verbs: ['create', 'list'],
    virtual: true,
  }),
  defineKind('template.openshift.io/v1', 'ProcessedTemplate', 'processedtemplates', {
    verbs: ['create'],
    virtual: true,
  }),
  // KubeVirt's virt-api and CDI's upload API are aggregated API servers: their groups show in discovery
  // and their paths are answered by handlers the virtualization layer registers (see extensions).
  ...['virtualmachines', 'virtualmachineinstances'].map((plural) =>
    defineKind(
      'subresources.kubevirt.io/v1',
      plural === 'virtualmachines' ? 'VirtualMachine' : 'VirtualMachineInstance',
      plural,
      { verbs: [], virtual: true },
    ),
  ),
  defineKind('upload.cdi.kubevirt.io/v1beta1', 'UploadTokenRequest', 'uploadtokenrequests', {
    verbs: ['create'],
    virtual: true,
  }),
  defineKind('user.openshift.io/v1', 'User', 'users', {
    ...cluster,
    verbs: ['get'],
    virtual: true,
  }),
];

import { PRIMITIVE_SET } from './strategicMergePatch';
import type { MergeKeyTable } from './strategicMergePatch';

/*
 * Merge keys transcribed from the `patchMergeKey`/`patchStrategy` tags of the Kubernetes and KubeVirt
 * Go types. Lists kube tags without a strategy (tolerations, taints, envFrom, ...) are left out on
 * purpose: absent means atomic. Where kube keys a list by several fields (Service ports by port and
 * protocol) only the patch merge key is used.
 */

const withPrefix = (prefix: string, table: MergeKeyTable): MergeKeyTable =>
  Object.fromEntries(Object.entries(table).map(([path, key]) => [`${prefix}.${path}`, key]));

const COMMON: MergeKeyTable = {
  'metadata.finalizers': PRIMITIVE_SET,
  'metadata.ownerReferences': 'uid',
  'status.conditions': 'type',
};

const CONTAINER: MergeKeyTable = {
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
};

/** Paths relative to a PodSpec. */
const POD_SPEC: MergeKeyTable = {
  containers: 'name',
  ...withPrefix('containers', CONTAINER),
  initContainers: 'name',
  ...withPrefix('initContainers', CONTAINER),
  ephemeralContainers: 'name',
  ...withPrefix('ephemeralContainers', CONTAINER),
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  schedulingGates: 'name',
};

const POD: MergeKeyTable = {
  ...withPrefix('spec', POD_SPEC),
  'status.podIPs': 'ip',
  'status.hostIPs': 'ip',
};

const POD_TEMPLATE_OWNER: MergeKeyTable = withPrefix('spec.template.spec', POD_SPEC);

const CORE: Record<string, MergeKeyTable> = {
  Pod: POD,
  PodTemplate: withPrefix('template.spec', POD_SPEC),
  ReplicationController: POD_TEMPLATE_OWNER,
  Node: {
    'spec.podCIDRs': PRIMITIVE_SET,
    'status.addresses': 'type',
  },
  Service: { 'spec.ports': 'port' },
  Namespace: {},
  PersistentVolumeClaim: {},
  PersistentVolume: {},
};

const APPS: Record<string, MergeKeyTable> = {
  Deployment: POD_TEMPLATE_OWNER,
  ReplicaSet: POD_TEMPLATE_OWNER,
  StatefulSet: POD_TEMPLATE_OWNER,
  DaemonSet: POD_TEMPLATE_OWNER,
};

const BATCH: Record<string, MergeKeyTable> = {
  Job: POD_TEMPLATE_OWNER,
  CronJob: withPrefix('spec.jobTemplate.spec.template.spec', POD_SPEC),
};

/** Paths relative to a VirtualMachineInstanceSpec. */
const VMI_SPEC: MergeKeyTable = {
  'domain.devices.disks': 'name',
  'domain.devices.interfaces': 'name',
  'domain.devices.gpus': 'name',
  'domain.devices.hostDevices': 'name',
  'domain.devices.filesystems': 'name',
  volumes: 'name',
  networks: 'name',
};

const KUBEVIRT: Record<string, MergeKeyTable> = {
  VirtualMachine: withPrefix('spec.template.spec', VMI_SPEC),
  VirtualMachineInstance: { ...withPrefix('spec', VMI_SPEC), 'status.volumeStatus': 'name' },
};

const BY_GROUP: Record<string, Record<string, MergeKeyTable>> = {
  '': CORE,
  apps: APPS,
  batch: BATCH,
  'kubevirt.io': KUBEVIRT,
};

/** The merge table for a kind; unknown kinds get only the metadata and condition lists every object
 * shares, so all their other lists are atomic. */
export function mergeKeysFor(kind: string, group: string): MergeKeyTable {
  const kinds = Object.prototype.hasOwnProperty.call(BY_GROUP, group) ? BY_GROUP[group] : {};
  const specific = Object.prototype.hasOwnProperty.call(kinds, kind) ? kinds[kind] : {};
  return { ...COMMON, ...specific };
}

/** Where a kind lives in the API: enough to build every URL a controller needs. */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

const ref = (apiVersion: string, kind: string, plural: string, namespaced = true): ResourceRef => ({
  apiVersion,
  kind,
  plural,
  namespaced,
});

export const VM = ref('kubevirt.io/v1', 'VirtualMachine', 'virtualmachines');
export const VMI = ref('kubevirt.io/v1', 'VirtualMachineInstance', 'virtualmachineinstances');
export const VMIM = ref(
  'kubevirt.io/v1',
  'VirtualMachineInstanceMigration',
  'virtualmachineinstancemigrations',
);
export const KUBEVIRT = ref('kubevirt.io/v1', 'KubeVirt', 'kubevirts');
export const HYPERCONVERGED = ref('hco.kubevirt.io/v1beta1', 'HyperConverged', 'hyperconvergeds');
export const MIGRATION_POLICY = ref(
  'migrations.kubevirt.io/v1alpha1',
  'MigrationPolicy',
  'migrationpolicies',
  false,
);
export const INSTANCETYPE = ref(
  'instancetype.kubevirt.io/v1beta1',
  'VirtualMachineInstancetype',
  'virtualmachineinstancetypes',
);
export const CLUSTER_INSTANCETYPE = ref(
  'instancetype.kubevirt.io/v1beta1',
  'VirtualMachineClusterInstancetype',
  'virtualmachineclusterinstancetypes',
  false,
);
export const PREFERENCE = ref(
  'instancetype.kubevirt.io/v1beta1',
  'VirtualMachinePreference',
  'virtualmachinepreferences',
);
export const CLUSTER_PREFERENCE = ref(
  'instancetype.kubevirt.io/v1beta1',
  'VirtualMachineClusterPreference',
  'virtualmachineclusterpreferences',
  false,
);
export const CONTROLLER_REVISION = ref('apps/v1', 'ControllerRevision', 'controllerrevisions');
export const DV = ref('cdi.kubevirt.io/v1beta1', 'DataVolume', 'datavolumes');
export const DATA_SOURCE = ref('cdi.kubevirt.io/v1beta1', 'DataSource', 'datasources');
export const DATA_IMPORT_CRON = ref('cdi.kubevirt.io/v1beta1', 'DataImportCron', 'dataimportcrons');
export const STORAGE_PROFILE = ref(
  'cdi.kubevirt.io/v1beta1',
  'StorageProfile',
  'storageprofiles',
  false,
);
export const CDI_CONFIG = ref('cdi.kubevirt.io/v1beta1', 'CDIConfig', 'cdiconfigs', false);
export const VM_SNAPSHOT = ref(
  'snapshot.kubevirt.io/v1beta1',
  'VirtualMachineSnapshot',
  'virtualmachinesnapshots',
);
export const VM_SNAPSHOT_CONTENT = ref(
  'snapshot.kubevirt.io/v1beta1',
  'VirtualMachineSnapshotContent',
  'virtualmachinesnapshotcontents',
);
export const VM_RESTORE = ref(
  'snapshot.kubevirt.io/v1beta1',
  'VirtualMachineRestore',
  'virtualmachinerestores',
);
export const VM_CLONE = ref(
  'clone.kubevirt.io/v1beta1',
  'VirtualMachineClone',
  'virtualmachineclones',
);
export const VM_EXPORT = ref(
  'export.kubevirt.io/v1beta1',
  'VirtualMachineExport',
  'virtualmachineexports',
);
export const VOLUME_SNAPSHOT = ref(
  'snapshot.storage.k8s.io/v1',
  'VolumeSnapshot',
  'volumesnapshots',
);
export const VOLUME_SNAPSHOT_CLASS = ref(
  'snapshot.storage.k8s.io/v1',
  'VolumeSnapshotClass',
  'volumesnapshotclasses',
  false,
);
export const TEMPLATE = ref('template.openshift.io/v1', 'Template', 'templates');
export const NAD = ref(
  'k8s.cni.cncf.io/v1',
  'NetworkAttachmentDefinition',
  'network-attachment-definitions',
);
export const POD = ref('v1', 'Pod', 'pods');
export const PVC = ref('v1', 'PersistentVolumeClaim', 'persistentvolumeclaims');
export const PV = ref('v1', 'PersistentVolume', 'persistentvolumes', false);
export const NODE = ref('v1', 'Node', 'nodes', false);
export const NAMESPACE = ref('v1', 'Namespace', 'namespaces', false);
export const CONFIG_MAP = ref('v1', 'ConfigMap', 'configmaps');
export const SECRET = ref('v1', 'Secret', 'secrets');
export const SERVICE = ref('v1', 'Service', 'services');
export const EVENT = ref('v1', 'Event', 'events');
export const JOB = ref('batch/v1', 'Job', 'jobs');
export const STORAGE_CLASS = ref('storage.k8s.io/v1', 'StorageClass', 'storageclasses', false);

/** `/api/v1/...` for the core group, `/apis/<group>/<version>/...` otherwise. */
export const collectionPath = (r: ResourceRef, namespace?: string): string => {
  const base = r.apiVersion.includes('/') ? `/apis/${r.apiVersion}` : `/api/${r.apiVersion}`;
  const ns = r.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${r.plural}`;
};

export const objectPath = (
  r: ResourceRef,
  namespace: string | undefined,
  name: string,
  subresource?: string,
): string =>
  `${collectionPath(r, namespace)}/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ''}`;

/** The informer/work-queue key of an object: `ns/name`, or `name` for cluster-scoped kinds. */
export const keyOf = (namespace: string | undefined, name: string): string =>
  namespace ? `${namespace}/${name}` : name;

export const splitKey = (key: string): { namespace?: string; name: string } => {
  const i = key.indexOf('/');
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
};

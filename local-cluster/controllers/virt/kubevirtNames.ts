/** Names KubeVirt writes on objects (labels, annotations, finalizers) and its Event reasons. */

export const VM_CONTROLLER_FINALIZER = 'kubevirt.io/virtualMachineControllerFinalize';
/** virt-api puts it on every VMI so virt-controller sees the pods gone before the VMI is. */
export const VMI_FINALIZER = 'foregroundDeleteVirtualMachine';

export const LABEL_APP = 'kubevirt.io';
export const LABEL_CREATED_BY = 'kubevirt.io/created-by';
export const LABEL_VM_NAME = 'vm.kubevirt.io/name';
export const LABEL_NODE_NAME = 'kubevirt.io/nodeName';
export const LABEL_SCHEDULABLE = 'kubevirt.io/schedulable';
/** On a migration target pod: the VirtualMachineInstanceMigration it serves. */
export const LABEL_MIGRATION_JOB = 'kubevirt.io/migrationJobUID';

export const ANNOTATION_DOMAIN = 'kubevirt.io/domain';
export const ANNOTATION_VM_GENERATION = 'kubevirt.io/vm-generation';
export const ANNOTATION_LATEST_API = 'kubevirt.io/latest-observed-api-version';
export const ANNOTATION_STORAGE_API = 'kubevirt.io/storage-observed-api-version';
export const ANNOTATION_ALLOW_BRIDGE_MIGRATION =
  'kubevirt.io/allow-pod-bridge-network-live-migration';
export const ANNOTATION_INSTANCETYPE = 'kubevirt.io/instancetype-name';
export const ANNOTATION_CLUSTER_INSTANCETYPE = 'kubevirt.io/cluster-instancetype-name';
export const ANNOTATION_PREFERENCE = 'kubevirt.io/preference-name';
export const ANNOTATION_CLUSTER_PREFERENCE = 'kubevirt.io/cluster-preference-name';
export const ANNOTATION_ALLOW_CLAIM_ADOPTION = 'cdi.kubevirt.io/allowClaimAdoption';

/** The readiness gate virt-controller flips while a VMI is paused. */
export const READINESS_GATE_UNPAUSED = 'kubevirt.io/virtual-machine-unpaused';

/** The launcher image OpenShift Virtualization 4.22 ships. */
export const LAUNCHER_IMAGE =
  'registry.redhat.io/container-native-virtualization/virt-launcher-rhel9:v4.22.0';

/** Event reasons, as virt-controller, kube-scheduler and the kubelet record them. */
export const REASON = {
  successfulCreate: 'SuccessfulCreate',
  failedCreate: 'FailedCreate',
  successfulDelete: 'SuccessfulDelete',
  failedDelete: 'FailedDelete',
  successfulDataVolumeCreate: 'SuccessfulDataVolumeCreate',
  failedDataVolumeCreate: 'FailedDataVolumeCreate',
  failedDataVolumeImport: 'FailedDataVolumeImport',
  failedPvcNotFound: 'FailedPvcNotFound',
  scheduled: 'Scheduled',
  failedScheduling: 'FailedScheduling',
  pulled: 'Pulled',
  created: 'Created',
  started: 'Started',
  killing: 'Killing',
} as const;

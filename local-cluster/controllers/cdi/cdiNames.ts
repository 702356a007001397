/**
 * The annotation, label and finalizer names CDI and the Kubernetes volume controllers write. They are
 * part of the contract other tools read (the console, `oc describe`, KubeVirt), so they are spelled
 * exactly as upstream spells them.
 */

const CDI = 'cdi.kubevirt.io';

/** PVC annotations through which CDI's transfer pods report back (importer, upload server, cloner). */
export const ANN = {
  podPhase: `${CDI}/storage.pod.phase`,
  podReady: `${CDI}/storage.pod.ready`,
  podRestarts: `${CDI}/storage.pod.restarts`,
  importPod: `${CDI}/storage.import.importPodName`,
  uploadPod: `${CDI}/storage.uploadPodName`,
  cloneSourcePod: `${CDI}/storage.sourceClonePodName`,
  endpoint: `${CDI}/storage.import.endpoint`,
  source: `${CDI}/storage.import.source`,
  secret: `${CDI}/storage.import.secretName`,
  certConfigMap: `${CDI}/storage.import.certConfigMap`,
  registryImportMethod: `${CDI}/storage.import.registryImportMethod`,
  requiresScratch: `${CDI}/storage.import.requiresScratch`,
  contentType: `${CDI}/storage.contentType`,
  uploadTarget: `${CDI}/storage.upload.target`,
  runningCondition: `${CDI}/storage.condition.running`,
  runningMessage: `${CDI}/storage.condition.running.message`,
  runningReason: `${CDI}/storage.condition.running.reason`,
  boundCondition: `${CDI}/storage.condition.bound`,
  boundMessage: `${CDI}/storage.condition.bound.message`,
  boundReason: `${CDI}/storage.condition.bound.reason`,
  preallocationRequested: `${CDI}/storage.preallocation.requested`,
  preallocationApplied: `${CDI}/storage.preallocation`,
  immediateBinding: `${CDI}/storage.bind.immediate.requested`,
  populatedFor: `${CDI}/storage.populatedFor`,
  prePopulated: `${CDI}/storage.prePopulated`,
  allowClaimAdoption: `${CDI}/allowClaimAdoption`,
  createdForDataVolume: `${CDI}/createdForDataVolume`,
  cloneType: `${CDI}/cloneType`,
  cloneFallbackReason: `${CDI}/cloneFallbackReason`,
  cloneRequest: 'k8s.io/CloneRequest',
  cloneOf: 'k8s.io/CloneOf',
  /** DataImportCron bookkeeping, on the cron and on the sources it imported. */
  sourceDesiredDigest: `${CDI}/storage.import.sourceDesiredDigest`,
  lastCronTime: `${CDI}/storage.import.lastCronTime`,
  nextCronTime: `${CDI}/storage.import.nextCronTime`,
  lastUseTime: `${CDI}/storage.import.lastUseTime`,
  cronStorageClass: `${CDI}/storage.import.storageClass`,
  cloneStrategyOverride: `${CDI}/clone-strategy`,
} as const;

/** Annotations the Kubernetes PV controller, scheduler and CSI provisioner put on claims and volumes. */
export const K8S_ANN = {
  bindCompleted: 'pv.kubernetes.io/bind-completed',
  boundByController: 'pv.kubernetes.io/bound-by-controller',
  provisionedBy: 'pv.kubernetes.io/provisioned-by',
  storageProvisioner: 'volume.kubernetes.io/storage-provisioner',
  betaStorageProvisioner: 'volume.beta.kubernetes.io/storage-provisioner',
  selectedNode: 'volume.kubernetes.io/selected-node',
  defaultClass: 'storageclass.kubernetes.io/is-default-class',
  defaultVirtClass: 'storageclass.kubevirt.io/is-default-virt-class',
  defaultSnapshotClass: 'snapshot.storage.kubernetes.io/is-default-class',
} as const;

export const LABEL = {
  dataImportCron: `${CDI}/dataImportCron`,
  dataImportCronCleanup: `${CDI}/dataImportCronCleanup`,
  app: 'app',
  managedBy: 'app.kubernetes.io/managed-by',
  component: 'app.kubernetes.io/component',
  defaultInstancetype: 'instancetype.kubevirt.io/default-instancetype',
  defaultInstancetypeKind: 'instancetype.kubevirt.io/default-instancetype-kind',
  defaultPreference: 'instancetype.kubevirt.io/default-preference',
  defaultPreferenceKind: 'instancetype.kubevirt.io/default-preference-kind',
  dynamicCredentials: 'kubevirt.io/dynamic-credentials-support',
} as const;

/** Labels CDI copies from a boot source (DataSource, cron, PVC) to what is made from it. */
export const PASSED_ON_LABELS = [
  LABEL.defaultInstancetype,
  LABEL.defaultInstancetypeKind,
  LABEL.defaultPreference,
  LABEL.defaultPreferenceKind,
  LABEL.dynamicCredentials,
] as const;

/** The recommended labels `util.SetRecommendedLabels` puts on everything the CDI controller creates. */
export const cdiControllerLabels = (): Record<string, string> => ({
  [LABEL.app]: 'containerized-data-importer',
  [LABEL.managedBy]: 'cdi-controller',
  [LABEL.component]: 'storage',
});

/** The feature gates of the CDI CR that change what the controllers do. */
export const FEATURE_GATE = {
  honorWaitForFirstConsumer: 'HonorWaitForFirstConsumer',
  claimAdoption: 'DataVolumeClaimAdoption',
} as const;

/** Simulation bookkeeping: on claims, when the simulated pod started and when it may retry (they
 * stand in for the pod objects CDI would create); on DataImportCrons, which URL the simulated
 * registry digest belongs to. They carry this group so nobody mistakes them for CDI's own. */
export const SIM_ANN = {
  podCreated: 'simulation.local-cluster.io/transfer-pod-created',
  transferStarted: 'simulation.local-cluster.io/transfer-started',
  retryAt: 'simulation.local-cluster.io/transfer-retry-at',
  /** On a DataImportCron: the image URL its desired digest was polled for. */
  digestSourceUrl: 'simulation.local-cluster.io/digest-source-url',
} as const;

/** CDI's reason for a running pod in the Running condition. */
export const POD_RUNNING_REASON = 'Pod is running';

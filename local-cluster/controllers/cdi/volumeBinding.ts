import { bytesOf } from './claimSpec';
import { K8S_ANN } from './cdiNames';
import type { PersistentVolume, Pod, Pvc, StorageClass, VolumeMode } from './cdiTypes';
import {
  NODE_LOCAL_DRIVERS,
  SIMULATED_CSI_DRIVERS,
  defaultStorageClass,
  isWaitForFirstConsumer,
} from './storageClasses';
import type { PodEvent } from './transferSteps';

/**
 * What Kubernetes' PV controller and a CSI external-provisioner decide for a claim, as pure
 * functions: which class it gets, whether to wait, and the volume they create for it.
 */

export type BindingDecision =
  | { kind: 'ignore' }
  | { kind: 'assignDefaultClass'; className: string }
  | { kind: 'wait'; event?: PodEvent }
  | { kind: 'bindStatic'; volume: PersistentVolume }
  | { kind: 'provision'; storageClass: StorageClass; node?: string };

const volumeModeOf = (mode: VolumeMode | undefined): VolumeMode => mode ?? 'Filesystem';

/** Pods that still run (or will) and mount the claim. */
export const podsUsingClaim = (pvc: Pvc, pods: Pod[]): Pod[] =>
  pods.filter(
    (p) =>
      p.metadata.namespace === pvc.metadata.namespace &&
      !p.metadata.deletionTimestamp &&
      p.status?.phase !== 'Succeeded' &&
      p.status?.phase !== 'Failed' &&
      (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
  );

/** A static volume that satisfies the claim: same class, big enough, the access modes, the mode. */
export const matchingStaticVolume = (
  pvc: Pvc,
  volumes: PersistentVolume[],
): PersistentVolume | undefined => {
  const want = bytesOf(pvc.spec.resources?.requests?.storage) ?? 0;
  const className = pvc.spec.storageClassName ?? '';
  return volumes
    .filter((pv) => {
      const ref = pv.spec.claimRef;
      const free =
        !ref ||
        (ref.name === pvc.metadata.name &&
          ref.namespace === pvc.metadata.namespace &&
          (!ref.uid || ref.uid === pvc.metadata.uid));
      return (
        free &&
        (pv.status?.phase ?? 'Available') === 'Available' &&
        !pv.metadata.deletionTimestamp &&
        (pv.spec.storageClassName ?? '') === className &&
        (bytesOf(pv.spec.capacity?.storage) ?? 0) >= want &&
        (pvc.spec.accessModes ?? []).every((m) => pv.spec.accessModes?.includes(m)) &&
        volumeModeOf(pv.spec.volumeMode) === volumeModeOf(pvc.spec.volumeMode)
      );
    })
    .sort(
      (a, b) => (bytesOf(a.spec.capacity?.storage) ?? 0) - (bytesOf(b.spec.capacity?.storage) ?? 0),
    )[0];
};

const externalProvisioning = (provisioner: string): PodEvent => ({
  type: 'Normal',
  reason: 'ExternalProvisioning',
  message: `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
});

export interface BindingInputs {
  pvc: Pvc;
  storageClasses: StorageClass[];
  volumes: PersistentVolume[];
  /** Running pods that mount the claim (the first consumer, once scheduled). */
  consumers: Pod[];
  /** Whether the claim's data source (snapshot or PVC to clone) can be read yet. */
  dataSourceReady: boolean;
}

export const bindingDecision = (inputs: BindingInputs): BindingDecision => {
  const { pvc } = inputs;
  if (
    pvc.metadata.deletionTimestamp ||
    pvc.spec.volumeName ||
    (pvc.status?.phase ?? 'Pending') !== 'Pending'
  )
    return { kind: 'ignore' };
  const name = pvc.spec.storageClassName;
  if (name === undefined || name === null) {
    // Retroactive default class assignment (Kubernetes 1.28+): the PV controller gives a claim
    // without a class the default class as soon as there is one.
    const def = defaultStorageClass(inputs.storageClasses);
    if (def?.metadata.name) return { kind: 'assignDefaultClass', className: def.metadata.name };
  }
  const staticVolume = matchingStaticVolume(pvc, inputs.volumes);
  if (staticVolume) return { kind: 'bindStatic', volume: staticVolume };
  if (!name)
    return {
      kind: 'wait',
      event: {
        type: 'Normal',
        reason: 'FailedBinding',
        message: 'no persistent volumes available for this claim and no storage class is set',
      },
    };
  const sc = inputs.storageClasses.find((c) => c.metadata.name === name);
  if (!sc)
    return {
      kind: 'wait',
      event: {
        type: 'Warning',
        reason: 'ProvisioningFailed',
        message: `storageclass.storage.k8s.io "${name}" not found`,
      },
    };
  if (sc.provisioner === 'kubernetes.io/no-provisioner')
    return {
      kind: 'wait',
      event: {
        type: 'Normal',
        reason: 'WaitForFirstConsumer',
        message: 'waiting for first consumer to be created before binding',
      },
    };
  const selected = pvc.metadata.annotations?.[K8S_ANN.selectedNode];
  const consumerNode = inputs.consumers.find((p) => p.spec.nodeName)?.spec.nodeName;
  const node = selected ?? consumerNode;
  if (isWaitForFirstConsumer(sc) && !node)
    return {
      kind: 'wait',
      event: {
        type: 'Normal',
        reason: 'WaitForFirstConsumer',
        message: 'waiting for first consumer to be created before binding',
      },
    };
  if (!SIMULATED_CSI_DRIVERS.has(sc.provisioner))
    return { kind: 'wait', event: externalProvisioning(sc.provisioner) };
  if (!inputs.dataSourceReady) return { kind: 'wait', event: externalProvisioning(sc.provisioner) };
  return {
    kind: 'provision',
    storageClass: sc,
    node: isWaitForFirstConsumer(sc) ? node : undefined,
  };
};

export const volumeNameFor = (pvc: Pvc): string => `pvc-${pvc.metadata.uid ?? ''}`;

/** The PersistentVolume a CSI external-provisioner creates for a claim. */
export const provisionedVolume = (
  pvc: Pvc,
  sc: StorageClass,
  node: string | undefined,
  provisionerIdentity: string,
): PersistentVolume => {
  const mode = volumeModeOf(pvc.spec.volumeMode);
  const nodeLocal = NODE_LOCAL_DRIVERS.has(sc.provisioner) && node !== undefined;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: volumeNameFor(pvc),
      annotations: {
        [K8S_ANN.provisionedBy]: sc.provisioner,
        'volume.kubernetes.io/provisioner-deletion-secret-name': '',
        'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
      },
    },
    spec: {
      accessModes: pvc.spec.accessModes,
      capacity: { storage: pvc.spec.resources?.requests?.storage ?? '0' },
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name: pvc.metadata.name ?? '',
        namespace: pvc.metadata.namespace ?? '',
        uid: pvc.metadata.uid,
        resourceVersion: pvc.metadata.resourceVersion,
      },
      csi: {
        driver: sc.provisioner,
        volumeHandle: `${nodeLocal ? `${node}/` : ''}${pvc.metadata.uid ?? ''}`,
        ...(mode === 'Filesystem'
          ? { fsType: sc.parameters?.['csi.storage.k8s.io/fstype'] ?? 'ext4' }
          : {}),
        volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': provisionerIdentity },
      },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode: mode,
      ...(nodeLocal
        ? {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: [
                      { key: 'kubernetes.io/hostname', operator: 'In', values: [node] },
                    ],
                  },
                ],
              },
            },
          }
        : {}),
    },
  };
};

/** The node a node-local volume lives on, from its node affinity. */
export const volumeNode = (pv: PersistentVolume | undefined): string | undefined => {
  const affinity = pv?.spec.nodeAffinity as
    | {
        required?: {
          nodeSelectorTerms?: { matchExpressions?: { key: string; values?: string[] }[] }[];
        };
      }
    | undefined;
  for (const term of affinity?.required?.nodeSelectorTerms ?? [])
    for (const e of term.matchExpressions ?? [])
      if (e.key === 'kubernetes.io/hostname' && e.values?.length) return e.values[0];
  return undefined;
};

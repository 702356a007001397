import type { KubeObject } from '../../apiserver/core/types';
import type { Condition } from '../runtime/conditions';

/** The fields of the kinds the CDI controllers read and write; everything else passes through. */

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
export type VolumeMode = 'Filesystem' | 'Block';

export interface ResourceRequirements {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

export interface TypedReference {
  apiGroup?: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface PvcSpec {
  accessModes?: AccessMode[];
  volumeMode?: VolumeMode;
  storageClassName?: string | null;
  resources?: ResourceRequirements;
  volumeName?: string;
  dataSource?: TypedReference;
  dataSourceRef?: TypedReference;
  selector?: unknown;
}

export interface Pvc extends KubeObject {
  spec: PvcSpec;
  status?: {
    phase?: 'Pending' | 'Bound' | 'Lost';
    accessModes?: AccessMode[];
    capacity?: Record<string, string>;
  };
}

export interface PersistentVolume extends KubeObject {
  spec: {
    capacity?: Record<string, string>;
    accessModes?: AccessMode[];
    volumeMode?: VolumeMode;
    storageClassName?: string;
    persistentVolumeReclaimPolicy?: 'Delete' | 'Retain' | 'Recycle';
    claimRef?: {
      apiVersion?: string;
      kind?: string;
      name: string;
      namespace: string;
      uid?: string;
      resourceVersion?: string;
    };
    csi?: {
      driver: string;
      volumeHandle: string;
      fsType?: string;
      volumeAttributes?: Record<string, string>;
    };
    nodeAffinity?: unknown;
  };
  status?: { phase?: 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed' };
}

export interface StorageClass extends KubeObject {
  provisioner: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: 'Delete' | 'Retain';
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  allowVolumeExpansion?: boolean;
}

export interface VolumeSnapshotClass extends KubeObject {
  driver: string;
  deletionPolicy?: string;
}

export interface VolumeSnapshot extends KubeObject {
  spec: {
    source?: { persistentVolumeClaimName?: string; volumeSnapshotContentName?: string };
    volumeSnapshotClassName?: string;
  };
  status?: { readyToUse?: boolean; restoreSize?: string; boundVolumeSnapshotContentName?: string };
}

export interface ClaimPropertySet {
  accessModes?: AccessMode[];
  volumeMode?: VolumeMode;
}

export type CloneStrategy = 'copy' | 'snapshot' | 'csi-clone';
export type SourceFormat = 'pvc' | 'snapshot';

export interface StorageProfileStatus {
  provisioner?: string;
  storageClass?: string;
  claimPropertySets?: ClaimPropertySet[];
  cloneStrategy?: CloneStrategy;
  dataImportCronSourceFormat?: SourceFormat;
  snapshotClass?: string;
}

export interface StorageProfile extends KubeObject {
  spec?: {
    claimPropertySets?: ClaimPropertySet[];
    cloneStrategy?: CloneStrategy;
    dataImportCronSourceFormat?: SourceFormat;
    snapshotClass?: string;
  };
  status?: StorageProfileStatus;
}

export interface DataVolumeSource {
  http?: { url: string; secretRef?: string; certConfigMap?: string; extraHeaders?: string[] };
  registry?: {
    url?: string;
    imageStream?: string;
    pullMethod?: 'node' | 'pod';
    secretRef?: string;
    certConfigMap?: string;
  };
  s3?: { url: string };
  gcs?: { url: string };
  imageio?: { url: string };
  vddk?: { url: string };
  upload?: Record<string, never>;
  blank?: Record<string, never>;
  pvc?: { namespace?: string; name: string };
  snapshot?: { namespace?: string; name: string };
}

export interface DataVolumeSpec {
  source?: DataVolumeSource;
  sourceRef?: { kind: string; namespace?: string; name: string };
  storage?: PvcSpec;
  pvc?: PvcSpec;
  contentType?: 'kubevirt' | 'archive';
  preallocation?: boolean;
  priorityClassName?: string;
}

export interface DataVolumeStatus {
  phase?: string;
  progress?: string;
  restartCount?: number;
  claimName?: string;
  conditions?: Condition[];
}

export interface DataVolume extends KubeObject {
  spec: DataVolumeSpec;
  status?: DataVolumeStatus;
}

export interface DataSource extends KubeObject {
  spec: {
    source?: {
      pvc?: { namespace?: string; name: string };
      snapshot?: { namespace?: string; name: string };
      dataSource?: { namespace?: string; name: string };
    };
  };
  status?: {
    source?: Record<string, unknown>;
    conditions?: Condition[];
  };
}

export interface DataImportCron extends KubeObject {
  spec: {
    schedule?: string;
    template: { metadata?: KubeObject['metadata']; spec: DataVolumeSpec };
    managedDataSource: string;
    garbageCollect?: 'Outdated' | 'Never';
    importsToKeep?: number;
    retentionPolicy?: 'None' | 'RetainAll';
  };
  status?: {
    currentImports?: { dataVolumeName: string; digest?: string }[];
    lastImportedPVC?: { namespace: string; name: string };
    lastImportTimestamp?: string;
    lastExecutionTimestamp?: string;
    sourceFormat?: SourceFormat;
    conditions?: Condition[];
  };
}

export interface PodVolume {
  name: string;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
}

export interface Pod extends KubeObject {
  spec: {
    nodeName?: string;
    volumes?: PodVolume[];
    containers?: { volumeMounts?: { name: string; readOnly?: boolean }[] }[];
  };
  status?: { phase?: string };
}

export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: { key: string; effect: string; value?: string }[] };
  status?: { conditions?: Condition[] };
}

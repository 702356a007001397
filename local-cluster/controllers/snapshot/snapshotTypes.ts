import type {
  K8sIoApiCoreV1PersistentVolumeClaimSpec,
  V1beta1SourceIndication,
  V1beta1SnapshotVolumesLists,
  V1beta1VirtualMachineCloneSpec,
  V1beta1VirtualMachineExportLinks,
  V1beta1VirtualMachineExportSpec,
  V1beta1VirtualMachineRestoreSpec,
  V1beta1VirtualMachineSnapshotSpec,
  V1beta1VolumeRestore,
  V1VirtualMachineInstanceSpec,
  V1VirtualMachineSpec,
  V1VirtualMachineStatus,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { KubeObject, ObjectMeta } from '../../apiserver/core/types';
import type { Condition } from '../runtime/conditions';

/** KubeVirt's snapshot, restore, clone and export API types on the server's object shape, plus
 * the CSI snapshot and core/v1 fields the controllers read. */

export interface SnapshotError {
  message?: string;
  time?: string;
}

export interface VirtualMachine extends KubeObject {
  spec: V1VirtualMachineSpec;
  status?: Omit<V1VirtualMachineStatus, 'conditions'> & { conditions?: Condition[] };
}

export interface Vmi extends KubeObject {
  spec: V1VirtualMachineInstanceSpec;
  status?: {
    phase?: string;
    conditions?: Condition[];
    fsFreezeStatus?: string;
    virtualMachineRevisionName?: string;
    nodeName?: string;
  };
}

export interface VmSnapshot extends KubeObject {
  spec: V1beta1VirtualMachineSnapshotSpec;
  status?: {
    phase?: 'InProgress' | 'Succeeded' | 'Failed' | 'Deleting' | 'Unknown';
    readyToUse?: boolean;
    creationTime?: string | null;
    sourceUID?: string;
    virtualMachineSnapshotContentName?: string;
    indications?: string[] | null;
    sourceIndications?: V1beta1SourceIndication[] | null;
    snapshotVolumes?: V1beta1SnapshotVolumesLists;
    conditions?: Condition[];
    error?: SnapshotError | null;
  };
}

/** A PVC as recorded in a snapshot: trimmed metadata and the full spec. */
export interface PvcRecord {
  metadata: ObjectMeta;
  spec: K8sIoApiCoreV1PersistentVolumeClaimSpec;
}

export interface VolumeBackup {
  volumeName: string;
  persistentVolumeClaim: PvcRecord;
  volumeSnapshotName?: string;
}

/** The VM as captured in a snapshot content. */
export interface SnapshotVm {
  metadata: ObjectMeta;
  spec: V1VirtualMachineSpec;
  status?: Record<string, never>;
}

export interface VolumeSnapshotStatusEntry {
  volumeSnapshotName: string;
  readyToUse?: boolean;
  creationTime?: string;
  error?: SnapshotError;
}

export interface VmSnapshotContent extends KubeObject {
  spec: {
    virtualMachineSnapshotName?: string;
    source: { virtualMachine?: SnapshotVm };
    volumeBackups?: VolumeBackup[];
  };
  status?: {
    readyToUse?: boolean;
    creationTime?: string | null;
    error?: SnapshotError | null;
    volumeSnapshotStatus?: VolumeSnapshotStatusEntry[];
  };
}

export interface VmRestore extends KubeObject {
  spec: V1beta1VirtualMachineRestoreSpec;
  status?: {
    complete?: boolean;
    conditions?: Condition[];
    deletedDataVolumes?: string[];
    restoreTime?: string;
    restores?: V1beta1VolumeRestore[];
  };
}

export interface VmClone extends KubeObject {
  spec: V1beta1VirtualMachineCloneSpec;
  status?: {
    phase?:
      | 'SnapshotInProgress'
      | 'CreatingTargetVM'
      | 'RestoreInProgress'
      | 'Succeeded'
      | 'Failed'
      | 'Unknown';
    conditions?: Condition[];
    creationTime?: string;
    snapshotName?: string | null;
    restoreName?: string | null;
    targetName?: string;
  };
}

export interface VmExport extends KubeObject {
  spec: V1beta1VirtualMachineExportSpec;
  status?: {
    phase?: 'Pending' | 'Ready' | 'Terminated' | 'Skipped';
    conditions?: Condition[];
    links?: V1beta1VirtualMachineExportLinks | null;
    serviceName?: string;
    tokenSecretRef?: string;
    ttlExpirationTime?: string;
    virtualMachineName?: string;
  };
}

export interface Pvc extends KubeObject {
  spec: K8sIoApiCoreV1PersistentVolumeClaimSpec & { volumeName?: string };
  status?: { phase?: 'Pending' | 'Bound' | 'Lost'; capacity?: Record<string, string> };
}

export interface DataVolume extends KubeObject {
  spec?: Record<string, unknown>;
  status?: { phase?: string };
}

export interface StorageClass extends KubeObject {
  provisioner?: string;
  volumeBindingMode?: string;
}

export interface StorageProfile extends KubeObject {
  status?: { snapshotClass?: string; storageClass?: string };
}

export interface VolumeSnapshotClass extends KubeObject {
  driver?: string;
  deletionPolicy?: 'Delete' | 'Retain';
}

export interface VolumeSnapshot extends KubeObject {
  spec: {
    source: { persistentVolumeClaimName?: string; volumeSnapshotContentName?: string };
    volumeSnapshotClassName?: string;
  };
  status?: {
    boundVolumeSnapshotContentName?: string;
    creationTime?: string;
    readyToUse?: boolean;
    restoreSize?: string;
    error?: SnapshotError;
  };
}

export interface VolumeSnapshotContent extends KubeObject {
  spec: {
    deletionPolicy: 'Delete' | 'Retain';
    driver: string;
    source: { volumeHandle?: string; snapshotHandle?: string };
    sourceVolumeMode?: 'Block' | 'Filesystem';
    volumeSnapshotClassName?: string;
    volumeSnapshotRef: {
      apiVersion?: string;
      kind?: string;
      name?: string;
      namespace?: string;
      uid?: string;
    };
  };
  status?: {
    creationTime?: number;
    readyToUse?: boolean;
    restoreSize?: number;
    snapshotHandle?: string;
  };
}

export interface Pod extends KubeObject {
  spec: {
    nodeName?: string;
    volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[];
    containers: Record<string, unknown>[];
    [key: string]: unknown;
  };
  status?: { phase?: string; conditions?: Condition[] };
}

export interface ControllerRevision extends KubeObject {
  data?: unknown;
  revision?: number;
}

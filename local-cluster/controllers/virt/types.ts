import type { KubeObject } from '../../apiserver/core/types';
import type {
  V1beta1VirtualMachineInstancetypeSpec,
  V1beta1VirtualMachinePreferenceSpec,
  V1VirtualMachineInstanceSpec,
  V1VirtualMachineInstanceStatus,
  V1VirtualMachineSpec,
  V1VirtualMachineStatus,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type {
  IoK8sApiCoreV1NodeSpec,
  IoK8sApiCoreV1NodeStatus,
  IoK8sApiCoreV1PodSpec,
  IoK8sApiCoreV1PodStatus,
} from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { Condition } from '../runtime/conditions';

/**
 * The shapes virt-controller reads and writes: KubeVirt's and Kubernetes' generated API types for
 * specs, with the server's loose metadata and the condition type that keeps timestamps (the
 * generated condition types drop them).
 */

export type VirtualMachineStatus = Omit<V1VirtualMachineStatus, 'conditions'> & {
  conditions?: Condition[];
};

export interface VirtualMachine extends KubeObject {
  spec: V1VirtualMachineSpec;
  status?: VirtualMachineStatus;
}

export type VmiSpec = V1VirtualMachineInstanceSpec;

export type VmiStatus = Omit<V1VirtualMachineInstanceStatus, 'conditions' | 'qosClass'> & {
  conditions?: Condition[];
  qosClass?: string;
};

export interface VirtualMachineInstance extends KubeObject {
  spec: VmiSpec;
  status?: VmiStatus;
}

export type InstancetypeSpec = V1beta1VirtualMachineInstancetypeSpec;
export type PreferenceSpec = V1beta1VirtualMachinePreferenceSpec;

export interface InstancetypeObject extends KubeObject {
  spec: InstancetypeSpec;
}

export interface PreferenceObject extends KubeObject {
  spec: PreferenceSpec;
}

export interface ControllerRevision extends KubeObject {
  data?: unknown;
  revision?: number;
}

export type PodStatus = Omit<IoK8sApiCoreV1PodStatus, 'conditions'> & {
  conditions?: Condition[];
};

export interface Pod extends KubeObject {
  spec: IoK8sApiCoreV1PodSpec;
  status?: PodStatus;
}

export interface Node extends KubeObject {
  spec?: IoK8sApiCoreV1NodeSpec;
  status?: IoK8sApiCoreV1NodeStatus;
}

/** The few DataVolume fields KubeVirt reads. */
export interface DataVolume extends KubeObject {
  spec?: {
    source?: Record<string, unknown>;
    sourceRef?: { kind?: string; name: string; namespace?: string };
    pvc?: { storageClassName?: string; accessModes?: string[] };
    storage?: { storageClassName?: string; accessModes?: string[] };
    priorityClassName?: string;
    [key: string]: unknown;
  };
  status?: {
    phase?: string;
    progress?: string;
    claimName?: string;
    conditions?: Condition[];
  };
}

export interface DataSource extends KubeObject {
  spec?: {
    source?: {
      pvc?: { name: string; namespace?: string };
      snapshot?: { name: string; namespace?: string };
    };
  };
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: {
    accessModes?: string[];
    storageClassName?: string;
    volumeMode?: string;
    volumeName?: string;
    resources?: { requests?: Record<string, string> };
  };
  status?: { phase?: string; accessModes?: string[]; capacity?: Record<string, string> };
}

export interface StorageClass extends KubeObject {
  provisioner?: string;
  volumeBindingMode?: string;
}

export interface VolumeSnapshotClass extends KubeObject {
  driver?: string;
}

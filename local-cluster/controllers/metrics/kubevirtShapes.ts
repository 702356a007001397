import type { KubeObject } from '../../apiserver/core/types';
import type { Condition } from '../runtime/conditions';

/** The fields of KubeVirt, CDI and core objects the exporters read; everything is optional
 * because the informers hold whatever the API server stores. */

export interface CpuSpec {
  cores?: number;
  sockets?: number;
  threads?: number;
}

export interface ResourceList {
  cpu?: string | number;
  memory?: string | number;
  [resource: string]: string | number | undefined;
}

export interface DomainSpec {
  cpu?: CpuSpec;
  memory?: { guest?: string; hugepages?: { pageSize?: string } };
  resources?: { requests?: ResourceList; limits?: ResourceList };
  machine?: { type?: string };
  devices?: {
    disks?: { name: string }[];
    interfaces?: InterfaceSpec[];
  };
}

export interface InterfaceSpec {
  name: string;
  masquerade?: object;
  bridge?: object;
  sriov?: object;
  binding?: { name: string };
}

export interface VolumeSpec {
  name: string;
  persistentVolumeClaim?: { claimName: string };
  dataVolume?: { name: string };
}

export interface NetworkSpec {
  name: string;
  pod?: object;
  multus?: { networkName: string };
}

export interface VmiSpec {
  domain?: DomainSpec;
  volumes?: VolumeSpec[];
  networks?: NetworkSpec[];
  evictionStrategy?: string;
}

export interface MigrationState {
  startTimestamp?: string;
  endTimestamp?: string;
  completed?: boolean;
  failed?: boolean;
  sourceNode?: string;
  targetNode?: string;
  migrationUid?: string;
  mode?: string;
}

export interface Vmi extends KubeObject {
  spec?: VmiSpec;
  status?: {
    phase?: string;
    nodeName?: string;
    conditions?: Condition[];
    interfaces?: { name?: string; ipAddress?: string; ipAddresses?: string[]; mac?: string }[];
    guestOSInfo?: {
      name?: string;
      kernelRelease?: string;
      machine?: string;
      versionId?: string;
      id?: string;
    };
    machine?: { type?: string };
    currentCPUTopology?: CpuSpec;
    memory?: { guestAtBoot?: string; guestCurrent?: string; guestRequested?: string };
    migrationState?: MigrationState;
    phaseTransitionTimestamps?: { phase: string; phaseTransitionTimestamp: string }[];
    volumeStatus?: {
      name: string;
      target?: string;
      persistentVolumeClaimInfo?: { capacity?: { storage?: string } };
    }[];
    activePods?: Record<string, string>;
  };
}

export interface Vm extends KubeObject {
  spec?: {
    template?: { metadata?: { annotations?: Record<string, string> }; spec?: VmiSpec };
    instancetype?: { name: string; kind?: string };
    preference?: { name: string; kind?: string };
    dataVolumeTemplates?: {
      metadata?: { name?: string };
      spec?: {
        pvc?: { resources?: { requests?: { storage?: string } } };
        storage?: { resources?: { requests?: { storage?: string } } };
      };
    }[];
  };
  status?: { printableStatus?: string; conditions?: Condition[] };
}

export interface Vmim extends KubeObject {
  spec?: { vmiName?: string };
  status?: { phase?: string };
}

export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: { key: string; effect: string }[] };
  status?: {
    allocatable?: Record<string, string>;
    capacity?: Record<string, string>;
    conditions?: Condition[];
  };
}

export interface Pod extends KubeObject {
  spec?: {
    nodeName?: string;
    containers?: {
      name: string;
      resources?: { requests?: ResourceList; limits?: ResourceList };
    }[];
  };
  status?: { phase?: string };
}

export interface Instancetype extends KubeObject {
  spec?: { cpu?: { guest?: number }; memory?: { guest?: string } };
}

export interface VmSnapshot extends KubeObject {
  spec?: { source?: { name?: string } };
  status?: { phase?: string; readyToUse?: boolean };
}

export interface HyperConverged extends KubeObject {
  spec?: { evictionStrategy?: string };
  status?: { conditions?: Condition[] };
}

import type {
  V1alpha1MigrationPolicySpec,
  V1MigrationConfiguration,
  V1VirtualMachineInstanceMigrationSpec,
  V1VirtualMachineInstanceMigrationState,
  V1VirtualMachineInstanceSpec,
  V1VirtualMachineInstanceStatus,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { KubeObject } from '../../apiserver/core/types';
import type { Condition } from '../runtime/conditions';

/** The shapes the migration controller reads and writes: KubeVirt's own API types on the
 * server's object shape (`metadata` always present). */

export type MigrationState = V1VirtualMachineInstanceMigrationState;

export type MigrationConfiguration = V1MigrationConfiguration;

export interface PhaseTransitionTimestamp {
  phase: string;
  phaseTransitionTimestamp: string;
}

export type MigrationPhase =
  | 'Pending'
  | 'Scheduling'
  | 'Scheduled'
  | 'PreparingTarget'
  | 'TargetReady'
  | 'Running'
  | 'Succeeded'
  | 'Failed';

export interface VmimStatus {
  phase?: MigrationPhase;
  conditions?: Condition[];
  phaseTransitionTimestamps?: PhaseTransitionTimestamp[];
  migrationState?: MigrationState;
}

export interface Vmim extends KubeObject {
  spec: V1VirtualMachineInstanceMigrationSpec;
  status?: VmimStatus;
}

export type VmiStatus = Omit<V1VirtualMachineInstanceStatus, 'conditions'> & {
  conditions?: Condition[];
};

export interface Vmi extends KubeObject {
  spec: V1VirtualMachineInstanceSpec;
  status?: VmiStatus;
}

export interface MigrationPolicy extends KubeObject {
  spec: V1alpha1MigrationPolicySpec;
}

/** The parts of core/v1 objects the controller reads. */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

export interface PodAffinityTerm {
  labelSelector?: { matchLabels?: Record<string, string> };
  topologyKey: string;
}

export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: {
      nodeSelectorTerms: { matchExpressions?: NodeSelectorRequirement[] }[];
    };
  };
  podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[] };
}

export interface Container {
  name: string;
  image?: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  [key: string]: unknown;
}

export interface PodSpec {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations?: Toleration[];
  containers: Container[];
  schedulerName?: string;
  [key: string]: unknown;
}

export interface Pod extends KubeObject {
  spec: PodSpec;
  status?: {
    phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
    conditions?: Condition[];
    podIP?: string;
    hostIP?: string;
    startTime?: string;
    [key: string]: unknown;
  };
}

export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: Taint[]; podCIDR?: string };
  status?: {
    allocatable?: Record<string, string>;
    conditions?: Condition[];
    addresses?: { type: string; address: string }[];
  };
}

/** KubeVirt's labels and annotations the migration flow reads and writes. */
export const LABELS = {
  createdBy: 'kubevirt.io/created-by',
  app: 'kubevirt.io',
  nodeName: 'kubevirt.io/nodeName',
  migrationJob: 'kubevirt.io/migrationJobUID',
  migrationTargetNode: 'kubevirt.io/migrationTargetNodeName',
  vmiName: 'kubevirt.io/vmi-name',
} as const;

export const ANNOTATIONS = {
  migrationJobName: 'kubevirt.io/migrationJobName',
  /** On the VMI (or the VM template): the guest's memory dirty rate while migrating, as a quantity
   * per second (`2Gi`): lets the demo show a migration that cannot converge. */
  dirtyRate: 'simulation.local-cluster.io/migration-dirty-rate',
} as const;

export const VMIM_FINALIZER = 'kubevirt.io/migrationJobFinalize';

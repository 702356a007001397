import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type {
  V1VirtualMachine,
  V1VirtualMachineCondition,
  V1VirtualMachineInstance,
  V1VirtualMachineInstanceMigration,
  V1beta1VirtualMachineClone,
  V1beta1VirtualMachineRestore,
  V1beta1VirtualMachineSnapshot,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

/** A model the plugin defines: always carries its i18n keys and scope (`apiGroup` absent for core). */
export type PluginModel = K8sModel & {
  labelKey: string;
  labelPluralKey: string;
  namespaced: boolean;
};

/** A VirtualMachine as the watch returns it: KubeVirt's type with the console's metadata shape. */
export type VirtualMachine = Omit<V1VirtualMachine, 'metadata'> & K8sResourceCommon;

/** A VirtualMachineInstance with the console's metadata shape. */
export type VirtualMachineInstance = Omit<V1VirtualMachineInstance, 'metadata'> & K8sResourceCommon;

export type VirtualMachineCondition = V1VirtualMachineCondition;

/** A VirtualMachineInstanceMigration with the console's metadata shape. */
export type VirtualMachineInstanceMigration = Omit<V1VirtualMachineInstanceMigration, 'metadata'> &
  K8sResourceCommon;

/** A VirtualMachineSnapshot (`snapshot.kubevirt.io/v1beta1`) with the console's metadata shape. */
export type VirtualMachineSnapshot = Omit<V1beta1VirtualMachineSnapshot, 'metadata'> &
  K8sResourceCommon;

/** A VirtualMachineRestore (`snapshot.kubevirt.io/v1beta1`) with the console's metadata shape. */
export type VirtualMachineRestore = Omit<V1beta1VirtualMachineRestore, 'metadata'> &
  K8sResourceCommon;

/** A VirtualMachineClone (`clone.kubevirt.io/v1beta1`) with the console's metadata shape. */
export type VirtualMachineClone = Omit<V1beta1VirtualMachineClone, 'metadata'> & K8sResourceCommon;

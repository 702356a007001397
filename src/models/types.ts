import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type {
  V1VirtualMachine,
  V1VirtualMachineCondition,
  V1VirtualMachineInstance,
  V1VirtualMachineInstanceMigration,
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

import type {
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineInstanceMigration,
} from '../../../../models/types';

/** What the details page hands every tab besides the VM (`obj`): no tab watches these again. */
export type VMTabCustomData = {
  vmi?: VirtualMachineInstance;
  migration?: VirtualMachineInstanceMigration;
};

/** Props of a details tab (the SDK's `PageComponentProps` with our types). */
export type VMTabProps = {
  obj: VirtualMachine;
  customData: VMTabCustomData;
};

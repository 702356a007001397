import type { FC } from 'react';
import type { VirtualMachine, VirtualMachineInstance } from '../../../models/types';

type PendingChangesBannerProps = {
  /** The VM (its spec and RestartRequired condition). */
  vm: VirtualMachine;
  /** The running instance, compared with the VM's spec. */
  vmi?: VirtualMachineInstance;
};

// Being built in parallel (issue 5); replaced by the real banner before this lands.
const PendingChangesBanner: FC<PendingChangesBannerProps> = () => null;

export default PendingChangesBanner;

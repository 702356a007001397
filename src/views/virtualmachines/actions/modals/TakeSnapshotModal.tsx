import type { FC } from 'react';
import type { VirtualMachine } from '../../../../models/types';

type TakeSnapshotModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The source VM. */
  vm: VirtualMachine;
};

// Being built in parallel (issue 5); replaced by the real dialog before this lands.
const TakeSnapshotModal: FC<TakeSnapshotModalProps> = ({ closeOverlay }) => {
  closeOverlay();
  return null;
};

export default TakeSnapshotModal;

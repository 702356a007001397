import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { VmCloneController } from './vmCloneController';
import { VmExportController } from './vmExportController';
import { VmRestoreController } from './vmRestoreController';
import { VmSnapshotController } from './vmSnapshotController';
import { VolumeSnapshotController } from './volumeSnapshotController';

/**
 * Snapshots and what is built on them: the CSI snapshot controller stand-in (VolumeSnapshots),
 * and KubeVirt's VirtualMachineSnapshot, VirtualMachineRestore, VirtualMachineClone and
 * VirtualMachineExport controllers. Returns once their informers have listed.
 */
export const startSnapshotControllers = async (runtime: ControllerRuntime): Promise<Stoppable> => {
  const controllers = [
    new VolumeSnapshotController(runtime),
    new VmSnapshotController(runtime),
    new VmRestoreController(runtime),
    new VmCloneController(runtime),
    new VmExportController(runtime),
  ];
  await Promise.all(controllers.map((c) => c.synced()));
  return {
    stop: () => {
      for (const c of controllers) c.stop();
    },
  };
};

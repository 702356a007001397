import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { migrationCreateAdmission } from './migrationAdmission';
import { MigrationController } from './migrationController';
import { WorkloadUpdater } from './workloadUpdater';

export { progressOf, allMigrationProgress } from './migrationProgress';
export type { MigrationProgress } from './migrationProgress';

/**
 * Live migration: virt-api's migration admission webhook plus the migration controller (with the
 * virt-handler side of a migration) and the workload updater that migrates VMIs whose NICs
 * changed. Returns once its informers have listed.
 */
export const startMigrationController = async (runtime: ControllerRuntime): Promise<Stoppable> => {
  const controller = new MigrationController(runtime);
  const updater = new WorkloadUpdater(runtime);
  const hook = migrationCreateAdmission(controller.vmis, controller.vmims);
  runtime.server.admissionHooks.push(hook);
  await Promise.all([controller.synced(), updater.synced()]);
  return {
    stop: () => {
      controller.stop();
      updater.stop();
      const i = runtime.server.admissionHooks.indexOf(hook);
      if (i >= 0) runtime.server.admissionHooks.splice(i, 1);
    },
  };
};

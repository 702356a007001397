import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { startPodLifecycle } from './podLifecycle';
import { createVirtInformers } from './virtInformers';
import { vmAdmissionHook } from './vmAdmission';
import { startVmController } from './vmController';
import { vmDeleteProtectionHook } from './vmDeleteProtection';
import { startVmiController } from './vmiController';

/**
 * virt-controller for the local cluster: the VirtualMachine and VirtualMachineInstance
 * controllers, the scheduler and kubelet stand-ins for virt-launcher pods, and virt-api's
 * VirtualMachine validating webhook and delete-protection policy.
 */
export const startVirtController = (runtime: ControllerRuntime): Stoppable => {
  const informers = createVirtInformers(runtime);
  const hook = vmAdmissionHook(informers.lookup, informers.config, informers.isSynced);
  runtime.server.admissionHooks.push(hook, vmDeleteProtectionHook);
  const controllers = [
    startVmController(runtime, informers),
    startVmiController(runtime, informers),
    startPodLifecycle(runtime, informers),
  ];
  return {
    stop: () => {
      for (const c of controllers) c.stop();
      for (const h of [hook, vmDeleteProtectionHook]) {
        const i = runtime.server.admissionHooks.indexOf(h);
        if (i >= 0) runtime.server.admissionHooks.splice(i, 1);
      }
    },
  };
};

export { schedule } from './scheduler';
export type { SchedulingInput, SchedulingResult } from './scheduler';

import { k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { VirtualMachineModel } from '../../../../../models';
import type { VirtualMachine } from '../../../../../models/types';
import { buildPatch, type Recipe } from '../../../../../utils/vmPatch';

/** Sends the precise JSON patch the recipes make of the VM (nothing when nothing changes). */
export const patchVM = async (
  vm: VirtualMachine,
  ...recipes: Recipe<VirtualMachine>[]
): Promise<void> => {
  const data = buildPatch(vm, ...recipes);
  if (data.length) await k8sPatch({ model: VirtualMachineModel, resource: vm, data });
};

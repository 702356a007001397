import { k8sGet, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { VirtualMachineModel } from '../../../../../models';
import type { VirtualMachine } from '../../../../../models/types';
import { changedSinceOpened, editConflictError } from '../../../../../utils/vmSpec/conflict';
import { buildPatch, type Recipe } from '../../../../../utils/vmPatch';

/**
 * Sends the precise JSON patch the recipes make of the VM (nothing when nothing changes).
 * `vm` is the version the dialog opened with: when someone changed its spec, labels or
 * annotations since, the save fails as a conflict; status updates are not a conflict, and the
 * patch is built on the latest version (still led by its resourceVersion test).
 */
export const patchVM = async (
  vm: VirtualMachine,
  ...recipes: Recipe<VirtualMachine>[]
): Promise<void> => {
  const latest = await k8sGet<VirtualMachine>({
    model: VirtualMachineModel,
    name: vm.metadata?.name,
    ns: vm.metadata?.namespace,
  });
  if (changedSinceOpened(vm, latest)) throw editConflictError(vm.metadata?.name ?? '');
  const data = buildPatch(latest, ...recipes);
  if (data.length) await k8sPatch({ model: VirtualMachineModel, resource: latest, data });
};

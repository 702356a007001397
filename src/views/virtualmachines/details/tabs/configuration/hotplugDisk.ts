import { consoleFetchJSON, k8sCreate } from '@openshift-console/dynamic-plugin-sdk';
import { DataVolumeModel } from '../../../../../models';
import type { VirtualMachine } from '../../../../../models/types';
import {
  hotplugAddVolumeOptions,
  hotplugDataVolume,
  type DiskForm,
} from '../../../../../utils/vmSpec/disks';

const SUBRESOURCES = '/api/kubernetes/apis/subresources.kubevirt.io/v1';

/**
 * Hot-plugs a disk into a running VM: creates the blank DataVolume first (an existing PVC is used
 * as it is), then asks KubeVirt's `addvolume` to attach it (SCSI) now and keep it in the spec.
 */
export const hotplugDisk = async (vm: VirtualMachine, form: DiskForm): Promise<void> => {
  if (form.source !== 'pvc') {
    await k8sCreate({ model: DataVolumeModel, data: hotplugDataVolume(vm, form) });
  }
  const ns = encodeURIComponent(vm.metadata?.namespace ?? '');
  const name = encodeURIComponent(vm.metadata?.name ?? '');
  await consoleFetchJSON.put(
    `${SUBRESOURCES}/namespaces/${ns}/virtualmachines/${name}/addvolume`,
    hotplugAddVolumeOptions(vm, form),
  );
};

/** Unplugs a hot-plugged disk from a running VM (`removevolume`); it leaves the spec too. */
export const unplugDisk = async (vm: VirtualMachine, diskName: string): Promise<void> => {
  const ns = encodeURIComponent(vm.metadata?.namespace ?? '');
  const name = encodeURIComponent(vm.metadata?.name ?? '');
  await consoleFetchJSON.put(
    `${SUBRESOURCES}/namespaces/${ns}/virtualmachines/${name}/removevolume`,
    { name: diskName },
  );
};

/**
 * Unplugs a disk hot-plugged into the running instance only (the VMI's `removevolume`): the VM
 * spec never had it, so the VM's `removevolume` would refuse it.
 */
export const unplugVMIDisk = async (vm: VirtualMachine, diskName: string): Promise<void> => {
  const ns = encodeURIComponent(vm.metadata?.namespace ?? '');
  const name = encodeURIComponent(vm.metadata?.name ?? '');
  await consoleFetchJSON.put(
    `${SUBRESOURCES}/namespaces/${ns}/virtualmachineinstances/${name}/removevolume`,
    { name: diskName },
  );
};

import type { V1Disk, V1Volume } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { KubeObject } from '../../apiserver/core/types';
import type { FieldChange } from '../handler/guardedPatch';
import type { Vmi } from '../handler/kubevirtObjects';
import { isRunning } from '../handler/kubevirtObjects';
import { KUBEVIRT, VM, VMI } from '../runtime/resources';
import { MESSAGES, subresourceBadRequest, vmConflict } from './subresourceErrors';
import { isDryRun } from './subresourceOptions';
import type { SubresourceHandler, SubresourceRequest } from './subresourceRequest';
import { readOptions, sendEmpty } from './subresourceRequest';
import type { VolumeRequest, VolumesAndDisks } from './volumeHotplug';
import {
  applyVolumeRequest,
  normalizeAddOptions,
  validateRemoveOptions,
  volumeRequestConflict,
} from './volumeHotplug';

type KubeVirtCr = KubeObject & {
  spec?: { configuration?: { developerConfiguration?: { featureGates?: string[] } } };
};

/** Hotplug needs KubeVirt's HotplugVolumes feature gate (HCO turns it on). */
const assertHotplugEnabled = async (r: SubresourceRequest, verb: 'Add' | 'Remove') => {
  const crs = await r.api.list<KubeVirtCr>(KUBEVIRT);
  const gates = crs[0]?.spec?.configuration?.developerConfiguration?.featureGates;
  if (crs.length && !gates?.includes('HotplugVolumes')) {
    throw subresourceBadRequest(
      `Unable to ${verb} Volume because HotplugVolumes feature gate is not enabled.`,
    );
  }
};

const volumesAndDisksOf = (spec: {
  volumes?: V1Volume[];
  domain: { devices: { disks?: V1Disk[] } };
}): VolumesAndDisks => ({
  volumes: spec.volumes ?? [],
  disks: spec.domain.devices.disks ?? [],
});

/** Replaces both lists, each tested against what was read (`base` is the VMI spec's path). */
const volumeChanges = (
  base: string,
  next: VolumesAndDisks,
  spec: {
    volumes?: V1Volume[];
    domain: { devices: { disks?: V1Disk[] } };
  },
): FieldChange[] => [
  { path: `${base}/volumes`, value: next.volumes, current: spec.volumes },
  { path: `${base}/domain/devices/disks`, value: next.disks, current: spec.domain.devices.disks },
];

const readRequest = async (r: SubresourceRequest, add: boolean): Promise<VolumeRequest> =>
  add
    ? { add: normalizeAddOptions(await readOptions(r, 'AddVolumeOptions')) }
    : { remove: validateRemoveOptions(await readOptions(r, 'RemoveVolumeOptions')) };

const dryRunOf = (request: VolumeRequest): boolean =>
  isDryRun(request.add ? request.add.dryRun : request.remove.dryRun);

/** Hotplugs into (or out of) the running VMI only. */
const patchVmi = async (
  r: SubresourceRequest,
  vmi: Vmi,
  request: VolumeRequest,
  dryRun: boolean,
): Promise<void> => {
  const current = volumesAndDisksOf(vmi.spec);
  const conflict = volumeRequestConflict(current.volumes, request);
  if (conflict) throw vmConflict('virtualmachineinstance', r.name, conflict);
  await r.api.patchFields(
    VMI,
    vmi,
    volumeChanges('/spec', applyVolumeRequest(current, request), vmi.spec),
    { dryRun, conflictOn: 'virtualmachineinstance' },
  );
};

/**
 * `virtualmachines/<name>/addvolume|removevolume`: the change is made permanent in the VM template
 * and, when the VM runs, hotplugged into its VMI. (KubeVirt queues it in `status.volumeRequests`
 * for the VM controller, which does the same two writes.)
 */
const vmVolumeHandler =
  (add: boolean): SubresourceHandler =>
  async (r) => {
    await assertHotplugEnabled(r, add ? 'Add' : 'Remove');
    const request = await readRequest(r, add);
    const dryRun = dryRunOf(request);
    const vm = await r.api.fetchVm(r.namespace, r.name);
    const template = vm.spec.template;
    if (!template) throw subresourceBadRequest('VM has no template');
    const templateSpec = template.spec ?? { domain: { devices: {} } };
    const current = volumesAndDisksOf(templateSpec);
    const conflict = volumeRequestConflict(current.volumes, request);
    if (conflict) throw vmConflict('virtualmachine', r.name, conflict);
    await r.api.patchFields(
      VM,
      vm,
      volumeChanges('/spec/template/spec', applyVolumeRequest(current, request), templateSpec),
      { dryRun, conflictOn: 'virtualmachine' },
    );
    const vmi = await r.api.findVmi(r.namespace, r.name);
    if (vmi && isRunning(vmi) && !volumeRequestConflict(vmi.spec.volumes ?? [], request)) {
      await patchVmi(r, vmi, request, dryRun);
    }
    sendEmpty(r.res, 202);
  };

/** `virtualmachineinstances/<name>/addvolume|removevolume`: hotplug for this VMI's life only. */
const vmiVolumeHandler =
  (add: boolean): SubresourceHandler =>
  async (r) => {
    await assertHotplugEnabled(r, add ? 'Add' : 'Remove');
    const request = await readRequest(r, add);
    const vmi = await r.api.fetchVmi(r.namespace, r.name);
    if (!isRunning(vmi)) {
      throw vmConflict('virtualmachineinstance', r.name, MESSAGES.vmiNotRunning);
    }
    await patchVmi(r, vmi, request, dryRunOf(request));
    sendEmpty(r.res, 202);
  };

export const addVolumeToVm = vmVolumeHandler(true);
export const removeVolumeFromVm = vmVolumeHandler(false);
export const addVolumeToVmi = vmiVolumeHandler(true);
export const removeVolumeFromVmi = vmiVolumeHandler(false);

import type { V1Volume } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { JsonPatchOp } from '../runtime/apiClient';
import { isConditionTrue } from '../runtime/conditions';
import { sameJson } from './equality';
import { isHotpluggableNic } from './nicHotplug';
import { isMigrating } from './printableStatus';
import { quantityValue } from './quantities';
import type { VirtualMachineInstance, VmiSpec } from './types';
import { isHotplugVolume } from './volumes';

/**
 * Which template edits need a restart (the VM's RestartRequired condition) and which ones
 * KubeVirt applies to the running VMI (with `vmRolloutStrategy: LiveUpdate`): more CPU sockets,
 * node selector, affinity, tolerations, and hot-plugged volumes and bridge NICs.
 * Both specs are the VMI specs the VM would produce, instance types already applied.
 */

export const NON_LIVE_UPDATABLE = 'a non-live-updatable field was changed in the template spec';

export interface TemplateChangePlan {
  /** The RestartRequired message; undefined when the running VMI matches (or is updated live). */
  restartRequired?: string;
  /** JSON patch for the VMI that brings the live-updatable changes to it. */
  vmiPatch: JsonPatchOp[];
}

const volumesByName = (spec: VmiSpec) => new Map((spec.volumes ?? []).map((v) => [v.name, v]));

/** KubeVirt's validLiveUpdateVolumes: only hot-pluggable volumes were added or removed. */
const liveVolumes = (last: VmiSpec, current: VmiSpec): boolean => {
  const old = volumesByName(last);
  for (const v of current.volumes ?? []) {
    const before = old.get(v.name);
    old.delete(v.name);
    if (isHotplugVolume(v)) continue;
    if (!before || !sameJson(before, v)) return false;
  }
  return [...old.values()].every((v: V1Volume) => isHotplugVolume(v));
};

const liveDisks = (last: VmiSpec, current: VmiSpec): boolean => {
  const oldDisks = new Map((last.domain.devices.disks ?? []).map((d) => [d.name, d]));
  const oldVols = volumesByName(last);
  const vols = volumesByName(current);
  for (const d of current.domain.devices.disks ?? []) {
    const before = oldDisks.get(d.name);
    oldDisks.delete(d.name);
    if (isHotplugVolume(vols.get(d.name))) continue;
    if (!before || !sameJson(before, d)) return false;
  }
  return [...oldDisks.values()].every((d) => !d.cdrom && isHotplugVolume(oldVols.get(d.name)));
};

const coldNics = (spec: VmiSpec) => ({
  interfaces: (spec.domain.devices.interfaces ?? []).filter(
    (i) => !isHotpluggableNic(i, spec.networks),
  ),
  networks: (spec.networks ?? []).filter((n) => {
    const iface = spec.domain.devices.interfaces?.find((i) => i.name === n.name);
    return !iface || !isHotpluggableNic(iface, spec.networks);
  }),
});

/**
 * A template without NICs started with the pod network KubeVirt attaches by default; writing that
 * NIC out later (as the console does before adding a secondary one) is no change.
 */
const withImplicitPodNic = (spec: VmiSpec, vmi: VirtualMachineInstance): VmiSpec => {
  const devices = spec.domain.devices;
  if (
    devices.interfaces?.length ||
    spec.networks?.length ||
    devices.autoattachPodInterface === false
  )
    return spec;
  const network = vmi.spec.networks?.find((n) => n.pod);
  const iface = vmi.spec.domain.devices.interfaces?.find((i) => i.name === network?.name);
  if (!network || !iface) return spec;
  return {
    ...spec,
    domain: { ...spec.domain, devices: { ...devices, interfaces: [iface] } },
    networks: [network],
  };
};

const socketsOf = (spec: VmiSpec): number => spec.domain.cpu?.sockets || 1;

const guestMemory = (spec: VmiSpec): number =>
  quantityValue(spec.domain.memory?.guest ?? spec.domain.resources?.requests?.memory);

/** Copies the fields KubeVirt may change on a running VMI from `current` into `last`. */
const neutraliseLiveFields = (
  last: VmiSpec,
  current: VmiSpec,
  vmi: VirtualMachineInstance | undefined,
  liveUpdate: boolean,
): VmiSpec => {
  const out = structuredClone(last);
  if (liveVolumes(last, current)) out.volumes = current.volumes;
  if (liveDisks(last, current)) out.domain.devices.disks = current.domain.devices.disks;
  if (liveUpdate) {
    if (out.domain.cpu && current.domain.cpu) out.domain.cpu.sockets = current.domain.cpu.sockets;
    if (current.domain.memory?.guest)
      out.domain.memory = { ...out.domain.memory, guest: current.domain.memory.guest };
    out.nodeSelector = current.nodeSelector;
    out.affinity = current.affinity;
    out.tolerations = current.tolerations;
  }
  if (sameJson(coldNics(out), coldNics(current))) {
    out.domain.devices.interfaces = current.domain.devices.interfaces;
    out.networks = current.networks;
  }
  const uuid = vmi?.spec.domain.firmware?.uuid;
  if (uuid && current.domain.firmware?.uuid === uuid)
    out.domain.firmware = { ...out.domain.firmware, uuid };
  return out;
};

const cpuPlan = (current: VmiSpec, vmi: VirtualMachineInstance): TemplateChangePlan | undefined => {
  const want = socketsOf(current);
  const have = socketsOf(vmi.spec);
  if (want === have) return undefined;
  const max = vmi.spec.domain.cpu?.maxSockets ?? have;
  if (want > max)
    return {
      restartRequired:
        "CPU sockets updated in template spec to a value higher than what's available",
      vmiPatch: [],
    };
  if (want < have)
    return { restartRequired: 'Reduction of CPU socket count requires a restart', vmiPatch: [] };
  return {
    vmiPatch: [
      { op: 'test', path: '/spec/domain/cpu/sockets', value: have },
      { op: 'replace', path: '/spec/domain/cpu/sockets', value: want },
    ],
  };
};

const memoryPlan = (current: VmiSpec, vmi: VirtualMachineInstance): string | undefined => {
  if (guestMemory(current) === guestMemory(vmi.spec)) return undefined;
  if (!isConditionTrue(vmi.status?.conditions, 'LiveMigratable'))
    return 'memory updated in template spec. Memory-hotplug is only available for migratable VMs';
  // Memory hotplug goes through a live migration, which the local cluster does not perform for it.
  return 'memory updated in template spec. Memory-hotplug is not available for this VM configuration';
};

const placementPatch = (current: VmiSpec, vmi: VirtualMachineInstance): JsonPatchOp[] => {
  const ops: JsonPatchOp[] = [];
  for (const field of ['nodeSelector', 'affinity', 'tolerations'] as const) {
    const want = current[field];
    const have = vmi.spec[field];
    if (sameJson(want, have)) continue;
    if (want === undefined) ops.push({ op: 'remove', path: `/spec/${field}` });
    else
      ops.push({ op: have === undefined ? 'add' : 'replace', path: `/spec/${field}`, value: want });
  }
  return ops;
};

/**
 * `lastSeen` is the spec the running VMI was started from; undefined means the VM has no running
 * VMI (nothing to compare, no restart needed).
 */
export const planTemplateChange = (
  lastSeen: VmiSpec | undefined,
  current: VmiSpec,
  vmi: VirtualMachineInstance | undefined,
  liveUpdate: boolean,
): TemplateChangePlan => {
  if (!lastSeen || !vmi || vmi.metadata.deletionTimestamp) return { vmiPatch: [] };
  // Both sides, or a VM that never lists a NIC would differ from its own start spec.
  const last = withImplicitPodNic(lastSeen, vmi);
  const wanted = withImplicitPodNic(current, vmi);
  if (!sameJson(neutraliseLiveFields(last, wanted, vmi, liveUpdate), wanted))
    return { restartRequired: NON_LIVE_UPDATABLE, vmiPatch: [] };
  if (!liveUpdate || isMigrating(vmi)) return { vmiPatch: [] };
  const cpu = cpuPlan(current, vmi);
  if (cpu?.restartRequired) return cpu;
  const memory = memoryPlan(current, vmi);
  if (memory) return { restartRequired: memory, vmiPatch: [] };
  return { vmiPatch: [...(cpu?.vmiPatch ?? []), ...placementPatch(current, vmi)] };
};

import type { V1Interface, V1Network } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { JsonPatchOp } from '../runtime/apiClient';
import { sameJson } from './equality';
import type { VirtualMachineInstance, VmiSpec } from './types';

/**
 * NIC hot plug and unplug on a running VM, as KubeVirt's VM network controller syncs them:
 * a bridge-bound virtio NIC on a secondary (Multus) network added to the VM template is added to
 * the VMI; one set to `state: absent` is marked absent on the VMI (the guest loses it); once the
 * VMI no longer reports an absent NIC, it is dropped from both specs.
 */

/** Bridge-bound virtio NICs on a non-default Multus network can be plugged into a running VMI. */
export const isHotpluggableNic = (
  iface: V1Interface,
  networks: V1Network[] | undefined,
): boolean => {
  const multus = networks?.find((n) => n.name === iface.name)?.multus as
    { default?: boolean } | undefined;
  return Boolean(
    iface.bridge && multus && !multus.default && (iface.model ?? 'virtio') === 'virtio',
  );
};

interface Nics {
  interfaces: V1Interface[];
  networks: V1Network[];
}

/** Drops absent NICs the VMI no longer reports, with their networks. */
export const clearDetachedNics = (nics: Nics, reported: Set<string>): Nics => {
  const interfaces = nics.interfaces.filter((i) => i.state !== 'absent' || reported.has(i.name));
  const kept = new Set(interfaces.map((i) => i.name));
  return { interfaces, networks: nics.networks.filter((n) => kept.has(n.name)) };
};

/** The VMI's NICs after applying the VM's hot plug and unplug requests to them. */
const applyNicRequests = (vm: Nics, vmi: Nics): Nics => {
  const out = structuredClone(vmi);
  for (const iface of vm.interfaces) {
    const current = out.interfaces.find((i) => i.name === iface.name);
    if (!current) {
      const network = vm.networks.find((n) => n.name === iface.name);
      if (iface.state !== 'absent' && network && isHotpluggableNic(iface, vm.networks)) {
        out.interfaces.push(iface);
        out.networks.push(network);
      }
    } else if (iface.state !== current.state && current.state !== 'absent') {
      if (iface.state) current.state = iface.state;
      else delete current.state;
    }
  }
  return out;
};

const nicsOf = (spec: VmiSpec | undefined): Nics => ({
  interfaces: spec?.domain.devices.interfaces ?? [],
  networks: spec?.networks ?? [],
});

/** Test-and-replace ops for a spec's NIC lists at `prefix` (`/spec` or `/spec/template/spec`). */
const replaceNics = (prefix: string, before: Nics, after: Nics, spec: VmiSpec): JsonPatchOp[] => {
  if (sameJson(before, after)) return [];
  const ops: JsonPatchOp[] = [];
  const lists = [
    [`${prefix}/domain/devices/interfaces`, spec.domain.devices.interfaces, after.interfaces],
    [`${prefix}/networks`, spec.networks, after.networks],
  ] as const;
  for (const [path, was, next] of lists) {
    if (sameJson(was ?? [], next)) continue;
    if (was) ops.push({ op: 'test', path, value: was }, { op: 'replace', path, value: next });
    else ops.push({ op: 'add', path, value: next });
  }
  return ops;
};

export interface NicSyncPlan {
  /** Patch for the VM (absent NICs the VMI no longer reports leave its template). */
  vmPatch: JsonPatchOp[];
  /** Patch for the VMI (NICs plugged, marked absent, or cleared). */
  vmiPatch: JsonPatchOp[];
}

/**
 * `template` is the VM's own template spec (for its patch), `expanded` the VMI spec the VM would
 * produce now (instance type and preference applied), `vmi` the running instance.
 */
export const planNicSync = (
  template: VmiSpec | undefined,
  expanded: VmiSpec,
  vmi: VirtualMachineInstance,
): NicSyncPlan => {
  if (vmi.metadata.deletionTimestamp || !template) return { vmPatch: [], vmiPatch: [] };
  const reported = new Set((vmi.status?.interfaces ?? []).map((s) => s.name ?? ''));
  const vmBefore = nicsOf(template);
  const vmAfter = clearDetachedNics(vmBefore, reported);
  const wanted = clearDetachedNics(nicsOf(expanded), reported);
  const vmiBefore = nicsOf(vmi.spec);
  const vmiAfter = applyNicRequests(wanted, clearDetachedNics(vmiBefore, reported));
  return {
    vmPatch: replaceNics('/spec/template/spec', vmBefore, vmAfter, template),
    vmiPatch: replaceNics('/spec', vmiBefore, vmiAfter, vmi.spec),
  };
};

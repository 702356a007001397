import type { VirtualMachine, VirtualMachineInstance } from '../../models/types';
import type { Recipe } from '../vmPatch';
import type { VMInterface, VMNetwork } from './types';
import { draftTemplateSpec, pruneEmpty } from './types';

export type NICModel = 'virtio' | 'e1000e';

/** What the network interface dialog collects. */
export type NICForm = {
  name: string;
  model: NICModel;
  /** `pod` = the pod network (masquerade); otherwise a NetworkAttachmentDefinition (bridge). */
  network: { kind: 'pod' } | { kind: 'multus'; networkName: string };
  macAddress?: string;
};

const MAC = /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/;

/** A MAC address (`02:00:00:00:00:01`), empty allowed (the cluster assigns one). */
export const isValidMAC = (mac: string | undefined): boolean => !mac || MAC.test(mac);

/**
 * Adds a NIC, or replaces the one named `originalName`: the interface and its network are kept in
 * sync (network name = interface name), the interface's other fields (boot order, ports) kept.
 */
export const upsertNIC =
  (form: NICForm, originalName?: string): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    // A VM that lists no NICs gets the pod network implicitly; the first explicit NIC would
    // silently take it away on the next start, so it is written out first.
    const implicitPod =
      !spec.domain.devices.interfaces?.length &&
      !spec.networks?.length &&
      spec.domain.devices.autoattachPodInterface !== false &&
      form.network.kind === 'multus';
    const interfaces: VMInterface[] = implicitPod
      ? [{ name: 'default', masquerade: {} }]
      : (spec.domain.devices.interfaces ?? []);
    const networks: VMNetwork[] = implicitPod
      ? [{ name: 'default', pod: {} }]
      : (spec.networks ?? []);
    const old = interfaces.find((i) => i.name === originalName);
    const next: VMInterface = {
      ...(old ?? {}),
      name: form.name,
      model: form.model,
    };
    delete next.masquerade;
    delete next.bridge;
    delete next.sriov;
    if (form.network.kind === 'pod') next.masquerade = {};
    else next.bridge = {};
    if (form.macAddress) next.macAddress = form.macAddress;
    else delete next.macAddress;
    const network: VMNetwork =
      form.network.kind === 'pod'
        ? { name: form.name, pod: {} }
        : { name: form.name, multus: { networkName: form.network.networkName } };
    const index = old ? interfaces.indexOf(old) : -1;
    spec.domain.devices.interfaces =
      index >= 0 ? interfaces.map((i, n) => (n === index ? next : i)) : [...interfaces, next];
    const netIndex = networks.findIndex((n) => n.name === (originalName ?? form.name));
    spec.networks =
      netIndex >= 0
        ? networks.map((n, i) => (i === netIndex ? network : n))
        : [...networks, network];
  };

/** Removes a NIC: its interface and its network. */
export const removeNIC =
  (name: string): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    spec.domain.devices.interfaces = (spec.domain.devices.interfaces ?? []).filter(
      (i) => i.name !== name,
    );
    spec.networks = (spec.networks ?? []).filter((n) => n.name !== name);
    // Without this, virt-api gives a VM with no interfaces the pod network one back.
    if (!spec.domain.devices.interfaces.length) spec.domain.devices.autoattachPodInterface = false;
    pruneEmpty(spec.domain.devices, 'interfaces');
    pruneEmpty(spec, 'networks');
  };

/**
 * Whether KubeVirt can plug the NIC into the running VM: virtio on a bridge to a
 * NetworkAttachmentDefinition (the VM then migrates to a pod that has the network).
 */
export const isHotpluggableNIC = (nic: { model?: string; network: { kind: string } }): boolean =>
  nic.network.kind === 'multus' && (nic.model ?? 'virtio') === 'virtio';

/**
 * Hot unplug from a running VM: the NIC stays in the spec marked `absent` until KubeVirt has taken
 * it out of the guest and its pod, then KubeVirt drops it from the spec itself.
 */
export const unplugNIC =
  (name: string): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    const iface = spec.domain.devices.interfaces?.find((i) => i.name === name);
    if (iface) iface.state = 'absent';
  };

/**
 * Where a NIC is: in the guest; in the spec only (applies on restart); plugged into the running
 * instance but not in the guest yet (the migration that brings it runs); or being unplugged.
 */
export type NICState = 'active' | 'pendingRestart' | 'hotplugging' | 'unplugging';

/** One row of the NICs table. */
export type NICRow = {
  name: string;
  model?: string;
  /** `Pod networking` or the NAD's name. */
  network: { kind: 'pod' } | { kind: 'multus'; networkName: string } | { kind: 'none' };
  type: 'masquerade' | 'bridge' | 'sriov' | 'other';
  macAddress?: string;
  state: NICState;
};

const stateOf = (
  name: string,
  absent: boolean,
  vmi: VirtualMachineInstance | undefined,
): NICState => {
  if (!vmi) return 'active';
  if (absent) return 'unplugging';
  if (!(vmi.spec?.domain?.devices?.interfaces ?? []).some((i) => i.name === name))
    return 'pendingRestart';
  if (!(vmi.status?.interfaces ?? []).some((i) => i.name === name)) return 'hotplugging';
  return 'active';
};

export const getNICRows = (vm: VirtualMachine, vmi?: VirtualMachineInstance): NICRow[] => {
  const spec = vm.spec?.template?.spec;
  return (spec?.domain?.devices?.interfaces ?? []).map((iface) => {
    const network = spec?.networks?.find((n) => n.name === iface.name);
    const mac =
      iface.macAddress ??
      vmi?.status?.interfaces?.find((s) => s.name === iface.name)?.mac ??
      undefined;
    return {
      name: iface.name,
      model: iface.model,
      network: network?.pod
        ? { kind: 'pod' }
        : network?.multus
          ? { kind: 'multus', networkName: network.multus.networkName }
          : { kind: 'none' },
      type: iface.masquerade
        ? 'masquerade'
        : iface.bridge
          ? 'bridge'
          : iface.sriov
            ? 'sriov'
            : 'other',
      macAddress: mac,
      state: stateOf(iface.name, iface.state === 'absent', vmi),
    };
  });
};

/** Whether the VM already has a pod network (there can be only one), other than `exceptName`. */
export const hasPodNetwork = (vm: VirtualMachine, exceptName?: string): boolean =>
  (vm.spec?.template?.spec?.networks ?? []).some((n) => n.pod && n.name !== exceptName);

/** Whether a NIC name is already used, other than `exceptName`. */
export const isNICNameTaken = (vm: VirtualMachine, name: string, exceptName?: string): boolean =>
  name !== exceptName &&
  ((vm.spec?.template?.spec?.domain?.devices?.interfaces ?? []).some((i) => i.name === name) ||
    (vm.spec?.template?.spec?.networks ?? []).some((n) => n.name === name));

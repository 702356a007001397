import type { VirtualMachine, VirtualMachineInstance } from '../../models/types';
import type { VMDisplayStatus } from '../vmStatus';
import { getVMIStatus, getVMStatus } from '../vmStatus';
import {
  getInstanceTypeName,
  getIPAddresses,
  getMemory,
  getNodeName,
  getOperatingSystem,
  getTemplateName,
  getVCPUs,
  resourceKey,
} from '../vmFields';

/** The fields every row has, whether a VM or a standalone VMI. */
type ListEntryFields = {
  key: string;
  name: string;
  namespace: string;
  created: string;
  status: VMDisplayStatus;
  template?: string;
  instanceType?: string;
  os?: string;
  node?: string;
  ips: string[];
  /** `key=value` of every label. */
  labels: string[];
  vcpus?: number;
  memory?: string;
  /** Types of the VM's conditions that hold (status True), as the console's Conditions column. */
  conditions: string[];
};

/** A VM row: the VM and, while it runs, its instance. */
export type VMEntry = ListEntryFields & {
  vm: VirtualMachine;
  vmi?: VirtualMachineInstance;
  standalone?: false;
};

/** A row for a VMI that no VM owns (created directly): listed too, with its own badge. */
export type StandaloneVMIEntry = ListEntryFields & {
  vm?: undefined;
  vmi: VirtualMachineInstance;
  standalone: true;
};

/**
 * One row of the VM list and every field the filters, sort and CSV read, derived once per watch
 * update so that a filter keystroke only compares strings.
 */
export type VMListEntry = VMEntry | StandaloneVMIEntry;

const labelsOf = (labels?: Record<string, string>): string[] =>
  Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);

const conditionsOf = (obj: {
  status?: { conditions?: { type: string; status: string }[] };
}): string[] =>
  (obj.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);

export const toVMListEntry = (vm: VirtualMachine, vmi?: VirtualMachineInstance): VMEntry => ({
  key: resourceKey(vm),
  vm,
  vmi,
  name: vm.metadata?.name ?? '',
  namespace: vm.metadata?.namespace ?? '',
  created: vm.metadata?.creationTimestamp ?? '',
  status: getVMStatus(vm),
  template: getTemplateName(vm),
  instanceType: getInstanceTypeName(vm),
  os: getOperatingSystem(vm, vmi),
  node: getNodeName(vmi),
  ips: getIPAddresses(vmi),
  labels: labelsOf(vm.metadata?.labels),
  vcpus: getVCPUs(vm, vmi),
  memory: getMemory(vm, vmi),
  conditions: conditionsOf(vm),
});

export const toStandaloneVMIEntry = (vmi: VirtualMachineInstance): StandaloneVMIEntry => ({
  key: resourceKey(vmi),
  vmi,
  standalone: true,
  name: vmi.metadata?.name ?? '',
  namespace: vmi.metadata?.namespace ?? '',
  created: vmi.metadata?.creationTimestamp ?? '',
  status: getVMIStatus(vmi),
  os: vmi.status?.guestOSInfo?.prettyName || vmi.status?.guestOSInfo?.name,
  node: getNodeName(vmi),
  ips: getIPAddresses(vmi),
  labels: labelsOf(vmi.metadata?.labels),
  vcpus: getVCPUs(undefined, vmi),
  memory: getMemory(undefined, vmi),
  conditions: conditionsOf(vmi),
});

/** A VMI that a VM owns: its VM row shows it, even while the VM is not in the list yet. */
const isOwnedByVM = (vmi: VirtualMachineInstance): boolean =>
  (vmi.metadata?.ownerReferences ?? []).some(
    (o) => o.kind === 'VirtualMachine' && o.apiVersion.startsWith('kubevirt.io/'),
  );

/**
 * Joins the VM list with the VMI list (one watch each) by namespace/name; VMIs that no VM owns
 * become rows of their own. Entries of VMs whose
 * objects did not change are reused, so memoized rows skip re-rendering.
 */
export const joinVMListEntries = (
  vms: VirtualMachine[],
  vmis: VirtualMachineInstance[],
  previous?: Map<string, VMListEntry>,
): Map<string, VMListEntry> => {
  const vmiByKey = new Map(vmis.map((vmi) => [resourceKey(vmi), vmi]));
  const next = new Map<string, VMListEntry>();
  for (const vm of vms) {
    const key = resourceKey(vm);
    const vmi = vmiByKey.get(key);
    const old = previous?.get(key);
    next.set(key, old && old.vm === vm && old.vmi === vmi ? old : toVMListEntry(vm, vmi));
  }
  for (const [key, vmi] of vmiByKey) {
    if (next.has(key) || isOwnedByVM(vmi)) continue;
    const old = previous?.get(key);
    next.set(key, old?.standalone && old.vmi === vmi ? old : toStandaloneVMIEntry(vmi));
  }
  return next;
};

import type { VirtualMachine, VirtualMachineInstance } from '../../models/types';
import type { VMDisplayStatus } from '../vmStatus';
import { getVMStatus } from '../vmStatus';
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

/**
 * One row of the VM list: the VM, its instance and every field the filters, sort and CSV read,
 * derived once per watch update so that a filter keystroke only compares strings.
 */
export type VMListEntry = {
  key: string;
  vm: VirtualMachine;
  vmi?: VirtualMachineInstance;
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

const conditionsOf = (vm: VirtualMachine): string[] =>
  (vm.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);

export const toVMListEntry = (vm: VirtualMachine, vmi?: VirtualMachineInstance): VMListEntry => ({
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
  labels: Object.entries(vm.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`),
  vcpus: getVCPUs(vm, vmi),
  memory: getMemory(vm, vmi),
  conditions: conditionsOf(vm),
});

/**
 * Joins the VM list with the VMI list (one watch each) by namespace/name. Entries of VMs whose
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
  return next;
};

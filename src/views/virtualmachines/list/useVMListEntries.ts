import { useMemo, useRef } from 'react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { VM_GVK, VMI_GVK } from '../../../models/gvks';
import type { VirtualMachine, VirtualMachineInstance } from '../../../models/types';
import { joinVMListEntries, type VMListEntry } from '../../../utils/vmList/entries';

/**
 * The list's data: one VM watch and one VMI watch for the whole list (no per-row watches), joined
 * into entries. Unchanged VMs keep their entry object so memoized rows skip re-rendering.
 */
export const useVMListEntries = (
  namespace?: string,
): [entries: VMListEntry[], loaded: boolean, loadError: unknown] => {
  const [vms, vmsLoaded, vmsError] = useK8sWatchResource<VirtualMachine[]>({
    groupVersionKind: VM_GVK,
    isList: true,
    namespace,
    namespaced: true,
  });
  // The VMI list only adds node, IPs and guest OS; the VMs show without it.
  const [vmis] = useK8sWatchResource<VirtualMachineInstance[]>({
    groupVersionKind: VMI_GVK,
    isList: true,
    namespace,
    namespaced: true,
  });
  const previous = useRef<Map<string, VMListEntry>>(undefined);
  const entries = useMemo(() => {
    const joined = joinVMListEntries(vms ?? [], vmis ?? [], previous.current);
    previous.current = joined;
    return [...joined.values()];
  }, [vms, vmis]);
  return [entries, vmsLoaded, vmsError];
};

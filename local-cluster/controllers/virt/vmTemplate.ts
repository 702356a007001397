import { REASON } from './kubevirtNames';
import { expandInstancetype } from './instancetypeExpansion';
import type { Found, InstancetypeLookup } from './instancetypeSource';
import { findInstancetype, findPreference } from './instancetypeSource';
import type { InstancetypeSpec, PreferenceSpec, VirtualMachine, VmiSpec } from './types';

/**
 * A VM's template as its VMI will get it (instance type and preference applied), and the
 * "start revision" KubeVirt keeps of the VM spec each VMI started from, which RestartRequired
 * compares against.
 */

export interface Failure {
  reason: string;
  message: string;
}

export const startRevisionName = (vm: VirtualMachine): string =>
  `revision-start-vm-${vm.metadata.uid ?? ''}-${vm.metadata.generation ?? 1}`;

/** The VM spec as the start revision stores it: matchers pinned to the revisions in use. */
export const pinnedSpec = (vm: VirtualMachine) => {
  const spec = structuredClone(vm.spec);
  const itRev = vm.status?.instancetypeRef?.controllerRevisionRef?.name;
  const prefRev = vm.status?.preferenceRef?.controllerRevisionRef?.name;
  if (spec.instancetype && itRev && !spec.instancetype.revisionName)
    spec.instancetype.revisionName = itRev;
  if (spec.preference && prefRev && !spec.preference.revisionName)
    spec.preference.revisionName = prefRev;
  return spec;
};

/** The VMI spec a VM's template yields with its instance type and preference applied. */
export const expandedTemplate = (
  vm: VirtualMachine,
  lookup: InstancetypeLookup,
):
  | {
      spec: VmiSpec;
      annotations: Record<string, string>;
      instancetype?: Found<InstancetypeSpec>;
      preference?: Found<PreferenceSpec>;
    }
  | { error: Failure } => {
  const it = findInstancetype(vm, lookup);
  if (it && 'error' in it)
    return { error: { reason: 'FailedFindInstancetype', message: it.error } };
  const pref = findPreference(vm, lookup);
  if (pref && 'error' in pref)
    return { error: { reason: 'FailedFindPreference', message: pref.error } };
  const template = vm.spec.template.spec ?? { domain: { devices: {} } };
  const r = expandInstancetype(
    template,
    vm.spec.template.metadata?.annotations,
    it?.spec,
    pref?.spec,
    'spec',
  );
  if (r.topologyError) return { error: { reason: REASON.failedCreate, message: r.topologyError } };
  if (r.conflicts.length)
    return {
      error: {
        reason: REASON.failedCreate,
        message: `Error creating virtual machine instance: Failed to apply instancetype: VMI conflicts with instancetype spec in fields: [${r.conflicts.join(', ')}]`,
      },
    };
  return { spec: r.spec, annotations: r.annotations, instancetype: it, preference: pref };
};

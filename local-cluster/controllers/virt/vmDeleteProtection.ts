import { forbidden } from '../../apiserver/core/statusError';
import type { AdmissionHook } from '../../apiserver/rest/resourceService';

export const DELETE_PROTECTION_LABEL = 'kubevirt.io/vm-delete-protection';
export const DELETE_PROTECTION_POLICY = 'kubevirt-vm-deletion-protection';

/** KubeVirt's policy matches only these two spellings of true. */
const PROTECTED = /^(true|True)$/;

/**
 * The ValidatingAdmissionPolicy KubeVirt installs for VM delete protection: a DELETE of a
 * VirtualMachine labelled `kubevirt.io/vm-delete-protection: "true"` is refused with 403, as
 * kube-apiserver words a policy denial, whoever asks (the namespace controller and the garbage
 * collector too, so a protected VM keeps its namespace terminating until the label goes).
 */
export const vmDeleteProtectionHook: AdmissionHook = ({ operation, kind, oldObject }) => {
  if (operation !== 'DELETE' || kind.group !== 'kubevirt.io' || kind.kind !== 'VirtualMachine')
    return;
  const value = oldObject?.metadata.labels?.[DELETE_PROTECTION_LABEL];
  if (value === undefined || !PROTECTED.test(value)) return;
  const name = oldObject?.metadata.name ?? '';
  throw forbidden(
    `virtualmachines.kubevirt.io "${name}" is forbidden: ValidatingAdmissionPolicy '${DELETE_PROTECTION_POLICY}' with binding '${DELETE_PROTECTION_POLICY}-binding' denied request: VirtualMachine ${name} cannot be deleted while its label ${DELETE_PROTECTION_LABEL} is true; remove the label first`,
    { name, group: 'kubevirt.io', kind: 'virtualmachines' },
  );
};

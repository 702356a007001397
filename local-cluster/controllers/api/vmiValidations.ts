import type { StatusError } from '../../apiserver/core/statusError';
import type { Vmi } from '../handler/kubevirtObjects';
import { hasCondition, hasConditionTrue, isRunning, phaseOf } from '../handler/kubevirtObjects';
import { MESSAGES, subresourceBadRequest, vmConflict, vmForbidden } from './subresourceErrors';

/**
 * The checks virt-api runs on a VMI before it asks virt-handler for something, with KubeVirt's
 * codes and messages (pkg/virt-api/rest). Each returns the error to answer, or undefined.
 */
export type VmiValidation = (vmi: Vmi) => StatusError | undefined;

const nameOf = (vmi: Vmi): string => vmi.metadata.name ?? '';

const conflict = (vmi: Vmi, why: string): StatusError =>
  vmConflict('virtualmachineinstance', nameOf(vmi), why);

const migrating = (vmi: Vmi): boolean => {
  const state = vmi.status?.migrationState;
  return state !== undefined && state !== null && !state.completed;
};

export const validatePause: VmiValidation = (vmi) => {
  // Sic: pause answers "VM is not running" where unpause says "VMI".
  if (!isRunning(vmi)) return conflict(vmi, MESSAGES.vmNotRunning);
  if (vmi.spec.livenessProbe) {
    return vmForbidden(
      'virtualmachineinstance',
      nameOf(vmi),
      'Pausing VMIs with LivenessProbe is currently not supported',
    );
  }
  if (hasCondition(vmi, 'Paused')) return conflict(vmi, 'VMI is already paused');
  if (migrating(vmi)) {
    return conflict(vmi, `Cannot pause VM '${nameOf(vmi)}' because it is currently being migrated`);
  }
  return undefined;
};

export const validateUnpause: VmiValidation = (vmi) => {
  if (!isRunning(vmi)) return conflict(vmi, MESSAGES.vmiNotRunning);
  if (!hasCondition(vmi, 'Paused')) return conflict(vmi, MESSAGES.vmiNotPaused);
  return undefined;
};

export const validateSoftReboot: VmiValidation = (vmi) => {
  if (!isRunning(vmi)) return conflict(vmi, MESSAGES.vmNotRunning);
  if (hasConditionTrue(vmi, 'Paused')) return conflict(vmi, 'VMI is paused');
  // Without the agent the reboot goes through ACPI, which is on unless switched off explicitly.
  if (!hasCondition(vmi, 'AgentConnected') && vmi.spec.domain.features?.acpi?.enabled === false) {
    return conflict(vmi, 'VMI neither have the agent connected nor the ACPI feature enabled');
  }
  return undefined;
};

/** guestosinfo, userlist and filesystemlist come from the guest agent. */
export const validateGuestAgent: VmiValidation = (vmi) => {
  if (!isRunning(vmi)) return conflict(vmi, MESSAGES.vmiNotRunning);
  if (!hasCondition(vmi, 'AgentConnected')) return conflict(vmi, MESSAGES.vmiGuestAgent);
  return undefined;
};

export const validateVnc: VmiValidation = (vmi) => {
  if (vmi.spec.domain.devices.autoattachGraphicsDevice === false) {
    return subresourceBadRequest('No graphics devices are present.');
  }
  if (!isRunning(vmi)) return subresourceBadRequest(MESSAGES.vmiNotRunning);
  return undefined;
};

export const validateConsole: VmiValidation = (vmi) => {
  if (vmi.spec.domain.devices.autoattachSerialConsole === false) {
    return subresourceBadRequest('No serial consoles are present.');
  }
  if (phaseOf(vmi) === 'Failed') return conflict(vmi, 'VMI is in failed status');
  if (!isRunning(vmi)) return subresourceBadRequest(MESSAGES.vmiNotRunning);
  return undefined;
};

/** virt-api reaches virt-handler only for a VMI placed on a node. */
export const validateHandlerReachable: VmiValidation = (vmi) => {
  const phase = phaseOf(vmi);
  if (phase === 'Running' || phase === 'Scheduled') return undefined;
  return subresourceBadRequest(
    `Unable to connect to VirtualMachineInstance because phase is ${phase} instead of Running or Scheduled`,
  );
};

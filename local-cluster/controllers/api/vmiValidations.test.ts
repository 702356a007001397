import { describe, expect, it } from 'vitest';
import type { Vmi } from '../handler/kubevirtObjects';
import type { VmiValidation } from './vmiValidations';
import {
  validateConsole,
  validateGuestAgent,
  validateHandlerReachable,
  validatePause,
  validateSoftReboot,
  validateUnpause,
  validateVnc,
} from './vmiValidations';

const vmi = (
  phase: string,
  conditions: { type: string; status: string }[] = [],
  spec: Record<string, unknown> = {},
  status: Record<string, unknown> = {},
): Vmi =>
  ({
    metadata: { name: 'v', namespace: 'ns' },
    spec: { domain: { devices: {} }, ...spec },
    status: { phase, conditions, ...status },
  }) as Vmi;

const paused = { type: 'Paused', status: 'True' };
const agent = { type: 'AgentConnected', status: 'True' };
const onVmi = (why: string) =>
  `Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io "v": ${why}`;

const answer = (validate: VmiValidation, instance: Vmi) => {
  const err = validate(instance);
  return err && { code: err.code, message: err.message };
};

describe('VMI validations', () => {
  it.each([
    ['pause', validatePause, vmi('Running'), undefined],
    ['pause', validatePause, vmi('Scheduled'), { code: 409, message: onVmi('VM is not running') }],
    [
      'pause',
      validatePause,
      vmi('Running', [paused]),
      { code: 409, message: onVmi('VMI is already paused') },
    ],
    [
      'pause',
      validatePause,
      vmi('Running', [], { livenessProbe: { tcpSocket: { port: 22 } } }),
      {
        code: 403,
        message:
          'virtualmachineinstance.kubevirt.io "v" is forbidden: Pausing VMIs with LivenessProbe is currently not supported',
      },
    ],
    [
      'pause',
      validatePause,
      vmi('Running', [], {}, { migrationState: { completed: false } }),
      { code: 409, message: onVmi("Cannot pause VM 'v' because it is currently being migrated") },
    ],
    ['unpause', validateUnpause, vmi('Running', [paused]), undefined],
    [
      'unpause',
      validateUnpause,
      vmi('Running'),
      { code: 409, message: onVmi('VMI is not paused') },
    ],
    [
      'unpause',
      validateUnpause,
      vmi('Failed'),
      { code: 409, message: onVmi('VMI is not running') },
    ],
    ['softreboot', validateSoftReboot, vmi('Running'), undefined],
    [
      'softreboot',
      validateSoftReboot,
      vmi('Running', [paused]),
      { code: 409, message: onVmi('VMI is paused') },
    ],
    [
      'softreboot',
      validateSoftReboot,
      vmi('Running', [], { domain: { devices: {}, features: { acpi: { enabled: false } } } }),
      {
        code: 409,
        message: onVmi('VMI neither have the agent connected nor the ACPI feature enabled'),
      },
    ],
    ['guest agent', validateGuestAgent, vmi('Running', [agent]), undefined],
    [
      'guest agent',
      validateGuestAgent,
      vmi('Running'),
      { code: 409, message: onVmi('VMI does not have guest agent connected') },
    ],
    ['vnc', validateVnc, vmi('Running'), undefined],
    ['vnc', validateVnc, vmi('Pending'), { code: 400, message: 'VMI is not running' }],
    [
      'vnc',
      validateVnc,
      vmi('Running', [], { domain: { devices: { autoattachGraphicsDevice: false } } }),
      { code: 400, message: 'No graphics devices are present.' },
    ],
    [
      'console',
      validateConsole,
      vmi('Failed'),
      { code: 409, message: onVmi('VMI is in failed status') },
    ],
    ['console', validateConsole, vmi('Succeeded'), { code: 400, message: 'VMI is not running' }],
    [
      'console',
      validateConsole,
      vmi('Running', [], { domain: { devices: { autoattachSerialConsole: false } } }),
      { code: 400, message: 'No serial consoles are present.' },
    ],
    ['node', validateHandlerReachable, vmi('Scheduled'), undefined],
    [
      'node',
      validateHandlerReachable,
      vmi('Pending'),
      {
        code: 400,
        message:
          'Unable to connect to VirtualMachineInstance because phase is Pending instead of Running or Scheduled',
      },
    ],
  ])('%s: %#', (_what, validate, instance, expected) => {
    expect(answer(validate, instance)).toEqual(expected);
  });
});

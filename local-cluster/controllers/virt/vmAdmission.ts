import type { StatusCause } from '../../apiserver/core/types';
import { StatusError } from '../../apiserver/core/statusError';
import type { AdmissionRequest } from '../../apiserver/rest/resourceService';
import { sameJson } from './equality';
import { conflictMessage, expandInstancetype } from './instancetypeExpansion';
import type { InstancetypeLookup } from './instancetypeSource';
import { findInstancetype, findPreference } from './instancetypeSource';
import { quantityValue } from './quantities';
import type { PreferenceSpec, VirtualMachine, VmiSpec } from './types';
import type { VirtConfig } from './virtConfig';

/**
 * virt-api's validating webhook for VirtualMachines (virtualmachine-validator.kubevirt.io), the
 * checks the console meets: run strategy, DataVolume templates, instance type and preference
 * existence, instance type conflicts, preference requirements, and the LiveUpdate socket limit.
 */

export const WEBHOOK_NAME = 'virtualmachine-validator.kubevirt.io';

const RUN_STRATEGIES = ['Halted', 'Manual', 'Always', 'RerunOnFailure', 'Once', 'WaitAsReceiver'];

const invalid = (message: string, field: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  message,
  field,
});

const runStrategyCauses = (vm: VirtualMachine): StatusCause[] => {
  const causes: StatusCause[] = [];
  if (
    vm.spec.running !== undefined &&
    vm.spec.running !== null &&
    vm.spec.runStrategy !== undefined
  )
    causes.push(invalid('Running and RunStrategy are mutually exclusive', 'spec.running'));
  if (vm.spec.runStrategy !== undefined && !RUN_STRATEGIES.includes(vm.spec.runStrategy))
    causes.push(invalid(`Invalid RunStrategy (${vm.spec.runStrategy})`, 'spec.runStrategy'));
  return causes;
};

const dataVolumeTemplateCauses = (vm: VirtualMachine): StatusCause[] =>
  (vm.spec.dataVolumeTemplates ?? []).flatMap((t, i) => {
    const field = `spec.dataVolumeTemplate[${i}]`;
    const name = t.metadata?.name;
    if (!name)
      return [
        {
          reason: 'FieldValueRequired',
          message: `'name' field must not be empty for DataVolumeTemplate entry ${field}.`,
          field: `${field}.name`,
        },
      ];
    const used = (vm.spec.template.spec?.volumes ?? []).some(
      (v) => v.dataVolume?.name === name || v.persistentVolumeClaim?.claimName === name,
    );
    return used
      ? []
      : [
          {
            reason: 'FieldValueRequired',
            message: `DataVolumeTemplate entry ${field} must be referenced in the VMI template's 'volumes' list`,
            field,
          },
        ];
  });

const vcpus = (spec: VmiSpec): number => {
  const c = spec.domain.cpu;
  return (c?.sockets || 1) * (c?.cores || 1) * (c?.threads || 1);
};

/** KubeVirt's CheckPreferenceRequirements, on the spec with the instance type applied. */
const requirementCauses = (
  pref: PreferenceSpec,
  spec: VmiSpec,
  viaInstancetype: boolean,
): StatusCause[] => {
  const req = pref.requirements;
  const causes: StatusCause[] = [];
  const source = viaInstancetype ? 'instance type' : 'VirtualMachine';
  if (req?.cpu?.guest && vcpus(spec) < req.cpu.guest)
    causes.push({
      reason: 'FieldValueNotFound',
      message: `failure checking preference requirements: insufficient CPU resources of ${vcpus(spec)} vCPU provided by ${source}, preference requires ${req.cpu.guest} vCPU`,
      field: viaInstancetype ? 'instancetype.spec.cpu.guest' : 'spec.template.spec.domain.cpu',
    });
  const memory = spec.domain.memory?.guest ?? spec.domain.resources?.requests?.memory;
  if (req?.memory?.guest && quantityValue(memory) < quantityValue(req.memory.guest))
    causes.push({
      reason: 'FieldValueNotFound',
      message: `failure checking preference requirements: insufficient Memory resources of ${memory ?? '0'} provided by ${source}, preference requires ${req.memory.guest}`,
      field: viaInstancetype
        ? 'instancetype.spec.memory.guest'
        : 'spec.template.spec.domain.memory',
    });
  return causes;
};

export const validateVm = (
  vm: VirtualMachine,
  lookup: InstancetypeLookup,
  config: VirtConfig,
): StatusCause[] => {
  const causes = [...runStrategyCauses(vm), ...dataVolumeTemplateCauses(vm)];
  const it = findInstancetype(vm, lookup);
  if (it && 'error' in it)
    return [
      ...causes,
      {
        reason: 'FieldValueNotFound',
        message: `Failure to find instancetype: ${it.error}`,
        field: 'spec.instancetype',
      },
    ];
  const pref = findPreference(vm, lookup);
  if (pref && 'error' in pref)
    return [
      ...causes,
      {
        reason: 'FieldValueNotFound',
        message: `Failure to find preference: ${pref.error}`,
        field: 'spec.preference',
      },
    ];
  const template = vm.spec.template.spec ?? { domain: { devices: {} } };
  const expanded = expandInstancetype(
    template,
    vm.spec.template.metadata?.annotations,
    it?.spec,
    pref?.spec,
  );
  if (expanded.topologyError)
    return [...causes, invalid(expanded.topologyError, 'instancetype.spec.cpu.guest')];
  if (expanded.conflicts.length)
    return [...causes, ...expanded.conflicts.map((p) => invalid(conflictMessage(p), p))];
  if (pref) causes.push(...requirementCauses(pref.spec, expanded.spec, Boolean(it)));
  const cpu = expanded.spec.domain.cpu;
  if (config.liveUpdate && cpu?.sockets && cpu.maxSockets && cpu.sockets > cpu.maxSockets)
    causes.push(
      invalid(
        'Number of sockets in CPU topology is greater than the maximum sockets allowed',
        'spec.template.spec.domain.cpu.sockets',
      ),
    );
  return causes;
};

export const deniedBy = (causes: StatusCause[], name: string | undefined): StatusError =>
  new StatusError(
    422,
    'Invalid',
    `admission webhook "${WEBHOOK_NAME}" denied the request: ${causes.map((c) => c.message).join(', ')}`,
    {
      name,
      group: 'kubevirt.io',
      kind: 'VirtualMachine',
      causes,
    },
  );

/** The admission hook: VMs only, not status writes, not deletions, not edits that leave the spec alone. */
export const vmAdmissionHook =
  (lookup: InstancetypeLookup, config: () => VirtConfig, ready: () => boolean) =>
  (request: AdmissionRequest): void => {
    // Until the caches have listed, an instance type could look missing: let writes through.
    if (!ready() || request.operation === 'DELETE') return;
    const { kind, object, oldObject, subresource } = request;
    if (kind.kind !== 'VirtualMachine' || kind.group !== 'kubevirt.io' || subresource === 'status')
      return;
    if (object.metadata.deletionTimestamp) return;
    if (request.operation === 'UPDATE' && oldObject && sameJson(oldObject.spec, object.spec))
      return;
    const vm = object as VirtualMachine;
    if (!vm.spec?.template) return;
    const causes = validateVm(vm, lookup, config());
    if (causes.length) throw deniedBy(causes, vm.metadata.name);
  };

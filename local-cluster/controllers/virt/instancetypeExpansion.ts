import { applyPreference } from './preferenceApply';
import { formatBytes, quantityValue } from './quantities';
import type { InstancetypeSpec, PreferenceSpec, VmiSpec } from './types';

/**
 * Applies an instance type and a preference to a VMI spec, as KubeVirt's VMI appliers do when the
 * VM controller creates the VMI (and as virt-api's admission does on a copy to validate a VM).
 * The instance type owns CPU, memory, node selector and devices it names: the VM setting any of
 * them too is a conflict. The preference only fills gaps.
 */

export interface ExpansionResult {
  spec: VmiSpec;
  annotations: Record<string, string>;
  /** Field paths that conflict with the instance type (empty when applied). */
  conflicts: string[];
  /** A preference/instance type combination KubeVirt rejects (spread topology). */
  topologyError?: string;
}

/** `preferSockets` and friends are the deprecated spellings of `sockets`... */
const TOPOLOGY_ALIASES: Record<string, string> = {
  preferSockets: 'sockets',
  preferCores: 'cores',
  preferThreads: 'threads',
  preferSpread: 'spread',
  preferAny: 'any',
};

export const preferredTopology = (pref: PreferenceSpec | undefined): string => {
  const t = pref?.cpu?.preferredCPUTopology ?? 'sockets';
  return TOPOLOGY_ALIASES[t] ?? t;
};

export const spreadOptions = (
  pref: PreferenceSpec | undefined,
): { ratio: number; across: string } => ({
  ratio: pref?.cpu?.spreadOptions?.ratio ?? pref?.preferSpreadSocketToCoreRatio ?? 2,
  across: pref?.cpu?.spreadOptions?.across ?? 'SocketsCores',
});

/** KubeVirt's checkSpreadCPUTopology messages, for vCPU counts the spread cannot divide. */
export const spreadTopologyError = (
  it: InstancetypeSpec,
  pref: PreferenceSpec | undefined,
): string | undefined => {
  if (preferredTopology(pref) !== 'spread') return undefined;
  const vcpus = it.cpu.guest;
  const { ratio, across } = spreadOptions(pref);
  if (across === 'SocketsCoresThreads') {
    if (vcpus % 2 > 0 || (vcpus / 2) % ratio > 0)
      return `${vcpus} vCPUs provided by the instance type are not divisible by the number of threads per core 2 and Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of ${ratio}`;
  } else if (vcpus % ratio > 0) {
    return across === 'CoresThreads'
      ? `${vcpus} vCPUs provided by the instance type are not divisible by the number of threads per core ${ratio}`
      : `${vcpus} vCPUs provided by the instance type are not divisible by the Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of ${ratio}`;
  }
  return undefined;
};

/** vCPUs → sockets/cores/threads following the preferred topology (sockets by default). */
export const guestTopology = (
  vcpus: number,
  pref: PreferenceSpec | undefined,
): { sockets: number; cores: number; threads: number } => {
  const t = { sockets: 1, cores: 1, threads: 1 };
  if (vcpus === 1) return t;
  switch (preferredTopology(pref)) {
    case 'cores':
      return { ...t, cores: vcpus };
    case 'threads':
      return { ...t, threads: vcpus };
    case 'spread': {
      const { ratio, across } = spreadOptions(pref);
      if (across === 'CoresThreads') return { sockets: 1, threads: ratio, cores: vcpus / ratio };
      if (across === 'SocketsCoresThreads')
        return { threads: 2, cores: ratio, sockets: vcpus / 2 / ratio };
      return { cores: ratio, sockets: vcpus / ratio, threads: 1 };
    }
    default:
      return { ...t, sockets: vcpus };
  }
};

const applyCpu = (
  it: InstancetypeSpec,
  pref: PreferenceSpec | undefined,
  spec: VmiSpec,
  at: (p: string) => string,
): string[] => {
  const cpu = (spec.domain.cpu ??= {});
  const res = spec.domain.resources;
  const conflicts: string[] = [];
  if (res?.requests?.cpu !== undefined) conflicts.push(at('domain.resources.requests.cpu'));
  if (res?.limits?.cpu !== undefined) conflicts.push(at('domain.resources.limits.cpu'));
  if (cpu.sockets) conflicts.push(at('domain.cpu.sockets'));
  if (cpu.cores) conflicts.push(at('domain.cpu.cores'));
  if (cpu.threads) conflicts.push(at('domain.cpu.threads'));
  if (cpu.model && it.cpu.model !== undefined) conflicts.push(at('domain.cpu.model'));
  if (cpu.dedicatedCpuPlacement && it.cpu.dedicatedCPUPlacement !== undefined)
    conflicts.push(at('domain.cpu.dedicatedCpuPlacement'));
  if (cpu.isolateEmulatorThread && it.cpu.isolateEmulatorThread !== undefined)
    conflicts.push(at('domain.cpu.isolateEmulatorThread'));
  if (cpu.numa && it.cpu.numa) conflicts.push(at('domain.cpu.numa'));
  if (cpu.realtime && it.cpu.realtime) conflicts.push(at('domain.cpu.realtime'));
  if (conflicts.length) return conflicts;
  if (it.cpu.model !== undefined) cpu.model = it.cpu.model;
  if (it.cpu.dedicatedCPUPlacement !== undefined)
    cpu.dedicatedCpuPlacement = it.cpu.dedicatedCPUPlacement;
  if (it.cpu.isolateEmulatorThread !== undefined)
    cpu.isolateEmulatorThread = it.cpu.isolateEmulatorThread;
  if (it.cpu.numa) cpu.numa = structuredClone(it.cpu.numa);
  if (it.cpu.realtime) cpu.realtime = structuredClone(it.cpu.realtime);
  if (it.cpu.maxSockets !== undefined) cpu.maxSockets = it.cpu.maxSockets;
  Object.assign(cpu, guestTopology(it.cpu.guest, pref));
  return [];
};

const applyMemory = (it: InstancetypeSpec, spec: VmiSpec, at: (p: string) => string): string[] => {
  const memory = (spec.domain.memory ??= {});
  const res = (spec.domain.resources ??= {});
  if (memory.guest !== undefined) return [at('domain.memory.guest')];
  if (memory.hugepages && it.memory.hugepages) return [at('domain.memory.hugepages')];
  if (memory.maxGuest !== undefined && it.memory.maxGuest !== undefined)
    return [at('domain.memory.maxGuest')];
  if (res.requests?.memory !== undefined) return [at('domain.resources.requests.memory')];
  if (res.limits?.memory !== undefined) return [at('domain.resources.limits.memory')];
  memory.guest = it.memory.guest;
  const overcommit = it.memory.overcommitPercent ?? 0;
  // Memory overcommit: the pod asks for less than the guest sees.
  if (overcommit > 0)
    res.requests = {
      ...res.requests,
      memory: formatBytes(Math.floor(quantityValue(it.memory.guest) * (1 - overcommit / 100))),
    };
  if (it.memory.hugepages) memory.hugepages = structuredClone(it.memory.hugepages);
  if (it.memory.maxGuest !== undefined) memory.maxGuest = it.memory.maxGuest;
  return [];
};

const applyInstancetype = (
  it: InstancetypeSpec,
  pref: PreferenceSpec | undefined,
  spec: VmiSpec,
  annotations: Record<string, string>,
  at: (p: string) => string,
): string[] => {
  const conflicts: string[] = [];
  if (it.nodeSelector) {
    if (spec.nodeSelector) conflicts.push(at('nodeSelector'));
    else spec.nodeSelector = { ...it.nodeSelector };
  }
  if (it.schedulerName) {
    if (spec.schedulerName) conflicts.push(at('schedulerName'));
    else spec.schedulerName = it.schedulerName;
  }
  conflicts.push(...applyCpu(it, pref, spec, at));
  conflicts.push(...applyMemory(it, spec, at));
  if (it.ioThreadsPolicy) {
    if (spec.domain.ioThreadsPolicy) conflicts.push(at('domain.ioThreadsPolicy'));
    else spec.domain.ioThreadsPolicy = it.ioThreadsPolicy;
  }
  if (it.launchSecurity) {
    if (spec.domain.launchSecurity) conflicts.push(at('domain.launchSecurity'));
    else spec.domain.launchSecurity = structuredClone(it.launchSecurity);
  }
  if (it.gpus?.length) {
    if (spec.domain.devices.gpus?.length) conflicts.push(at('domain.devices.gpus'));
    else spec.domain.devices.gpus = structuredClone(it.gpus);
  }
  if (it.hostDevices?.length) {
    if (spec.domain.devices.hostDevices?.length) conflicts.push(at('domain.devices.hostDevices'));
    else spec.domain.devices.hostDevices = structuredClone(it.hostDevices);
  }
  for (const [key, value] of Object.entries(it.annotations ?? {})) {
    if (annotations[key] !== undefined && annotations[key] !== value)
      conflicts.push(at(`annotations.${key}`));
    else annotations[key] = value;
  }
  return conflicts;
};

/**
 * Returns a new spec with the instance type and preference applied; `basePath` prefixes conflict
 * paths (`spec.template.spec` for a VM, `spec` for a VMI).
 */
export const expandInstancetype = (
  spec: VmiSpec,
  annotations: Record<string, string> | undefined,
  instancetype: InstancetypeSpec | undefined,
  preference: PreferenceSpec | undefined,
  basePath = 'spec.template.spec',
): ExpansionResult => {
  const out = structuredClone(spec);
  const outAnnotations = { ...annotations };
  const at = (p: string) => `${basePath}.${p}`;
  if (instancetype) {
    const topologyError = spreadTopologyError(instancetype, preference);
    if (topologyError)
      return { spec, annotations: { ...annotations }, conflicts: [], topologyError };
    const conflicts = applyInstancetype(instancetype, preference, out, outAnnotations, at);
    if (conflicts.length) return { spec, annotations: { ...annotations }, conflicts };
  }
  if (preference) applyPreference(preference, out, outAnnotations);
  return { spec: out, annotations: outAnnotations, conflicts: [] };
};

/** KubeVirt's conflict message, one per conflicting field. */
export const conflictMessage = (path: string): string =>
  `VM field(s) ${path} conflicts with selected instance type`;

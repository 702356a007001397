import type { ExpositionWriter } from './exposition';
import { VM_STATE } from './families';
import type { CpuSpec, DomainSpec, Instancetype, Vm, VmSnapshot } from './kubevirtShapes';
import { quantity } from './vmiFacts';
import { NONE, systemInfo, vnicSamples } from './vmiStateSeries';

/** printableStatus → the status group virt-controller files it under. */
const STATUS_GROUPS: Record<
  string,
  'starting' | 'running' | 'migrating' | 'non_running' | 'error'
> = {
  Provisioning: 'starting',
  Starting: 'starting',
  WaitingForVolumeBinding: 'starting',
  Running: 'running',
  Migrating: 'migrating',
  Stopped: 'non_running',
  Paused: 'non_running',
  Stopping: 'non_running',
  Terminating: 'non_running',
  CrashLoopBackOff: 'error',
  Unknown: 'error',
  ErrorUnschedulable: 'error',
  ErrImagePull: 'error',
  ImagePullBackOff: 'error',
  ErrorPvcNotFound: 'error',
  DataVolumeError: 'error',
};

export const vmStatusGroup = (printableStatus: string | undefined): string =>
  STATUS_GROUPS[printableStatus ?? ''] ?? '<unknown>';

/** The family that carries the VM's current status; unknown statuses count as errors. */
const timestampFamily = (printableStatus: string | undefined): string => {
  switch (vmStatusGroup(printableStatus)) {
    case 'starting':
      return VM_STATE.starting.name;
    case 'running':
      return VM_STATE.running.name;
    case 'migrating':
      return VM_STATE.migrating.name;
    case 'non_running':
      return VM_STATE.nonRunning.name;
    default:
      return VM_STATE.error.name;
  }
};

const TIMESTAMP_FAMILIES = [
  VM_STATE.starting.name,
  VM_STATE.running.name,
  VM_STATE.migrating.name,
  VM_STATE.nonRunning.name,
  VM_STATE.error.name,
];

/** Latest transition of the Ready, Failure or Paused condition, in seconds; −1 without any. */
export const lastTransitionSeconds = (vm: Vm): number => {
  let latest = -1;
  for (const c of vm.status?.conditions ?? []) {
    if (c.type !== 'Ready' && c.type !== 'Failure' && c.type !== 'Paused') continue;
    const ms = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN;
    if (!Number.isNaN(ms)) latest = Math.max(latest, Math.floor(ms / 1000));
  }
  return latest;
};

export interface VmLookups {
  /** The instancetype a VM references, or undefined when it does not exist. */
  instancetype(vm: Vm): Instancetype | undefined;
  instancetypeLabel(vm: Vm): string;
  preferenceLabel(vm: Vm): string;
}

/** The VM's domain with its instancetype applied the way KubeVirt does by default (all guest
 * vCPUs as sockets, guest memory as `memory.guest`). */
export const effectiveDomain = (vm: Vm, it: Instancetype | undefined): DomainSpec => {
  const domain: DomainSpec = vm.spec?.template?.spec?.domain ?? {};
  if (!it?.spec) return domain;
  const cpu: CpuSpec | undefined = it.spec.cpu?.guest
    ? { sockets: it.spec.cpu.guest, cores: 1, threads: 1 }
    : domain.cpu;
  const memory = it.spec.memory?.guest
    ? { ...domain.memory, guest: it.spec.memory.guest }
    : domain.memory;
  return { ...domain, cpu, memory };
};

type Sample = { resource: string; unit: string; source?: string; value: number };

/** What virt-controller reports as kubevirt_vm_resource_requests / _limits for one VM. */
export const resourceSamples = (domain: DomainSpec): { requests: Sample[]; limits: Sample[] } => {
  const requests: Sample[] = [];
  const limits: Sample[] = [];
  const memRequest = quantity(domain.resources?.requests?.memory);
  if (memRequest)
    requests.push({ resource: 'memory', unit: 'bytes', source: 'domain', value: memRequest });
  const guest = quantity(domain.memory?.guest);
  if (guest) requests.push({ resource: 'memory', unit: 'bytes', source: 'guest', value: guest });
  const hugepages = quantity(domain.memory?.hugepages?.pageSize);
  if (hugepages)
    requests.push({ resource: 'memory', unit: 'bytes', source: 'hugepages', value: hugepages });
  const memLimit = quantity(domain.resources?.limits?.memory);
  if (memLimit) limits.push({ resource: 'memory', unit: 'bytes', value: memLimit });

  const cpu = domain.cpu;
  if (cpu?.cores)
    requests.push({ resource: 'cpu', unit: 'cores', source: 'domain', value: cpu.cores });
  if (cpu?.threads)
    requests.push({ resource: 'cpu', unit: 'threads', source: 'domain', value: cpu.threads });
  if (cpu?.sockets)
    requests.push({ resource: 'cpu', unit: 'sockets', source: 'domain', value: cpu.sockets });

  const cpuRequest = quantity(domain.resources?.requests?.cpu);
  if (cpuRequest)
    requests.push({ resource: 'cpu', unit: 'cores', source: 'requests', value: cpuRequest });
  else if (!cpu)
    for (const unit of ['cores', 'threads', 'sockets'])
      requests.push({ resource: 'cpu', unit, source: 'default', value: 1 });
  const cpuLimit = quantity(domain.resources?.limits?.cpu);
  if (cpuLimit) limits.push({ resource: 'cpu', unit: 'cores', value: cpuLimit });
  return { requests, limits };
};

/** Everything virt-controller's VM collector exports for one VM. */
export const writeVmSeries = (w: ExpositionWriter, vm: Vm, lookups: VmLookups): void => {
  const name = vm.metadata.name ?? '';
  const namespace = vm.metadata.namespace ?? '';
  const status = vm.status?.printableStatus;
  const current = timestampFamily(status);
  const transition = lastTransitionSeconds(vm);
  for (const family of TIMESTAMP_FAMILIES)
    w.add(family, { name, namespace }, family === current ? transition : 0);

  const { os, workload, flavor } = systemInfo(vm.spec?.template?.metadata?.annotations);
  w.add(
    VM_STATE.info.name,
    {
      name,
      namespace,
      os,
      workload,
      flavor,
      machine_type: vm.spec?.template?.spec?.domain?.machine?.type ?? NONE,
      instance_type: lookups.instancetypeLabel(vm),
      preference: lookups.preferenceLabel(vm),
      status: (status ?? '').toLowerCase(),
      status_group: vmStatusGroup(status),
    },
    1,
  );

  const { requests, limits } = resourceSamples(effectiveDomain(vm, lookups.instancetype(vm)));
  for (const r of requests)
    w.add(
      VM_STATE.requests.name,
      { name, namespace, resource: r.resource, unit: r.unit, source: r.source ?? '' },
      r.value,
    );
  for (const l of limits)
    w.add(VM_STATE.limits.name, { name, namespace, resource: l.resource, unit: l.unit }, l.value);

  const created = vm.metadata.creationTimestamp ? Date.parse(vm.metadata.creationTimestamp) : NaN;
  if (!Number.isNaN(created))
    w.add(VM_STATE.created.name, { name, namespace }, Math.floor(created / 1000));
  for (const v of vnicSamples(name, namespace, vm.spec?.template?.spec))
    w.add(VM_STATE.vnicInfo.name, v, 1);
};

/** kubevirt_vmsnapshot_info and its creation timestamp. */
export const writeSnapshotSeries = (w: ExpositionWriter, s: VmSnapshot): void => {
  const name = s.metadata.name ?? '';
  const namespace = s.metadata.namespace ?? '';
  w.add(
    VM_STATE.snapshotInfo.name,
    {
      namespace,
      name,
      uid: s.metadata.uid ?? '',
      vm: s.spec?.source?.name ?? '',
      phase: s.status?.phase ? s.status.phase.toLowerCase() : NONE,
      ready_to_use: String(s.status?.readyToUse === true),
    },
    1,
  );
  const created = s.metadata.creationTimestamp ? Date.parse(s.metadata.creationTimestamp) : NaN;
  if (!Number.isNaN(created))
    w.add(VM_STATE.snapshotCreated.name, { name, namespace }, Math.floor(created / 1000));
};

import { createHash } from 'node:crypto';
import type { V1Disk } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { ownerReferenceTo } from './instancetypeSource';
import {
  ANNOTATION_CLUSTER_INSTANCETYPE,
  ANNOTATION_CLUSTER_PREFERENCE,
  ANNOTATION_INSTANCETYPE,
  ANNOTATION_LATEST_API,
  ANNOTATION_PREFERENCE,
  ANNOTATION_STORAGE_API,
  ANNOTATION_VM_GENERATION,
  VM_CONTROLLER_FINALIZER,
  VMI_FINALIZER,
} from './kubevirtNames';
import { formatBytes, quantityValue } from './quantities';
import type { VirtConfig } from './virtConfig';
import type { VirtualMachine, VirtualMachineInstance, VmiSpec } from './types';

/**
 * The VMI a VM starts: its template with the instance type and preference already applied, the
 * defaults virt-api's mutating webhook would add (machine type, CPU model and topology, memory,
 * disk buses, the pod network), a stable firmware UUID, and the owner/finalizer/annotation
 * bookkeeping of KubeVirt's SetupVMIFromVM.
 */

/** KubeVirt's legacy firmware UUID: a name-based (SHA-1, v5) UUID of the VMI name. */
const FIRMWARE_UUID_NAMESPACE = '6a1a24a1-4061-4607-8bf4-a3963d0c5895';

export const uuidV5 = (namespace: string, name: string): string => {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const firmwareUuid = (vmiName: string): string => uuidV5(FIRMWARE_UUID_NAMESPACE, vmiName);

/** Every volume gets a disk (KubeVirt's SetDefaultVolumeDisk); disks without a bus get virtio. */
const defaultDisks = (spec: VmiSpec): void => {
  const devices = spec.domain.devices;
  const disks: V1Disk[] = (devices.disks ??= []);
  const named = new Set([
    ...disks.map((d) => d.name),
    ...(devices.filesystems ?? []).map((f) => f.name),
  ]);
  for (const v of spec.volumes ?? []) if (!named.has(v.name)) disks.push({ name: v.name });
  for (const disk of disks) {
    if (!disk.disk && !disk.cdrom && !disk.lun) disk.disk = {};
    if (disk.disk && !disk.disk.bus) disk.disk.bus = 'virtio';
    if (disk.cdrom && !disk.cdrom.bus) disk.cdrom.bus = 'sata';
  }
};

/** No interfaces and no networks: attach the pod network with the cluster's default binding. */
const defaultNetwork = (spec: VmiSpec, config: VirtConfig): void => {
  const devices = spec.domain.devices;
  if (devices.autoattachPodInterface === false) return;
  if (devices.interfaces?.length || spec.networks?.length) return;
  spec.networks = [{ name: 'default', pod: {} }];
  devices.interfaces = [{ name: 'default', [config.defaultNetworkInterface]: {} }];
};

const defaultCpuAndMemory = (spec: VmiSpec, config: VirtConfig): void => {
  const cpu = (spec.domain.cpu ??= {});
  if (!cpu.model) cpu.model = config.cpuModel;
  cpu.sockets ||= 1;
  cpu.cores ||= 1;
  cpu.threads ||= 1;
  if (config.liveUpdate && !cpu.maxSockets) cpu.maxSockets = cpu.sockets * config.maxHotplugRatio;
  const memory = (spec.domain.memory ??= {});
  const resources = (spec.domain.resources ??= {});
  const requested = resources.requests?.memory ?? resources.limits?.memory;
  if (!memory.guest && requested) memory.guest = requested;
  if (memory.guest && !resources.requests?.memory)
    resources.requests = {
      ...resources.requests,
      memory: formatBytes((quantityValue(memory.guest) * 100) / config.memoryOvercommit),
    };
};

export const applyVmiDefaults = (spec: VmiSpec, vmiName: string, config: VirtConfig): VmiSpec => {
  const out = structuredClone(spec);
  out.domain.machine = {
    ...out.domain.machine,
    type: out.domain.machine?.type || config.machineType,
  };
  defaultCpuAndMemory(out, config);
  defaultDisks(out);
  defaultNetwork(out, config);
  out.domain.features ??= {};
  out.domain.features.acpi ??= {};
  out.domain.firmware = {
    ...out.domain.firmware,
    uuid: out.domain.firmware?.uuid || firmwareUuid(vmiName),
  };
  out.terminationGracePeriodSeconds ??= 30;
  if (!out.evictionStrategy && config.evictionStrategy)
    out.evictionStrategy = config.evictionStrategy;
  return out;
};

export interface VmiBuildInput {
  vm: VirtualMachine;
  /** The template spec with instance type and preference applied. */
  spec: VmiSpec;
  /** Template annotations plus those the instance type and preference add. */
  annotations: Record<string, string>;
  config: VirtConfig;
  paused: boolean;
  instancetype?: { kind: string; name: string };
  preference?: { kind: string; name: string };
}

export const buildVmi = ({
  vm,
  spec,
  annotations,
  config,
  paused,
  instancetype,
  preference,
}: VmiBuildInput): VirtualMachineInstance => {
  const name = vm.metadata.name ?? '';
  const meta = vm.spec.template.metadata ?? {};
  const vmiAnnotations: Record<string, string> = {
    ...annotations,
    [ANNOTATION_LATEST_API]: 'v1',
    [ANNOTATION_STORAGE_API]: 'v1',
    [ANNOTATION_VM_GENERATION]: String(vm.metadata.generation ?? 1),
  };
  if (instancetype)
    vmiAnnotations[
      instancetype.kind === 'VirtualMachineInstancetype'
        ? ANNOTATION_INSTANCETYPE
        : ANNOTATION_CLUSTER_INSTANCETYPE
    ] = instancetype.name;
  if (preference)
    vmiAnnotations[
      preference.kind === 'VirtualMachinePreference'
        ? ANNOTATION_PREFERENCE
        : ANNOTATION_CLUSTER_PREFERENCE
    ] = preference.name;
  const vmiSpec = applyVmiDefaults(spec, name, config);
  if (paused) vmiSpec.startStrategy = 'Paused';
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: {
      name,
      namespace: vm.metadata.namespace,
      labels: { ...meta.labels },
      annotations: vmiAnnotations,
      ownerReferences: [ownerReferenceTo(vm)],
      finalizers: [VM_CONTROLLER_FINALIZER, VMI_FINALIZER],
    },
    spec: vmiSpec,
  };
};

import type { VirtualMachine } from '../../models/types';
import { DESCRIPTION_ANNOTATION } from '../vmFields';
import type { Recipe } from '../vmPatch';
import { draftTemplateSpec, pruneEmpty, removeMapKey } from './types';

/** Sets or (empty) removes the description annotation. */
export const setDescription =
  (description: string): Recipe<VirtualMachine> =>
  (vm) => {
    const metadata = (vm.metadata ??= {});
    if (description.trim()) {
      metadata.annotations = {
        ...(metadata.annotations ?? {}),
        [DESCRIPTION_ANNOTATION]: description,
      };
    } else removeMapKey(metadata, 'annotations', DESCRIPTION_ANNOTATION);
  };

/** CPU topology and memory as the CPU/memory editor edits them. */
export type CPUMemory = { sockets: number; cores: number; threads: number; memory: string };

export const getCPUMemory = (vm: VirtualMachine): CPUMemory => {
  const domain = vm.spec?.template?.spec?.domain;
  return {
    sockets: domain?.cpu?.sockets ?? 1,
    cores: domain?.cpu?.cores ?? 1,
    threads: domain?.cpu?.threads ?? 1,
    memory: String(domain?.memory?.guest ?? domain?.resources?.requests?.memory ?? ''),
  };
};

/** Sets the CPU topology and the memory (guest memory when the VM uses it, else the request). */
export const setCPUMemory =
  ({ sockets, cores, threads, memory }: CPUMemory): Recipe<VirtualMachine> =>
  (vm) => {
    const domain = draftTemplateSpec(vm as VirtualMachine).domain;
    domain.cpu = { ...(domain.cpu ?? {}), sockets, cores, threads };
    if (domain.memory?.guest !== undefined) domain.memory.guest = memory;
    else {
      domain.resources ??= {};
      domain.resources.requests = { ...(domain.resources.requests ?? {}), memory };
    }
  };

/** Sets or (empty) removes the hostname. */
export const setHostname =
  (hostname: string): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    if (hostname) spec.hostname = hostname;
    else delete spec.hostname;
  };

export const isHeadless = (vm: VirtualMachine): boolean =>
  vm.spec?.template?.spec?.domain?.devices?.autoattachGraphicsDevice === false;

/** Headless = no graphics device (`autoattachGraphicsDevice: false`); off removes the field. */
export const setHeadless =
  (headless: boolean): Recipe<VirtualMachine> =>
  (vm) => {
    const devices = draftTemplateSpec(vm as VirtualMachine).domain.devices;
    if (headless) devices.autoattachGraphicsDevice = false;
    else delete devices.autoattachGraphicsDevice;
  };

export type BootMode = 'bios' | 'uefi' | 'uefi-secure';

export const getBootMode = (vm: VirtualMachine): BootMode => {
  const efi = vm.spec?.template?.spec?.domain?.firmware?.bootloader?.efi;
  if (!efi) return 'bios';
  return efi.secureBoot === false ? 'uefi' : 'uefi-secure';
};

/**
 * Boot mode: BIOS (no bootloader), UEFI (`efi.secureBoot: false`), UEFI secure boot
 * (`efi.secureBoot: true`, which needs SMM: `features.smm.enabled`).
 */
export const setBootMode =
  (mode: BootMode): Recipe<VirtualMachine> =>
  (vm) => {
    const domain = draftTemplateSpec(vm as VirtualMachine).domain;
    if (mode === 'bios') {
      if (domain.firmware) {
        delete domain.firmware.bootloader;
        pruneEmpty(domain, 'firmware');
      }
      return;
    }
    domain.firmware = {
      ...(domain.firmware ?? {}),
      bootloader: { efi: { secureBoot: mode === 'uefi-secure' } },
    };
    if (mode === 'uefi-secure') {
      domain.features = { ...(domain.features ?? {}), smm: { enabled: true } };
    }
  };

export const isStartPaused = (vm: VirtualMachine): boolean =>
  vm.spec?.template?.spec?.startStrategy === 'Paused';

export const setStartPaused =
  (paused: boolean): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    if (paused) spec.startStrategy = 'Paused';
    else delete spec.startStrategy;
  };

/** A device that can boot: a disk or a NIC. */
export type BootDevice = { kind: 'disk' | 'interface'; name: string; bootOrder?: number };

/** Disks and NICs, those with a boot order first in that order. */
export const getBootDevices = (vm: VirtualMachine): BootDevice[] => {
  const devices = vm.spec?.template?.spec?.domain?.devices;
  const all: BootDevice[] = [
    ...(devices?.disks ?? []).map((d) => ({
      kind: 'disk' as const,
      name: d.name,
      bootOrder: d.bootOrder,
    })),
    ...(devices?.interfaces ?? []).map((i) => ({
      kind: 'interface' as const,
      name: i.name,
      bootOrder: i.bootOrder,
    })),
  ];
  return [
    ...all
      .filter((d) => d.bootOrder !== undefined)
      .sort((a, b) => (a.bootOrder ?? 0) - (b.bootOrder ?? 0)),
    ...all.filter((d) => d.bootOrder === undefined),
  ];
};

/** Moves item `index` of a list by `delta` (bounded), returning a new list. */
export const moveItem = <T>(list: T[], index: number, delta: number): T[] => {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item);
  return next;
};

/** Sets bootOrder 1..n on the chosen devices (in this order) and removes it from all others. */
export const setBootOrder =
  (chosen: Pick<BootDevice, 'kind' | 'name'>[]): Recipe<VirtualMachine> =>
  (vm) => {
    const devices = draftTemplateSpec(vm as VirtualMachine).domain.devices;
    const order = (kind: BootDevice['kind'], name: string) => {
      const index = chosen.findIndex((c) => c.kind === kind && c.name === name);
      return index < 0 ? undefined : index + 1;
    };
    for (const disk of devices.disks ?? []) {
      const n = order('disk', disk.name);
      if (n === undefined) delete disk.bootOrder;
      else disk.bootOrder = n;
    }
    for (const iface of devices.interfaces ?? []) {
      const n = order('interface', iface.name);
      if (n === undefined) delete iface.bootOrder;
      else iface.bootOrder = n;
    }
  };

import { quantityValue } from './quantities';
import type { VmiSpec } from './types';

/**
 * The memory virt-launcher needs besides the guest's RAM (features.md §8, from the OpenShift
 * Virtualization sizing guide): 0.2% of guest memory for page tables, 218 MiB of fixed processes
 * (virt-launcher, virtqemud, QEMU), 8 MiB per vCPU, 16 MiB for the graphics device, 53 MiB for a
 * vTPM, 256 MiB for SEV and 1 GiB per VFIO device (GPU, host device, SR-IOV NIC).
 */

const MI = 2 ** 20;

export const vcpusOf = (spec: VmiSpec): number => {
  const cpu = spec.domain.cpu;
  return Math.max(1, (cpu?.sockets || 1) * (cpu?.cores || 1) * (cpu?.threads || 1));
};

export const guestMemoryOf = (spec: VmiSpec): number =>
  quantityValue(spec.domain.memory?.guest ?? spec.domain.resources?.requests?.memory);

export const memoryOverheadBytes = (spec: VmiSpec): number => {
  const devices = spec.domain.devices;
  const vfio =
    (devices.gpus?.length ?? 0) +
    (devices.hostDevices?.length ?? 0) +
    (devices.interfaces ?? []).filter((i) => i.sriov).length;
  let overhead = guestMemoryOf(spec) * 0.002 + 218 * MI + 8 * MI * vcpusOf(spec);
  if (devices.autoattachGraphicsDevice !== false) overhead += 16 * MI;
  if (devices.tpm) overhead += 53 * MI;
  if (spec.domain.launchSecurity?.sev) overhead += 256 * MI;
  overhead += vfio * 1024 * MI;
  return Math.ceil(overhead);
};

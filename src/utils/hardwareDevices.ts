import type { VirtualMachine } from '../models/types';

/** One GPU or host device passed through to the VM, as its template names it. */
export type HardwareDevice = {
  kind: 'gpu' | 'hostDevice';
  /** The device's name in the VM spec. */
  name: string;
  /** The resource the node offers it as (`nvidia.com/GA102GL_A10`, `intel.com/qat`...). */
  deviceName: string;
};

/** The VM template's GPUs, then its host devices, in spec order. */
export const getHardwareDevices = (vm: VirtualMachine | undefined): HardwareDevice[] => {
  const devices = vm?.spec?.template?.spec?.domain?.devices;
  return [
    ...(devices?.gpus ?? []).map((d): HardwareDevice => ({
      kind: 'gpu',
      name: d.name,
      deviceName: d.deviceName ?? '',
    })),
    ...(devices?.hostDevices ?? []).map((d): HardwareDevice => ({
      kind: 'hostDevice',
      name: d.name,
      deviceName: d.deviceName ?? '',
    })),
  ];
};

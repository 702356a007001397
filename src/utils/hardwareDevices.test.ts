import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../models/types';
import { getHardwareDevices } from './hardwareDevices';

const vm = (devices: object): VirtualMachine =>
  ({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'vm', namespace: 'ns' },
    spec: { template: { spec: { domain: { devices } } } },
  }) as VirtualMachine;

describe('getHardwareDevices', () => {
  it('lists GPUs first, then host devices, in spec order', () => {
    expect(
      getHardwareDevices(
        vm({
          hostDevices: [{ name: 'qat', deviceName: 'intel.com/qat' }],
          gpus: [
            { name: 'gpu1', deviceName: 'nvidia.com/A10' },
            { name: 'gpu2', deviceName: 'nvidia.com/T4' },
          ],
        }),
      ),
    ).toEqual([
      { kind: 'gpu', name: 'gpu1', deviceName: 'nvidia.com/A10' },
      { kind: 'gpu', name: 'gpu2', deviceName: 'nvidia.com/T4' },
      { kind: 'hostDevice', name: 'qat', deviceName: 'intel.com/qat' },
    ]);
  });

  it('is empty without devices, a template or a VM', () => {
    expect(getHardwareDevices(vm({}))).toEqual([]);
    expect(getHardwareDevices(vm({ gpus: [], hostDevices: [] }))).toEqual([]);
    expect(getHardwareDevices({ ...vm({}), spec: {} } as VirtualMachine)).toEqual([]);
    expect(getHardwareDevices(undefined)).toEqual([]);
  });
});

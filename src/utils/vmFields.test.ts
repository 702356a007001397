import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import {
  getIPAddresses,
  getMemory,
  getOperatingSystem,
  getRunStrategy,
  getVCPUs,
  getVirtctlSSHCommand,
  isWindowsVM,
} from './vmFields';

const base = (spec: Partial<VirtualMachine['spec']>, annotations = {}): VirtualMachine => ({
  metadata: { name: 'db', namespace: 'prod' },
  spec: {
    template: {
      metadata: { annotations },
      spec: { domain: { devices: {} } },
    },
    ...spec,
  },
});

describe('vm fields', () => {
  it('reads the run strategy, or the old running flag', () => {
    expect(getRunStrategy(base({ runStrategy: 'Manual' }))).toBe('Manual');
    expect(getRunStrategy(base({ running: true }))).toBe('Always');
    expect(getRunStrategy(base({}))).toBe('Halted');
  });

  it('counts vCPUs and reads memory from the instance first', () => {
    const vm = base({});
    (vm.spec.template.spec ??= { domain: { devices: {} } }).domain.cpu = {
      sockets: 2,
      cores: 2,
      threads: 1,
    };
    (vm.spec.template.spec ??= { domain: { devices: {} } }).domain.memory = { guest: '4Gi' };
    expect(getVCPUs(vm)).toBe(4);
    expect(getMemory(vm)).toBe('4Gi');
    const vmi = {
      spec: { domain: { cpu: { cores: 1, sockets: 8 }, memory: { guest: '8Gi' }, devices: {} } },
    };
    expect(getVCPUs(vm, vmi as VirtualMachineInstance)).toBe(8);
    expect(getMemory(vm, vmi as VirtualMachineInstance)).toBe('8Gi');
    const typed = base({ instancetype: { name: 'u1.small' } });
    expect(getVCPUs(typed)).toBeUndefined();
  });

  it('collects IP addresses without duplicates', () => {
    const vmi = {
      status: {
        interfaces: [
          { ipAddress: '10.0.0.2', ipAddresses: ['10.0.0.2', 'fd00::2'] },
          { ipAddress: '192.168.1.5' },
        ],
      },
    } as VirtualMachineInstance;
    expect(getIPAddresses(vmi)).toEqual(['10.0.0.2', 'fd00::2', '192.168.1.5']);
    expect(getIPAddresses(undefined)).toEqual([]);
  });

  it('prefers the guest agent OS, then the template annotation, then the preference', () => {
    const vm = base({ preference: { name: 'fedora' } }, { 'vm.kubevirt.io/os': 'rhel9' });
    expect(getOperatingSystem(vm)).toBe('rhel9');
    expect(
      getOperatingSystem(vm, {
        status: { guestOSInfo: { prettyName: 'Fedora Linux 41' } },
      } as VirtualMachineInstance),
    ).toBe('Fedora Linux 41');
    expect(getOperatingSystem(base({ preference: { name: 'fedora' } }))).toBe('fedora');
  });

  it.each([
    ['the OS annotation', base({}, { 'vm.kubevirt.io/os': 'windows2k22' }), undefined, true],
    ['a Linux OS annotation', base({}, { 'vm.kubevirt.io/os': 'rhel9' }), undefined, false],
    ['the preference', base({ preference: { name: 'windows.2k22.virtio' } }), undefined, true],
    ['nothing known', base({}), undefined, false],
    [
      'the guest agent',
      base({}, { 'vm.kubevirt.io/os': 'rhel9' }),
      { status: { guestOSInfo: { id: 'mswindows', name: 'Microsoft Windows' } } },
      true,
    ],
    [
      'a template OS label',
      { ...base({}), metadata: { name: 'w', labels: { 'os.template.kubevirt.io/win10': 'true' } } },
      undefined,
      true,
    ],
    [
      'a template OS label that is not true',
      {
        ...base({}),
        metadata: { name: 'w', labels: { 'os.template.kubevirt.io/win10': 'false' } },
      },
      undefined,
      false,
    ],
  ])('isWindowsVM from %s', (_what, vm, vmi, want) =>
    expect(isWindowsVM(vm as VirtualMachine, vmi as VirtualMachineInstance | undefined)).toBe(want),
  );

  it('builds the virtctl ssh command with the cloud-init user', () => {
    const vm = base({});
    (vm.spec.template.spec ??= { domain: { devices: {} } }).volumes = [
      {
        name: 'cloudinitdisk',
        cloudInitNoCloud: { userData: '#cloud-config\nuser: cloud-user\n' },
      },
    ];
    expect(getVirtctlSSHCommand(vm)).toBe('virtctl -n prod ssh cloud-user@vm/db');
    expect(getVirtctlSSHCommand(base({}))).toBe('virtctl -n prod ssh vm/db');
  });
});

import { describe, expect, it } from 'vitest';
import { expandInstancetype, guestTopology, spreadTopologyError } from './instancetypeExpansion';
import type { InstancetypeSpec, PreferenceSpec, VmiSpec } from './types';

const u1small: InstancetypeSpec = { cpu: { guest: 1 }, memory: { guest: '2Gi' } };
const u1large: InstancetypeSpec = { cpu: { guest: 2 }, memory: { guest: '8Gi' } };
const o1medium: InstancetypeSpec = {
  cpu: { guest: 1 },
  memory: { guest: '4Gi', overcommitPercent: 50 },
};
const cx1: InstancetypeSpec = {
  cpu: {
    guest: 4,
    dedicatedCPUPlacement: true,
    isolateEmulatorThread: true,
    numa: { guestMappingPassthrough: {} },
  },
  memory: { guest: '8Gi', hugepages: { pageSize: '2Mi' } },
  ioThreadsPolicy: 'auto',
};

const fedora: PreferenceSpec = {
  cpu: { preferredCPUTopology: 'preferSockets' },
  devices: {
    preferredDiskBus: 'virtio',
    preferredInterfaceModel: 'virtio',
    preferredRng: {},
    preferredInterfaceMasquerade: {},
  },
  firmware: { preferredEfi: { secureBoot: true } },
  features: { preferredSmm: {} },
  machine: { preferredMachineType: 'pc-q35-rhel9.6.0' },
  preferredTerminationGracePeriodSeconds: 180,
  annotations: { 'vm.kubevirt.io/os': 'fedora' },
};

const baseSpec = (): VmiSpec => ({
  domain: {
    devices: {
      disks: [{ name: 'rootdisk' }, { name: 'cd', cdrom: {} }],
      interfaces: [{ name: 'default' }],
    },
  },
  networks: [{ name: 'default', pod: {} }],
  volumes: [{ name: 'rootdisk', dataVolume: { name: 'root' } }],
});

describe('expandInstancetype', () => {
  it('puts the instance type CPU and memory into the spec, sockets by default', () => {
    const r = expandInstancetype(baseSpec(), {}, u1large, undefined);
    expect(r.conflicts).toEqual([]);
    expect(r.spec.domain.cpu).toMatchObject({ sockets: 2, cores: 1, threads: 1 });
    expect(r.spec.domain.memory).toEqual({ guest: '8Gi' });
  });

  it('lowers the memory request by the overcommit percentage', () => {
    const r = expandInstancetype(baseSpec(), {}, o1medium, undefined);
    expect(r.spec.domain.resources?.requests?.memory).toBe('2Gi');
    expect(r.spec.domain.memory?.guest).toBe('4Gi');
  });

  it('carries dedicated CPUs, emulator thread, NUMA, hugepages and IO threads', () => {
    const r = expandInstancetype(baseSpec(), {}, cx1, undefined);
    expect(r.spec.domain.cpu).toMatchObject({
      dedicatedCpuPlacement: true,
      isolateEmulatorThread: true,
      numa: { guestMappingPassthrough: {} },
      sockets: 4,
    });
    expect(r.spec.domain.memory?.hugepages).toEqual({ pageSize: '2Mi' });
    expect(r.spec.domain.ioThreadsPolicy).toBe('auto');
  });

  it.each([
    [{ domain: { devices: {}, cpu: { cores: 2 } } }, ['spec.template.spec.domain.cpu.cores']],
    [
      { domain: { devices: {}, resources: { requests: { memory: '1Gi' } } } },
      ['spec.template.spec.domain.resources.requests.memory'],
    ],
    [
      { domain: { devices: {}, memory: { guest: '1Gi' } } },
      ['spec.template.spec.domain.memory.guest'],
    ],
    [
      { domain: { devices: {}, cpu: { sockets: 2, threads: 2 } } },
      ['spec.template.spec.domain.cpu.sockets', 'spec.template.spec.domain.cpu.threads'],
    ],
  ] as [VmiSpec, string[]][])('reports conflicts for %j', (spec, conflicts) => {
    const r = expandInstancetype(spec, {}, u1small, undefined);
    expect(r.conflicts).toEqual(conflicts);
    expect(r.spec).toBe(spec);
  });

  it('fills what the VM left unset from the preference and keeps what it set', () => {
    const spec = baseSpec();
    spec.domain.devices.disks = [{ name: 'rootdisk', disk: { bus: 'sata' } }, { name: 'data' }];
    const r = expandInstancetype(spec, { keep: 'me' }, u1small, fedora);
    expect(r.spec.domain.devices.disks).toEqual([
      { name: 'rootdisk', disk: { bus: 'sata' } },
      { name: 'data', disk: { bus: 'virtio' } },
    ]);
    expect(r.spec.domain.devices.interfaces).toEqual([
      { name: 'default', model: 'virtio', masquerade: {} },
    ]);
    expect(r.spec.domain.devices.rng).toEqual({});
    expect(r.spec.domain.firmware?.bootloader).toEqual({ efi: { secureBoot: true } });
    expect(r.spec.domain.features?.smm).toEqual({});
    expect(r.spec.domain.machine?.type).toBe('pc-q35-rhel9.6.0');
    expect(r.spec.terminationGracePeriodSeconds).toBe(180);
    expect(r.annotations).toEqual({ keep: 'me', 'vm.kubevirt.io/os': 'fedora' });
  });

  it('does not override a chosen bootloader or an existing grace period', () => {
    const spec = baseSpec();
    spec.domain.firmware = { bootloader: { bios: {} } };
    spec.terminationGracePeriodSeconds = 30;
    const r = expandInstancetype(spec, {}, undefined, fedora);
    expect(r.spec.domain.firmware?.bootloader).toEqual({ bios: {} });
    expect(r.spec.terminationGracePeriodSeconds).toBe(30);
  });

  it('applies the instance type node selector, conflicting with the VM’s own', () => {
    const withSelector: InstancetypeSpec = {
      ...u1small,
      nodeSelector: { 'node-role.kubevirt.io/worker-dpdk': '' },
    };
    expect(expandInstancetype(baseSpec(), {}, withSelector, undefined).spec.nodeSelector).toEqual({
      'node-role.kubevirt.io/worker-dpdk': '',
    });
    expect(
      expandInstancetype({ ...baseSpec(), nodeSelector: { a: 'b' } }, {}, withSelector, undefined)
        .conflicts,
    ).toEqual(['spec.template.spec.nodeSelector']);
  });
});

describe('guestTopology', () => {
  it.each([
    [4, undefined, { sockets: 4, cores: 1, threads: 1 }],
    [4, { cpu: { preferredCPUTopology: 'cores' } }, { sockets: 1, cores: 4, threads: 1 }],
    [4, { cpu: { preferredCPUTopology: 'preferThreads' } }, { sockets: 1, cores: 1, threads: 4 }],
    [8, { cpu: { preferredCPUTopology: 'spread' } }, { sockets: 4, cores: 2, threads: 1 }],
    [
      8,
      {
        cpu: {
          preferredCPUTopology: 'spread',
          spreadOptions: { across: 'SocketsCoresThreads', ratio: 2 },
        },
      },
      { sockets: 2, cores: 2, threads: 2 },
    ],
    [1, { cpu: { preferredCPUTopology: 'cores' } }, { sockets: 1, cores: 1, threads: 1 }],
  ] as [number, PreferenceSpec | undefined, object][])(
    '%i vCPUs with %j',
    (vcpus, pref, expected) => {
      expect(guestTopology(vcpus, pref)).toEqual(expected);
    },
  );

  it('rejects a spread the vCPU count cannot divide', () => {
    expect(
      spreadTopologyError(
        { cpu: { guest: 3 }, memory: { guest: '1Gi' } },
        { cpu: { preferredCPUTopology: 'spread' } },
      ),
    ).toBe(
      '3 vCPUs provided by the instance type are not divisible by the Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of 2',
    );
  });
});

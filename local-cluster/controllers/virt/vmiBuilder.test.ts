import { describe, expect, it } from 'vitest';
import { DEFAULT_VIRT_CONFIG } from './virtConfig';
import { applyVmiDefaults, buildVmi, firmwareUuid } from './vmiBuilder';
import { vmFixture } from './testFixtures';

describe('firmwareUuid', () => {
  it('is a stable v5 UUID of the name', () => {
    const id = firmwareUuid('fedora-web-01');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(firmwareUuid('fedora-web-01')).toBe(id);
    expect(firmwareUuid('other')).not.toBe(id);
  });
});

describe('applyVmiDefaults', () => {
  it('fills machine type, CPU, memory, disks, the pod network and the firmware UUID', () => {
    const spec = applyVmiDefaults(
      {
        domain: { devices: {}, resources: { requests: { memory: '2Gi' } } },
        volumes: [{ name: 'rootdisk', dataVolume: { name: 'root' } }],
      },
      'vm1',
      DEFAULT_VIRT_CONFIG,
    );
    expect(spec.domain.machine).toEqual({ type: 'pc-q35-rhel9.6.0' });
    expect(spec.domain.cpu).toEqual({
      model: 'host-model',
      sockets: 1,
      cores: 1,
      threads: 1,
      maxSockets: 4,
    });
    expect(spec.domain.memory).toEqual({ guest: '2Gi' });
    expect(spec.domain.devices.disks).toEqual([{ name: 'rootdisk', disk: { bus: 'virtio' } }]);
    expect(spec.networks).toEqual([{ name: 'default', pod: {} }]);
    expect(spec.domain.devices.interfaces).toEqual([{ name: 'default', masquerade: {} }]);
    expect(spec.domain.firmware?.uuid).toBe(firmwareUuid('vm1'));
    expect(spec.terminationGracePeriodSeconds).toBe(30);
    expect(spec.evictionStrategy).toBe('LiveMigrate');
  });

  it('derives the memory request from guest memory and the overcommit ratio', () => {
    const spec = applyVmiDefaults({ domain: { devices: {}, memory: { guest: '4Gi' } } }, 'vm1', {
      ...DEFAULT_VIRT_CONFIG,
      memoryOvercommit: 200,
    });
    expect(spec.domain.resources?.requests?.memory).toBe('2Gi');
  });

  it('keeps what the spec already says and respects autoattachPodInterface: false', () => {
    const spec = applyVmiDefaults(
      {
        domain: {
          devices: { autoattachPodInterface: false },
          cpu: { sockets: 2, cores: 2, model: 'Haswell-noTSX' },
          machine: { type: 'q35' },
          firmware: { uuid: 'fixed' },
        },
        terminationGracePeriodSeconds: 180,
      },
      'vm1',
      { ...DEFAULT_VIRT_CONFIG, liveUpdate: false },
    );
    expect(spec.domain.cpu).toEqual({ sockets: 2, cores: 2, threads: 1, model: 'Haswell-noTSX' });
    expect(spec.domain.machine?.type).toBe('q35');
    expect(spec.domain.firmware?.uuid).toBe('fixed');
    expect(spec.networks).toBeUndefined();
    expect(spec.terminationGracePeriodSeconds).toBe(180);
  });
});

describe('buildVmi', () => {
  it('names, owns, labels and annotates the VMI as KubeVirt does', () => {
    const vm = vmFixture(
      { instancetype: { name: 'u1.small' } },
      { metadata: { name: 'vm1', namespace: 'ns', uid: 'u', generation: 7 } },
    );
    const vmi = buildVmi({
      vm,
      spec: vm.spec.template.spec ?? { domain: { devices: {} } },
      annotations: { a: 'b' },
      config: DEFAULT_VIRT_CONFIG,
      paused: true,
      instancetype: { kind: 'VirtualMachineClusterInstancetype', name: 'u1.small' },
    });
    expect(vmi.metadata).toMatchObject({
      name: 'vm1',
      namespace: 'ns',
      labels: { 'kubevirt.io/domain': 'vm1' },
      annotations: {
        a: 'b',
        'kubevirt.io/vm-generation': '7',
        'kubevirt.io/cluster-instancetype-name': 'u1.small',
      },
      finalizers: [
        'kubevirt.io/virtualMachineControllerFinalize',
        'foregroundDeleteVirtualMachine',
      ],
      ownerReferences: [
        {
          kind: 'VirtualMachine',
          name: 'vm1',
          uid: 'u',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    });
    expect(vmi.spec.startStrategy).toBe('Paused');
  });
});

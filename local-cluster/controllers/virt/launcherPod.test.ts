import { describe, expect, it } from 'vitest';
import { launcherPod, podResources, qosClassOf } from './launcherPod';
import { memoryOverheadBytes } from './memoryOverhead';
import { vmiFixture } from './testFixtures';
import { DEFAULT_VIRT_CONFIG } from './virtConfig';

const MI = 2 ** 20;

const vmi = vmiFixture(
  'Pending',
  [],
  {
    metadata: {
      name: 'vm1',
      namespace: 'ns',
      uid: 'vmi-uid',
      labels: { 'kubevirt.io/domain': 'vm1' },
      annotations: { 'kubevirt.io/vm-generation': '1', 'vm.kubevirt.io/os': 'fedora' },
    },
  },
  {
    domain: {
      cpu: { sockets: 2, cores: 1, threads: 1, model: 'Haswell-noTSX' },
      memory: { guest: '2Gi' },
      resources: { requests: { memory: '2Gi' } },
      devices: {
        disks: [{ name: 'rootdisk' }],
        interfaces: [
          { name: 'default', masquerade: {} },
          { name: 'br', bridge: {} },
        ],
      },
    },
    networks: [
      { name: 'default', pod: {} },
      { name: 'br', multus: { networkName: 'bridge-network' } },
    ],
    volumes: [
      { name: 'rootdisk', dataVolume: { name: 'vm1-root' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data-pvc' } },
      { name: 'cloudinitdisk', cloudInitNoCloud: { userData: '#cloud-config' } },
    ],
    nodeSelector: { zone: 'a' },
    tolerations: [{ key: 'k', operator: 'Exists' }],
  },
);

describe('memoryOverheadBytes', () => {
  it('follows the sizing formula', () => {
    // 0.2% of 2 GiB + 218 MiB + 2 × 8 MiB + 16 MiB graphics
    expect(memoryOverheadBytes(vmi.spec)).toBe(
      Math.ceil(2 * 1024 * MI * 0.002 + 218 * MI + 16 * MI + 16 * MI),
    );
  });
  it('adds the vTPM and VFIO devices, drops graphics when disabled', () => {
    const spec = {
      domain: {
        devices: {
          tpm: {},
          autoattachGraphicsDevice: false,
          gpus: [{ name: 'g', deviceName: 'nvidia' }],
        },
      },
    };
    expect(memoryOverheadBytes(spec)).toBe(218 * MI + 8 * MI + 53 * MI + 1024 * MI);
  });
});

describe('launcherPod', () => {
  const pod = launcherPod(vmi, DEFAULT_VIRT_CONFIG);

  it('is named, labelled and owned as a virt-launcher pod', () => {
    expect(pod.metadata.generateName).toBe('virt-launcher-vm1-');
    expect(pod.metadata.labels).toEqual({
      'kubevirt.io/domain': 'vm1',
      'kubevirt.io': 'virt-launcher',
      'kubevirt.io/created-by': 'vmi-uid',
      'vm.kubevirt.io/name': 'vm1',
    });
    expect(pod.metadata.annotations).toMatchObject({
      'kubevirt.io/domain': 'vm1',
      'vm.kubevirt.io/os': 'fedora',
    });
    expect(pod.metadata.annotations?.['kubevirt.io/vm-generation']).toBeUndefined();
    expect(pod.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'VirtualMachineInstance', uid: 'vmi-uid', controller: true }),
    ]);
  });

  it('requests memory plus overhead, a share of CPU and the KVM devices', () => {
    expect(pod.spec.containers[0].resources).toEqual({
      requests: {
        cpu: '200m',
        memory: String(2 * 1024 * MI + memoryOverheadBytes(vmi.spec)),
        'ephemeral-storage': '50M',
        'devices.kubevirt.io/kvm': '1',
        'devices.kubevirt.io/tun': '1',
        'devices.kubevirt.io/vhost-net': '1',
      },
      limits: {
        'devices.kubevirt.io/kvm': '1',
        'devices.kubevirt.io/tun': '1',
        'devices.kubevirt.io/vhost-net': '1',
      },
    });
    expect(qosClassOf(pod)).toBe('Burstable');
  });

  it('pins to KubeVirt nodes with the CPU model and keeps the VMI placement', () => {
    expect(pod.spec.nodeSelector).toEqual({
      zone: 'a',
      'cpu-model.node.kubevirt.io/Haswell-noTSX': 'true',
      'kubevirt.io/schedulable': 'true',
    });
    expect(pod.spec.tolerations).toEqual([{ key: 'k', operator: 'Exists' }]);
    expect(pod.spec.readinessGates).toEqual([
      { conditionType: 'kubevirt.io/virtual-machine-unpaused' },
    ]);
  });

  it('mounts the PVCs and asks Multus for secondary networks', () => {
    expect(pod.spec.volumes?.filter((v) => v.persistentVolumeClaim)).toEqual([
      { name: 'rootdisk', persistentVolumeClaim: { claimName: 'vm1-root' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data-pvc' } },
    ]);
    const networks = JSON.parse(pod.metadata.annotations?.['k8s.v1.cni.cncf.io/networks'] ?? '[]');
    expect(networks).toEqual([
      {
        name: 'bridge-network',
        namespace: 'ns',
        interface: expect.stringMatching(/^pod[0-9a-f]{11}$/),
      },
    ]);
  });

  it('gives dedicated CPUs Guaranteed QoS and hugepages their own resource', () => {
    const dedicated = structuredClone(vmi);
    dedicated.spec.domain.cpu = {
      sockets: 4,
      cores: 1,
      threads: 1,
      dedicatedCpuPlacement: true,
      isolateEmulatorThread: true,
    };
    dedicated.spec.domain.memory = { guest: '8Gi', hugepages: { pageSize: '2Mi' } };
    dedicated.spec.domain.resources = {};
    const res = podResources(dedicated, DEFAULT_VIRT_CONFIG);
    expect(res.requests.cpu).toBe('5');
    expect(res.limits.cpu).toBe('5');
    expect(res.requests['hugepages-2Mi']).toBe('8Gi');
    expect(res.requests.memory).toBe(res.limits.memory);
    expect(qosClassOf(launcherPod(dedicated, DEFAULT_VIRT_CONFIG))).toBe('Guaranteed');
  });
});

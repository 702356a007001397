import { describe, expect, it } from 'vitest';
import type { Pod, Vmi, Vmim } from './migrationTypes';
import { podIpFor, randomSuffix, renderTargetPod } from './targetPod';

const vmi: Vmi = {
  metadata: { name: 'fedora', namespace: 'ns', uid: 'vmi-uid' },
  spec: { domain: { devices: {}, resources: { requests: { memory: '2Gi' } } } },
  status: { nodeName: 'worker-0' },
};
const vmim: Vmim = {
  metadata: { name: 'mig', namespace: 'ns', uid: 'mig-uid' },
  spec: { vmiName: 'fedora', addedNodeSelector: { zone: 'b' } },
};
const source: Pod = {
  metadata: {
    name: 'virt-launcher-fedora-abcde',
    namespace: 'ns',
    labels: { 'kubevirt.io': 'virt-launcher', 'kubevirt.io/created-by': 'vmi-uid' },
    annotations: { 'kubevirt.io/domain': 'fedora' },
  },
  spec: {
    nodeName: 'worker-0',
    nodeSelector: { 'kubevirt.io/schedulable': 'true' },
    containers: [{ name: 'compute', resources: { requests: { memory: '2294Mi' } } }],
  },
};

describe('renderTargetPod', () => {
  it('copies the source pod, unbound, tied to the migration and kept off the source node', () => {
    const pod = renderTargetPod(vmi, vmim, source, 'xyz12');
    expect(pod.metadata.name).toBe('virt-launcher-fedora-xyz12');
    expect(pod.spec.nodeName).toBeUndefined();
    expect(pod.metadata.labels).toMatchObject({
      'kubevirt.io': 'virt-launcher',
      'kubevirt.io/created-by': 'vmi-uid',
      'kubevirt.io/migrationJobUID': 'mig-uid',
    });
    expect(pod.metadata.annotations).toMatchObject({ 'kubevirt.io/migrationJobName': 'mig' });
    expect(pod.spec.nodeSelector).toEqual({ zone: 'b', 'kubevirt.io/schedulable': 'true' });
    expect(
      pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    ).toEqual([
      {
        labelSelector: { matchLabels: { 'kubevirt.io/created-by': 'vmi-uid' } },
        topologyKey: 'kubernetes.io/hostname',
      },
    ]);
    expect(pod.spec.containers[0].resources?.requests?.memory).toBe('2294Mi');
  });

  it('renders a launcher from the VMI when there is no source pod', () => {
    const pod = renderTargetPod(vmi, vmim, undefined, 'xyz12');
    expect(pod.spec.containers[0].resources?.requests).toEqual({ memory: '2Gi' });
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'VirtualMachineInstance',
      uid: 'vmi-uid',
    });
  });

  it('makes kube-style suffixes and pod IPs inside the node CIDR', () => {
    expect(randomSuffix()).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(podIpFor('10.128.6.0/23', 'p')).toMatch(/^10\.128\.(6|7)\.\d+$/);
    expect(podIpFor('10.128.6.0/23', 'p')).toBe(podIpFor('10.128.6.0/23', 'p'));
  });
});

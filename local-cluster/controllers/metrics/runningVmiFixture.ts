import type { KubeObject } from '../../apiserver/core/types';
import { VM, VMI } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';

export const NS = 'demo-apps';

/** A VMI as virt-controller and virt-handler leave it once it runs (written by the test, as the
 * virt helpers' controllers are not started here). */
export const createRunningVmi = async (
  t: TestCluster,
  name: string,
  node = 'worker-0',
): Promise<KubeObject> => {
  await t.admin.create(VM, NS, {
    metadata: { name },
    spec: {
      runStrategy: 'Always',
      template: {
        metadata: { annotations: { 'vm.kubevirt.io/os': 'fedora' } },
        spec: {
          domain: {
            cpu: { cores: 1, sockets: 2, threads: 1 },
            memory: { guest: '1Gi' },
            devices: {
              disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
              interfaces: [{ name: 'default', masquerade: {} }],
            },
          },
          networks: [{ name: 'default', pod: {} }],
          volumes: [
            { name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } },
          ],
        },
      },
    },
  });
  const vmi = await t.admin.create(VMI, NS, {
    metadata: { name, annotations: { 'vm.kubevirt.io/os': 'fedora' } },
    spec: {
      domain: {
        cpu: { cores: 1, sockets: 2, threads: 1 },
        memory: { guest: '1Gi' },
        devices: {
          disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
          interfaces: [{ name: 'default', masquerade: {} }],
        },
      },
      networks: [{ name: 'default', pod: {} }],
      volumes: [{ name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } }],
    },
  });
  const now = new Date(Date.now() - 60_000).toISOString();
  await t.admin.patchStatus(VMI, NS, name, {
    phase: 'Running',
    nodeName: node,
    phaseTransitionTimestamps: [{ phase: 'Running', phaseTransitionTimestamp: now }],
    interfaces: [{ name: 'default', ipAddress: '10.128.2.20', mac: '02:00:00:00:00:01' }],
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }],
  });
  return vmi;
};

import type { Condition } from '../runtime/conditions';
import type {
  DataVolume,
  PersistentVolumeClaim,
  VirtualMachine,
  VirtualMachineInstance,
  VmiSpec,
} from './types';

/** Small object builders shared by this folder's unit tests. */

export const cond = (
  type: string,
  status: Condition['status'],
  reason?: string,
  message?: string,
): Condition => ({
  type,
  status,
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});

export const vmFixture = (
  spec: Partial<VirtualMachine['spec']> = {},
  extra: Partial<VirtualMachine> = {},
): VirtualMachine => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', namespace: 'ns', uid: 'vm-uid', generation: 1 },
  ...extra,
  spec: {
    runStrategy: 'Always',
    template: {
      metadata: { labels: { 'kubevirt.io/domain': 'vm1' } },
      spec: {
        domain: {
          devices: { disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }] },
          resources: { requests: { memory: '2Gi' } },
        },
        volumes: [{ name: 'rootdisk', dataVolume: { name: 'vm1-root' } }],
      },
    },
    ...spec,
  },
});

export const vmiFixture = (
  phase: string | undefined,
  conditions: Condition[] = [],
  extra: Partial<VirtualMachineInstance> = {},
  spec: Partial<VmiSpec> = {},
): VirtualMachineInstance => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name: 'vm1', namespace: 'ns', uid: 'vmi-uid' },
  ...extra,
  spec: { domain: { devices: {} }, ...spec },
  status: { ...(phase ? { phase } : {}), conditions, ...(extra.status ?? {}) },
});

export const dvFixture = (
  name: string,
  phase: string,
  conditions: Condition[] = [],
): DataVolume => ({
  metadata: { name, namespace: 'ns' },
  status: { phase, conditions },
});

export const pvcFixture = (
  name: string,
  phase: string,
  spec: PersistentVolumeClaim['spec'] = { accessModes: ['ReadWriteOnce'] },
): PersistentVolumeClaim => ({
  metadata: { name, namespace: 'ns' },
  spec,
  status: { phase },
});

import type { VirtualMachine } from '../models/types';
import { VirtualMachineModel } from '../models/kubevirt';

/** Inputs of the example VM the YAML editor starts from. */
export type ExampleVMOptions = {
  /** `metadata.name`. */
  name: string;
  /** Container disk image that holds the root disk. */
  image: string;
  /** Guest memory, a Kubernetes quantity. */
  memory: string;
  /** Virtual CPU cores (one socket, one thread). */
  cores: number;
};

export const EXAMPLE_VM_DEFAULTS: ExampleVMOptions = {
  name: 'example',
  image: 'quay.io/containerdisks/fedora:latest',
  memory: '2Gi',
  cores: 1,
};

const cloudInitUserData =
  '#cloud-config\nuser: fedora\npassword: changeme\nchpasswd: { expire: false }\n';

/**
 * A valid, minimal Fedora VirtualMachine: halted (so creating it starts nothing), root disk from a
 * container disk, cloud-init for the first login, one masquerade interface on the pod network.
 * The namespace is left out: the console fills in the active project.
 */
export const buildExampleVirtualMachine = (
  options: Partial<ExampleVMOptions> = {},
): VirtualMachine => {
  const { name, image, memory, cores } = { ...EXAMPLE_VM_DEFAULTS, ...options };
  return {
    apiVersion: `${VirtualMachineModel.apiGroup}/${VirtualMachineModel.apiVersion}`,
    kind: VirtualMachineModel.kind,
    metadata: {
      name,
      labels: { app: name },
    },
    spec: {
      runStrategy: 'Halted',
      template: {
        metadata: {
          labels: { 'kubevirt.io/domain': name },
        },
        spec: {
          domain: {
            cpu: { cores, sockets: 1, threads: 1 },
            memory: { guest: memory },
            devices: {
              disks: [
                { name: 'rootdisk', disk: { bus: 'virtio' } },
                { name: 'cloudinitdisk', disk: { bus: 'virtio' } },
              ],
              interfaces: [{ name: 'default', masquerade: {} }],
              rng: {},
            },
            resources: { requests: { memory } },
          },
          networks: [{ name: 'default', pod: {} }],
          terminationGracePeriodSeconds: 180,
          volumes: [
            { name: 'rootdisk', containerDisk: { image } },
            { name: 'cloudinitdisk', cloudInitNoCloud: { userData: cloudInitUserData } },
          ],
        },
      },
    },
  };
};

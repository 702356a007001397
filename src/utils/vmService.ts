import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import type { Recipe } from './vmPatch';

/**
 * Services that expose one port of a VM (SSH, RDP): naming, the pod label they select, the
 * Service itself and the node address a NodePort is reached on.
 */

/** The label KubeVirt's templates (and the console's create flows) give a VM's pods. */
export const DOMAIN_LABEL = 'kubevirt.io/domain';

/** A core v1 Service as far as the console reads and writes a VM's Services. */
export type VMService = K8sResourceCommon & {
  spec?: {
    type?: string;
    selector?: Record<string, string>;
    ports?: {
      name?: string;
      protocol?: string;
      port?: number;
      targetPort?: number | string;
      nodePort?: number;
    }[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
};

/** A Node as far as its addresses go. */
export type NodeAddresses = K8sResourceCommon & {
  status?: { addresses?: { type?: string; address?: string }[] };
};

/**
 * Name of a VM's Service, `<vm><suffix>`. Service names are DNS-1035 labels (a letter first, no
 * dots, at most 63 characters), stricter than VM names: dots become dashes, a leading digit gets
 * `vm-` in front, and a long VM name is cut so the suffix still fits.
 */
export const vmServiceName = (vmName: string, suffix: string): string => {
  let base = vmName.replace(/\./g, '-');
  if (!/^[a-z]/.test(base)) base = `vm-${base}`;
  base = base.slice(0, 63 - suffix.length).replace(/-+$/, '');
  return `${base}${suffix}`;
};

export type SelectorDecision = {
  /** The Service's selector: a label the VM's pods carry (or will carry). */
  selector: Record<string, string>;
  /** The template lacks the label: add it before creating the Service. */
  addLabel: boolean;
  /** The running VMI lacks the label: the Service reaches the VM only after a restart. */
  restartNeeded: boolean;
};

/**
 * Which pod label the Service selects. KubeVirt copies `spec.template.metadata.labels` to the
 * VMI and its virt-launcher pod, so the label must be in the template: `kubevirt.io/domain:
 * <vm>` when the template has it, otherwise `fallbackKey: <vm>` (added to the template when
 * missing). A running VMI started before the label was added does not carry it until the VM
 * restarts.
 */
export const decideServiceSelector = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
  fallbackKey: string,
): SelectorDecision => {
  const name = vm.metadata?.name ?? '';
  const labels = vm.spec?.template?.metadata?.labels ?? {};
  const key = labels[DOMAIN_LABEL] === name ? DOMAIN_LABEL : fallbackKey;
  const addLabel = labels[key] !== name;
  const restartNeeded = Boolean(vmi) && vmi?.metadata?.labels?.[key] !== name;
  return { selector: { [key]: name }, addLabel, restartNeeded };
};

/** Adds the selector label to the VM's template labels (other labels stay). */
export const addSelectorLabel =
  (selector: Record<string, string>): Recipe<VirtualMachine> =>
  (vm) => {
    const template = (vm.spec ??= { template: {} } as NonNullable<VirtualMachine['spec']>).template;
    const metadata = (template.metadata ??= {});
    metadata.labels = { ...(metadata.labels ?? {}), ...selector };
  };

/** What a VM's Service exposes. */
export type VMServicePort = {
  /** Appended to the VM's name (`-ssh-service`, `-rdp`). */
  suffix: string;
  /** The label naming the VM on the Service (and the fallback pod label). */
  label: string;
  /** The port's name in the Service (`ssh`, `rdp`). */
  portName: string;
  /** The guest's TCP port, also the Service's port. */
  port: number;
};

/** The Service exposing one TCP port of the VM, owned by the VM (removed with it). */
export const buildVMService = (
  vm: VirtualMachine,
  exposed: VMServicePort,
  type: string,
  selector: Record<string, string>,
): VMService => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {
    name: vmServiceName(vm.metadata?.name ?? '', exposed.suffix),
    namespace: vm.metadata?.namespace,
    labels: { [exposed.label]: vm.metadata?.name ?? '' },
    ownerReferences: [
      {
        apiVersion: vm.apiVersion ?? 'kubevirt.io/v1',
        kind: vm.kind ?? 'VirtualMachine',
        name: vm.metadata?.name ?? '',
        uid: vm.metadata?.uid ?? '',
      },
    ],
  },
  spec: {
    type,
    selector,
    ports: [
      { name: exposed.portName, protocol: 'TCP', port: exposed.port, targetPort: exposed.port },
    ],
  },
});

/** The Service's entry for `port`, else its first one. */
export const servicePort = (service: VMService | undefined, port: number) =>
  service?.spec?.ports?.find((p) => p.port === port) ?? service?.spec?.ports?.[0];

/** The address a NodePort is reached on: the node's external address, else its internal one. */
export const nodeAddress = (node: NodeAddresses | undefined): string | undefined => {
  const addresses = node?.status?.addresses ?? [];
  return (
    addresses.find((a) => a.type === 'ExternalIP' && a.address)?.address ??
    addresses.find((a) => a.type === 'InternalIP' && a.address)?.address
  );
};

/** The node to show for a NodePort: the VM's own node when known, else the first with an address. */
export const pickNode = (
  nodes: NodeAddresses[],
  preferred: string | undefined,
): NodeAddresses | undefined =>
  nodes.find((n) => n.metadata?.name === preferred && nodeAddress(n)) ??
  nodes.find((n) => nodeAddress(n));

/** Stands for the node's address when no Node can be read. */
export const NODE_ADDRESS_PLACEHOLDER = '<node-address>';

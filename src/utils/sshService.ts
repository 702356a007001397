import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import { buildPatch, type PatchOperation, type Recipe } from './vmPatch';

/** The template label an SSH service selects the VM by when its pods lack the domain label. */
export const SSH_SERVICE_LABEL = 'vm.kubevirt.io/ssh-service';

export type SSHServiceType = 'none' | 'NodePort' | 'LoadBalancer';

/** The label KubeVirt's templates (and the console's create flows) give a VM's pods. */
export const DOMAIN_LABEL = 'kubevirt.io/domain';

/** A core v1 Service as far as SSH access reads and writes it. */
export type SSHService = K8sResourceCommon & {
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

const SUFFIX = '-ssh-service';

/**
 * Name of the VM's SSH Service, `<vm>-ssh-service`. Service names are DNS-1035 labels (a letter
 * first, no dots, at most 63 characters), stricter than VM names: dots become dashes, a leading
 * digit gets `vm-` in front, and a long VM name is cut so the suffix still fits.
 */
export const sshServiceName = (vmName: string): string => {
  let base = vmName.replace(/\./g, '-');
  if (!/^[a-z]/.test(base)) base = `vm-${base}`;
  base = base.slice(0, 63 - SUFFIX.length).replace(/-+$/, '');
  return `${base}${SUFFIX}`;
};

/** What the Service's type means in the SSH service type list (other types count as none). */
export const sshServiceTypeOf = (service: SSHService | undefined): SSHServiceType =>
  service?.spec?.type === 'NodePort' || service?.spec?.type === 'LoadBalancer'
    ? service.spec.type
    : 'none';

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
 * <vm>` when the template has it, otherwise the dedicated `vm.kubevirt.io/ssh-service: <vm>`
 * (added to the template when missing). A running VMI started before the label was added does
 * not carry it until the VM restarts.
 */
export const decideSelector = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
): SelectorDecision => {
  const name = vm.metadata?.name ?? '';
  const labels = vm.spec?.template?.metadata?.labels ?? {};
  const key = labels[DOMAIN_LABEL] === name ? DOMAIN_LABEL : SSH_SERVICE_LABEL;
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

/** The Service exposing the VM's port 22, owned by the VM (removed with it). */
export const buildSSHService = (
  vm: VirtualMachine,
  type: Exclude<SSHServiceType, 'none'>,
  selector: Record<string, string>,
): SSHService => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {
    name: sshServiceName(vm.metadata?.name ?? ''),
    namespace: vm.metadata?.namespace,
    labels: { [SSH_SERVICE_LABEL]: vm.metadata?.name ?? '' },
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
    ports: [{ name: 'ssh', protocol: 'TCP', port: 22, targetPort: 22 }],
  },
});

/** What choosing a type in the list does to the cluster. */
export type SSHServiceChange =
  | { op: 'none' }
  | { op: 'create'; type: Exclude<SSHServiceType, 'none'> }
  | { op: 'patch'; data: PatchOperation[] }
  | { op: 'delete' };

/** From the Service as it is (undefined: none) to the chosen type. */
export const planSSHServiceChange = (
  current: SSHService | undefined,
  target: SSHServiceType,
): SSHServiceChange => {
  if (!current) return target === 'none' ? { op: 'none' } : { op: 'create', type: target };
  if (target === 'none') return { op: 'delete' };
  if (current.spec?.type === target) return { op: 'none' };
  // NodePort ↔ LoadBalancer: the Service stays, only its type changes (the node port is kept).
  return {
    op: 'patch',
    data: buildPatch(current, (draft) => {
      (draft.spec ??= {}).type = target;
    }),
  };
};

/** The address a NodePort is reached on: the node's external address, else its internal one. */
export const nodeAddress = (node: NodeAddresses | undefined): string | undefined => {
  const addresses = node?.status?.addresses ?? [];
  return (
    addresses.find((a) => a.type === 'ExternalIP' && a.address)?.address ??
    addresses.find((a) => a.type === 'InternalIP' && a.address)?.address
  );
};

/** The node to print in the NodePort command: the VM's own node when known, else the first with an address. */
export const pickNode = (
  nodes: NodeAddresses[],
  preferred: string | undefined,
): NodeAddresses | undefined =>
  nodes.find((n) => n.metadata?.name === preferred && nodeAddress(n)) ??
  nodes.find((n) => nodeAddress(n));

/** Stands for the node's address when no Node can be read. */
export const NODE_ADDRESS_PLACEHOLDER = '<node-address>';

export type SSHServiceAccess =
  /** The command to copy. `placeholder`: the node address is not known, the user fills it in. */
  | { state: 'ready'; command: string; placeholder: boolean }
  /** NodePort without a port yet (the API server has not assigned one). */
  | { state: 'pendingNodePort' }
  /** LoadBalancer without an ingress address yet. */
  | { state: 'pendingIngress' }
  | { state: 'none' };

/**
 * The `ssh` command through the Service: NodePort on a node's address with `-p <nodePort>`,
 * LoadBalancer on its first ingress IP or hostname (its port, `-p` only when not 22).
 */
export const sshServiceAccess = (
  service: SSHService | undefined,
  user: string | undefined,
  address: string | undefined,
): SSHServiceAccess => {
  const who = user ? `${user}@` : '';
  const port = service?.spec?.ports?.find((p) => p.port === 22) ?? service?.spec?.ports?.[0];
  switch (sshServiceTypeOf(service)) {
    case 'NodePort': {
      if (!port?.nodePort) return { state: 'pendingNodePort' };
      const host = address ?? NODE_ADDRESS_PLACEHOLDER;
      return {
        state: 'ready',
        command: `ssh ${who}${host} -p ${port.nodePort}`,
        placeholder: !address,
      };
    }
    case 'LoadBalancer': {
      const ingress = service?.status?.loadBalancer?.ingress?.find((i) => i.ip || i.hostname);
      const host = ingress?.ip || ingress?.hostname;
      if (!host) return { state: 'pendingIngress' };
      const p = port?.port ?? 22;
      return {
        state: 'ready',
        command: `ssh ${who}${host}${p === 22 ? '' : ` -p ${p}`}`,
        placeholder: false,
      };
    }
    default:
      return { state: 'none' };
  }
};

import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import { buildPatch, type PatchOperation } from './vmPatch';
import {
  buildVMService,
  decideServiceSelector,
  NODE_ADDRESS_PLACEHOLDER,
  type SelectorDecision,
  servicePort,
  type VMService,
  type VMServicePort,
  vmServiceName,
} from './vmService';

export {
  addSelectorLabel,
  DOMAIN_LABEL,
  NODE_ADDRESS_PLACEHOLDER,
  nodeAddress,
  type NodeAddresses,
  pickNode,
  type SelectorDecision,
} from './vmService';

/** The template label an SSH service selects the VM by when its pods lack the domain label. */
export const SSH_SERVICE_LABEL = 'vm.kubevirt.io/ssh-service';

export type SSHServiceType = 'none' | 'NodePort' | 'LoadBalancer';

/** A core v1 Service as far as SSH access reads and writes it. */
export type SSHService = VMService;

const SSH_PORT: VMServicePort = {
  suffix: '-ssh-service',
  label: SSH_SERVICE_LABEL,
  portName: 'ssh',
  port: 22,
};

/** Name of the VM's SSH Service, `<vm>-ssh-service` (a valid Service name, see vmServiceName). */
export const sshServiceName = (vmName: string): string => vmServiceName(vmName, SSH_PORT.suffix);

/** What the Service's type means in the SSH service type list (other types count as none). */
export const sshServiceTypeOf = (service: SSHService | undefined): SSHServiceType =>
  service?.spec?.type === 'NodePort' || service?.spec?.type === 'LoadBalancer'
    ? service.spec.type
    : 'none';

/**
 * Which pod label the SSH Service selects: `kubevirt.io/domain` when the template has it, else
 * `vm.kubevirt.io/ssh-service` (see decideServiceSelector).
 */
export const decideSelector = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
): SelectorDecision => decideServiceSelector(vm, vmi, SSH_SERVICE_LABEL);

/** The Service exposing the VM's port 22, owned by the VM (removed with it). */
export const buildSSHService = (
  vm: VirtualMachine,
  type: Exclude<SSHServiceType, 'none'>,
  selector: Record<string, string>,
): SSHService => buildVMService(vm, SSH_PORT, type, selector);

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
  const port = servicePort(service, 22);
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

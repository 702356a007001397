import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import {
  buildVMService,
  decideServiceSelector,
  type SelectorDecision,
  servicePort,
  type VMService,
  type VMServicePort,
  vmServiceName,
} from './vmService';

/** RDP's TCP port in the guest. */
export const RDP_PORT = 3389;

/** The template label an RDP service selects the VM by when its pods lack the domain label. */
export const RDP_SERVICE_LABEL = 'vm.kubevirt.io/rdp-service';

const RDP: VMServicePort = {
  suffix: '-rdp',
  label: RDP_SERVICE_LABEL,
  portName: 'rdp',
  port: RDP_PORT,
};

/** Name of the VM's RDP Service, `<vm>-rdp` (a valid Service name, see vmServiceName). */
export const rdpServiceName = (vmName: string): string => vmServiceName(vmName, RDP.suffix);

/** Which pod label the RDP Service selects: `kubevirt.io/domain` when the template has it. */
export const decideRDPSelector = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
): SelectorDecision => decideServiceSelector(vm, vmi, RDP_SERVICE_LABEL);

/** The NodePort Service exposing the guest's port 3389, owned by the VM. */
export const buildRDPService = (vm: VirtualMachine, selector: Record<string, string>): VMService =>
  buildVMService(vm, RDP, 'NodePort', selector);

export type RDPAddress =
  /** Where an RDP client connects. */
  | { state: 'ready'; host: string; port: number }
  /** The Service has no node port yet. */
  | { state: 'pendingNodePort' }
  /** The node port is known but no node address could be read. */
  | { state: 'noNodeAddress'; port: number }
  /** No RDP Service, or one that is not a NodePort. */
  | { state: 'none' };

/** The node address and node port of the RDP Service. */
export const rdpAddress = (
  service: VMService | undefined,
  nodeAddress: string | undefined,
): RDPAddress => {
  if (service?.spec?.type !== 'NodePort') return { state: 'none' };
  const nodePort = servicePort(service, RDP_PORT)?.nodePort;
  if (!nodePort) return { state: 'pendingNodePort' };
  if (!nodeAddress) return { state: 'noNodeAddress', port: nodePort };
  return { state: 'ready', host: nodeAddress, port: nodePort };
};

/** One line of a .rdp file; line breaks would start other settings, so they are dropped. */
const setting = (name: string, value: string): string =>
  `${name}:s:${value.replace(/[\r\n]+/g, '')}`;

/**
 * The `.rdp` file Remote Desktop clients open: `full address:s:<host>:<port>`, and
 * `username:s:<user>` when the user is known. CRLF line ends, as Windows writes them.
 */
export const buildRDPFile = (host: string, port: number, user?: string): string =>
  [setting('full address', `${host}:${port}`), ...(user ? [setting('username', user)] : [])]
    .map((line) => `${line}\r\n`)
    .join('');

/** The downloaded file's name, `<vm>.rdp`. */
export const rdpFileName = (vmName: string): string => `${vmName || 'vm'}.rdp`;

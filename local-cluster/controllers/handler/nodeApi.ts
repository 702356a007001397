import type {
  V1VirtualMachineInstanceFileSystemList,
  V1VirtualMachineInstanceGuestAgentInfo,
  V1VirtualMachineInstanceGuestOSUserList,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { Duplex } from 'node:stream';

/** The VMI a node request is about; the uid tells a restarted VMI from its predecessor. */
export interface VmiRef {
  namespace: string;
  name: string;
  uid: string;
}

/**
 * The in-process stand-in for virt-handler's node REST API (the one virt-api calls on port 8186 in
 * a real cluster): actions on the domain, guest agent queries and the console streams.
 * Every method rejects with a `NodeApiError` when the guest is not there (not started yet, gone).
 */
export interface NodeApi {
  pause(vmi: VmiRef): Promise<void>;
  unpause(vmi: VmiRef): Promise<void>;
  softReboot(vmi: VmiRef): Promise<void>;
  /** Freezes the guest's file systems through the agent (before a snapshot). */
  freeze(vmi: VmiRef): Promise<void>;
  unfreeze(vmi: VmiRef): Promise<void>;
  guestOsInfo(vmi: VmiRef): Promise<V1VirtualMachineInstanceGuestAgentInfo>;
  userList(vmi: VmiRef): Promise<V1VirtualMachineInstanceGuestOSUserList>;
  filesystemList(vmi: VmiRef): Promise<V1VirtualMachineInstanceFileSystemList>;
  /** Raw RFB bytes of the guest's display. */
  openVnc(vmi: VmiRef): Promise<Duplex>;
  /** Raw bytes of the guest's serial console. */
  openSerial(vmi: VmiRef): Promise<Duplex>;
  /** PNG of the guest's screen. */
  screenshot(vmi: VmiRef): Promise<Buffer>;
}

export class NodeApiError extends Error {
  override readonly name = 'NodeApiError';
}

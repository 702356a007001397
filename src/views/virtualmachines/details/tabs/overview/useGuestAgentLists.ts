import { useEffect, useState } from 'react';
import { consoleFetchJSON } from '@openshift-console/dynamic-plugin-sdk';
import type {
  V1VirtualMachineInstanceFileSystem,
  V1VirtualMachineInstanceFileSystemList,
  V1VirtualMachineInstanceGuestOSUser,
  V1VirtualMachineInstanceGuestOSUserList,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { VirtualMachineInstance } from '../../../../../models/types';
import { isGuestAgentConnected } from '../../../../../utils/vmConditions';

const SUBRESOURCES = '/api/kubernetes/apis/subresources.kubevirt.io/v1';
const REFRESH_MS = 30_000;

export type GuestAgentLists = {
  /** Whether the guest agent is connected (without it there is nothing to ask). */
  connected: boolean;
  fileSystems?: V1VirtualMachineInstanceFileSystem[];
  users?: V1VirtualMachineInstanceGuestOSUser[];
  error?: unknown;
};

/**
 * The guest's file systems and logged-in users from virt-api's guest-agent subresources, asked
 * while the agent is connected and refreshed every 30 s (these are requests, not watches).
 */
export const useGuestAgentLists = (vmi?: VirtualMachineInstance): GuestAgentLists => {
  const connected = isGuestAgentConnected(vmi);
  const namespace = vmi?.metadata?.namespace ?? '';
  const name = vmi?.metadata?.name ?? '';
  const [lists, setLists] = useState<Omit<GuestAgentLists, 'connected'>>({});
  useEffect(() => {
    if (!connected) return;
    let cancelled = false;
    const base = `${SUBRESOURCES}/namespaces/${encodeURIComponent(namespace)}/virtualmachineinstances/${encodeURIComponent(name)}`;
    const load = () =>
      Promise.all([
        consoleFetchJSON(
          `${base}/filesystemlist`,
        ) as Promise<V1VirtualMachineInstanceFileSystemList>,
        consoleFetchJSON(`${base}/userlist`) as Promise<V1VirtualMachineInstanceGuestOSUserList>,
      ])
        .then(([fs, users]) => {
          if (!cancelled) setLists({ fileSystems: fs.items ?? [], users: users.items ?? [] });
        })
        .catch((error: unknown) => {
          if (!cancelled) setLists({ error });
        });
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [connected, namespace, name]);
  return connected ? { connected, ...lists } : { connected };
};

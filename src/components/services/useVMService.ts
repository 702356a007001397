import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { NodeModel, ServiceModel } from '../../models';
import { modelToGroupVersionKind } from '../../models/modelUtils';
import { nodeAddress, type NodeAddresses, pickNode, type VMService } from '../../utils/vmService';

const SERVICE_GVK = modelToGroupVersionKind(ServiceModel);
const NODE_GVK = modelToGroupVersionKind(NodeModel);

const isNotFound = (error: unknown): boolean => (error as { code?: number })?.code === 404;

export type WatchedVMService = {
  /** The Service, undefined while loading, when it does not exist or cannot be read. */
  service?: VMService;
  /** Loaded, or known not to exist. */
  ready: boolean;
  /** A read error other than "not found". */
  readError?: unknown;
};

/** Watches one of the VM's Services by name (a missing Service is no error). */
export const useVMService = (name: string, namespace: string | undefined): WatchedVMService => {
  const [watched, loaded, error] = useK8sWatchResource<VMService>({
    groupVersionKind: SERVICE_GVK,
    name,
    namespace,
  });
  const missing = isNotFound(error);
  return {
    service: loaded && !error ? watched : undefined,
    ready: loaded || missing,
    readError: error && !missing ? error : undefined,
  };
};

/**
 * The node address a NodePort is reached on (the VM's own node when known), watched only while
 * `enabled`; undefined when no Node with an address can be read.
 */
export const useNodePortAddress = (
  enabled: boolean,
  preferredNode: string | undefined,
): string | undefined => {
  const [nodes] = useK8sWatchResource<NodeAddresses[]>(
    enabled ? { groupVersionKind: NODE_GVK, isList: true } : null,
  );
  return nodeAddress(pickNode(nodes ?? [], preferredNode));
};

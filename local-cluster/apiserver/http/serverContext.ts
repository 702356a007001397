import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../auth/users';
import type { RbacSource } from '../auth/rbacSource';
import type { KindRegistry } from '../registry/kindRegistry';
import type { ResourceService } from '../rest/resourceService';
import type { ObjectStore } from '../storage/objectStore';
import type { WatchCache } from '../watch/watchCache';
import type { ContainerLogSource } from './podLog';
import type { VirtualHandler } from './virtualHandler';

/** A path outside the Kubernetes API served by a layer above the server (metrics, CDI's upload
 * proxy). It authenticates requests itself; return false to leave the path to the server. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => boolean | Promise<boolean>;

/** Where the virtualization layer plugs in, as aggregated API servers and webhooks do in kube. */
export interface ServerExtensions {
  /** Handlers of virtual kinds by `group/plural` (KubeVirt subresources, CDI upload tokens). */
  virtualHandlers: Map<string, VirtualHandler>;
  routes: RouteHandler[];
  /** What runs pods' containers (the kubelet's part): the logs `pods/log` serves. */
  containerLogs: ContainerLogSource[];
}

/** Everything a request handler may reach, built once per server. */
export interface ServerContext {
  store: ObjectStore;
  registry: KindRegistry;
  service: ResourceService;
  cache: WatchCache;
  auth: Authenticator;
  rbac: RbacSource;
  extensions: ServerExtensions;
}

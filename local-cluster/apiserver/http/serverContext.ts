import type { Authenticator } from '../auth/users';
import type { RbacSource } from '../auth/rbacSource';
import type { KindRegistry } from '../registry/kindRegistry';
import type { ResourceService } from '../rest/resourceService';
import type { ObjectStore } from '../storage/objectStore';
import type { WatchCache } from '../watch/watchCache';

/** Everything a request handler may reach, built once per server. */
export interface ServerContext {
  store: ObjectStore;
  registry: KindRegistry;
  service: ResourceService;
  cache: WatchCache;
  auth: Authenticator;
  rbac: RbacSource;
}

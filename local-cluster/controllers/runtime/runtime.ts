import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CONTROLLER_USER } from '../../apiserver/auth/users';
import type { RbacSource } from '../../apiserver/auth/rbacSource';
import type { UserInfo } from '../../apiserver/core/types';
import type { ServerExtensions } from '../../apiserver/http/serverContext';
import type { LocalCluster } from '../../apiserver/localCluster';
import type { AdmissionHook } from '../../apiserver/rest/resourceService';
import { ApiClient } from './apiClient';
import { EventRecorder } from './eventRecorder';
import { InformerFactory } from './informer';
import { Timing } from './timing';

export type UpgradeHandler = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  user: UserInfo,
) => boolean;

/**
 * The in-process plug points of the API server, standing in for what KubeVirt and CDI register in
 * a real cluster: aggregated API groups (virt-api's subresources, CDI's upload), websocket endpoints
 * (vnc, console), plain routes (metrics, upload proxy) and validating webhooks.
 */
export interface ServerHooks extends ServerExtensions {
  upgradeHandlers: UpgradeHandler[];
  admissionHooks: AdmissionHook[];
  rbac: RbacSource;
}

export interface ControllerRuntime {
  /** A client for `component`: its writes carry that field manager. */
  clientFor(component: string): ApiClient;
  /** The shared client (field manager `virt-controller`). */
  client: ApiClient;
  informers: InformerFactory;
  eventsFor(component: string): EventRecorder;
  timing: Timing;
  server: ServerHooks;
  log(message: string): void;
}

export interface RuntimeOptions {
  /** Multiplies every simulated duration; tests use a small value. Default 1. */
  timeScale?: number;
  log?: (message: string) => void;
}

/** Builds the runtime the controllers share: clients with the controllers' token, informers, events. */
export const createControllerRuntime = (
  cluster: LocalCluster,
  options: RuntimeOptions = {},
): ControllerRuntime => {
  const token = cluster.tokenOf(CONTROLLER_USER.username);
  const log = options.log ?? ((m: string) => console.error(`[controllers] ${m}`));
  const clientFor = (component: string): ApiClient => new ApiClient(cluster.url, token, component);
  const client = clientFor('virt-controller');
  const recorders = new Map<string, EventRecorder>();
  return {
    clientFor,
    client,
    informers: new InformerFactory(client, log),
    eventsFor: (component) => {
      let r = recorders.get(component);
      if (!r) {
        r = new EventRecorder(clientFor(component), component, log);
        recorders.set(component, r);
      }
      return r;
    },
    timing: new Timing(options.timeScale ?? 1),
    server: {
      ...cluster.context.extensions,
      upgradeHandlers: cluster.http.upgradeHandlers,
      admissionHooks: cluster.context.service.admissionHooks,
      rbac: cluster.context.rbac,
    },
    log,
  };
};

/** What every controller set returns: a way to stop its loops and timers. */
export interface Stoppable {
  stop(): void | Promise<void>;
}

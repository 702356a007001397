import type { NodeApi } from '../handler/nodeApi';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { consoleSockets } from './consoleSockets';
import { subresourceHandler } from './subresourceRoutes';
import { VirtApiClient } from './virtApiClient';

const GROUP = 'subresources.kubevirt.io';

/**
 * KubeVirt's virt-api: the `subresources.kubevirt.io/v1` aggregated API (start, stop, restart,
 * migrate, pause, hotplug, guest agent queries, screenshots) and the vnc/console websockets, served
 * in-process by the local API server. `node` is virt-handler's node API (see startVirtHandler).
 */
export const startVirtApi = (runtime: ControllerRuntime, node: NodeApi): Stoppable => {
  const api = new VirtApiClient(runtime.clientFor('virt-api'));
  const { virtualHandlers, upgradeHandlers } = runtime.server;
  const kinds = ['virtualmachines', 'virtualmachineinstances'] as const;
  for (const plural of kinds) {
    virtualHandlers.set(`${GROUP}/${plural}`, subresourceHandler(plural, api, node));
  }
  const sockets = consoleSockets({
    api,
    node,
    rbac: runtime.server.rbac,
    log: (m) => runtime.log(m),
  });
  upgradeHandlers.push(sockets.handler);
  return {
    stop: () => {
      for (const plural of kinds) virtualHandlers.delete(`${GROUP}/${plural}`);
      const i = upgradeHandlers.indexOf(sockets.handler);
      if (i >= 0) upgradeHandlers.splice(i, 1);
      sockets.close();
    },
  };
};

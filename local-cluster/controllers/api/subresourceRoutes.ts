import { methodNotAllowed, routeNotFound } from '../../apiserver/core/statusError';
import type { VirtualHandler } from '../../apiserver/http/virtualHandler';
import type { NodeApi } from '../handler/nodeApi';
import { expandVmSpec } from './expandSpecHandler';
import { notImplemented } from './subresourceErrors';
import type { SubresourceHandler } from './subresourceRequest';
import type { VirtApiClient } from './virtApiClient';
import {
  filesystemList,
  freezeVmi,
  guestOsInfo,
  pauseVmi,
  softRebootVmi,
  streamWithoutUpgrade,
  unfreezeVmi,
  unpauseVmi,
  userList,
  vncScreenshot,
} from './vmiActionHandlers';
import { migrateVm, restartVm, startVm, stopVm } from './vmLifecycleHandlers';
import {
  addVolumeToVm,
  addVolumeToVmi,
  removeVolumeFromVm,
  removeVolumeFromVmi,
} from './volumeHandlers';

interface Route {
  method: 'GET' | 'PUT';
  handle: SubresourceHandler;
}

const put = (handle: SubresourceHandler): Route => ({ method: 'PUT', handle });
const get = (handle: SubresourceHandler): Route => ({ method: 'GET', handle });

const portForward: SubresourceHandler = async () => {
  throw notImplemented('port forwarding is not supported by the local cluster');
};

/** virt-api's routes under subresources.kubevirt.io/v1, by kind and subresource. */
const ROUTES: Record<'virtualmachines' | 'virtualmachineinstances', Record<string, Route>> = {
  virtualmachines: {
    start: put(startVm),
    stop: put(stopVm),
    restart: put(restartVm),
    migrate: put(migrateVm),
    addvolume: put(addVolumeToVm),
    removevolume: put(removeVolumeFromVm),
    'expand-spec': get(expandVmSpec),
    portforward: get(portForward),
  },
  virtualmachineinstances: {
    pause: put(pauseVmi),
    unpause: put(unpauseVmi),
    softreboot: put(softRebootVmi),
    freeze: put(freezeVmi),
    unfreeze: put(unfreezeVmi),
    addvolume: put(addVolumeToVmi),
    removevolume: put(removeVolumeFromVmi),
    guestosinfo: get(guestOsInfo),
    userlist: get(userList),
    filesystemlist: get(filesystemList),
    'vnc/screenshot': get(vncScreenshot),
    vnc: get(streamWithoutUpgrade('vnc')),
    console: get(streamWithoutUpgrade('console')),
    portforward: get(portForward),
  },
};

/** `portforward/<port>[/<protocol>]` is one route whatever the port. */
const routeKey = (subresource: string): string =>
  subresource.startsWith('portforward/') ? 'portforward' : subresource;

/**
 * The API server's handler for one of virt-api's kinds. The server has already authorized the
 * user for the subresource and verb; the `vnc` and `console` websockets are upgrade handlers.
 */
export const subresourceHandler =
  (
    plural: 'virtualmachines' | 'virtualmachineinstances',
    api: VirtApiClient,
    node: NodeApi,
  ): VirtualHandler =>
  async (ctx, req, res, _kind, path, user, q) => {
    const route = path.subresource ? ROUTES[plural][routeKey(path.subresource)] : undefined;
    if (!route || !path.name || !path.namespace) throw routeNotFound();
    if ((req.method ?? 'GET') !== route.method) {
      throw methodNotAllowed(`${req.method ?? ''} is not supported on ${path.subresource ?? ''}`);
    }
    await route.handle({
      req,
      res,
      namespace: path.namespace,
      name: path.name,
      query: q,
      api,
      node,
      can: (attrs) => ctx.rbac.authorize(user, attrs).allowed,
    });
  };

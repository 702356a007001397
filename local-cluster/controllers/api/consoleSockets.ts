import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { forbiddenMessage } from '../../apiserver/auth/rbacAuthorizer';
import type { RbacSource } from '../../apiserver/auth/rbacSource';
import type { ResourceAttributes } from '../../apiserver/auth/rbacTypes';
import { forbidden, StatusError } from '../../apiserver/core/statusError';
import type { UserInfo } from '../../apiserver/core/types';
import { parseApiPath } from '../../apiserver/http/parseApiPath';
import { statusOf } from '../../apiserver/http/respond';
import {
  attachConsoleSession,
  consoleSessionInUse,
  consoleSessionKey,
  selectConsoleSubprotocol,
  sessionInUseStatus,
} from '../../guests/consoleSession';
import type { Vmi } from '../handler/kubevirtObjects';
import type { NodeApi, VmiRef } from '../handler/nodeApi';
import type { UpgradeHandler } from '../runtime/runtime';
import type { VirtApiClient } from './virtApiClient';
import { validateConsole, validateHandlerReachable, validateVnc } from './vmiValidations';

export type ConsoleStream = 'vnc' | 'console';

export interface ConsoleTarget {
  namespace: string;
  name: string;
  stream: ConsoleStream;
}

/** `/apis/subresources.kubevirt.io/v1/namespaces/<ns>/virtualmachineinstances/<name>/vnc|console`. */
export const consoleTargetOf = (pathname: string): ConsoleTarget | undefined => {
  const path = parseApiPath(pathname);
  if (
    path?.type !== 'resource' ||
    path.group !== 'subresources.kubevirt.io' ||
    path.plural !== 'virtualmachineinstances' ||
    !path.namespace ||
    !path.name ||
    (path.subresource !== 'vnc' && path.subresource !== 'console')
  ) {
    return undefined;
  }
  return { namespace: path.namespace, name: path.name, stream: path.subresource };
};

/** Go's strconv.ParseBool, which virt-api uses for `preserveSession` (anything else is false). */
export const parseGoBool = (value: string | null): boolean =>
  value !== null && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);

const refOf = (vmi: Vmi): VmiRef => ({
  namespace: vmi.metadata.namespace ?? '',
  name: vmi.metadata.name ?? '',
  uid: vmi.metadata.uid ?? '',
});

/** Answers the upgrade request with an HTTP error and a Status body, as virt-api does before upgrading. */
const refuse = (socket: Duplex, err: unknown): void => {
  const status = statusOf(err);
  const body = JSON.stringify(status);
  if (!socket.writable) return;
  socket.end(
    `HTTP/1.1 ${status.code} ${STATUS_CODES[status.code] ?? ''}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
};

export interface ConsoleSockets {
  handler: UpgradeHandler;
  close(): void;
}

/**
 * The `vnc` and `console` websockets of virt-api: the user needs `get` on the subresource, the VMI
 * must be running; then the socket carries raw bytes (binary frames) to and from the guest.
 */
export const consoleSockets = (deps: {
  api: VirtApiClient;
  node: NodeApi;
  rbac: RbacSource;
  log: (message: string) => void;
}): ConsoleSockets => {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => selectConsoleSubprotocol(protocols),
  });

  const accept = async (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    user: UserInfo,
    target: ConsoleTarget,
    query: URLSearchParams,
  ): Promise<void> => {
    const attrs: ResourceAttributes = {
      resourceRequest: true,
      verb: 'get',
      apiGroup: 'subresources.kubevirt.io',
      resource: 'virtualmachineinstances',
      subresource: target.stream,
      namespace: target.namespace,
      name: target.name,
    };
    if (!deps.rbac.authorize(user, attrs).allowed) {
      throw forbidden(forbiddenMessage(user, attrs), {
        name: target.name,
        group: attrs.apiGroup,
        kind: `virtualmachineinstances/${target.stream}`,
      });
    }
    const vmi = await deps.api.fetchVmi(target.namespace, target.name);
    const refusal =
      (target.stream === 'vnc' ? validateVnc(vmi) : validateConsole(vmi)) ??
      validateHandlerReachable(vmi);
    if (refusal) throw refusal;
    const ref = refOf(vmi);
    const open = (): Promise<Duplex> =>
      target.stream === 'vnc' ? deps.node.openVnc(ref) : deps.node.openSerial(ref);
    // Only VNC takes the parameter in KubeVirt; a serial console always replaces the old session.
    const preserveSession = target.stream === 'vnc' && parseGoBool(query.get('preserveSession'));
    const key = consoleSessionKey(ref.uid, target.stream);
    if (preserveSession && consoleSessionInUse(key)) {
      const status = sessionInUseStatus(target.stream);
      throw new StatusError(status.code, status.reason, status.message, status.details);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      attachConsoleSession(ws, key, open, { preserveSession });
    });
  };

  const handler: UpgradeHandler = (req, socket, head, user) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const target = consoleTargetOf(url.pathname);
    if (!target) return false;
    socket.on('error', () => socket.destroy());
    accept(req, socket, head, user, target, url.searchParams).catch((err: unknown) => {
      deps.log(`virt-api ${target.stream} ${target.namespace}/${target.name}: ${String(err)}`);
      refuse(socket, err);
    });
    return true;
  };

  return {
    handler,
    close: () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
};

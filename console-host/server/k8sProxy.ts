import type { Agent, IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { proxyHttp } from './httpProxy';
import type { Upstream, UpstreamUser } from './upstream';
import { tlsOptionsOf, upstreamUrl } from './upstream';
import type { WebSocketProxy } from './wsProxy';

export const K8S_PREFIX = '/api/kubernetes';

/** The upstream path and raw query for `/api/kubernetes/<path>?<query>`. */
const upstreamPathOf = (rawUrl: string): string => {
  const rest = rawUrl.slice(K8S_PREFIX.length);
  return rest.startsWith('/') ? rest : `/${rest}`;
};

/** `/api/kubernetes/*` over HTTP → the cluster, as `user`. */
export const proxyKubernetesHttp = (
  req: IncomingMessage,
  res: ServerResponse,
  upstream: Upstream,
  agent: Agent,
  user: UpstreamUser,
): void =>
  proxyHttp(req, res, {
    url: upstreamUrl(upstream.server, upstreamPathOf(req.url ?? K8S_PREFIX)),
    agent,
    token: user.token,
    label: 'the cluster',
  });

/** `/api/kubernetes/*` websocket upgrades (watch, VNC, serial console) → the cluster, as `user`. */
export const proxyKubernetesUpgrade = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  upstream: Upstream,
  user: UpstreamUser,
  wsProxy: WebSocketProxy,
): void => {
  const url = upstreamUrl(upstream.server, upstreamPathOf(req.url ?? K8S_PREFIX));
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  wsProxy.handle(req, socket, head, {
    url,
    // As the console's bridge does: the upstream sees a fixed Origin, not the browser's.
    headers: { Authorization: `Bearer ${user.token}`, Origin: 'http://localhost' },
    tls: tlsOptionsOf(upstream),
  });
};

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { ensureCsrfCookie, passesCsrf, passesOriginCheck } from './csrf';
import { IndexTemplate, sendIndex, serverFlags } from './indexPage';
import { K8S_PREFIX, proxyKubernetesHttp, proxyKubernetesUpgrade } from './k8sProxy';
import { LOCALES_PATH, serveLocale } from './locales';
import { PLUGIN_PREFIX, pluginCacheControl, servePluginAsset } from './pluginAssets';
import { prometheusPrefixOf, proxyPrometheus } from './prometheusProxy';
import { proxyPrometheusTenancy, TENANCY_PREFIX } from './prometheusTenancy';
import { Sessions } from './session';
import { NO_CACHE, resolveInside, sendFile } from './staticFiles';
import { rawHttpStatus, sendStatus } from './status';
import type { Upstream } from './upstream';
import { agentFor } from './upstream';
import { WebSocketProxy } from './wsProxy';

export type { Upstream, UpstreamUser } from './upstream';
export { upstreamFromKubeconfig, upstreamFromLocalCluster } from './upstream';
export type { ServerFlags } from './indexPage';

export const DEFAULT_PLUGIN = 'virt-console-plugin';
const DEFAULT_PUBLIC_DIR = join(__dirname, '..', '..', 'public');
const STATIC_PREFIX = '/static/';

export interface ConsoleHostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Address to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** The plugin's `dist/`, served at `/api/plugins/<name>/` for each name in `plugins`. */
  pluginDist: string;
  /** The shell's bundle (`main.js`, `main.css`, fonts), served at `/static/`. */
  hostBuild: string;
  /** The cluster `/api/kubernetes/*` goes to, and the users one can act as. */
  upstream: Upstream;
  /** Prometheus (or Thanos querier) base URL for `/api/prometheus*`; without it they answer 503. */
  prometheusUrl?: string;
  /** `SERVER_FLAGS.consolePlugins`; default `['virt-console-plugin']`. */
  plugins?: string[];
  /** Folder holding `index.html` and icons; default the repository's `public/`. */
  publicDir?: string;
  /** Extra Host header names accepted when bound to loopback (DNS-rebinding guard). */
  allowedHosts?: string[];
  /** Client ping period for proxied websockets; default 30 s. */
  pingIntervalMs?: number;
}

export interface ConsoleHost {
  /** `http://<host>:<port>` the host listens on. */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Host header check: a page of another site resolved to 127.0.0.1 must not read the cluster. */
const hostAllowed = (req: IncomingMessage, bind: string, extra: string[]): boolean => {
  if (!LOOPBACK.has(bind)) return true;
  const host = req.headers.host;
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return (
    LOOPBACK.has(hostname) ||
    hostname.endsWith('.localhost') ||
    extra.includes(hostname) ||
    hostname === bind
  );
};

const within = (pathname: string, prefix: string): boolean =>
  pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * A small OpenShift-console-like host: the shell app with `SERVER_FLAGS`, the plugin's assets and
 * locales, and `/api/kubernetes` (HTTP and websocket) proxied to a cluster as the current user.
 */
export const startConsoleHost = async (options: ConsoleHostOptions): Promise<ConsoleHost> => {
  const bind = options.host ?? '127.0.0.1';
  const plugins = options.plugins ?? [DEFAULT_PLUGIN];
  const dists = new Map(plugins.map((p) => [p, options.pluginDist]));
  const upstream = options.upstream;
  const sessions = new Sessions(upstream.users);
  const k8sAgent = agentFor(upstream);
  const prometheus = options.prometheusUrl
    ? {
        url: options.prometheusUrl,
        agent: agentFor({ server: options.prometheusUrl, users: [] }),
      }
    : undefined;
  const template = new IndexTemplate(join(options.publicDir ?? DEFAULT_PUBLIC_DIR, 'index.html'));
  const publicDir = options.publicDir ?? DEFAULT_PUBLIC_DIR;
  const wsProxy = new WebSocketProxy(options.pingIntervalMs);
  const allowedHosts = options.allowedHosts ?? [];

  const handleApi = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const { pathname } = url;
    if (!passesCsrf(req)) {
      sendStatus(
        res,
        403,
        'Forbidden',
        'CSRF check failed: send the value of the csrf-token cookie in the X-CSRFToken header',
      );
      return;
    }
    if (within(pathname, K8S_PREFIX)) {
      proxyKubernetesHttp(req, res, upstream, k8sAgent, sessions.current(req));
      return;
    }
    const promPrefix = prometheusPrefixOf(pathname);
    if (promPrefix === TENANCY_PREFIX && prometheus) {
      proxyPrometheusTenancy(
        req,
        res,
        url,
        prometheus,
        upstream,
        k8sAgent,
        sessions.current(req),
      ).catch(() => res.destroy());
      return;
    }
    if (promPrefix) {
      proxyPrometheus(req, res, promPrefix, prometheus, {
        upstream,
        agent: k8sAgent,
        user: sessions.current(req),
      }).catch(() => res.destroy());
      return;
    }
    if (pathname.startsWith(PLUGIN_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        sendStatus(res, 405, 'MethodNotAllowed', `${req.method} is not allowed on plugin assets`);
      else servePluginAsset(req, res, pathname, dists);
      return;
    }
    if (pathname === '/api/console/users' && req.method === 'GET') {
      sessions.list(req, res);
      return;
    }
    if (pathname === '/api/console/user' && req.method === 'POST') {
      sessions.switchUser(req, res).catch(() => res.destroy());
      return;
    }
    sendStatus(res, 404, 'NotFound', `${req.method} ${pathname} is not served by the console host`);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (!hostAllowed(req, bind, allowedHosts)) {
      sendStatus(res, 421, 'MisdirectedRequest', 'unexpected Host header');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://console-host');
    const { pathname } = url;
    if (pathname.startsWith('/api/')) {
      handleApi(req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendStatus(res, 405, 'MethodNotAllowed', `${req.method} is not allowed on ${pathname}`);
      return;
    }
    if (pathname === LOCALES_PATH) {
      serveLocale(req, res, url.searchParams, dists);
      return;
    }
    if (pathname.startsWith(STATIC_PREFIX)) {
      const file = resolveInside(options.hostBuild, pathname.slice(STATIC_PREFIX.length));
      if (file) sendFile(req, res, file, pluginCacheControl(file));
      else sendStatus(res, 404, 'NotFound', `${pathname} not found`);
      return;
    }
    const asset =
      pathname !== '/' && pathname !== '/index.html'
        ? resolveInside(publicDir, pathname)
        : undefined;
    if (asset) {
      sendFile(req, res, asset, NO_CACHE);
      return;
    }
    // Every other path belongs to the single-page app's router.
    ensureCsrfCookie(req, res);
    const flags = serverFlags({
      plugins,
      loginUser: sessions.current(req).username,
      loginUsers: sessions.usernames,
      metricsAvailable: Boolean(prometheus),
    });
    sendIndex(req, res, template, flags);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(req.url ?? '/', 'http://console-host').pathname;
    if (!within(pathname, K8S_PREFIX)) {
      socket.end(rawHttpStatus(404, 'Not Found', `no websocket endpoint at ${pathname}`));
      return;
    }
    if (!hostAllowed(req, bind, allowedHosts) || !passesOriginCheck(req)) {
      socket.end(
        rawHttpStatus(403, 'Forbidden', 'websocket Origin does not match this console host'),
      );
      return;
    }
    proxyKubernetesUpgrade(req, socket, head, upstream, sessions.current(req), wsProxy);
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      console.error(`console host: ${req.method} ${req.url}: ${(err as Error).message}`);
      if (!res.headersSent) sendStatus(res, 500, 'InternalError', 'console host error');
      else res.destroy();
    }
  });
  server.on('upgrade', onUpgrade);
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bind, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    port,
    server,
    close: async () => {
      wsProxy.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      k8sAgent.destroy();
      prometheus?.agent.destroy();
    },
  };
};

import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { Server as NetServer, Socket } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { impersonate } from '../auth/impersonation';
import { forbiddenMessage } from '../auth/rbacAuthorizer';
import {
  badRequest,
  forbidden,
  methodNotAllowed,
  routeNotFound,
  unauthorized,
} from '../core/statusError';
import type { UserInfo } from '../core/types';
import type { ResourceKind } from '../registry/resourceKind';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  SERVER_VERSION,
} from '../discovery/apiDiscovery';
import {
  buildOpenApiV2,
  buildOpenApiV3GroupVersion,
  openApiV3Index,
} from '../discovery/openApiDocuments';
import { parseApiPath } from './parseApiPath';
import { handleResource } from './resourceHandler';
import { includeObjectOf, selectorsOf } from './queryOptions';
import { sendError, sendJson, statusOf } from './respond';
import type { ServerContext } from './serverContext';
import type { ServingCertificate } from './servingCertificate';
import { representationOf } from './tableView';
import { startWatch } from './watchStream';

/** Paths anyone may read without a token, as kube's system:public-info-viewer allows. */
const PUBLIC_PATHS = new Set(['/healthz', '/readyz', '/livez', '/version']);

const BEARER_PROTOCOL = 'base64url.bearer.authorization.k8s.io.';

const sendText = (res: ServerResponse, code: number, text: string): void => {
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
};

/** A websocket client cannot set headers; kube reads its token from a subprotocol instead. */
const tokenFromProtocols = (header: string | undefined): string | undefined => {
  const proto = (header ?? '')
    .split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(BEARER_PROTOCOL));
  return proto
    ? Buffer.from(proto.slice(BEARER_PROTOCOL.length), 'base64url').toString()
    : undefined;
};

const authenticate = (ctx: ServerContext, req: IncomingMessage): UserInfo | undefined => {
  const viaProtocol = tokenFromProtocols(req.headers['sec-websocket-protocol']);
  const caller = ctx.auth.authenticate(
    viaProtocol ? `Bearer ${viaProtocol}` : req.headers.authorization,
  );
  return caller && impersonate(ctx.rbac, caller, req.headers);
};

const authorizePath = (ctx: ServerContext, user: UserInfo, method: string, path: string): void => {
  const attrs = {
    resourceRequest: false as const,
    verb: method === 'GET' || method === 'HEAD' ? 'get' : method.toLowerCase(),
    path,
  };
  if (!ctx.rbac.authorize(user, attrs).allowed) throw forbidden(forbiddenMessage(user, attrs));
};

const openApiCache = new WeakMap<
  ServerContext,
  { generation: number; docs: Map<string, string> }
>();

/** OpenAPI documents are large and costly to build; they change only when the served kinds do. */
const openApiDoc = (ctx: ServerContext, pathname: string): string => {
  let cache = openApiCache.get(ctx);
  if (!cache || cache.generation !== ctx.registry.generation) {
    cache = { generation: ctx.registry.generation, docs: new Map() };
    openApiCache.set(ctx, cache);
  }
  const hit = cache.docs.get(pathname);
  if (hit) return hit;
  const kinds = ctx.registry.all();
  const schemaOf = (k: ResourceKind) => ctx.service.schemaOf(k);
  let doc: unknown;
  if (pathname === '/openapi/v2') doc = buildOpenApiV2(kinds, schemaOf);
  else if (pathname === '/openapi/v3') doc = openApiV3Index(kinds, schemaOf);
  else doc = buildOpenApiV3GroupVersion(kinds, pathname.slice('/openapi/v3/'.length), schemaOf);
  if (!doc) throw routeNotFound();
  const text = JSON.stringify(doc);
  cache.docs.set(pathname, text);
  return text;
};

const handleRequest = async (
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> => {
  const url = new URL(req.url ?? '/', 'http://local');
  const { pathname } = url;
  for (const route of ctx.extensions.routes) if (await route(req, res, url)) return;
  if (PUBLIC_PATHS.has(pathname)) {
    if (pathname === '/version') sendJson(res, 200, SERVER_VERSION);
    else sendText(res, 200, 'ok');
    return;
  }
  const user = authenticate(ctx, req);
  if (!user) throw unauthorized();
  const method = req.method ?? 'GET';
  const path = parseApiPath(pathname);
  if (path?.type === 'resource') {
    await handleResource(ctx, req, res, path, user, url.searchParams);
    return;
  }
  authorizePath(ctx, user, method, pathname);
  if (method !== 'GET' && method !== 'HEAD')
    throw methodNotAllowed(`${method} is not supported on ${pathname}`);
  if (pathname.startsWith('/openapi/')) {
    const body = openApiDoc(ctx, pathname);
    res.writeHead(200, {
      'Content-Type': 'application/json',
      ETag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`,
      'Cache-Control':
        pathname === '/openapi/v3' || pathname === '/openapi/v2'
          ? 'no-cache, private'
          : 'public, immutable',
    });
    res.end(body);
    return;
  }
  let body: unknown;
  switch (path?.type) {
    case 'legacyRoot':
      body = apiVersions();
      break;
    case 'groupsRoot':
      body = apiGroupList(ctx.registry);
      break;
    case 'group':
      body = apiGroup(ctx.registry, path.group);
      break;
    case 'groupVersion':
      body = apiResourceList(ctx.registry, path.group, path.version);
      break;
    default:
      body = undefined;
  }
  if (!body) throw routeNotFound();
  sendJson(res, 200, body);
};

/** Watches over websocket: one JSON text frame per event, as the OpenShift console reads them. */
const handleWatchSocket = (
  ctx: ServerContext,
  req: IncomingMessage,
  ws: WebSocket,
  user: UserInfo,
): void => {
  const url = new URL(req.url ?? '/', 'http://local');
  const path = parseApiPath(url.pathname);
  const q = url.searchParams;
  const fail = (err: unknown): void => {
    ws.send(JSON.stringify({ type: 'ERROR', object: statusOf(err) }));
    ws.close(1000);
  };
  try {
    if (path?.type !== 'resource' || path.name)
      throw badRequest('websocket is only supported for watch requests on collections');
    const kind = ctx.registry.lookup(path.group, path.version, path.plural);
    if (!kind || kind.virtual) throw routeNotFound();
    const attrs = {
      resourceRequest: true as const,
      verb: 'watch',
      apiGroup: kind.group,
      resource: kind.plural,
      namespace: path.namespace,
    };
    if (!ctx.rbac.authorize(user, attrs).allowed) throw forbidden(forbiddenMessage(user, attrs));
    const base64 = ws.protocol === 'base64.binary.k8s.io';
    startWatch(
      ctx.service,
      ctx.cache,
      {
        kind,
        namespace: kind.namespaced ? path.namespace : undefined,
        selectors: selectorsOf(kind, q),
        resourceVersion: q.get('resourceVersion') ?? undefined,
        allowBookmarks: q.get('allowWatchBookmarks') === 'true',
        timeoutSeconds: q.get('timeoutSeconds') ? Number(q.get('timeoutSeconds')) : undefined,
        representation: representationOf(req.headers.accept),
        includeObject: includeObjectOf(q),
      },
      {
        send: (text) => {
          if (ws.readyState === ws.OPEN)
            ws.send(base64 ? Buffer.from(text).toString('base64') : text);
        },
        close: () => ws.close(1000),
        onClose: (l) => ws.on('close', l),
      },
    );
  } catch (err) {
    fail(err);
  }
};

export interface ApiHttpServer {
  /** Listens on one port for both TLS (kubectl, client libraries) and plain HTTP (loopback tools). */
  server: NetServer;
  /** Extra websocket endpoints (consoles) register here; return true when handled. */
  upgradeHandlers: ((
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    user: UserInfo,
  ) => boolean)[];
  closeAll(): void;
}

const KEEP_ALIVE_MS = 65_000;

/** The first byte of a TLS ClientHello; anything else on the port is taken as plain HTTP. */
const TLS_HANDSHAKE = 0x16;

export const createApiHttpServer = (ctx: ServerContext, tls: ServingCertificate): ApiHttpServer => {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => {
      for (const p of protocols) if (!p.startsWith(BEARER_PROTOCOL)) return p;
      return false;
    },
  });
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handleRequest(ctx, req, res).catch((err: unknown) => sendError(res, err));
  };
  const plain = createServer(onRequest);
  const secure = createSecureServer({ cert: tls.cert, key: tls.key }, onRequest);
  // Clients and proxies keep connections alive between requests; Node's 5 s default closes them
  // while a client may be reusing one (ECONNRESET). Outlast the usual client idle timeouts.
  for (const s of [plain, secure]) {
    s.keepAliveTimeout = KEEP_ALIVE_MS;
    s.headersTimeout = KEEP_ALIVE_MS + 1000;
  }
  // Every raw connection, so shutdown can end idle keep-alive ones instead of waiting them out.
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
  const api: ApiHttpServer = {
    server,
    upgradeHandlers: [],
    closeAll: () => {
      for (const c of wss.clients) c.terminate();
      for (const socket of sockets) socket.destroy();
    },
  };
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    let user: UserInfo | undefined;
    try {
      user = authenticate(ctx, req);
      if (!user) throw unauthorized();
    } catch (err) {
      const status = statusOf(err);
      const text = JSON.stringify(status);
      socket.end(
        `HTTP/1.1 ${status.code} ${status.reason ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
      );
      return;
    }
    const caller = user;
    for (const h of api.upgradeHandlers) if (h(req, socket, head, caller)) return;
    wss.handleUpgrade(req, socket, head, (ws) => handleWatchSocket(ctx, req, ws, caller));
  };
  plain.on('upgrade', onUpgrade);
  secure.on('upgrade', onUpgrade);
  return api;
};

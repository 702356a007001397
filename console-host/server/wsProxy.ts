import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData } from 'ws';
import { WebSocket, WebSocketServer } from 'ws';
import { rawHttpStatus } from './status';

const IMPERSONATE = /^Impersonate-(User|Group)\.(.+)$/;
const BEARER_PROTOCOL = 'base64url.bearer.authorization.k8s.io.';
export const PING_INTERVAL_MS = 30_000;

export interface WsProtocols {
  /** Subprotocols to pass upstream (`plain.kubevirt.io`, `base64.binary.k8s.io`, ...). */
  protocols: string[];
  /** `Impersonate-User` / `Impersonate-Group` headers decoded from pseudo-subprotocols. */
  impersonation: { user?: string; groups: string[] };
}

const decodeBase64Url = (text: string): string | undefined => {
  try {
    return Buffer.from(text.replace(/=+$/, ''), 'base64url').toString('utf8');
  } catch {
    return undefined;
  }
};

/**
 * Splits `Sec-WebSocket-Protocol` the console's way: `Impersonate-User.<b64>` and
 * `Impersonate-Group.<b64>` are not real subprotocols but impersonation requests, and a browser
 * never gets to send a bearer token of its own.
 */
export const splitProtocols = (header: string | undefined): WsProtocols => {
  const result: WsProtocols = { protocols: [], impersonation: { groups: [] } };
  for (const raw of (header ?? '').split(',')) {
    const p = raw.trim();
    if (!p || p.startsWith(BEARER_PROTOCOL)) continue;
    const imp = IMPERSONATE.exec(p);
    if (!imp) {
      result.protocols.push(p);
      continue;
    }
    const value = decodeBase64Url(imp[2]);
    if (!value) continue;
    if (imp[1] === 'User') result.impersonation.user = value;
    else result.impersonation.groups.push(value);
  }
  return result;
};

/** Codes a peer may put in a close frame; 1005/1006/1015 only describe what happened locally. */
const sendableCode = (code: number): number | undefined =>
  (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999)
    ? code
    : undefined;

const closeLike = (peer: WebSocket, code: number, reason: Buffer): void => {
  if (peer.readyState === WebSocket.CLOSED || peer.readyState === WebSocket.CLOSING) return;
  const sendable = sendableCode(code);
  // An abnormal end upstream (1006) stays abnormal for the client: the console relists on 1006.
  if (code === 1006) peer.terminate();
  else if (sendable === undefined) peer.close();
  else peer.close(sendable, reason.subarray(0, 123));
};

export interface WsUpstream {
  url: URL;
  headers: Record<string, string | string[]>;
  tls: { ca?: string; rejectUnauthorized: boolean; servername?: string };
}

/**
 * Frame-by-frame websocket proxy. The upstream connection is made first, so the client's
 * handshake answers with the subprotocol the upstream chose (or with the upstream's HTTP error,
 * e.g. a 403 Status, when it refused); then messages, text or binary, flow both ways and close
 * codes are passed on. Clients are pinged every 30 s and dropped when they stop answering.
 */
export class WebSocketProxy {
  /** The subprotocol the upstream accepted, per pending client handshake. */
  private readonly chosen = new WeakMap<IncomingMessage, string>();
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    // Echo the upstream's choice. When it chose none, echo the client's first offer anyway
    // (browsers fail a handshake that offered subprotocols and got none back).
    handleProtocols: (offered, req) =>
      this.chosen.get(req) || (offered.values().next().value ?? false),
  });
  private readonly pairs = new Set<{ client: WebSocket; upstream: WebSocket }>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly timer: NodeJS.Timeout;

  constructor(pingIntervalMs = PING_INTERVAL_MS) {
    this.timer = setInterval(() => this.pingAll(), pingIntervalMs);
    this.timer.unref();
  }

  handle(req: IncomingMessage, socket: Duplex, head: Buffer, target: WsUpstream): void {
    const { protocols, impersonation } = splitProtocols(req.headers['sec-websocket-protocol']);
    const headers: Record<string, string | string[]> = { ...target.headers };
    if (impersonation.user) headers['Impersonate-User'] = impersonation.user;
    if (impersonation.groups.length) headers['Impersonate-Group'] = impersonation.groups;
    const upstream = new WebSocket(target.url, protocols, {
      headers,
      perMessageDeflate: false,
      handshakeTimeout: 30_000,
      ...(target.url.protocol === 'wss:' ? target.tls : {}),
    });
    let settled = false;
    const giveUp = (): void => {
      settled = true;
      upstream.terminate();
    };
    socket.once('close', () => {
      if (!settled) giveUp();
    });
    socket.on('error', () => socket.destroy());

    upstream.once('unexpected-response', (request, response) => {
      settled = true;
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const type = String(response.headers['content-type'] ?? 'text/plain');
        socket.write(
          `HTTP/1.1 ${response.statusCode ?? 502} ${response.statusMessage ?? ''}\r\n` +
            `Content-Type: ${type}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
        );
        socket.end(body);
        request.destroy();
      });
      response.on('error', () => socket.destroy());
    });
    upstream.on('error', (err) => {
      if (settled) return;
      settled = true;
      socket.end(
        rawHttpStatus(502, 'Bad Gateway', `error trying to reach the cluster: ${err.message}`),
      );
    });
    upstream.once('open', () => {
      if (settled) return;
      settled = true;
      this.chosen.set(req, upstream.protocol);
      this.wss.handleUpgrade(req, socket, head, (client) => this.pair(client, upstream));
    });
  }

  private pair(client: WebSocket, upstream: WebSocket): void {
    const pair = { client, upstream };
    this.pairs.add(pair);
    this.alive.set(client, true);
    client.on('pong', () => this.alive.set(client, true));
    const relay =
      (to: WebSocket) =>
      (data: RawData, isBinary: boolean): void => {
        if (to.readyState === WebSocket.OPEN) to.send(data, { binary: isBinary });
      };
    client.on('message', relay(upstream));
    upstream.on('message', relay(client));
    client.on('close', (code, reason) => {
      this.pairs.delete(pair);
      closeLike(upstream, code, reason);
    });
    upstream.on('close', (code, reason) => {
      this.pairs.delete(pair);
      closeLike(client, code, reason);
    });
    client.on('error', () => client.terminate());
    upstream.on('error', () => upstream.terminate());
  }

  private pingAll(): void {
    for (const { client } of this.pairs) {
      if (!this.alive.get(client)) {
        client.terminate();
        continue;
      }
      this.alive.set(client, false);
      client.ping();
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const { client, upstream } of this.pairs) {
      client.terminate();
      upstream.terminate();
    }
    this.pairs.clear();
    this.wss.close();
  }
}

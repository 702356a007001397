import type { Agent, IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { sendStatus } from './status';

/** Per-connection headers (RFC 9110 §7.6.1) that a proxy must not forward. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Browser credentials of this host, never meant for the upstream. */
const REQUEST_DROPPED = new Set(['host', 'cookie', 'authorization', 'x-csrftoken']);
/** Upstream headers that would act on this host's origin. */
const RESPONSE_DROPPED = new Set(['set-cookie', 'www-authenticate']);

const filterHeaders = (headers: IncomingHttpHeaders, dropped: Set<string>): IncomingHttpHeaders => {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || HOP_BY_HOP.has(lower) || dropped.has(lower)) continue;
    if (named.includes(lower)) continue;
    out[lower] = value;
  }
  return out;
};

export const requestHeadersFor = (
  headers: IncomingHttpHeaders,
  token: string | undefined,
): IncomingHttpHeaders => {
  const out = filterHeaders(headers, REQUEST_DROPPED);
  if (token) out.authorization = `Bearer ${token}`;
  return out;
};

export interface ProxyTarget {
  url: URL;
  agent: Agent;
  /** Bearer token sent upstream as `Authorization`; omitted when undefined. */
  token?: string;
  /** Names the upstream in error messages (never with credentials). */
  label: string;
  /** Sent instead of the request's own body (already read, e.g. rewritten), with its length. */
  body?: Buffer;
}

/**
 * Streams a request to the target and its response back: status, headers (minus hop-by-hop and
 * cookies) and body, chunk by chunk, so `watch=true` streams flow as they arrive.
 */
export const proxyHttp = (req: IncomingMessage, res: ServerResponse, target: ProxyTarget): void => {
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = requestHeadersFor(req.headers, target.token);
  if (target.body) headers['content-length'] = String(target.body.length);
  const upstreamReq = send(target.url, { method: req.method, headers, agent: target.agent });
  upstreamReq.on('response', (upstreamRes) => {
    res.writeHead(
      upstreamRes.statusCode ?? 502,
      upstreamRes.statusMessage,
      filterHeaders(upstreamRes.headers, RESPONSE_DROPPED),
    );
    res.flushHeaders();
    upstreamRes.pipe(res);
    upstreamRes.on('error', () => res.destroy());
  });
  upstreamReq.on('error', (err: Error) => {
    if (res.headersSent) res.destroy();
    else
      sendStatus(
        res,
        502,
        'BadGateway',
        `error trying to reach ${target.label}: ${err.message.replace(/Bearer\s+\S+/gi, 'Bearer …')}`,
      );
  });
  // The browser went away (a closed watch, a navigation): stop the upstream request too.
  res.on('close', () => {
    if (!res.writableFinished) upstreamReq.destroy();
  });
  if (target.body) upstreamReq.end(target.body);
  else req.pipe(upstreamReq);
};

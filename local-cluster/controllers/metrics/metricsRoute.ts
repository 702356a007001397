import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../../apiserver/http/serverContext';
import { CONTENT_TYPE } from './exposition';

export const METRICS_PATH = '/metrics';

/** 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 form. */
export const isLoopback = (address: string | undefined): boolean => {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
};

export type AccessDecision = 'allowed' | 'unauthenticated' | 'forbidden';

/**
 * Asks the API server whether the bearer token may `get` the non-resource URL /metrics, the way
 * kube-rbac-proxy guards KubeVirt's metrics endpoints (SelfSubjectAccessReview with the caller's
 * own token: the server authenticates it, RBAC answers).
 */
export const reviewMetricsAccess = async (
  apiBaseUrl: string,
  authorization: string,
): Promise<AccessDecision> => {
  const res = await fetch(`${apiBaseUrl}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`, {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { nonResourceAttributes: { path: METRICS_PATH, verb: 'get' } },
    }),
  });
  if (res.status === 401) return 'unauthenticated';
  if (!res.ok) return 'forbidden';
  const review = (await res.json()) as { status?: { allowed?: boolean } };
  return review.status?.allowed ? 'allowed' : 'forbidden';
};

export interface MetricsRouteOptions {
  /** Builds the exposition, as ordered byte chunks. */
  render(): { chunks: Buffer[]; byteLength: number };
  apiBaseUrl: string;
  /** Defaults to reviewMetricsAccess; tests replace it. */
  review?: (apiBaseUrl: string, authorization: string) => Promise<AccessDecision>;
  /** How long a token's positive review is remembered. */
  reviewCacheMs?: number;
  now?: () => number;
}

const status = (res: ServerResponse, code: number, reason: string, message: string): void => {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(
    JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code }),
  );
};

/**
 * `GET /metrics`: scrapes from the loopback interface need no token (the local cluster listens on
 * 127.0.0.1 by default, like a node-local exporter); any request that carries a bearer token, and
 * every request from elsewhere, must be allowed to `get` the non-resource URL /metrics.
 */
export const createMetricsRoute = (options: MetricsRouteOptions): RouteHandler => {
  const review = options.review ?? reviewMetricsAccess;
  const cacheMs = options.reviewCacheMs ?? 60_000;
  const now = options.now ?? Date.now;
  const allowedTokens = new Map<string, number>();

  const authorize = async (req: IncomingMessage): Promise<AccessDecision> => {
    const authorization = req.headers.authorization;
    if (!authorization) return isLoopback(req.socket.remoteAddress) ? 'allowed' : 'unauthenticated';
    // Remember a hash, never the token itself.
    const key = createHash('sha256').update(authorization).digest('hex');
    const until = allowedTokens.get(key);
    if (until !== undefined && until > now()) return 'allowed';
    const decision = await review(options.apiBaseUrl, authorization);
    if (decision === 'allowed') {
      if (allowedTokens.size > 1000) allowedTokens.clear();
      allowedTokens.set(key, now() + cacheMs);
    } else allowedTokens.delete(key);
    return decision;
  };

  return async (req, res, url) => {
    if (url.pathname !== METRICS_PATH) return false;
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      status(res, 405, 'MethodNotAllowed', `${method} is not supported on ${METRICS_PATH}`);
      return true;
    }
    const decision = await authorize(req);
    if (decision === 'unauthenticated') {
      status(res, 401, 'Unauthorized', 'Unauthorized');
      return true;
    }
    if (decision === 'forbidden') {
      status(res, 403, 'Forbidden', `forbidden: cannot get path "${METRICS_PATH}"`);
      return true;
    }
    const { chunks, byteLength } = options.render();
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPE,
      'Content-Length': byteLength,
      'Cache-Control': 'no-store',
    });
    if (method !== 'HEAD') for (const chunk of chunks) res.write(chunk);
    res.end();
    return true;
  };
};

import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { AccessDecision } from './metricsRoute';
import { createMetricsRoute, isLoopback } from './metricsRoute';

interface Captured {
  code?: number;
  headers: Record<string, string | number>;
  body: string;
}

const call = async (
  route: ReturnType<typeof createMetricsRoute>,
  {
    path = '/metrics',
    method = 'GET',
    remoteAddress = '127.0.0.1',
    authorization,
  }: { path?: string; method?: string; remoteAddress?: string; authorization?: string } = {},
): Promise<{ handled: boolean } & Captured> => {
  const captured: Captured = { headers: {}, body: '' };
  const req = {
    method,
    headers: authorization ? { authorization } : {},
    socket: { remoteAddress },
  } as unknown as IncomingMessage;
  const res = {
    setHeader: (k: string, v: string) => (captured.headers[k] = v),
    writeHead: (code: number, headers: Record<string, string | number> = {}) => {
      captured.code = code;
      Object.assign(captured.headers, headers);
    },
    write: (chunk: Buffer) => (captured.body += chunk.toString()),
    end: (chunk?: string) => {
      if (chunk) captured.body += chunk;
    },
  } as unknown as ServerResponse;
  const handled = await route(req, res, new URL(`http://local${path}`));
  return { handled, ...captured };
};

const body = '# HELP up Up\n# TYPE up gauge\nup 1\n';
const routeWith = (decide: (auth: string) => AccessDecision, reviews: string[] = []) =>
  createMetricsRoute({
    apiBaseUrl: 'http://unused',
    render: () => ({ chunks: [Buffer.from(body)], byteLength: Buffer.byteLength(body) }),
    review: async (_base, auth) => {
      reviews.push(auth);
      return decide(auth);
    },
  });

describe('/metrics route', () => {
  it('recognises loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('127.3.4.5')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
    expect(isLoopback('::ffff:10.0.0.5')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });

  it('leaves other paths to the API server', async () => {
    expect(
      (
        await call(
          routeWith(() => 'allowed'),
          { path: '/api/v1' },
        )
      ).handled,
    ).toBe(false);
    expect(
      (
        await call(
          routeWith(() => 'allowed'),
          { path: '/metrics/x' },
        )
      ).handled,
    ).toBe(false);
  });

  it('serves loopback scrapes without a token, in exposition format', async () => {
    const r = await call(routeWith(() => 'forbidden'));
    expect(r).toMatchObject({ handled: true, code: 200, body });
    expect(r.headers['Content-Type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(r.headers['Content-Length']).toBe(body.length);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(
      await call(
        routeWith(() => 'allowed'),
        { method: 'HEAD' },
      ),
    ).toMatchObject({
      code: 200,
      body: '',
    });
    const post = await call(
      routeWith(() => 'allowed'),
      { method: 'POST' },
    );
    expect(post.code).toBe(405);
    expect(JSON.parse(post.body)).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed' });
  });

  it('requires a token from other addresses and reviews it with RBAC', async () => {
    const reviews: string[] = [];
    const route = routeWith(
      (auth) =>
        auth === 'Bearer good'
          ? 'allowed'
          : auth === 'Bearer bad'
            ? 'unauthenticated'
            : 'forbidden',
      reviews,
    );
    expect((await call(route, { remoteAddress: '10.1.2.3' })).code).toBe(401);
    expect(
      (await call(route, { remoteAddress: '10.1.2.3', authorization: 'Bearer good' })).code,
    ).toBe(200);
    expect(
      (await call(route, { remoteAddress: '10.1.2.3', authorization: 'Bearer bad' })).code,
    ).toBe(401);
    const denied = await call(route, { remoteAddress: '10.1.2.3', authorization: 'Bearer dev' });
    expect(denied.code).toBe(403);
    expect(JSON.parse(denied.body)).toMatchObject({ reason: 'Forbidden', code: 403 });
    // A token sent from loopback is checked too.
    expect((await call(route, { authorization: 'Bearer dev' })).code).toBe(403);
    // Allowed tokens are remembered for a while.
    await call(route, { remoteAddress: '10.1.2.3', authorization: 'Bearer good' });
    expect(reviews.filter((r) => r === 'Bearer good')).toHaveLength(1);
  });
});

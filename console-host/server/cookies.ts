import type { IncomingMessage } from 'node:http';

/** Cookie values of a request by name; the first occurrence wins, as browsers send the most specific first. */
export const parseCookies = (req: IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
};

export interface CookieOptions {
  httpOnly?: boolean;
  maxAgeSeconds?: number;
}

/** A `Set-Cookie` value scoped to the whole host; SameSite=Strict keeps other sites from sending it. */
export const serializeCookie = (name: string, value: string, options: CookieOptions = {}): string =>
  [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'SameSite=Strict',
    ...(options.httpOnly ? ['HttpOnly'] : []),
    ...(options.maxAgeSeconds !== undefined ? [`Max-Age=${options.maxAgeSeconds}`] : []),
  ].join('; ');

/** Adds a Set-Cookie header without dropping the ones already set on the response. */
export const appendSetCookie = (
  res: { getHeader(n: string): unknown; setHeader(n: string, v: string[]): unknown },
  cookie: string,
): void => {
  const prev = res.getHeader('Set-Cookie');
  const list = Array.isArray(prev) ? (prev as string[]) : prev ? [String(prev)] : [];
  res.setHeader('Set-Cookie', [...list, cookie]);
};

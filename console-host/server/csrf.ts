import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { appendSetCookie, parseCookies, serializeCookie } from './cookies';

/** Double-submit CSRF token, as the OpenShift console does it: a readable cookie echoed in a header. */
export const CSRF_COOKIE = 'csrf-token';
export const CSRF_HEADER = 'x-csrftoken';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

/** Sets a fresh `csrf-token` cookie unless the browser already holds a well-formed one. */
export const ensureCsrfCookie = (req: IncomingMessage, res: ServerResponse): string => {
  const existing = parseCookies(req)[CSRF_COOKIE];
  if (existing && TOKEN_SHAPE.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  // Not HttpOnly: the page's script reads it and sends it back as X-CSRFToken.
  appendSetCookie(res, serializeCookie(CSRF_COOKIE, token));
  return token;
};

/** True for safe methods, or when the X-CSRFToken header equals the csrf-token cookie. */
export const passesCsrf = (req: IncomingMessage): boolean => {
  if (SAFE_METHODS.has((req.method ?? 'GET').toUpperCase())) return true;
  const cookie = parseCookies(req)[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || !TOKEN_SHAPE.test(cookie)) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Websockets cannot carry custom headers, so (like the console's bridge) an upgrade must come from
 * a page of this very host: its Origin must name the Host the request was sent to.
 */
export const passesOriginCheck = (req: IncomingMessage): boolean => {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host) return false;
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host === host;
  } catch {
    return false;
  }
};

import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `window.SERVER_FLAGS` as the console's bridge sets them, with the host's user list added. */
export interface ServerFlags {
  basePath: string;
  consolePlugins: string[];
  releaseVersion: string;
  consoleVersion: string;
  i18nNamespaces: string[];
  prometheusBaseURL: string;
  prometheusTenancyBaseURL: string;
  userSettingsLocation: 'localstorage';
  branding: string;
  nodeArchitectures: string[];
  nodeOperatingSystems: string[];
  /** Whether `/api/prometheus` reaches a Prometheus (else it answers 503 ServiceUnavailable). */
  metricsAvailable: boolean;
  /** The user the console acts as (cookie `virt-console-user`). */
  loginUser: string;
  /** Everyone the user menu can switch to (`POST /api/console/user`). */
  loginUsers: string[];
}

export const RELEASE_VERSION = '4.22.0';

export const serverFlags = (options: {
  plugins: string[];
  loginUser: string;
  loginUsers: string[];
  metricsAvailable: boolean;
}): ServerFlags => ({
  basePath: '/',
  consolePlugins: options.plugins,
  releaseVersion: RELEASE_VERSION,
  consoleVersion: RELEASE_VERSION,
  i18nNamespaces: options.plugins.map((p) => `plugin__${p}`),
  prometheusBaseURL: '/api/prometheus',
  prometheusTenancyBaseURL: '/api/prometheus-tenancy',
  userSettingsLocation: 'localstorage',
  branding: 'okd',
  nodeArchitectures: ['amd64'],
  nodeOperatingSystems: ['linux'],
  metricsAvailable: options.metricsAvailable,
  loginUser: options.loginUser,
  loginUsers: options.loginUsers,
});

/** JSON safe inside an inline <script>: no `</script>`, `<!--` or line separators can break out. */
const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** Puts the flags script first in <head>, so it runs before any other script of the page. */
export const injectServerFlags = (html: string, flags: ServerFlags): string => {
  const script = `<script>window.SERVER_FLAGS = ${scriptSafeJson(flags)};</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return script + html;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${script}${html.slice(at)}`;
};

/** Reads index.html again only when it changed on disk. */
export class IndexTemplate {
  private cached?: { mtimeMs: number; html: string };

  constructor(private readonly file: string) {}

  html(): string {
    const { mtimeMs } = statSync(this.file);
    if (!this.cached || this.cached.mtimeMs !== mtimeMs)
      this.cached = { mtimeMs, html: readFileSync(this.file, 'utf8') };
    return this.cached.html;
  }
}

export const sendIndex = (
  req: IncomingMessage,
  res: ServerResponse,
  template: IndexTemplate,
  flags: ServerFlags,
): void => {
  const body = injectServerFlags(template.html(), flags);
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
};

import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { NO_CACHE, resolveInside, sendFile } from './staticFiles';
import { sendJson } from './status';

export const LOCALES_PATH = '/locales/resource.json';
const FALLBACK_LANGUAGE = 'en';
const LANGUAGE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/**
 * `/locales/resource.json?lng=<lng>&ns=<ns>` as the console serves it: `plugin__<name>` maps to
 * `<dist>/locales/<lng>/plugin__<name>.json` (an unknown language gets English, `ja-JP` gets `ja`);
 * any other namespace, or a plugin without that file, gets `{}`.
 */
export const serveLocale = (
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  dists: Map<string, string>,
): void => {
  const ns = query.get('ns') ?? '';
  const lng = query.get('lng') ?? FALLBACK_LANGUAGE;
  const dist = ns.startsWith('plugin__') ? dists.get(ns.slice('plugin__'.length)) : undefined;
  if (dist) {
    const candidates = LANGUAGE.test(lng)
      ? [lng, lng.split(/[-_]/)[0].toLowerCase(), FALLBACK_LANGUAGE]
      : [FALLBACK_LANGUAGE];
    for (const language of candidates) {
      const file = resolveInside(join(dist, 'locales'), `${language}/${ns}.json`);
      if (file) {
        sendFile(req, res, file, NO_CACHE);
        return;
      }
    }
  }
  sendJson(res, 200, {}, { 'Cache-Control': NO_CACHE });
};

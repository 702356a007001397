import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { IMMUTABLE, NO_CACHE, resolveInside, sendFile } from './staticFiles';
import { sendStatus } from './status';

export const PLUGIN_PREFIX = '/api/plugins/';

/** webpack's content hashes: `plugin-entry.3f2a9c1d.min.js`, `123.4e5f6a7b8c9d.js`, `chunk-abcdef12.css`. */
const HASHED = /[.-][0-9a-f]{8,}[.-]/i;

/** Cache policy: the manifest and unhashed files are revalidated; content-hashed files never change. */
export const pluginCacheControl = (file: string): string => {
  const name = basename(file);
  if (name === 'plugin-manifest.json') return NO_CACHE;
  return HASHED.test(name) ? IMMUTABLE : NO_CACHE;
};

/**
 * `/api/plugins/<name>/<asset>` → `<dist>/<asset>`, the publicPath ConsoleRemotePlugin bakes in.
 * `dists` maps plugin names to their dist folders. Returns false when the path is not a plugin's.
 */
export const servePluginAsset = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  dists: Map<string, string>,
): boolean => {
  if (!pathname.startsWith(PLUGIN_PREFIX)) return false;
  const rest = pathname.slice(PLUGIN_PREFIX.length);
  const slash = rest.indexOf('/');
  const name = slash < 0 ? rest : rest.slice(0, slash);
  const dist = dists.get(name);
  const file = dist && slash >= 0 ? resolveInside(dist, rest.slice(slash + 1)) : undefined;
  if (!file) {
    sendStatus(res, 404, 'NotFound', `plugin asset ${pathname} not found`);
    return true;
  }
  sendFile(req, res, file, pluginCacheControl(file));
  return true;
};

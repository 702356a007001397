import { readFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { dirname, isAbsolute, resolve } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { load } from 'js-yaml';

/** One person who can use the console: the bearer token is sent upstream, never to the browser. */
export interface UpstreamUser {
  username: string;
  token: string;
}

/** The Kubernetes API server the host proxies `/api/kubernetes/*` to. */
export interface Upstream {
  /** Base URL, http or https, optionally with a path prefix. */
  server: string;
  /** PEM CA bundle that signs an https server's certificate. */
  ca?: string;
  /** The first user is the default one. */
  users: UpstreamUser[];
  skipTLSVerify?: boolean;
  /** TLS SNI name when it differs from the server's host. */
  tlsServerName?: string;
}

/** What `upstreamFromLocalCluster` needs of a `LocalCluster`. */
export interface LocalClusterLike {
  url: string;
  tokenOf(username: string): string;
}

export const LOCAL_CLUSTER_USERS = ['admin', 'developer'];

/** The local cluster through its plain-HTTP loopback URL, with its seeded users (admin first). */
export const upstreamFromLocalCluster = (
  cluster: LocalClusterLike,
  usernames: string[] = LOCAL_CLUSTER_USERS,
): Upstream => ({
  server: cluster.url,
  users: usernames.map((username) => ({ username, token: cluster.tokenOf(username) })),
});

const readRelative = (file: string, kubeconfigPath: string): string =>
  readFileSync(isAbsolute(file) ? file : resolve(dirname(kubeconfigPath), file), 'utf8');

/**
 * The cluster of a kubeconfig context (its current context by default) with every user that some
 * context of the file binds to that same server and that authenticates by bearer token. The
 * context's own user comes first and is the default. Users of other servers are left out, so
 * their tokens never reach this one.
 */
export const upstreamFromKubeconfig = (path: string, context?: string): Upstream => {
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  if (context) kc.setCurrentContext(context);
  const ctx = kc.getContextObject(kc.getCurrentContext());
  if (!ctx) throw new Error(`kubeconfig ${path}: no context ${context ?? '(current)'}`);
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster) throw new Error(`kubeconfig ${path}: context ${ctx.name} names no known cluster`);
  const ca = cluster.caData
    ? Buffer.from(cluster.caData, 'base64').toString('utf8')
    : cluster.caFile
      ? readRelative(cluster.caFile, path)
      : undefined;
  const sameServer = new Set(
    kc
      .getContexts()
      .filter((c) => kc.getCluster(c.cluster)?.server === cluster.server)
      .map((c) => c.user),
  );
  const ordered = [ctx.user, ...[...sameServer].filter((u) => u !== ctx.user)];
  // client-node keeps no `tokenFile` (kubectl's key), so read it from the file itself.
  const raw = load(readFileSync(path, 'utf8')) as {
    users?: { name?: string; user?: { tokenFile?: unknown } }[];
  } | null;
  const tokenFileOf = (name: string): string | undefined => {
    const file = raw?.users?.find((u) => u.name === name)?.user?.tokenFile;
    return typeof file === 'string' ? file : undefined;
  };
  const users: UpstreamUser[] = [];
  for (const name of ordered) {
    const user = kc.getUser(name);
    if (!user) continue;
    const tokenFile = tokenFileOf(name);
    const token = user.token ?? (tokenFile ? readRelative(tokenFile, path).trim() : undefined);
    if (token) users.push({ username: name, token });
  }
  if (!users.length || users[0].username !== ctx.user)
    throw new Error(
      `kubeconfig ${path}: user ${ctx.user} of context ${ctx.name} has no bearer token ` +
        '(the console host supports token users only)',
    );
  return {
    server: cluster.server,
    ca,
    users,
    skipTLSVerify: cluster.skipTLSVerify || undefined,
    tlsServerName: cluster.tlsServerName,
  };
};

/** TLS settings for both `https.request` and `ws` client connections to the upstream. */
export const tlsOptionsOf = (
  upstream: Upstream,
): { ca?: string; rejectUnauthorized: boolean; servername?: string } => ({
  ...(upstream.ca ? { ca: upstream.ca } : {}),
  rejectUnauthorized: !upstream.skipTLSVerify,
  ...(upstream.tlsServerName ? { servername: upstream.tlsServerName } : {}),
});

/** A keep-alive agent for the upstream's scheme, carrying its CA. */
export const agentFor = (upstream: Upstream): HttpAgent =>
  new URL(upstream.server).protocol === 'https:'
    ? new HttpsAgent({ keepAlive: true, ...tlsOptionsOf(upstream) })
    : new HttpAgent({ keepAlive: true });

/** The upstream URL for a path (with its raw query) below the server's base URL. */
export const upstreamUrl = (server: string, pathAndQuery: string): URL => {
  const base = new URL(server);
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${base.protocol}//${base.host}${prefix}${pathAndQuery}`);
};

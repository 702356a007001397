import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { RbacSource } from './auth/rbacSource';
import { Authenticator, LOCAL_USERS } from './auth/users';
import { GarbageCollector } from './controllers/garbageCollector';
import type { ApiHttpServer } from './http/apiServer';
import { createApiHttpServer } from './http/apiServer';
import type { ServerContext } from './http/serverContext';
import { kubeconfigYaml } from './kubeconfig';
import { servingCertificate } from './http/servingCertificate';
import { KindRegistry } from './registry/kindRegistry';
import { ResourceService } from './rest/resourceService';
import type { SeedContributor } from './seedLoader';
import { DEFAULT_SEED_DIR, loadSeed } from './seedLoader';
import { ObjectStore } from './storage/objectStore';
import { WatchCache } from './watch/watchCache';

export interface LocalClusterOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Folder for `cluster.db` and `kubeconfig`; required unless inMemory. */
  dataDir?: string;
  inMemory?: boolean;
  seedDir?: string;
  seedContributors?: SeedContributor[];
  /** Layers started on the running server and closed before it: KubeVirt's and CDI's behaviour. */
  addons?: ClusterAddon[];
}

/** A layer above the API server (controllers, aggregated APIs), started once the server listens. */
export type ClusterAddon = (cluster: LocalCluster) => Promise<{ close(): Promise<void> }>;

export interface LocalCluster {
  /** Plain HTTP on loopback, for in-process tools; the kubeconfig names the TLS URL of the same port. */
  url: string;
  /** The same port over TLS; `tlsCertificate` is its CA. */
  secureUrl: string;
  tlsCertificate: string;
  port: number;
  /** Written only when a data dir is given. */
  kubeconfigPath?: string;
  kubeconfig: string;
  tokenOf(username: string): string;
  context: ServerContext;
  http: ApiHttpServer;
  close(): Promise<void>;
}

/** Starts the local Kubernetes-compatible API server: storage, registry, controllers, HTTP. */
export const startLocalCluster = async (
  options: LocalClusterOptions = {},
): Promise<LocalCluster> => {
  if (!options.inMemory && !options.dataDir)
    throw new Error('a data dir is required unless inMemory');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const store = new ObjectStore(
    options.inMemory ? ':memory:' : join(options.dataDir as string, 'cluster.db'),
  );
  const registry = new KindRegistry(store);
  const service = new ResourceService(store, registry);
  const cache = new WatchCache(store);
  const auth = new Authenticator(store);
  const rbac = new RbacSource(store);
  const context: ServerContext = {
    store,
    registry,
    service,
    cache,
    auth,
    rbac,
    extensions: { virtualHandlers: new Map(), routes: [], containerLogs: [] },
  };
  if (!store.getMeta('seeded')) {
    loadSeed(service, options.seedDir ?? DEFAULT_SEED_DIR, options.seedContributors);
    store.setMeta('seeded', new Date().toISOString());
  }
  const gc = new GarbageCollector(store, registry, service);
  const tls = await servingCertificate(store);
  const http = createApiHttpServer(context, tls);
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (http.server.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const hostPort = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const url = `http://${hostPort}`;
  const kubeconfig = kubeconfigYaml(
    `https://${hostPort}`,
    tls.cert,
    auth.entries.filter((e) => LOCAL_USERS.some((u) => u.username === e.user.username)),
  );
  let kubeconfigPath: string | undefined;
  if (options.dataDir) {
    kubeconfigPath = join(options.dataDir, 'kubeconfig');
    writeFileSync(kubeconfigPath, kubeconfig);
    chmodSync(kubeconfigPath, 0o600);
  }
  const cluster: LocalCluster = {
    url,
    secureUrl: `https://${hostPort}`,
    tlsCertificate: tls.cert,
    port,
    kubeconfigPath,
    kubeconfig,
    tokenOf: (u) => auth.tokenOf(u),
    context,
    http,
    close: async () => {
      for (const addon of started.reverse()) await addon.close();
      gc.stop();
      cache.endAllStreams();
      http.closeAll();
      await new Promise<void>((resolve) => http.server.close(() => resolve()));
      store.close();
    },
  };
  const started: { close(): Promise<void> }[] = [];
  try {
    for (const addon of options.addons ?? []) started.push(await addon(cluster));
  } catch (err) {
    await cluster.close();
    throw err;
  }
  return cluster;
};

import type { VirtualCluster } from '../../local-cluster/virtualCluster';
import { startVirtualCluster } from '../../local-cluster/virtualCluster';
import type { ConsoleHost } from './consoleHost';
import { startConsoleHost, upstreamFromLocalCluster } from './consoleHost';

export interface InMemoryStack {
  cluster: VirtualCluster;
  host: ConsoleHost;
  close(): Promise<void>;
}

/**
 * The whole product on free loopback ports for tests and benchmarks: an in-memory local cluster
 * and the console host serving the built plugin (`dist/`) and host app (`.host-build/`).
 */
export const startInMemoryStack = async (): Promise<InMemoryStack> => {
  const cluster = await startVirtualCluster({ inMemory: true });
  const host = await startConsoleHost({
    port: 0,
    pluginDist: 'dist',
    hostBuild: '.host-build',
    upstream: upstreamFromLocalCluster(cluster),
  });
  return {
    cluster,
    host,
    close: async () => {
      await host.close();
      await cluster.close();
    },
  };
};

/**
 * A fresh stack boots the demo guests at once, and QEMU without KVM fills both cores for about
 * 15 s: the first test's page would load slower than its timeouts allow. Waits (at most a minute)
 * until every guest shows its login prompt, or is paused (a frozen guest never gets there).
 */
export const guestsBooted = async (cluster: VirtualCluster): Promise<void> => {
  const deadline = Date.now() + 60_000;
  // The node starts guests as their VMIs get scheduled, not all at once: settled means every guest
  // so far is up and no new one came for a few seconds.
  let seen = -1;
  let settledSince = Date.now();
  const settled = () => {
    const guests = cluster.virtualization.guests.list();
    if (guests.length !== seen) {
      seen = guests.length;
      settledSince = Date.now();
    }
    const up = guests.length > 0 && guests.every((g) => g.booted || g.paused);
    if (!up) settledSince = Date.now();
    return up && Date.now() - settledSince >= 3000;
  };
  while (!settled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
};

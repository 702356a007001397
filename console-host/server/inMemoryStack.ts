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

import type { LocalCluster, LocalClusterOptions } from '../../apiserver/localCluster';
import { startLocalCluster } from '../../apiserver/localCluster';
import { ApiClient } from './apiClient';
import type { ControllerRuntime, Stoppable } from './runtime';
import { createControllerRuntime } from './runtime';

export interface TestCluster {
  cluster: LocalCluster;
  runtime: ControllerRuntime;
  /** A client acting as the `admin` user, for the test's own requests. */
  admin: ApiClient;
  /** Starts a controller set on this cluster; it is stopped by `close`. */
  start(set: (runtime: ControllerRuntime) => Stoppable | Promise<Stoppable>): Promise<void>;
  close(): Promise<void>;
}

/**
 * An in-memory local cluster with the controller runtime, for controller tests. Simulated
 * durations run 100× faster by default.
 */
export const startTestCluster = async (
  options: { timeScale?: number; quiet?: boolean } & Pick<
    LocalClusterOptions,
    'seedContributors' | 'seedDir'
  > = {},
): Promise<TestCluster> => {
  const cluster = await startLocalCluster({
    inMemory: true,
    seedContributors: options.seedContributors,
    seedDir: options.seedDir,
  });
  const runtime = createControllerRuntime(cluster, {
    timeScale: options.timeScale ?? 0.01,
    log: options.quiet === false ? (m) => console.error(m) : () => {},
  });
  const started: Stoppable[] = [];
  return {
    cluster,
    runtime,
    admin: new ApiClient(cluster.url, cluster.tokenOf('admin'), 'test'),
    start: async (set) => {
      started.push(await set(runtime));
    },
    close: async () => {
      for (const s of started.reverse()) await s.stop();
      runtime.informers.stop();
      await cluster.close();
    },
  };
};

/** Polls `read` until `done` holds or `timeoutMs` passes; returns the last value read. */
export const eventually = async <T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 20));
    last = await read();
  }
  return last;
};

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ConsoleHost, Upstream } from '../console-host/server/consoleHost';
import {
  startConsoleHost,
  upstreamFromKubeconfig,
  upstreamFromLocalCluster,
} from '../console-host/server/consoleHost';
import { runService } from './runService';

/**
 * `npm start -- [--port 9000] [--host ADDR] [--data-dir .local-cluster] [--fresh] [--skip-build]
 *   [--kubeconfig FILE [--context C]] [--prometheus URL]`
 * Builds what is stale, starts the local cluster (or uses a kubeconfig's cluster) and the host.
 */
const REPO = resolve(__dirname, '..');

/** Newest modification time among files below the given paths (0 when none exist). */
const newestMtime = (paths: string[]): number => {
  let newest = 0;
  const visit = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules') visit(join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(join(REPO, p));
  return newest;
};

const mtimeOf = (path: string): number | undefined => {
  try {
    return statSync(join(REPO, path)).mtimeMs;
  } catch {
    return undefined;
  }
};

const scripts = (): Record<string, string> =>
  (
    JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    }
  ).scripts ?? {};

/** Runs `npm run <script>` when `output` is missing or older than any of `sources`. */
const buildIfStale = (
  script: string,
  output: string,
  sources: string[],
  required: string[],
): void => {
  if (!scripts()[script] || !required.every((r) => existsSync(join(REPO, r)))) {
    console.log(`skipping npm run ${script}: ${required.join(', ')} not there yet`);
    return;
  }
  const built = mtimeOf(output);
  if (built !== undefined && built >= newestMtime(sources)) {
    console.log(`${output} is up to date`);
    return;
  }
  console.log(`building: npm run ${script}`);
  const result = spawnSync('npm', ['run', script], { cwd: REPO, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
};

/** Rebuilds the plugin and the host app when their sources are newer than the output. */
const buildStale = (): void => {
  buildIfStale(
    'build',
    'dist/plugin-manifest.json',
    ['src', 'locales', 'console-extensions.json', 'webpack.config.ts'],
    ['src', 'webpack.config.ts'],
  );
  buildIfStale(
    'build:host',
    '.host-build/main.js',
    ['console-host/shell', 'console-host/sdk', 'console-host/build.ts'],
    ['console-host/build.ts'],
  );
};

const main = async (): Promise<() => Promise<void>> => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9000' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.local-cluster' },
      fresh: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      prometheus: { type: 'string' },
    },
  });

  if (!values['skip-build']) buildStale();

  const closers: (() => Promise<void>)[] = [];
  let upstream: Upstream;
  let prometheusUrl = values.prometheus;
  let kubeconfigPath: string | undefined;
  if (values.kubeconfig) {
    kubeconfigPath = resolve(values.kubeconfig);
    upstream = upstreamFromKubeconfig(kubeconfigPath, values.context);
  } else {
    const dataDir = resolve(values['data-dir'] as string);
    if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
    // Loaded only when needed: a kubeconfig run never opens the local cluster's database.
    const { startVirtualCluster } = await import('../local-cluster/virtualCluster');
    const cluster = await startVirtualCluster({ dataDir, port: 0 });
    closers.push(() => cluster.close());
    kubeconfigPath = cluster.kubeconfigPath;
    upstream = upstreamFromLocalCluster(cluster);
    console.log(
      cluster.virtualization.guests.realGuestsAvailable
        ? `Guests: real QEMU guests (up to ${cluster.virtualization.guests.maxRealGuests}), built-in beyond that`
        : 'Guests: built-in (run `npm run setup:guests` for real QEMU guests)',
    );
    if (!values.prometheus) {
      const { findPrometheusBinary, startPrometheus } =
        await import('../local-cluster/controllers/metrics/prometheus');
      if (findPrometheusBinary()) {
        const prometheus = await startPrometheus({
          scrapeUrl: `${cluster.url}/metrics`,
          dataDir: join(dataDir, 'prometheus'),
        });
        closers.unshift(() => prometheus.stop());
        prometheusUrl = prometheus.url;
        console.log(`Prometheus: ${prometheus.url} (scraping the local cluster)`);
      } else {
        console.log(
          'Prometheus: not installed (apt-get install -y prometheus); metrics unavailable',
        );
      }
    }
  }

  let host: ConsoleHost;
  try {
    host = await startConsoleHost({
      port: Number(values.port),
      host: values.host,
      pluginDist: join(REPO, 'dist'),
      hostBuild: join(REPO, '.host-build'),
      upstream,
      prometheusUrl,
    });
  } catch (err) {
    for (const close of closers) await close();
    throw err;
  }
  closers.unshift(() => host.close());

  const shown = values.host === '127.0.0.1' ? 'localhost' : values.host;
  console.log(`Console: http://${shown}:${host.port}`);
  console.log(`Users: ${upstream.users.map((u) => u.username).join(', ')}`);
  if (kubeconfigPath) console.log(`Kubeconfig: ${kubeconfigPath}`);
  console.log('ready');

  return async () => {
    for (const close of closers) await close();
  };
};

runService(main);

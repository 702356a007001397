import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startConsoleHost, upstreamFromKubeconfig } from './consoleHost';
import { runService } from '../../scripts/runService';

const REPO = join(__dirname, '..', '..');

/**
 * `npm run host -- [--port 9000] [--host 127.0.0.1] --kubeconfig FILE [--context C]
 *  [--prometheus URL] [--plugin-dist dist] [--host-build .host-build]`
 * The console host alone, in front of any cluster of a kubeconfig ($KUBECONFIG or ~/.kube/config
 * when --kubeconfig is not given).
 */
const main = async (): Promise<() => Promise<void>> => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9000' },
      host: { type: 'string', default: '127.0.0.1' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      prometheus: { type: 'string' },
      'plugin-dist': { type: 'string', default: join(REPO, 'dist') },
      'host-build': { type: 'string', default: join(REPO, '.host-build') },
    },
  });
  const kubeconfig = resolve(
    values.kubeconfig ??
      process.env.KUBECONFIG?.split(':')[0] ??
      join(homedir(), '.kube', 'config'),
  );
  const upstream = upstreamFromKubeconfig(kubeconfig, values.context);
  const host = await startConsoleHost({
    port: Number(values.port),
    host: values.host,
    pluginDist: resolve(values['plugin-dist'] as string),
    hostBuild: resolve(values['host-build'] as string),
    upstream,
    prometheusUrl: values.prometheus,
  });
  const shown = values.host === '127.0.0.1' ? 'localhost' : values.host;
  console.log(`Console: http://${shown}:${host.port}`);
  console.log(`Cluster: ${upstream.server}`);
  console.log(`Users: ${upstream.users.map((u) => u.username).join(', ')}`);
  console.log(`Kubeconfig: ${kubeconfig}`);
  console.log('ready');
  return () => host.close();
};

runService(main);

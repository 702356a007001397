import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runService } from '../../scripts/runService';
import { startVirtualCluster } from '../virtualCluster';
import { startLocalCluster } from './localCluster';

/** `npm run cluster -- [--port N] [--data-dir DIR] [--in-memory] [--host ADDR]
 *  [--time-scale F] [--max-real-guests N] [--api-only]`: the API server with KubeVirt's and CDI's
 *  behaviour and demo data; `--api-only` serves the bare API server (benchmarks, conformance). */
const main = async (): Promise<() => Promise<void>> => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.local-cluster' },
      'in-memory': { type: 'boolean', default: false },
      'time-scale': { type: 'string', default: '1' },
      'max-real-guests': { type: 'string' },
      'api-only': { type: 'boolean', default: false },
    },
  });
  const server = {
    port: Number(values.port),
    host: values.host,
    inMemory: values['in-memory'],
    dataDir: values['in-memory'] ? undefined : resolve(values['data-dir'] as string),
  };
  const cluster = values['api-only']
    ? await startLocalCluster(server)
    : await startVirtualCluster({
        ...server,
        timeScale: Number(values['time-scale']),
        maxRealGuests:
          values['max-real-guests'] === undefined ? undefined : Number(values['max-real-guests']),
      });
  console.log(`local cluster API server: ${cluster.url}`);
  if (cluster.kubeconfigPath) {
    console.log(`kubeconfig: ${cluster.kubeconfigPath} (contexts: admin, developer)`);
    console.log(`try: KUBECONFIG=${cluster.kubeconfigPath} kubectl get nodes`);
  }
  console.log('ready');
  return () => cluster.close();
};

runService(main);

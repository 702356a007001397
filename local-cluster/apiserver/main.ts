import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runService } from '../../scripts/runService';
import { startLocalCluster } from './localCluster';

/** `npm run cluster -- [--port N] [--data-dir DIR] [--in-memory] [--host ADDR]` */
const main = async (): Promise<() => Promise<void>> => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.local-cluster' },
      'in-memory': { type: 'boolean', default: false },
    },
  });
  const cluster = await startLocalCluster({
    port: Number(values.port),
    host: values.host,
    inMemory: values['in-memory'],
    dataDir: values['in-memory'] ? undefined : resolve(values['data-dir'] as string),
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

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalCluster } from './localCluster';

/** `npm run cluster -- [--port N] [--data-dir DIR] [--in-memory] [--host ADDR]` */
const main = async (): Promise<void> => {
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
  const stop = (): void => {
    cluster.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

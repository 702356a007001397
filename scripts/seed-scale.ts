// Scale data set for benchmarks: `npm run seed:scale -- --vms 10000 --namespaces 100`
// creates namespaces scale-000… and VMs spread across them through the Kubernetes API of the
// cluster a kubeconfig names (the local cluster by default). Reruns skip what exists;
// `--delete` removes the namespaces (and with them the VMs).
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { parseArgs } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../local-cluster/apiserver/core/types';
import {
  SCALE_LABEL,
  scaleNamespace,
  scaleVirtualMachine,
} from '../local-cluster/seed/kubevirt/scaleVirtualMachines';

const USAGE = `usage: npm run seed:scale -- [--vms N] [--namespaces N] [--running PERCENT]
                              [--kubeconfig FILE] [--context NAME] [--concurrency N] [--delete]`;

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '10000' },
    namespaces: { type: 'string', default: '100' },
    running: { type: 'string', default: '5' },
    kubeconfig: { type: 'string', default: '.local-cluster/kubeconfig' },
    context: { type: 'string' },
    concurrency: { type: 'string', default: '32' },
    delete: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

const count = (name: string, min: number, max = Number.MAX_SAFE_INTEGER): number => {
  const n = Number(values[name as keyof typeof values]);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be an integer from ${min} to ${max}\n${USAGE}`);
    process.exit(2);
  }
  return n;
};

interface Response {
  status: number;
  body: string;
}

/** A small keep-alive client on the kubeconfig's cluster and credentials. */
const connect = async (file: string, context: string | undefined) => {
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  if (context) kc.setCurrentContext(context);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`${file}: no current cluster`);
  const server = new URL(cluster.server);
  const tls: RequestOptions & { headers?: Record<string, string> } = {};
  await kc.applyToHTTPSOptions(tls);
  const secure = server.protocol === 'https:';
  const sockets = count('concurrency', 1, 1024);
  // TLS settings (CA, client certificate) travel with each request; the agent only pools sockets.
  const agent: HttpAgent = new (secure ? HttpsAgent : HttpAgent)({
    keepAlive: true,
    maxSockets: sockets,
  });
  const send = (method: string, path: string, body?: unknown): Promise<Response> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = (secure ? httpsRequest : httpRequest)(
        {
          ...tls,
          agent,
          method,
          protocol: server.protocol,
          hostname: server.hostname,
          port: server.port,
          path: `${server.pathname.replace(/\/$/, '')}${path}`,
          headers: {
            ...tls.headers,
            Accept: 'application/json',
            ...(payload ? { 'Content-Type': 'application/json' } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return { send, server: cluster.server, close: () => agent.destroy() };
};

type Client = Awaited<ReturnType<typeof connect>>;

const messageOf = (r: Response): string => {
  try {
    return String((JSON.parse(r.body) as { message?: unknown }).message ?? r.body);
  } catch {
    return r.body.slice(0, 200);
  }
};

/** Runs `work` on 0..total-1 with at most `limit` calls in flight. */
const pool = async (total: number, limit: number, work: (i: number) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, total) }, async () => {
      while (next < total) await work(next++);
    }),
  );
};

const progress = (label: string, total: number) => {
  const started = performance.now();
  let last = 0;
  const tally = { created: 0, skipped: 0, failed: 0 };
  const line = () => {
    const done = tally.created + tally.skipped + tally.failed;
    const seconds = (performance.now() - started) / 1000;
    return `${label}: ${done}/${total} (${tally.created} created, ${tally.skipped} existed, ${tally.failed} failed) ${(done / Math.max(seconds, 0.001)).toFixed(0)}/s`;
  };
  return {
    tally,
    tick() {
      const now = performance.now();
      if (now - last < 1000) return;
      last = now;
      console.log(line());
    },
    done() {
      const seconds = (performance.now() - started) / 1000;
      console.log(`${line()} in ${seconds.toFixed(1)} s`);
      return seconds;
    },
  };
};

/** POSTs each object; 409 AlreadyExists counts as skipped, so reruns are cheap and safe. */
const createAll = async (
  client: Client,
  label: string,
  total: number,
  concurrency: number,
  objectAt: (i: number) => { path: string; object: KubeObject },
) => {
  const p = progress(label, total);
  const failures: string[] = [];
  await pool(total, concurrency, async (i) => {
    const { path, object } = objectAt(i);
    const r = await client.send('POST', path, object);
    if (r.status === 201 || r.status === 200) p.tally.created++;
    else if (r.status === 409) p.tally.skipped++;
    else {
      p.tally.failed++;
      if (failures.length < 5)
        failures.push(`${object.metadata.name}: ${r.status} ${messageOf(r)}`);
    }
    p.tick();
  });
  const seconds = p.done();
  for (const f of failures) console.error(`  failed ${f}`);
  return { ...p.tally, seconds };
};

const seed = async (client: Client) => {
  const vms = count('vms', 0);
  const namespaces = count('namespaces', 1, 1000);
  const runningPercent = count('running', 0, 100);
  const concurrency = count('concurrency', 1, 1024);
  console.log(
    `seeding ${vms} VMs in ${namespaces} namespaces (${runningPercent}% running) on ${client.server}, ${concurrency} requests in flight`,
  );
  const ns = await createAll(client, 'namespaces', namespaces, concurrency, (n) => ({
    path: '/api/v1/namespaces',
    object: scaleNamespace(n),
  }));
  if (ns.failed > 0) throw new Error('could not create the namespaces');
  const result = await createAll(client, 'virtual machines', vms, concurrency, (i) => {
    const object = scaleVirtualMachine(i, { namespaces, runningPercent });
    return {
      path: `/apis/kubevirt.io/v1/namespaces/${object.metadata.namespace}/virtualmachines`,
      object,
    };
  });
  console.log(
    `rate: ${((result.created + result.skipped) / result.seconds).toFixed(0)} VMs/s (${(result.created / result.seconds).toFixed(0)} creates/s)`,
  );
  if (result.failed > 0) process.exitCode = 1;
};

const remove = async (client: Client) => {
  const listed = await client.send(
    'GET',
    `/api/v1/namespaces?labelSelector=${encodeURIComponent(`${SCALE_LABEL}=true`)}`,
  );
  if (listed.status !== 200) throw new Error(`listing namespaces: ${messageOf(listed)}`);
  const names = (JSON.parse(listed.body) as { items: KubeObject[] }).items.map(
    (n) => n.metadata.name ?? '',
  );
  console.log(`deleting ${names.length} scale namespaces on ${client.server}`);
  const started = performance.now();
  await pool(names.length, count('concurrency', 1, 1024), async (i) => {
    const r = await client.send('DELETE', `/api/v1/namespaces/${names[i]}`);
    if (r.status >= 300 && r.status !== 404) console.error(`  ${names[i]}: ${messageOf(r)}`);
  });
  // The namespace controller empties and then removes them; wait so a rerun starts clean.
  for (;;) {
    const left = await client.send(
      'GET',
      `/api/v1/namespaces?labelSelector=${encodeURIComponent(`${SCALE_LABEL}=true`)}&limit=1`,
    );
    const items = (JSON.parse(left.body) as { items: unknown[] }).items;
    if (items.length === 0) break;
    if (performance.now() - started > 300_000) {
      console.error('namespaces still terminating after 5 minutes; giving up waiting');
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`deleted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

const main = async () => {
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const client = await connect(values.kubeconfig ?? '', values.context);
  try {
    await (values.delete ? remove(client) : seed(client));
  } finally {
    client.close();
  }
};

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

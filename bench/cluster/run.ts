// Local cluster benchmark: list latency at 10,000 VMs, create throughput, and watch fan-out to
// 50 websocket watchers. Prints figures; asserts nothing. `npm run bench:cluster [-- --vms N]`
// The server runs in its own process, as `npm run cluster` starts it, so the client's work here
// (and its JSON handling) is not counted against the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { startClusterProcess } from '../clusterProcess';

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '10000' },
    watchers: { type: 'string', default: '50' },
    updates: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '16' },
  },
});
const VMS = Number(values.vms);
const WATCHERS = Number(values.watchers);
const UPDATES = Number(values.updates);
const CONCURRENCY = Number(values.concurrency);
const NS = 'bench';

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const vm = (i: number) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: {
    name: `vm-${String(i).padStart(5, '0')}`,
    namespace: NS,
    labels: { app: `app-${i % 20}`, 'vm.kubevirt.io/template': 'rhel9-server-small' },
  },
  spec: {
    runStrategy: 'Halted',
    template: {
      metadata: { labels: { 'kubevirt.io/domain': `vm-${i}` } },
      spec: {
        domain: {
          cpu: { cores: 1, sockets: 1, threads: 1 },
          memory: { guest: '2Gi' },
          devices: {
            disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
            interfaces: [{ name: 'default', masquerade: {} }],
          },
        },
        networks: [{ name: 'default', pod: {} }],
        volumes: [
          { name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:latest' } },
        ],
      },
    },
  },
});

const main = async (): Promise<void> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-cluster-'));
  const cluster = await startClusterProcess(dataDir, ['--api-only']);
  const token = cluster.token;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const base = `${cluster.url}/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;
  await fetch(`${cluster.url}/api/v1/namespaces`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ metadata: { name: NS } }),
  });

  // Create throughput: CONCURRENCY clients posting VMs over HTTP.
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < VMS) {
        const i = next++;
        const r = await fetch(base, { method: 'POST', headers, body: JSON.stringify(vm(i)) });
        if (r.status !== 201) throw new Error(`create ${i}: ${r.status} ${await r.text()}`);
      }
    }),
  );
  const createSeconds = (performance.now() - t0) / 1000;
  console.log(
    `create: ${VMS} VMs in ${createSeconds.toFixed(2)} s = ${(VMS / createSeconds).toFixed(0)} creates/s (${CONCURRENCY} clients)`,
  );

  // List latency: whole list, and the console's first page of 250.
  for (const [label, url] of [
    [`list all ${VMS} VMs (one namespace)`, base],
    [`list all ${VMS} VMs (all namespaces)`, `${cluster.url}/apis/kubevirt.io/v1/virtualmachines`],
    ['list page limit=250', `${base}?limit=250`],
    ['list with labelSelector (1/20 match)', `${base}?labelSelector=app%3Dapp-7`],
  ] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let k = 0; k < 20; k++) {
      const s = performance.now();
      const r = await fetch(url, { headers });
      bytes = (await r.arrayBuffer()).byteLength;
      times.push(performance.now() - s);
    }
    console.log(
      `${label}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ${(bytes / 1e6).toFixed(2)} MB`,
    );
  }

  // Watch fan-out: WATCHERS websocket watches on the VM list, UPDATES label patches.
  const listed = (await (await fetch(`${base}?limit=1`, { headers })).json()) as {
    metadata: { resourceVersion: string };
  };
  const wsUrl = `${base.replace('http', 'ws')}?watch=true&resourceVersion=${listed.metadata.resourceVersion}`;
  let received = 0;
  const sockets = await Promise.all(
    Array.from(
      { length: WATCHERS },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(wsUrl, { headers: { Authorization: `Bearer ${token}` } });
          ws.on('message', () => received++);
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        }),
    ),
  );
  const expected = WATCHERS * UPDATES;
  const t1 = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    const name = `vm-${String(i % VMS).padStart(5, '0')}`;
    const r = await fetch(`${base}/${name}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ metadata: { labels: { touched: String(i) } } }),
    });
    if (r.status !== 200) throw new Error(`patch: ${r.status}`);
  }
  while (received < expected && performance.now() - t1 < 60_000)
    await new Promise((r) => setTimeout(r, 10));
  const fanSeconds = (performance.now() - t1) / 1000;
  console.log(
    `watch fan-out: ${received}/${expected} events to ${WATCHERS} websocket watchers in ${fanSeconds.toFixed(2)} s = ${(received / fanSeconds).toFixed(0)} events/s`,
  );
  for (const ws of sockets) ws.close();
  cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

export interface ClusterProcess {
  url: string;
  /** The `admin` user's token, from the kubeconfig the server wrote. */
  token: string;
  stop(): void;
}

/**
 * Starts `local-cluster/apiserver/main.ts` in its own process (so the benchmark's client work is not
 * counted against the server) and waits for its `ready` line.
 */
export const startClusterProcess = async (
  dataDir: string,
  args: string[] = [],
): Promise<ClusterProcess> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'local-cluster/apiserver/main.ts', '--data-dir', dataDir, ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const found = /local cluster API server: (\S+)/.exec(out)?.[1];
      if (found && /^ready$/m.test(out)) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const config = load(readFileSync(join(dataDir, 'kubeconfig'), 'utf8')) as {
    users: { name: string; user: { token: string } }[];
  };
  const token = config.users.find((u) => u.name === 'admin')?.user.token ?? '';
  return { url, token, stop: () => child.kill('SIGTERM') };
};

/** A JSON call to the cluster as `admin`; PATCH bodies are merge patches; an empty answer (virt-api's
 * 202s) is undefined. Throws on any non-2xx. */
export const apiCaller =
  (cluster: ClusterProcess) =>
  async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${cluster.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${cluster.token}`,
        'Content-Type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };

/** Runs `fn` over `items` with at most `concurrency` calls in flight. */
export const inPool = async <T>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
};

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** A small halted VM on the pod network, the unit both controller benchmarks create. */
export const haltedVm = (namespace: string, name: string, memory: string) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name, namespace },
  spec: {
    runStrategy: 'Halted',
    template: {
      spec: {
        domain: {
          cpu: { cores: 1 },
          memory: { guest: memory },
          devices: { interfaces: [{ name: 'default', masquerade: {} }] },
        },
        networks: [{ name: 'default', pod: {} }],
      },
    },
  },
});

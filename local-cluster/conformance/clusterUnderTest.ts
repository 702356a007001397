import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { LocalCluster } from '../apiserver/localCluster';

export type ConformanceUser = 'admin' | 'developer';

/** A decoded response body: tests assert on it field by field, so it is deliberately untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Json = any;

export interface ClusterUnderTest {
  /** A kubeconfig file with the contexts `admin` and `developer`, for kubectl. */
  kubeconfigPath: string;
  /** The admin context. */
  kc: KubeConfig;
  kcAs(user: ConformanceUser): KubeConfig;
  /** True when the suite started the local server itself: local-only knobs are available. */
  local: boolean;
  /** The started server, only when `local`. */
  localCluster?: LocalCluster;
  close(): Promise<void>;
}

/**
 * The server the conformance suite talks to. `CONFORMANCE_KUBECONFIG` names any cluster (a real
 * kube-apiserver with the KubeVirt CRDs, for instance) whose kubeconfig has the contexts `admin`
 * and `developer`; without it a fresh local cluster is started in a temporary data dir.
 */
export async function clusterUnderTest(): Promise<ClusterUnderTest> {
  const external = process.env.CONFORMANCE_KUBECONFIG;
  let kubeconfigPath: string;
  let localCluster: LocalCluster | undefined;
  let dataDir: string | undefined;
  if (external) {
    kubeconfigPath = external;
  } else {
    // Imported lazily so that a test file can set server env knobs (bookmark interval) first,
    // and so that nothing of the local server loads when another cluster is under test.
    const { startLocalCluster } = await import('../apiserver/localCluster');
    dataDir = mkdtempSync(join(tmpdir(), 'conformance-'));
    localCluster = await startLocalCluster({ dataDir, port: 0 });
    kubeconfigPath = localCluster.kubeconfigPath as string;
  }
  const kcAs = (user: ConformanceUser): KubeConfig => {
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfigPath);
    // client-node refuses plain-http servers unless told to skip TLS verification (there is none).
    if (kc.clusters.some((c) => c.server.startsWith('http:') && !c.skipTLSVerify)) {
      kc.loadFromOptions({
        clusters: kc.clusters.map((c) =>
          c.server.startsWith('http:') ? { ...c, skipTLSVerify: true } : c,
        ),
        users: kc.users,
        contexts: kc.contexts,
        currentContext: kc.currentContext,
      });
    }
    kc.setCurrentContext(user);
    return kc;
  };
  return {
    kubeconfigPath,
    kc: kcAs('admin'),
    kcAs,
    local: Boolean(localCluster),
    localCluster,
    close: async () => {
      if (localCluster) await localCluster.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The user name of the `developer` context, for RoleBindings the tests create. */
export const DEVELOPER_USER = process.env.CONFORMANCE_DEVELOPER_USER ?? 'developer';

export const uniqueName = (prefix = 'conf'): string =>
  `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: Json;
}

export interface RawOptions {
  body?: string | Buffer | object;
  headers?: Record<string, string>;
  /** Send no credentials at all (the TLS trust of the kubeconfig is kept). */
  anonymous?: boolean;
}

/**
 * One plain HTTP request to the server of `kc`, authenticated the way the kubeconfig says (token,
 * client certificate, CA) — for what the typed clients cannot express: patch types, raw bodies,
 * Accept negotiation, unauthenticated calls.
 */
export const raw = async (
  kc: KubeConfig,
  method: string,
  path: string,
  options: RawOptions = {},
): Promise<RawResponse> => {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('no current cluster in the kubeconfig');
  const url = new URL(cluster.server.replace(/\/$/, '') + path);
  const opts: https.RequestOptions = { method, headers: {} };
  await kc.applyToHTTPSOptions(opts);
  const headers = { ...(opts.headers as Record<string, string>) };
  if (options.anonymous) {
    delete headers.Authorization;
    delete headers.authorization;
    delete opts.cert;
    delete opts.key;
  }
  let body: string | Buffer | undefined;
  if (options.body !== undefined) {
    body =
      typeof options.body === 'string' || Buffer.isBuffer(options.body)
        ? options.body
        : JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  Object.assign(headers, options.headers ?? {});
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise<RawResponse>((resolve, reject) => {
    const req = lib.request(url, { ...opts, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      // A server may answer 413 and close before the whole oversized body is written.
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET')
        reject(Object.assign(err, { partial: true }));
      else reject(err);
    });
    if (body !== undefined) req.end(body);
    else req.end();
  });
};

/** The Status an ApiException of @kubernetes/client-node carries in its body string. */
export const statusOfError = (
  err: unknown,
): { code: number; reason?: string; message?: string; details?: Json; kind?: string } => {
  const e = err as { code?: number; body?: unknown };
  if (typeof e?.code !== 'number') throw err;
  const body =
    typeof e.body === 'string'
      ? (JSON.parse(e.body) as Record<string, unknown>)
      : (e.body as Record<string, unknown>);
  return { ...(body ?? {}), code: e.code } as {
    code: number;
    reason?: string;
    message?: string;
    details?: Json;
    kind?: string;
  };
};

/** Awaits a promise expected to fail with an ApiException and returns its Status. */
export const expectStatus = async (
  p: Promise<unknown>,
): Promise<ReturnType<typeof statusOfError>> => {
  try {
    await p;
  } catch (err) {
    return statusOfError(err);
  }
  throw new Error('expected the request to fail, but it succeeded');
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value or the time runs out (then returns the last value). */
export const eventually = async <T>(
  check: () => Promise<T> | T,
  timeoutMs = 5000,
  intervalMs = 100,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last = await check();
  while (!last && Date.now() < deadline) {
    await sleep(intervalMs);
    last = await check();
  }
  return last;
};

/** Creates a namespace as admin and returns its name. */
export const createTestNamespace = async (kc: KubeConfig, prefix = 'conf'): Promise<string> => {
  const name = uniqueName(prefix);
  const res = await raw(kc, 'POST', '/api/v1/namespaces', {
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
  });
  if (res.status !== 201)
    throw new Error(`could not create namespace ${name}: ${res.status} ${res.text}`);
  return name;
};

/** Deletes namespaces, ignoring ones already gone. */
export const deleteTestNamespaces = async (kc: KubeConfig, names: string[]): Promise<void> => {
  for (const name of names) await raw(kc, 'DELETE', `/api/v1/namespaces/${name}`);
};

/** A minimal valid KubeVirt VirtualMachine that never runs. */
export const minimalVm = (name: string, namespace: string): Record<string, Json> => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name, namespace },
  spec: {
    runStrategy: 'Halted',
    template: { spec: { domain: { devices: {}, memory: { guest: '1Gi' } } } },
  },
});

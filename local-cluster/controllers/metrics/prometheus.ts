import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { prometheusConfig, prometheusRules } from './prometheusConfig';

/** Where Debian's `prometheus` package installs the server. */
export const DEFAULT_PROMETHEUS_BINARY = '/usr/bin/prometheus';

export class PrometheusUnavailableError extends Error {
  constructor(binary: string) {
    super(
      `Prometheus is not installed (no executable at ${binary}); install the Debian package ` +
        '"prometheus" to record metrics. Without it the console shows metrics as unavailable.',
    );
    this.name = 'PrometheusUnavailableError';
  }
}

/** The binary to run, or undefined when none is installed: check this to skip Prometheus quietly. */
export const findPrometheusBinary = (
  binary = process.env.PROMETHEUS_BINARY ?? DEFAULT_PROMETHEUS_BINARY,
): string | undefined => {
  try {
    accessSync(binary, constants.X_OK);
    return binary;
  } catch {
    return undefined;
  }
};

export interface PrometheusOptions {
  /** The metrics endpoint to scrape, e.g. `${cluster.url}/metrics`. */
  scrapeUrl: string;
  /** Sent as `Authorization: Bearer …`; written to a 0600 file in dataDir, never on a command line. */
  bearerToken?: string;
  /** TSDB and generated configuration live here; reused across restarts. */
  dataDir: string;
  /** Listen port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** Default 5 s. */
  scrapeIntervalSeconds?: number;
  /** Default 3d. */
  retention?: string;
  binary?: string;
  /** How long to wait for /-/ready. Default 60 s. */
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface RunningPrometheus {
  /** Base URL of the HTTP API, e.g. http://127.0.0.1:39123 (query at /api/v1/query). */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a real Prometheus that scrapes the local cluster. Resolves once `/-/ready` answers 200;
 * rejects with PrometheusUnavailableError when the binary is missing, or with the tail of its
 * log when it exits or does not get ready in time. `stop()` ends it (SIGTERM, then SIGKILL).
 */
export const startPrometheus = async (options: PrometheusOptions): Promise<RunningPrometheus> => {
  const wanted = options.binary ?? process.env.PROMETHEUS_BINARY ?? DEFAULT_PROMETHEUS_BINARY;
  const binary = findPrometheusBinary(wanted);
  if (!binary) throw new PrometheusUnavailableError(wanted);

  await mkdir(options.dataDir, { recursive: true });
  const tsdb = join(options.dataDir, 'data');
  const configFile = join(options.dataDir, 'prometheus.yml');
  const rulesFile = join(options.dataDir, 'kubevirt-rules.yml');
  let tokenFile: string | undefined;
  if (options.bearerToken) {
    tokenFile = join(options.dataDir, 'scrape-token');
    await writeFile(tokenFile, options.bearerToken, { mode: 0o600 });
  }
  await writeFile(rulesFile, prometheusRules());
  await writeFile(
    configFile,
    prometheusConfig({
      scrapeUrl: options.scrapeUrl,
      scrapeIntervalSeconds: options.scrapeIntervalSeconds ?? 5,
      bearerTokenFile: tokenFile,
      rulesFile,
    }),
  );

  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${tsdb}`,
      `--storage.tsdb.retention.time=${options.retention ?? '3d'}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const tail: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      options.log?.(line);
    }
  });
  let spawnError: Error | undefined;
  child.once('error', (err) => {
    spawnError = err;
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killed = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(killed);
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `Prometheus exited before it was ready: ${spawnError?.message ?? `code ${child.exitCode ?? child.signalCode}`}\n${tail.join('\n')}`,
      );
    }
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prometheus did not get ready within the timeout\n${tail.join('\n')}`);
    }
    await sleep(200);
  }
  return { url, pid: child.pid ?? 0, stop };
};

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import { startMetrics } from './index';
import type { RunningPrometheus } from './prometheus';
import { findPrometheusBinary, PrometheusUnavailableError, startPrometheus } from './prometheus';
import { createRunningVmi } from './runningVmiFixture';

const binary = findPrometheusBinary();
const required = process.env.REQUIRE_PROMETHEUS === '1';

interface QueryResult {
  status: string;
  data: {
    resultType: string;
    result: { metric: Record<string, string>; value: [number, string] }[];
  };
}

describe('startPrometheus without the binary', () => {
  it('refuses with a clear error', async () => {
    const err = await startPrometheus({
      scrapeUrl: 'http://127.0.0.1:1/metrics',
      dataDir: join(tmpdir(), 'never-used'),
      binary: '/nonexistent/prometheus',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrometheusUnavailableError);
    expect((err as Error).message).toMatch(/Debian package "prometheus"/);
  });
});

describe.skipIf(!binary && !required)('a real Prometheus scraping the local cluster', () => {
  let t: TestCluster;
  let prometheus: RunningPrometheus;
  let dataDir: string;

  beforeAll(async () => {
    if (!binary) throw new Error('REQUIRE_PROMETHEUS=1 but no prometheus binary is installed');
    t = await startTestCluster();
    await t.start((runtime) => startMetrics(runtime));
    await createRunningVmi(t, 'prom-vm-1', 'worker-1');
    dataDir = await mkdtemp(join(tmpdir(), 'prometheus-test-'));
    const started = Date.now();
    prometheus = await startPrometheus({
      scrapeUrl: `${t.cluster.url}/metrics`,
      // Exercise the authenticated path: the admin may get /metrics.
      bearerToken: t.cluster.tokenOf('admin'),
      dataDir,
      scrapeIntervalSeconds: 1,
    });
    console.log(`[prometheus] ready in ${Date.now() - started} ms at ${prometheus.url}`);
  }, 90_000);

  afterAll(async () => {
    await prometheus?.stop();
    await t?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const query = async (promql: string): Promise<QueryResult> => {
    const res = await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
    return (await res.json()) as QueryResult;
  };

  it('answers PromQL over the scraped VM series', async () => {
    const phases = await eventually(
      () => query('kubevirt_vmi_phase_count'),
      (r) =>
        r.data.result.some((s) => s.metric.phase === 'running' && s.metric.node === 'worker-1'),
      60_000,
      'kubevirt_vmi_phase_count in Prometheus',
    );
    expect(phases.status).toBe('success');
    expect(phases.data.resultType).toBe('vector');
    const running = phases.data.result.find((s) => s.metric.node === 'worker-1');
    expect(running?.metric).toMatchObject({ job: 'kubevirt', phase: 'running', os: 'fedora' });
    expect(Number(running?.value[1])).toBeGreaterThanOrEqual(1);

    const cpu = await query(
      'kubevirt_vmi_cpu_usage_seconds_total{name="prom-vm-1",namespace="demo-apps"}',
    );
    expect(cpu.data.result).toHaveLength(1);
    expect(cpu.data.result[0].metric.node).toBe('worker-1');

    // A query shaped like the console's (VM metrics tab: network in by interface).
    const byInterface = await eventually(
      () =>
        query(
          "sum(rate(kubevirt_vmi_network_receive_bytes_total{name='prom-vm-1',namespace='demo-apps'}[10s])) BY (name, namespace, interface)",
        ),
      (r) => r.data.result.length === 1,
      30_000,
      'a rate over two scrapes',
    );
    expect(byInterface.data.result[0].metric).toEqual({
      name: 'prom-vm-1',
      namespace: 'demo-apps',
      interface: 'default',
    });
  }, 90_000);

  it('evaluates the recording rules', async () => {
    const recorded = await eventually(
      () => query('cnv:vmi_status_running:count'),
      (r) => r.data.result.length > 0,
      30_000,
      'cnv:vmi_status_running:count',
    );
    expect(recorded.data.result.some((s) => s.metric.node === 'worker-1')).toBe(true);
  }, 60_000);
});

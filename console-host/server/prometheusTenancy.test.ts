import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '../../local-cluster/apiserver/localCluster';
import { startLocalCluster } from '../../local-cluster/apiserver/localCluster';
import type { ConsoleHost } from './consoleHost';
import { startConsoleHost, upstreamFromLocalCluster } from './consoleHost';
import { filterRulesToNamespace, tenancyNamespaceOf } from './prometheusTenancy';

const alert = (namespace: string, name: string) => ({
  labels: { alertname: 'VMDown', namespace, name },
  state: 'firing',
});

const RULES = {
  status: 'success',
  data: {
    groups: [
      {
        name: 'kubevirt',
        rules: [
          {
            type: 'alerting',
            name: 'VMDown',
            alerts: [alert('demo-dev', 'vm-a'), alert('demo-apps', 'vm-b')],
          },
          { type: 'alerting', name: 'Quiet', alerts: [] },
          { type: 'recording', name: 'ns:up', labels: { namespace: 'demo-dev' } },
        ],
      },
      {
        name: 'other',
        rules: [{ type: 'alerting', name: 'X', alerts: [alert('kube-system', 'p')] }],
      },
    ],
  },
};

describe('filterRulesToNamespace', () => {
  it('keeps only the namespace: its alerts, rules that still have some, groups with rules', () => {
    expect(filterRulesToNamespace(RULES, 'demo-dev')).toEqual({
      status: 'success',
      data: {
        groups: [
          {
            name: 'kubevirt',
            rules: [
              { type: 'alerting', name: 'VMDown', alerts: [alert('demo-dev', 'vm-a')] },
              { type: 'recording', name: 'ns:up', labels: { namespace: 'demo-dev' } },
            ],
          },
        ],
      },
    });
  });

  it('filters the alerts endpoint too and leaves other bodies alone', () => {
    const alerts = { status: 'success', data: { alerts: [alert('a', 'x'), alert('b', 'y')] } };
    expect(filterRulesToNamespace(alerts, 'b')).toEqual({
      status: 'success',
      data: { alerts: [alert('b', 'y')] },
    });
    expect(filterRulesToNamespace('nope', 'b')).toBe('nope');
    expect(filterRulesToNamespace({ status: 'error' }, 'b')).toEqual({ status: 'error' });
  });
});

describe('tenancyNamespaceOf', () => {
  it('wants exactly one non-empty namespace', () => {
    const of = (q: string) => tenancyNamespaceOf(new URL(`http://h/api/v1/rules${q}`));
    expect(of('?namespace=ns1')).toBe('ns1');
    expect(of('')).toBeUndefined();
    expect(of('?namespace=')).toBeUndefined();
    expect(of('?namespace=a&namespace=b')).toBeUndefined();
  });
});

describe('the console host tenancy path', () => {
  let cluster: LocalCluster;
  let prom: Server;
  let host: ConsoleHost;
  const requests: string[] = [];

  beforeAll(async () => {
    cluster = await startLocalCluster({ inMemory: true });
    prom = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          req.url?.startsWith('/api/v1/rules')
            ? RULES
            : { status: 'success', data: { resultType: 'vector', result: [] } },
        ),
      );
    });
    await new Promise<void>((r) => prom.listen(0, '127.0.0.1', () => r()));
    // The developer is the default (first) user of this host.
    host = await startConsoleHost({
      pluginDist: '/nonexistent-dist',
      hostBuild: '/nonexistent-build',
      upstream: upstreamFromLocalCluster(cluster, ['developer', 'admin']),
      prometheusUrl: `http://127.0.0.1:${(prom.address() as AddressInfo).port}`,
    });
  }, 60_000);

  afterAll(async () => {
    await host?.close();
    prom?.close();
    await cluster?.close();
  });

  const get = async (path: string) => {
    const res = await fetch(`${host.url}${path}`);
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it("serves the developer its own namespace's alerts only", async () => {
    const res = await get('/api/prometheus-tenancy/api/v1/rules?namespace=demo-dev');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('vm-a');
    expect(JSON.stringify(res.json)).not.toContain('vm-b');
    expect(requests.at(-1)).toBe('/api/v1/rules');
  });

  it('refuses a namespace the user cannot get pods in, and a request without one', async () => {
    const before = requests.length;
    const forbidden = await get('/api/prometheus-tenancy/api/v1/rules?namespace=kube-system');
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });
    expect(
      (await get('/api/prometheus-tenancy/api/v1/query?namespace=kube-system&query=up')).status,
    ).toBe(403);
    expect((await get('/api/prometheus-tenancy/api/v1/rules')).status).toBe(400);
    expect(requests.length).toBe(before);
  });

  it('passes allowed queries on with the namespace enforced on every selector', async () => {
    const res = await get('/api/prometheus-tenancy/api/v1/query?namespace=demo-dev&query=up');
    expect(res.status).toBe(200);
    expect(requests.at(-1)).toBe(
      `/api/v1/query?query=${encodeURIComponent('up{namespace="demo-dev"}')}`,
    );
    expect((await get('/api/prometheus-tenancy/api/v1/series?namespace=demo-dev')).status).toBe(
      200,
    );
    expect(new URL(`http://h${requests.at(-1)}`).searchParams.getAll('match[]')).toEqual([
      '{namespace="demo-dev"}',
    ]);
    const before = requests.length;
    expect(
      (await get('/api/prometheus-tenancy/api/v1/status/config?namespace=demo-dev')).status,
    ).toBe(404);
    expect((await get('/api/prometheus-tenancy/api/v1/query?namespace=demo-dev')).status).toBe(400);
    expect(requests.length).toBe(before);
  });
});

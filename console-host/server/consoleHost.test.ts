import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { LocalCluster } from '../../local-cluster/apiserver/localCluster';
import { startLocalCluster } from '../../local-cluster/apiserver/localCluster';
import type { ConsoleHost, ServerFlags } from './consoleHost';
import { startConsoleHost, upstreamFromKubeconfig, upstreamFromLocalCluster } from './consoleHost';

const PLUGIN = 'virt-console-plugin';
const ENTRY = 'plugin-entry.0123456789abcdef.min.js';

let cluster: LocalCluster;
let host: ConsoleHost;
let tmp: string;
let tokens: string[];
/** Every header and body the host sent back, to prove no token ever leaves it. */
const seen: string[] = [];

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

const call = async (path: string, init: RequestInit = {}, base = host.url): Promise<Reply> => {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  seen.push(JSON.stringify([...res.headers.entries()]), text);
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: <T>() => JSON.parse(text) as T,
  };
};

/** What a browser holds after loading the page: the csrf-token cookie. */
const browserSession = async (): Promise<{ csrf: string; cookie: string }> => {
  const page = await call('/');
  const set = page.headers.getSetCookie().find((c) => c.startsWith('csrf-token='));
  const csrf = (set ?? '').split(';')[0].slice('csrf-token='.length);
  return { csrf, cookie: `csrf-token=${csrf}` };
};

const configMap = (name: string) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' } });

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'console-host-'));
  const dist = join(tmp, 'dist');
  const hostBuild = join(tmp, 'host-build');
  mkdirSync(join(dist, 'locales', 'en'), { recursive: true });
  mkdirSync(join(dist, 'locales', 'ja'), { recursive: true });
  mkdirSync(hostBuild);
  writeFileSync(
    join(dist, 'plugin-manifest.json'),
    JSON.stringify({ name: PLUGIN, version: '0.1.0', loadScripts: [ENTRY], extensions: [] }),
  );
  writeFileSync(join(dist, ENTRY), 'window.__load_plugin_entry__({});');
  writeFileSync(
    join(dist, 'locales', 'en', `plugin__${PLUGIN}.json`),
    JSON.stringify({ VirtualMachines: 'VirtualMachines' }),
  );
  writeFileSync(
    join(dist, 'locales', 'ja', `plugin__${PLUGIN}.json`),
    JSON.stringify({ VirtualMachines: '仮想マシン' }),
  );
  writeFileSync(join(hostBuild, 'main.js'), 'console.log("shell");');
  writeFileSync(join(hostBuild, 'main.css'), 'body{}');
  cluster = await startLocalCluster({ inMemory: true });
  tokens = ['admin', 'developer'].map((u) => cluster.tokenOf(u));
  host = await startConsoleHost({
    port: 0,
    pluginDist: dist,
    hostBuild,
    upstream: upstreamFromLocalCluster(cluster),
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await cluster?.close();
  rmSync(tmp, { recursive: true, force: true });
  for (const text of seen) for (const token of tokens) expect(text).not.toContain(token);
});

describe('console host: app, plugin assets, locales', () => {
  it('binds to loopback', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers any app path with index.html carrying SERVER_FLAGS and a csrf cookie', async () => {
    const page = await call('/k8s/ns/default/kubevirt.io~v1~VirtualMachine');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<div id="app"></div>');
    expect(page.text).toContain('<title>Virtualization console</title>');
    const json = /window\.SERVER_FLAGS = (.*?);<\/script>/.exec(page.text)?.[1];
    const flags = JSON.parse(json ?? 'null') as ServerFlags;
    expect(flags).toMatchObject({
      basePath: '/',
      consolePlugins: [PLUGIN],
      releaseVersion: '4.22.0',
      i18nNamespaces: [`plugin__${PLUGIN}`],
      prometheusBaseURL: '/api/prometheus',
      prometheusTenancyBaseURL: '/api/prometheus-tenancy',
      userSettingsLocation: 'localstorage',
      loginUser: 'admin',
      loginUsers: ['admin', 'developer'],
    });
    // The flags script runs before the app's module script.
    expect(page.text.indexOf('SERVER_FLAGS')).toBeLessThan(page.text.indexOf('/static/main.js'));
    expect(page.headers.getSetCookie().join()).toMatch(/csrf-token=[\w-]{32,}; Path=\/; SameSite/);
  });

  it('serves the shell build under /static and icons from public/', async () => {
    const js = await call('/static/main.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect((await call('/static/main.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await call('/static/missing.js')).status).toBe(404);
    const icon = await call('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves plugin assets with content types and cache policy', async () => {
    const manifest = await call(`/api/plugins/${PLUGIN}/plugin-manifest.json`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/json/);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect(manifest.json().name).toBe(PLUGIN);
    const entry = await call(`/api/plugins/${PLUGIN}/${ENTRY}?cacheBuster=42`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(entry.headers.get('cache-control')).toContain('immutable');
    expect((await call(`/api/plugins/${PLUGIN}/nope.js`)).status).toBe(404);
    expect((await call(`/api/plugins/other-plugin/plugin-manifest.json`)).status).toBe(404);
    const escape = await call(`/api/plugins/${PLUGIN}/..%2f..%2fhost-build%2fmain.js`);
    expect(escape.status).toBe(404);
  });

  it('maps /locales/resource.json to the plugin locale files', async () => {
    const ns = `plugin__${PLUGIN}`;
    const ja = await call(`/locales/resource.json?lng=ja&ns=${ns}`);
    expect(ja.json()).toEqual({ VirtualMachines: '仮想マシン' });
    expect(ja.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await call(`/locales/resource.json?lng=ja-JP&ns=${ns}`)).json()).toEqual({
      VirtualMachines: '仮想マシン',
    });
    expect((await call(`/locales/resource.json?lng=en&ns=${ns}`)).json()).toEqual({
      VirtualMachines: 'VirtualMachines',
    });
    expect((await call(`/locales/resource.json?lng=fr&ns=${ns}`)).json()).toEqual({
      VirtualMachines: 'VirtualMachines',
    });
    expect((await call(`/locales/resource.json?lng=../../x&ns=${ns}`)).json()).toEqual({
      VirtualMachines: 'VirtualMachines',
    });
    expect((await call('/locales/resource.json?lng=en&ns=public')).json()).toEqual({});
  });

  it('answers unknown API paths with a 404 Status', async () => {
    const res = await call('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ kind: 'Status', code: 404, reason: 'NotFound' });
  });

  it('refuses requests for another Host (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const r = request(`${host.url}/api/kubernetes/api/v1/namespaces`, {
        headers: { Host: 'attacker.example:80' },
      });
      r.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      r.on('error', reject);
      r.end();
    });
    expect(status).toBe(421);
  });
});

describe('console host: Kubernetes proxy, CSRF and users', () => {
  it('proxies a list as the default admin user', async () => {
    const list = await call('/api/kubernetes/api/v1/namespaces');
    expect(list.status).toBe(200);
    const body = list.json<{ kind: string; items: { metadata: { name: string } }[] }>();
    expect(body.kind).toBe('NamespaceList');
    expect(body.items.map((n) => n.metadata.name)).toContain('default');
  });

  it('streams a watch over HTTP', async () => {
    const res = await call(
      '/api/kubernetes/api/v1/namespaces?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Ddefault',
    );
    expect(res.status).toBe(200);
    const first = JSON.parse(res.text.split('\n')[0]) as { type: string };
    expect(first.type).toBe('ADDED');
  });

  it('requires the CSRF header on mutating requests', async () => {
    const { csrf, cookie } = await browserSession();
    const url = '/api/kubernetes/api/v1/namespaces/default/configmaps';
    const headers = { 'Content-Type': 'application/json', Cookie: cookie };
    const without = await call(url, { method: 'POST', headers, body: configMap('no-csrf') });
    expect(without.status).toBe(403);
    expect(without.json()).toMatchObject({ kind: 'Status', code: 403, reason: 'Forbidden' });
    const wrong = await call(url, {
      method: 'POST',
      headers: { ...headers, 'X-CSRFToken': `${csrf.slice(1)}x` },
      body: configMap('wrong-csrf'),
    });
    expect(wrong.status).toBe(403);
    const ok = await call(url, {
      method: 'POST',
      headers: { ...headers, 'X-CSRFToken': csrf },
      body: configMap('with-csrf'),
    });
    expect(ok.status).toBe(201);
    expect(ok.json<{ metadata: { name: string } }>().metadata.name).toBe('with-csrf');
  });

  it('switches the current user, which users/~ and RBAC reflect', async () => {
    const { csrf, cookie } = await browserSession();
    const me = '/api/kubernetes/apis/user.openshift.io/v1/users/~';
    expect((await call(me, { headers: { Cookie: cookie } })).json().metadata).toMatchObject({
      name: 'admin',
    });
    expect((await call('/api/console/users')).json()).toEqual({
      current: 'admin',
      users: ['admin', 'developer'],
    });
    const body = JSON.stringify({ username: 'developer' });
    const refused = await call('/api/console/user', {
      method: 'POST',
      headers: { Cookie: cookie },
      body,
    });
    expect(refused.status).toBe(403);
    const unknown = await call('/api/console/user', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRFToken': csrf },
      body: JSON.stringify({ username: 'root' }),
    });
    expect(unknown.status).toBe(400);
    const switched = await call('/api/console/user', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRFToken': csrf, 'Content-Type': 'application/json' },
      body,
    });
    expect(switched.status).toBe(200);
    expect(switched.json()).toEqual({ current: 'developer', users: ['admin', 'developer'] });
    const userCookie = switched.headers.getSetCookie()[0].split(';')[0];
    expect(switched.headers.getSetCookie()[0]).toContain('HttpOnly');
    const asDeveloper = { Cookie: `${cookie}; ${userCookie}` };
    expect((await call(me, { headers: asDeveloper })).json().metadata).toMatchObject({
      name: 'developer',
    });
    expect((await call('/api/console/users', { headers: asDeveloper })).json().current).toBe(
      'developer',
    );
    const page = await call('/', { headers: asDeveloper });
    expect(page.text).toContain('"loginUser":"developer"');
    // The cluster's own answer passes through: developer may not list every namespace's secrets.
    const secrets = await call('/api/kubernetes/api/v1/secrets', { headers: asDeveloper });
    expect(secrets.status).toBe(403);
    expect(secrets.json()).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
  });

  it('answers /api/prometheus* with a ServiceUnavailable Status without Prometheus', async () => {
    for (const path of [
      '/api/prometheus/api/v1/query?query=up',
      '/api/prometheus-tenancy/api/v1/query?namespace=default&query=up',
    ]) {
      const res = await call(path);
      expect(res.status).toBe(503);
      expect(res.json()).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'ServiceUnavailable',
        code: 503,
      });
      expect(res.json().message).toMatch(/metrics are unavailable/i);
    }
  });
});

describe('console host: websocket proxy', () => {
  const received = new WeakMap<WebSocket, string[]>();
  const wsUrl = (path: string) => `${host.url.replace(/^http/, 'ws')}${path}`;

  const open = (path: string, headers: Record<string, string>, protocols: string[] = []) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(wsUrl(path), protocols, { headers });
      // Frames can arrive with the handshake, before the test awaits: keep them.
      const frames: string[] = [];
      ws.on('message', (data) => frames.push(data.toString()));
      received.set(ws, frames);
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          seen.push(body);
          reject(
            Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, body }),
          );
        });
      });
      ws.once('error', reject);
    });

  interface WatchEvent {
    type: string;
    object: { metadata: { name?: string }; message?: string; code?: number };
  }

  const nextEvent = (ws: WebSocket, match: (e: WatchEvent) => boolean, decode = (s: string) => s) =>
    new Promise<WatchEvent>((resolve) => {
      const frames = received.get(ws) ?? [];
      let next = 0;
      const scan = (): void => {
        for (; next < frames.length; next++) {
          const text = decode(frames[next]);
          seen.push(text);
          const event = JSON.parse(text) as WatchEvent;
          if (match(event)) {
            ws.off('message', scan);
            resolve(event);
            return;
          }
        }
      };
      ws.on('message', scan);
      scan();
    });
  const named = (name: string) => (e: WatchEvent) => e.object.metadata?.name === name;

  it('delivers watch events as the browser would receive them', async () => {
    const { csrf, cookie } = await browserSession();
    const list = await call('/api/kubernetes/api/v1/namespaces/default/configmaps');
    const rv = list.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion;
    const ws = await open(
      `/api/kubernetes/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv}`,
      { Origin: host.url, Cookie: cookie },
    );
    const added = nextEvent(ws, named('watched'));
    const created = await call('/api/kubernetes/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRFToken': csrf, 'Content-Type': 'application/json' },
      body: configMap('watched'),
    });
    expect(created.status).toBe(201);
    expect((await added).type).toBe('ADDED');
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.close(1000);
    expect(await closed).toBe(1000);
  });

  it('passes the subprotocol through (base64.binary.k8s.io frames)', async () => {
    const { cookie } = await browserSession();
    const ws = await open(
      '/api/kubernetes/api/v1/namespaces/default/configmaps?watch=true',
      { Origin: host.url, Cookie: cookie },
      ['base64.binary.k8s.io'],
    );
    expect(ws.protocol).toBe('base64.binary.k8s.io');
    const decode = (s: string) => Buffer.from(s, 'base64').toString();
    const event = await nextEvent(ws, named('with-csrf'), decode);
    expect(event.type).toBe('ADDED');
    ws.close();
  });

  it('turns Impersonate-User pseudo-subprotocols into impersonation upstream', async () => {
    const impersonate = `Impersonate-User.${Buffer.from('developer').toString('base64url')}`;
    const ws = await open(
      '/api/kubernetes/api/v1/namespaces/default/configmaps?watch=true',
      { Origin: host.url },
      [impersonate],
    );
    // As admin impersonating developer, the default namespace is out of reach.
    const event = await nextEvent(ws, (e) => e.type === 'ERROR');
    expect(event.object).toMatchObject({ code: 403 });
    expect(event.object.message).toContain('developer');
    ws.close();
  });

  it('pings websocket clients', async () => {
    const pinging = await startConsoleHost({
      pluginDist: join(tmp, 'dist'),
      hostBuild: join(tmp, 'host-build'),
      upstream: upstreamFromLocalCluster(cluster),
      pingIntervalMs: 50,
    });
    try {
      const ws = new WebSocket(
        `${pinging.url.replace('http', 'ws')}/api/kubernetes/api/v1/namespaces?watch=true`,
        { headers: { Origin: pinging.url } },
      );
      await new Promise<void>((resolve) => ws.once('ping', () => resolve()));
      ws.close();
    } finally {
      await pinging.close();
    }
  });

  it('refuses an upgrade from another Origin', async () => {
    await expect(
      open('/api/kubernetes/api/v1/namespaces/default/configmaps?watch=true', {
        Origin: 'http://evil.example',
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      open('/api/kubernetes/api/v1/namespaces/default/configmaps?watch=true', {}),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('relays the cluster refusing a watch, then its close code', async () => {
    const ws = await open('/api/kubernetes/api/v1/secrets?watch=true', {
      Origin: host.url,
      Cookie: 'virt-console-user=developer',
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const event = await nextEvent(ws, (e) => e.type === 'ERROR');
    expect(event.object).toMatchObject({ code: 403 });
    expect(await closed).toBe(1000);
  });

  it('relays an upstream that refuses the upgrade over HTTP', async () => {
    const refusing = createServer((_req, res) => res.end());
    refusing.on('upgrade', (_req, socket) => {
      const body = JSON.stringify({ kind: 'Status', code: 401, reason: 'Unauthorized' });
      socket.end(
        `HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
    });
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', () => r()));
    const other = await startConsoleHost({
      pluginDist: join(tmp, 'dist'),
      hostBuild: join(tmp, 'host-build'),
      upstream: {
        server: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`,
        users: [{ username: 'someone', token: 'not-a-real-token' }],
      },
    });
    try {
      const err = await new Promise<{ status?: number; body: string }>((resolve) => {
        const ws = new WebSocket(
          `${other.url.replace('http', 'ws')}/api/kubernetes/api/v1/pods?watch=true`,
          {
            headers: { Origin: other.url },
          },
        );
        ws.once('unexpected-response', (_q, r) => {
          let body = '';
          r.on('data', (c: Buffer) => (body += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode, body }));
        });
      });
      expect(err.status).toBe(401);
      expect(JSON.parse(err.body)).toMatchObject({ reason: 'Unauthorized' });
    } finally {
      await other.close();
      refusing.close();
    }
  });
});

describe('console host: other upstreams', () => {
  it('reads every token user of a kubeconfig and talks https with its CA', async () => {
    const file = join(tmp, 'kubeconfig');
    writeFileSync(file, cluster.kubeconfig);
    const upstream = upstreamFromKubeconfig(file, 'developer');
    expect(upstream.server).toMatch(/^https:/);
    expect(upstream.ca).toContain('BEGIN CERTIFICATE');
    expect(upstream.users.map((u) => u.username)).toEqual(['developer', 'admin']);
    const other = await startConsoleHost({
      pluginDist: join(tmp, 'dist'),
      hostBuild: join(tmp, 'host-build'),
      upstream,
    });
    try {
      const me = await call('/api/kubernetes/apis/user.openshift.io/v1/users/~', {}, other.url);
      expect(me.status).toBe(200);
      expect(me.json().metadata).toMatchObject({ name: 'developer' });
      const ws = await new Promise<WebSocket>((resolve, reject) => {
        const s = new WebSocket(
          `${other.url.replace('http', 'ws')}/api/kubernetes/api/v1/namespaces/demo-dev/configmaps?watch=true`,
          { headers: { Origin: other.url } },
        );
        s.once('open', () => resolve(s));
        s.once('error', reject);
        s.once('unexpected-response', (_q, r) => reject(new Error(`HTTP ${r.statusCode}`)));
      });
      ws.close();
    } finally {
      await other.close();
    }
  });

  it('proxies /api/prometheus* to a Prometheus without the cluster token, as the user may', async () => {
    const requests: { url?: string; authorization?: string; method?: string; body?: string }[] = [];
    const prom = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        requests.push({
          url: req.url,
          authorization: req.headers.authorization,
          ...(req.method === 'GET' ? {} : { method: req.method, body }),
        });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
      });
    });
    await new Promise<void>((r) => prom.listen(0, '127.0.0.1', () => r()));
    const other = await startConsoleHost({
      pluginDist: join(tmp, 'dist'),
      hostBuild: join(tmp, 'host-build'),
      upstream: upstreamFromLocalCluster(cluster),
      prometheusUrl: `http://127.0.0.1:${(prom.address() as AddressInfo).port}`,
    });
    // The same cluster and Prometheus, seen by the developer (the default user of this host).
    const asDeveloper = await startConsoleHost({
      pluginDist: join(tmp, 'dist'),
      hostBuild: join(tmp, 'host-build'),
      upstream: upstreamFromLocalCluster(cluster, ['developer', 'admin']),
      prometheusUrl: `http://127.0.0.1:${(prom.address() as AddressInfo).port}`,
    });
    try {
      const res = await call('/api/prometheus/api/v1/query?query=up', {}, other.url);
      expect(res.json()).toMatchObject({ status: 'success' });
      await call('/api/prometheus-tenancy/api/v1/query?namespace=demo&query=up', {}, other.url);
      expect(requests).toEqual([
        { url: '/api/v1/query?query=up', authorization: undefined },
        // prom-label-proxy's enforcement: the namespace is a matcher of every selector.
        {
          url: `/api/v1/query?query=${encodeURIComponent('up{namespace="demo"}')}`,
          authorization: undefined,
        },
      ]);

      // The developer cannot get namespaces cluster-wide, so the cluster-wide path refuses it
      // (before Prometheus sees anything); the tenancy path of its namespace still answers,
      // with every selector of a range query (POST form too) held to that namespace.
      const refused = await call('/api/prometheus/api/v1/query?query=up', {}, asDeveloper.url);
      expect(refused.status).toBe(403);
      expect(refused.json()).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });
      expect(refused.json().message).toContain('developer');
      expect(requests).toHaveLength(2);
      const query =
        'sum by (namespace) (rate(kubevirt_vmi_cpu_usage_seconds_total{name="vm", namespace=~".*"}[5m])) / on (name) group_left kube_pod_info';
      const enforced =
        'sum by (namespace) (rate(kubevirt_vmi_cpu_usage_seconds_total{name="vm", namespace="demo-dev"}[5m])) / on (name) group_left kube_pod_info{namespace="demo-dev"}';
      const range = await call(
        `/api/prometheus-tenancy/api/v1/query_range?namespace=demo-dev&start=1&end=2&step=1&query=${encodeURIComponent(query)}`,
        {},
        asDeveloper.url,
      );
      expect(range.status).toBe(200);
      expect(new URL(`http://h${requests[2].url}`).searchParams.get('query')).toBe(enforced);
      const { csrf, cookie } = await (async () => {
        const page = await call('/', {}, asDeveloper.url);
        const set = page.headers.getSetCookie().find((c) => c.startsWith('csrf-token='));
        const token = (set ?? '').split(';')[0].slice('csrf-token='.length);
        return { csrf: token, cookie: `csrf-token=${token}` };
      })();
      const posted = await call(
        '/api/prometheus-tenancy/api/v1/query?namespace=demo-dev',
        {
          method: 'POST',
          headers: {
            Cookie: cookie,
            'X-CSRFToken': csrf,
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ query }).toString(),
        },
        asDeveloper.url,
      );
      expect(posted.status).toBe(200);
      expect(requests[3]).toMatchObject({ url: '/api/v1/query', method: 'POST' });
      expect(new URLSearchParams(requests[3].body).get('query')).toBe(enforced);
      const broken = await call(
        '/api/prometheus-tenancy/api/v1/query?namespace=demo-dev&query=up%7B',
        {},
        asDeveloper.url,
      );
      expect(broken.status).toBe(400);
      expect(broken.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
      expect(requests).toHaveLength(4);
    } finally {
      await asDeveloper.close();
      await other.close();
      prom.close();
    }
  });
});

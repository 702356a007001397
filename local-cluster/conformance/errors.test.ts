import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedObjects } from '../apiserver/validation/fixtures/malformedObjects';
import type { ClusterUnderTest, RawResponse } from './clusterUnderTest';
import {
  clusterUnderTest,
  createTestNamespace,
  deleteTestNamespaces,
  raw,
} from './clusterUnderTest';

let cluster: ClusterUnderTest;
let ns: string;
/** Every error body any test here received, checked for shape and leaks at the end. */
const errorBodies: { what: string; res: RawResponse }[] = [];

beforeAll(async () => {
  cluster = await clusterUnderTest();
  ns = await createTestNamespace(cluster.kc);
});

afterAll(async () => {
  if (!cluster) return;
  await deleteTestNamespaces(cluster.kc, [ns]);
  await cluster.close();
});

const record = (what: string, res: RawResponse): RawResponse => {
  if (res.status >= 400) errorBodies.push({ what, res });
  return res;
};

const expectStatusBody = (res: RawResponse, code: number, reason?: string): void => {
  expect(res.status).toBe(code);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.json).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code });
  if (reason) expect(res.json.reason).toBe(reason);
  expect(typeof res.json.message).toBe('string');
  expect(res.json.message.length).toBeGreaterThan(0);
};

describe('HTTP errors are Status objects', () => {
  it('answers 401 Unauthorized without a token', async () => {
    const res = record(
      '401',
      await raw(cluster.kc, 'GET', '/api/v1/namespaces', { anonymous: true }),
    );
    expectStatusBody(res, 401, 'Unauthorized');
  });

  it('answers 401 with a wrong token', async () => {
    const res = record(
      '401 bad token',
      await raw(cluster.kc, 'GET', '/api/v1/namespaces', {
        anonymous: true,
        headers: { Authorization: 'Bearer not-a-real-token' },
      }),
    );
    expectStatusBody(res, 401, 'Unauthorized');
  });

  it('answers 404 NotFound for an unknown route', async () => {
    const paths = [
      '/apis/no.such.group/v1',
      '/api/v1/nosuchresources',
      '/totally/unknown',
      `/apis/kubevirt.io/v1/namespaces/${ns}/nosuchresources`,
    ];
    for (const path of paths) {
      const res = record(`404 ${path}`, await raw(cluster.kc, 'GET', path));
      expectStatusBody(res, 404, 'NotFound');
    }
  });

  it('answers 404 NotFound with details for a missing object', async () => {
    const res = record(
      '404 object',
      await raw(cluster.kc, 'GET', `/api/v1/namespaces/${ns}/configmaps/missing`),
    );
    expectStatusBody(res, 404, 'NotFound');
    expect(res.json.details).toMatchObject({ name: 'missing', kind: 'configmaps' });
  });

  it('answers 400 BadRequest for malformed JSON', async () => {
    const path = `/api/v1/namespaces/${ns}/configmaps`;
    const before = await raw(cluster.kc, 'GET', path);
    const res = record(
      '400 json',
      await raw(cluster.kc, 'POST', path, {
        body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":',
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    expectStatusBody(res, 400, 'BadRequest');
    const after = await raw(cluster.kc, 'GET', path);
    expect(after.json.items.length).toBe(before.json.items.length);
  });

  it('answers 400 for a JSON body that is not an object', async () => {
    const res = record(
      '400 array',
      await raw(cluster.kc, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { body: '[1,2,3]' }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.json.kind).toBe('Status');
  });

  it('answers 400 for an object of another kind', async () => {
    const res = record(
      '400 kind',
      await raw(cluster.kc, 'POST', `/api/v1/namespaces/${ns}/configmaps`, {
        body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'wrong-kind' } },
      }),
    );
    expectStatusBody(res, 400, 'BadRequest');
  });

  it('answers 413 for a body over 3 MiB', async () => {
    const big = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'too-big' },
      data: { blob: 'x'.repeat(3 * 1024 * 1024 + 1024) },
    });
    let res: RawResponse | undefined;
    try {
      res = await raw(cluster.kc, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { body: big });
    } catch (err) {
      // Some servers reset the connection after answering; what matters is that nothing is stored.
      if (!(err as { partial?: boolean }).partial) throw err;
    }
    if (res) {
      record('413', res);
      expectStatusBody(res, 413, 'RequestEntityTooLarge');
    }
    const get = await raw(cluster.kc, 'GET', `/api/v1/namespaces/${ns}/configmaps/too-big`);
    expect(get.status).toBe(404);
    expect(res).toBeDefined();
  });

  it('answers 405 MethodNotAllowed for a verb the resource does not serve', async () => {
    const res = record(
      '405',
      await raw(cluster.kc, 'PUT', `/api/v1/namespaces/${ns}/configmaps`, {
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
      }),
    );
    expectStatusBody(res, 405, 'MethodNotAllowed');
  });

  it('answers 400 for an invalid dryRun value and an invalid propagationPolicy', async () => {
    const dry = record(
      '400 dryRun',
      await raw(cluster.kc, 'POST', `/api/v1/namespaces/${ns}/configmaps?dryRun=Some`, {
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dry' } },
      }),
    );
    expectStatusBody(dry, 400, 'BadRequest');
    await raw(cluster.kc, 'POST', `/api/v1/namespaces/${ns}/configmaps`, {
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'prop' } },
    });
    const prop = record(
      '400 propagation',
      await raw(
        cluster.kc,
        'DELETE',
        `/api/v1/namespaces/${ns}/configmaps/prop?propagationPolicy=Sometimes`,
      ),
    );
    expect(prop.status).toBe(400);
    expect(prop.json.kind).toBe('Status');
  });
});

describe('malformed objects are rejected over HTTP', () => {
  const collectionPath = (
    m: (typeof malformedObjects)[number],
    namespace: string | undefined,
  ): string => {
    const base = m.group ? `/apis/${m.group}/${m.version}` : `/api/${m.version}`;
    return namespace ? `${base}/namespaces/${namespace}/${m.plural}` : `${base}/${m.plural}`;
  };

  it.each(malformedObjects.map((m) => [m.title, m] as const))('%s', async (_title, m) => {
    const namespaced = m.object.metadata?.namespace !== undefined;
    const object = structuredClone(m.object);
    if (namespaced) object.metadata.namespace = ns;
    const path = collectionPath(m, namespaced ? ns : undefined);

    const before = await raw(cluster.kc, 'GET', path);
    expect(before.status).toBe(200);
    const res = record(m.title, await raw(cluster.kc, 'POST', path, { body: object }));

    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.json).toMatchObject({ kind: 'Status', status: 'Failure', code: res.status });
    expect(['Invalid', 'BadRequest']).toContain(res.json.reason);
    const causes = (res.json.details?.causes ?? []) as { field?: string; message?: string }[];
    const fields = causes.map((c) => c.field ?? '');
    // A cause names the field, or a field below it (kube may report e.g. spec.template.x for a
    // missing spec.template subtree); the message always mentions it.
    const matches = fields.some(
      (f) => f === m.field || f.startsWith(`${m.field}.`) || f.startsWith(`${m.field}[`),
    );
    expect(matches, `causes ${JSON.stringify(fields)} should name ${m.field}`).toBe(true);

    const after = await raw(cluster.kc, 'GET', path);
    expect(after.json.items.length).toBe(before.json.items.length);
  });
});

describe('error bodies', () => {
  it('all carry kind, code, reason and message, and no stack traces', () => {
    expect(errorBodies.length).toBeGreaterThan(10);
    for (const { what, res } of errorBodies) {
      expect(res.json, what).toBeDefined();
      expect(res.json.kind, what).toBe('Status');
      expect(res.json.code, what).toBe(res.status);
      expect(typeof res.json.reason, what).toBe('string');
      expect(typeof res.json.message, what).toBe('string');
      expect(res.text, what).not.toMatch(/\n\s+at \S/);
      expect(res.text, what).not.toMatch(/\\n\s+at \S/);
      expect(res.text, what).not.toMatch(/\.ts:\d+/);
    }
  });
});

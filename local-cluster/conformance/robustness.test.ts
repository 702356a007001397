import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterUnderTest } from './clusterUnderTest';
import { clusterUnderTest, raw } from './clusterUnderTest';

/** A small deterministic generator, so a failure names a body that can be replayed. */
const prng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

const SCALARS: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  '',
  'x',
  'Always',
  '1Gi',
  'lots',
  '../..',
  '\u0000',
  {},
  [],
];
const KEYS = [
  'metadata',
  'spec',
  'status',
  'name',
  'namespace',
  'labels',
  'template',
  'domain',
  'devices',
  'disks',
  'volumes',
  'runStrategy',
  'running',
  'memory',
  'guest',
  'data',
  'items',
  'apiVersion',
  'kind',
  'finalizers',
  'ownerReferences',
  'op',
  'path',
  'value',
];

const randomValue = (next: () => number, depth: number): unknown => {
  const r = next();
  if (depth > 4 || r < 0.4) return SCALARS[Math.floor(next() * SCALARS.length)];
  if (r < 0.6)
    return Array.from({ length: Math.floor(next() * 3) }, () => randomValue(next, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 4); i >= 0; i--)
    obj[KEYS[Math.floor(next() * KEYS.length)]] = randomValue(next, depth + 1);
  return obj;
};

/** More iterations or another seed for a longer hunt: ROBUSTNESS_ITERATIONS, ROBUSTNESS_SEED. */
const ITERATIONS = Number(process.env.ROBUSTNESS_ITERATIONS ?? 400);

const TARGETS = [
  ['POST', '/api/v1/namespaces/default/configmaps', 'application/json'],
  ['POST', '/apis/kubevirt.io/v1/namespaces/default/virtualmachines', 'application/json'],
  ['POST', '/apis/cdi.kubevirt.io/v1beta1/namespaces/default/datavolumes', 'application/json'],
  ['POST', '/apis/apps/v1/namespaces/default/deployments', 'application/json'],
  ['POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', 'application/json'],
  ['PATCH', '/api/v1/namespaces/default', 'application/json-patch+json'],
  ['PATCH', '/api/v1/namespaces/default', 'application/merge-patch+json'],
  ['PATCH', '/api/v1/namespaces/default', 'application/strategic-merge-patch+json'],
  ['PATCH', '/api/v1/namespaces/default', 'application/apply-patch+yaml'],
] as const;

describe('robustness: random request bodies', () => {
  let cluster: ClusterUnderTest;
  beforeAll(async () => {
    cluster = await clusterUnderTest();
  });
  afterAll(async () => {
    await cluster?.close();
  });

  it(`answers every one of ${ITERATIONS} random bodies with a Status or an object, never a 5xx`, async () => {
    const next = prng(Number(process.env.ROBUSTNESS_SEED ?? 20261123));
    const serverErrors: string[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const [method, path, contentType] = TARGETS[i % TARGETS.length];
      const body = JSON.stringify(randomValue(next, 0));
      // dryRun keeps the namespace as it is while every validation and patch path still runs.
      const res = await raw(cluster.kc, method, `${path}?dryRun=All&fieldManager=fuzz`, {
        body,
        headers: { 'Content-Type': contentType },
      });
      if (res.status >= 500)
        serverErrors.push(`${method} ${path} ${body} -> ${res.status} ${res.text}`);
      if (res.status >= 400) {
        expect(res.json?.kind, `${method} ${path} ${body}`).toBe('Status');
        expect(res.text).not.toMatch(/\n\s+at /);
      }
    }
    expect(serverErrors).toEqual([]);
  }, 60_000);
});

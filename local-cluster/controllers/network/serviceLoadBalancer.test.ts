import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import type { LoadBalancerService } from './serviceLoadBalancer';
import { desiredIngress, heldAddresses, startServiceLoadBalancer } from './serviceLoadBalancer';

const svc = (type: string | undefined, ip?: string): LoadBalancerService => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 's', namespace: 'ns' },
  spec: type ? { type } : {},
  ...(ip ? { status: { loadBalancer: { ingress: [{ ip }] } } } : {}),
});

describe('desiredIngress', () => {
  it.each([
    {
      name: 'a new LoadBalancer gets the first address',
      service: svc('LoadBalancer'),
      taken: [],
      want: [{ ip: '127.0.100.1' }],
    },
    {
      name: 'skips addresses other Services hold',
      service: svc('LoadBalancer'),
      taken: ['127.0.100.1', '127.0.100.2'],
      want: [{ ip: '127.0.100.3' }],
    },
    {
      name: 'keeps its own address',
      service: svc('LoadBalancer', '127.0.100.9'),
      taken: ['127.0.100.1'],
      want: [{ ip: '127.0.100.9' }],
    },
    {
      name: 'an address outside the pool is replaced',
      service: svc('LoadBalancer', '10.0.0.5'),
      taken: [],
      want: [{ ip: '127.0.100.1' }],
    },
    { name: 'NodePort shows none', service: svc('NodePort', '127.0.100.4'), taken: [], want: [] },
    { name: 'ClusterIP shows none', service: svc(undefined), taken: [], want: [] },
  ])('$name', ({ service, taken, want }) => {
    expect(desiredIngress(service, new Set(taken))).toEqual(want);
  });

  it('an exhausted pool leaves the Service pending', () => {
    const all = new Set(Array.from({ length: 254 }, (_, i) => `127.0.100.${i + 1}`));
    expect(desiredIngress(svc('LoadBalancer'), all)).toBeUndefined();
  });

  it('only LoadBalancer Services hold addresses', () => {
    expect(
      heldAddresses([
        svc('LoadBalancer', '127.0.100.2'),
        svc('NodePort', '127.0.100.3'),
        svc('LoadBalancer', '8.8.8.8'),
      ]),
    ).toEqual(new Set(['127.0.100.2']));
  });
});

describe('service load balancer controller', () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
    await t.start(startServiceLoadBalancer);
  }, 60_000);
  afterAll(() => t.close());

  const ingressOf = async (name: string) =>
    (await t.admin.get<LoadBalancerService>(SERVICE, 'default', name)).status?.loadBalancer
      ?.ingress;

  it('assigns distinct addresses, clears them when the type changes, and hands a released one out again', async () => {
    const ports = [{ port: 22, targetPort: 22 }];
    await t.admin.create(SERVICE, 'default', {
      metadata: { name: 'lb-a' },
      spec: { type: 'LoadBalancer', ports },
    });
    await t.admin.create(SERVICE, 'default', {
      metadata: { name: 'lb-b' },
      spec: { type: 'LoadBalancer', ports },
    });
    const a = await eventually(
      () => ingressOf('lb-a'),
      (i) => Boolean(i?.length),
      10_000,
      'lb-a ingress',
    );
    const b = await eventually(
      () => ingressOf('lb-b'),
      (i) => Boolean(i?.length),
      10_000,
      'lb-b ingress',
    );
    expect(a?.[0].ip).toMatch(/^127\.0\.100\.\d+$/);
    expect(b?.[0].ip).toMatch(/^127\.0\.100\.\d+$/);
    expect(a?.[0].ip).not.toBe(b?.[0].ip);

    await t.admin.patch(SERVICE, 'default', 'lb-a', { spec: { type: 'NodePort' } });
    await eventually(
      () => ingressOf('lb-a'),
      (i) => !i?.length,
      10_000,
      'lb-a cleared',
    );

    await t.admin.create(SERVICE, 'default', {
      metadata: { name: 'lb-c' },
      spec: { type: 'LoadBalancer', ports },
    });
    const c = await eventually(
      () => ingressOf('lb-c'),
      (i) => Boolean(i?.length),
      10_000,
      'lb-c ingress',
    );
    expect(c?.[0].ip).toBe(a?.[0].ip);
  });
});

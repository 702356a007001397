import type { KubeObject } from '../../apiserver/core/types';
import { isNotFound } from '../runtime/apiClient';
import { Controller } from '../runtime/controller';
import { keyOf, SERVICE, splitKey } from '../runtime/resources';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';

/**
 * The load balancer of the local cluster, in the role MetalLB (or a cloud provider's service
 * controller) has on a real one: every LoadBalancer Service gets an ingress address from a pool,
 * written to `status.loadBalancer.ingress`; a Service that stops being LoadBalancer gives it back.
 * The pool is on loopback (127.0.100.1-254) and nothing listens there: it gives clients the status
 * a cluster with a load balancer shows, not a working route into the guests.
 */
export const LB_POOL_PREFIX = '127.0.100.';
const POOL_SIZE = 254;

type Ingress = { ip?: string; hostname?: string };
export type LoadBalancerService = KubeObject & {
  spec?: { type?: string };
  status?: { loadBalancer?: { ingress?: Ingress[] } };
};

const inPool = (ip: string | undefined): ip is string =>
  Boolean(ip?.startsWith(LB_POOL_PREFIX)) &&
  Number(ip?.slice(LB_POOL_PREFIX.length)) >= 1 &&
  Number(ip?.slice(LB_POOL_PREFIX.length)) <= POOL_SIZE;

/** The pool addresses the Services hold. */
export const heldAddresses = (services: LoadBalancerService[]): Set<string> =>
  new Set(
    services
      .filter((s) => s.spec?.type === 'LoadBalancer')
      .flatMap((s) => s.status?.loadBalancer?.ingress ?? [])
      .map((i) => i.ip)
      .filter(inPool),
  );

/**
 * The ingress the Service should show: LoadBalancer keeps its pool address or gets the lowest
 * free one (undefined when the pool is exhausted: it stays pending, as with MetalLB); any other
 * type shows none. `taken` are the addresses other Services hold.
 */
export const desiredIngress = (
  service: LoadBalancerService,
  taken: ReadonlySet<string>,
): Ingress[] | undefined => {
  if (service.spec?.type !== 'LoadBalancer') return [];
  const current = service.status?.loadBalancer?.ingress?.[0]?.ip;
  if (inPool(current) && !taken.has(current)) return [{ ip: current }];
  for (let n = 1; n <= POOL_SIZE; n += 1) {
    const ip = `${LB_POOL_PREFIX}${n}`;
    if (!taken.has(ip)) return [{ ip }];
  }
  return undefined;
};

const sameIngress = (a: Ingress[] | undefined, b: Ingress[]): boolean =>
  (a ?? []).length === b.length &&
  (a ?? []).every((x, i) => x.ip === b[i].ip && x.hostname === b[i].hostname);

export const startServiceLoadBalancer = (runtime: ControllerRuntime): Stoppable => {
  const client = runtime.clientFor('service-load-balancer');
  const services = runtime.informers.for<LoadBalancerService>(SERVICE);
  const assigned = new Map<string, string>();

  const reconcile = async (key: string): Promise<undefined> => {
    const { namespace, name } = splitKey(key);
    const service = services.get(namespace, name);
    if (!service) {
      assigned.delete(key);
      return undefined;
    }
    const others = services
      .list()
      .filter((s) => s.metadata.namespace !== namespace || s.metadata.name !== name);
    // The informer may not show an address handed out a moment ago yet: remember our own.
    const taken = heldAddresses(others);
    for (const [k, ip] of assigned) if (k !== key) taken.add(ip);
    const want = desiredIngress(service, taken);
    if (want?.[0]?.ip) assigned.set(key, want[0].ip);
    else assigned.delete(key);
    const have = service.status?.loadBalancer?.ingress;
    if (want === undefined || sameIngress(have, want)) return undefined;
    try {
      await client.patchStatus(SERVICE, namespace, name, {
        loadBalancer: { ingress: want.length ? want : null },
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    return undefined;
  };

  const controller = new Controller('service-load-balancer', reconcile, { log: runtime.log });
  // A released address may let a pending Service through: look at every LoadBalancer again.
  controller.watch(services, (s) => [
    keyOf(s.metadata.namespace, s.metadata.name ?? ''),
    ...services
      .list()
      .filter((o) => o.spec?.type === 'LoadBalancer' && !o.status?.loadBalancer?.ingress?.length)
      .map((o) => keyOf(o.metadata.namespace, o.metadata.name ?? '')),
  ]);
  for (const s of services.list())
    controller.enqueue(keyOf(s.metadata.namespace, s.metadata.name ?? ''));
  return { stop: () => controller.stop() };
};

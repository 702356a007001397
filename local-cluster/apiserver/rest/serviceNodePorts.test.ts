import { afterEach, describe, expect, it } from 'vitest';
import { StatusError } from '../core/statusError';
import type { KubeObject } from '../core/types';
import { KindRegistry } from '../registry/kindRegistry';
import { ObjectStore } from '../storage/objectStore';
import { systemContext } from './requestContext';
import { ResourceService } from './resourceService';
import { allocateNodePorts, NODE_PORT_MAX, NODE_PORT_MIN } from './serviceNodePorts';

const svc = (
  type: string | undefined,
  ports: { port: number; nodePort?: number; protocol?: string }[],
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'ns' },
  spec: { ...(type ? { type } : {}), ports },
});

const nodePorts = (obj: KubeObject): (number | undefined)[] =>
  ((obj.spec as { ports: { nodePort?: number }[] }).ports ?? []).map((p) => p.nodePort);

const errorOf = (fn: () => unknown): StatusError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected a StatusError');
};

describe('allocateNodePorts', () => {
  it.each([
    {
      name: 'NodePort without a port gets the lowest free one',
      service: svc('NodePort', [{ port: 22 }]),
      taken: [],
      want: [NODE_PORT_MIN],
    },
    {
      name: 'skips ports other Services hold',
      service: svc('NodePort', [{ port: 22 }]),
      taken: [30000, 30001],
      want: [30002],
    },
    {
      name: 'LoadBalancer gets node ports too',
      service: svc('LoadBalancer', [{ port: 22 }, { port: 80 }]),
      taken: [],
      want: [30000, 30001],
    },
    {
      name: 'a requested free port is kept, and not handed out to the next port',
      service: svc('NodePort', [{ port: 80 }, { port: 22, nodePort: 30000 }]),
      taken: [],
      want: [30001, 30000],
    },
    {
      name: 'ClusterIP gets none',
      service: svc(undefined, [{ port: 22 }]),
      taken: [],
      want: [undefined],
    },
    {
      name: 'one node port for TCP and UDP of the same Service is allowed',
      service: svc('NodePort', [
        { port: 53, nodePort: 30053, protocol: 'TCP' },
        { port: 53, nodePort: 30053, protocol: 'UDP' },
      ]),
      taken: [],
      want: [30053, 30053],
    },
  ])('$name', ({ service, taken, want }) => {
    expect(nodePorts(allocateNodePorts(service, undefined, new Set(taken)))).toEqual(want);
  });

  it.each([
    {
      name: 'below the range',
      service: svc('NodePort', [{ port: 22, nodePort: 2222 }]),
      taken: [],
      message:
        'spec.ports[0].nodePort: Invalid value: 2222: provided port is not in the valid range. The range of valid ports is 30000-32767',
    },
    {
      name: 'above the range',
      service: svc('NodePort', [{ port: 22, nodePort: NODE_PORT_MAX + 1 }]),
      taken: [],
      message:
        'spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range',
    },
    {
      name: 'held by another Service',
      service: svc('NodePort', [{ port: 22, nodePort: 30100 }]),
      taken: [30100],
      message: 'spec.ports[0].nodePort: Invalid value: 30100: provided port is already allocated',
    },
    {
      name: 'twice in one Service for the same protocol',
      service: svc('NodePort', [
        { port: 22, nodePort: 30100 },
        { port: 80, nodePort: 30100 },
      ]),
      taken: [],
      message: 'spec.ports[1].nodePort: Invalid value: 30100: provided port is already allocated',
    },
    {
      name: 'requested on a ClusterIP Service',
      service: svc('ClusterIP', [{ port: 22, nodePort: 30100 }]),
      taken: [],
      message: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    },
  ])('422 Invalid when the port is $name', ({ service, taken, message }) => {
    const err = errorOf(() => allocateNodePorts(service, undefined, new Set(taken)));
    expect(err.code).toBe(422);
    expect(err.reason).toBe('Invalid');
    expect(err.message).toContain(message);
  });

  it('an update keeps the node port the Service had when the client leaves it out', () => {
    const stored = svc('NodePort', [{ port: 22, nodePort: 31000 }]);
    expect(
      nodePorts(allocateNodePorts(svc('NodePort', [{ port: 22 }]), stored, new Set())),
    ).toEqual([31000]);
  });

  it('switching to ClusterIP releases the node ports', () => {
    const stored = svc('NodePort', [{ port: 22, nodePort: 31000 }]);
    const next = svc('ClusterIP', [{ port: 22, nodePort: 31000 }]);
    expect(nodePorts(allocateNodePorts(next, stored, new Set()))).toEqual([undefined]);
  });

  it('a full range is a 422', () => {
    const all = new Set<number>();
    for (let p = NODE_PORT_MIN; p <= NODE_PORT_MAX; p += 1) all.add(p);
    const err = errorOf(() => allocateNodePorts(svc('NodePort', [{ port: 22 }]), undefined, all));
    expect(err.code).toBe(422);
    expect(err.message).toContain('range is full');
  });
});

describe('ResourceService allocates node ports cluster-wide', () => {
  let store: ObjectStore | undefined;
  afterEach(() => store?.close());

  const setup = () => {
    store = new ObjectStore(':memory:');
    const registry = new KindRegistry(store);
    const service = new ResourceService(store, registry);
    const services = registry.lookup('', 'v1', 'services');
    const namespaces = registry.lookup('', 'v1', 'namespaces');
    if (!services || !namespaces) throw new Error('core kinds missing');
    for (const name of ['a', 'b'])
      service.create(namespaces, undefined, { metadata: { name } }, systemContext());
    const create = (ns: string, name: string, spec: object) =>
      service.create(
        services,
        ns,
        { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec },
        systemContext(),
      );
    return { service, services, create };
  };

  it('gives distinct ports across namespaces, refuses a taken one and frees it on delete', () => {
    const { service, services, create } = setup();
    const first = create('a', 'ssh', { type: 'NodePort', ports: [{ port: 22 }] });
    const second = create('b', 'ssh', { type: 'LoadBalancer', ports: [{ port: 22 }] });
    expect(nodePorts(first)).toEqual([30000]);
    expect(nodePorts(second)).toEqual([30001]);

    const err = errorOf(() =>
      create('b', 'clash', { type: 'NodePort', ports: [{ port: 22, nodePort: 30000 }] }),
    );
    expect(err.code).toBe(422);
    expect(err.message).toBe(
      'Service "clash" is invalid: spec.ports[0].nodePort: Invalid value: 30000: provided port is already allocated',
    );

    // A merge patch that leaves the port out keeps it.
    const patched = service.patch(
      services,
      'a',
      'ssh',
      'merge',
      { spec: { ports: [{ port: 22, targetPort: 22 }] } },
      systemContext(),
    );
    expect(nodePorts(patched.object)).toEqual([30000]);

    service.delete(services, 'a', 'ssh', {}, systemContext());
    expect(
      nodePorts(create('b', 'reuse', { type: 'NodePort', ports: [{ port: 22, nodePort: 30000 }] })),
    ).toEqual([30000]);
  });
});

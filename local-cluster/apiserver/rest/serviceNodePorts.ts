import { invalid } from '../core/statusError';
import type { KubeObject, StatusCause } from '../core/types';

/** kube-apiserver's default `--service-node-port-range`. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

type ServicePort = {
  name?: string;
  port?: number;
  protocol?: string;
  nodePort?: number;
  [key: string]: unknown;
};

type ServiceSpec = {
  type?: string;
  ports?: ServicePort[];
  allocateLoadBalancerNodePorts?: boolean;
  [key: string]: unknown;
};

const specOf = (obj: KubeObject | undefined): ServiceSpec =>
  obj && typeof obj.spec === 'object' && obj.spec !== null ? (obj.spec as ServiceSpec) : {};

/** True when kube gives the Service's ports node ports: NodePort, and LoadBalancer unless the
 * client turned `allocateLoadBalancerNodePorts` off. */
export const needsNodePorts = (spec: ServiceSpec): boolean =>
  spec.type === 'NodePort' ||
  (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);

/** The node ports a stored Service holds (what the allocator must not hand out again). */
export const nodePortsOf = (obj: KubeObject): number[] =>
  (specOf(obj).ports ?? [])
    .map((p) => p.nodePort)
    .filter((p): p is number => typeof p === 'number');

const samePort = (a: ServicePort, b: ServicePort): boolean =>
  a.port === b.port && (a.protocol ?? 'TCP') === (b.protocol ?? 'TCP');

/**
 * What kube-apiserver's Service REST storage does with node ports before storing a Service:
 * a NodePort (or LoadBalancer) port without `nodePort` gets a free port from 30000-32767 (on
 * update it keeps the one it had), a requested port must be in the range and not held by another
 * Service (422 Invalid otherwise), and a Service that is no longer NodePort/LoadBalancer gives its
 * ports back. `taken` is every node port other Services hold; `previous` the stored version on
 * update. Returns the Service to store (the input when nothing changes).
 */
export const allocateNodePorts = (
  service: KubeObject,
  previous: KubeObject | undefined,
  taken: ReadonlySet<number>,
): KubeObject => {
  const spec = specOf(service);
  const ports = spec.ports ?? [];
  const oldPorts = specOf(previous).ports ?? [];
  const ownOld = new Set(nodePortsOf(previous ?? ({ metadata: {} } as KubeObject)));
  if (!needsNodePorts(spec)) {
    if (!ports.some((p) => p.nodePort !== undefined)) return service;
    const causes: StatusCause[] = [];
    const kept = ports.map((p, i) => {
      if (p.nodePort === undefined) return p;
      // Switching to ClusterIP releases the ports the Service had; asking for new ones is an error.
      if (ownOld.has(p.nodePort)) {
        const { nodePort: _released, ...rest } = p;
        return rest;
      }
      causes.push({
        reason: 'FieldValueForbidden',
        message: `Forbidden: may not be used when \`type\` is '${spec.type ?? 'ClusterIP'}'`,
        field: `spec.ports[${i}].nodePort`,
      });
      return p;
    });
    if (causes.length)
      throw invalid(
        'Service',
        '',
        service.metadata.name ?? service.metadata.generateName ?? '',
        causes,
      );
    return { ...service, spec: { ...spec, ports: kept } };
  }

  const causes: StatusCause[] = [];
  const used = new Set<number>();
  // Requested (or kept) ports first, so an allocation never hands out one asked for later.
  const wanted = ports.map((p, i): number | undefined => {
    const kept = p.nodePort ?? oldPorts.find((o) => samePort(o, p))?.nodePort;
    if (kept === undefined) return undefined;
    const field = `spec.ports[${i}].nodePort`;
    if (!Number.isInteger(kept) || kept < NODE_PORT_MIN || kept > NODE_PORT_MAX) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${kept}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
        field,
      });
    } else if (
      taken.has(kept) ||
      (used.has(kept) && !samePortNumberOtherProtocol(ports, i, kept))
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${kept}: provided port is already allocated`,
        field,
      });
    }
    used.add(kept);
    return kept;
  });
  if (causes.length)
    throw invalid(
      'Service',
      '',
      service.metadata.name ?? service.metadata.generateName ?? '',
      causes,
    );

  let next = NODE_PORT_MIN;
  const allocate = (): number => {
    while (next <= NODE_PORT_MAX && (taken.has(next) || used.has(next))) next += 1;
    if (next > NODE_PORT_MAX) {
      throw invalid('Service', '', service.metadata.name ?? '', [
        {
          reason: 'FieldValueInvalid',
          message: `Invalid value: 0: range is full (all node ports ${NODE_PORT_MIN}-${NODE_PORT_MAX} are allocated)`,
          field: 'spec.ports[0].nodePort',
        },
      ]);
    }
    used.add(next);
    return next;
  };
  const allocated = ports.map((p, i) => {
    const nodePort = wanted[i] ?? allocate();
    return p.nodePort === nodePort ? p : { ...p, nodePort };
  });
  if (allocated.every((p, i) => p === ports[i])) return service;
  return { ...service, spec: { ...spec, ports: allocated } };
};

/** kube lets one Service use a node port twice only for different protocols (TCP and UDP DNS). */
const samePortNumberOtherProtocol = (ports: ServicePort[], index: number, nodePort: number) =>
  ports
    .slice(0, index)
    .filter((p) => p.nodePort === nodePort)
    .every((p) => (p.protocol ?? 'TCP') !== (ports[index].protocol ?? 'TCP'));

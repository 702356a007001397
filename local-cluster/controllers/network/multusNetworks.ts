import { createHash } from 'node:crypto';
import type { KubeObject } from '../../apiserver/core/types';

/**
 * Secondary (Multus) networks of a VMI and of its virt-launcher pod. A pod's networks are fixed
 * when it is created, so a NIC hot-plugged into a running VMI reaches the guest only in a new pod:
 * the one a live migration creates. These helpers tell what a pod carries and what a VMI lacks.
 */

export const NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';

/** The shape of a VMI these helpers read (both the virt and the migration types fit it). */
export interface VmiNetworking {
  metadata: { namespace?: string };
  spec: {
    domain: { devices: { interfaces?: { name: string; state?: string }[] } };
    networks?: { name: string; multus?: { networkName: string } | object; pod?: object }[];
  };
  status?: { interfaces?: { name?: string; infoSource?: string }[] };
}

type MultusRef = { networkName?: string; default?: boolean };

const multusOf = (network: { multus?: unknown }): MultusRef | undefined =>
  network.multus as MultusRef | undefined;

/** The pod interface name KubeVirt gives a secondary network: `pod` + 11 hex of its name's hash. */
export const podInterfaceName = (network: string): string =>
  `pod${createHash('sha256').update(network).digest('hex').slice(0, 11)}`;

const isAbsent = (vmi: VmiNetworking, name: string): boolean =>
  vmi.spec.domain.devices.interfaces?.find((i) => i.name === name)?.state === 'absent';

/**
 * The Multus annotation of a new launcher pod: every non-default Multus network whose interface
 * is not being unplugged (an unplugged NIC leaves the pod with the next one).
 */
export const multusAnnotation = (vmi: VmiNetworking): Record<string, string> => {
  const multus = (vmi.spec.networks ?? []).filter((n) => {
    const ref = multusOf(n);
    return ref && !ref.default && !isAbsent(vmi, n.name);
  });
  if (!multus.length) return {};
  const entries = multus.map((n) => {
    const full = multusOf(n)?.networkName ?? '';
    const [namespace, name] = full.includes('/')
      ? full.split('/')
      : [vmi.metadata.namespace ?? '', full];
    return { name, namespace, interface: podInterfaceName(n.name) };
  });
  return { [NETWORKS_ANNOTATION]: JSON.stringify(entries) };
};

/** The pod interface names a launcher pod was created with (from its Multus annotation). */
export const podInterfacesOf = (pod: KubeObject | undefined): Set<string> => {
  const raw = pod?.metadata.annotations?.[NETWORKS_ANNOTATION];
  if (!raw) return new Set();
  try {
    const entries = JSON.parse(raw) as { interface?: string }[];
    return new Set(entries.map((e) => e.interface ?? '').filter(Boolean));
  } catch {
    return new Set();
  }
};

/** Names of the VMI's interfaces on non-default Multus networks. */
const secondaryInterfaces = (vmi: VmiNetworking) => {
  const secondary = new Set(
    (vmi.spec.networks ?? [])
      .filter((n) => multusOf(n) && !multusOf(n)?.default)
      .map((n) => n.name),
  );
  return (vmi.spec.domain.devices.interfaces ?? []).filter((i) => secondary.has(i.name));
};

/**
 * Whether the VMI's pod must be replaced (by a live migration) to match its NICs: a secondary
 * interface is in the spec but not yet reported (hot plug), or one being unplugged has left the
 * domain but is still reported from the pod's Multus status.
 */
export const podNetworksOutdated = (vmi: VmiNetworking): boolean => {
  const reported = new Map((vmi.status?.interfaces ?? []).map((s) => [s.name, s]));
  return secondaryInterfaces(vmi).some((iface) => {
    const status = reported.get(iface.name);
    if (iface.state !== 'absent') return !status;
    const sources = (status?.infoSource ?? '').split(',').map((s) => s.trim());
    return Boolean(status) && sources.includes('multus-status') && !sources.includes('domain');
  });
};

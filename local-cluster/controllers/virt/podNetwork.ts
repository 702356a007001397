import { createHash } from 'node:crypto';
import type { Node } from './types';

/**
 * Pod addresses as OVN-Kubernetes hands them out: one per pod from the node's pod CIDR
 * (10.128.x.0/23), never the network, gateway or broadcast address; stable for a pod uid.
 */

const toInt = (ip: string): number => ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
const toIp = (n: number): string =>
  [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

export const podIpFor = (node: Node | undefined, podUid: string): string | undefined => {
  const cidr = node?.spec?.podCIDR ?? node?.spec?.podCIDRs?.[0];
  const m = cidr ? /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr) : null;
  if (!m) return undefined;
  const size = 2 ** (32 - Number(m[2]));
  const network = Math.floor(toInt(m[1]) / size) * size;
  const offset =
    2 + (createHash('sha256').update(podUid).digest().readUInt32BE(0) % Math.max(1, size - 3));
  return toIp(network + offset);
};

export const hostIpOf = (node: Node | undefined): string | undefined =>
  node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;

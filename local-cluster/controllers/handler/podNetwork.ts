import { createHash } from 'node:crypto';

/** Stable pseudo-random bytes for a seed (a VMI uid), so addresses survive restarts. */
const hashBytes = (seed: string): Buffer => createHash('sha256').update(seed).digest();

const ipToInt = (ip: string): number =>
  ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);

const intToIp = (n: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

/**
 * An address in the node's pod CIDR (e.g. 10.128.2.0/23) for a pod, as OVN-Kubernetes hands them
 * out: never the network, the gateway (.1) or the broadcast address.
 */
export const podIpIn = (cidr: string, seed: string): string => {
  const match = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr);
  if (!match) throw new Error(`not an IPv4 CIDR: ${cidr}`);
  const prefix = Number(match[2]);
  const size = 2 ** (32 - prefix);
  const network = Math.floor(ipToInt(match[1]) / size) * size;
  const usable = Math.max(1, size - 3);
  const offset = 2 + (hashBytes(seed).readUInt32BE(0) % usable);
  return intToIp(network + offset);
};

/** A locally administered MAC in QEMU's 52:54:00 range, as libvirt assigns one. */
export const macFor = (seed: string): string => {
  const b = hashBytes(`mac:${seed}`);
  return ['52', '54', '00', ...[0, 1, 2].map((i) => b[i].toString(16).padStart(2, '0'))].join(':');
};

/** Secondary (Multus) networks get guest addresses from their own range. */
export const secondaryIpFor = (networkIndex: number, seed: string): string => {
  const b = hashBytes(`net${networkIndex}:${seed}`);
  return `192.168.${(10 + networkIndex) % 256}.${2 + (b[0] % 250)}`;
};

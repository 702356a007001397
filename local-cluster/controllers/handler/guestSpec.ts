import type { GuestSpec } from '../../guests/guestTypes';
import { parseQuantity } from '../../apiserver/validation/quantity';
import type { CloudInitLogin } from './cloudInit';
import { defaultUserOf, osNameOf } from './guestOs';
import type { Vmi } from './kubevirtObjects';

export interface CpuTopology {
  sockets: number;
  cores: number;
  threads: number;
}

const quantity = (q: unknown): number | undefined => {
  if (typeof q !== 'string' && typeof q !== 'number') return undefined;
  try {
    return parseQuantity(q);
  } catch {
    return undefined;
  }
};

/**
 * The vCPU topology KubeVirt gives the domain: the explicit `domain.cpu` counts, else one socket
 * with as many cores as the CPU request (rounded up), else 1/1/1.
 */
export const cpuTopologyOf = (vmi: Vmi): CpuTopology => {
  const cpu = vmi.spec.domain.cpu;
  if (cpu?.sockets || cpu?.cores || cpu?.threads) {
    return { sockets: cpu.sockets ?? 1, cores: cpu.cores ?? 1, threads: cpu.threads ?? 1 };
  }
  const requested = quantity(vmi.spec.domain.resources?.requests?.cpu);
  return { sockets: 1, cores: requested ? Math.max(1, Math.ceil(requested)) : 1, threads: 1 };
};

export const vcpusOf = (vmi: Vmi): number => {
  const t = cpuTopologyOf(vmi);
  return t.sockets * t.cores * t.threads;
};

/** The guest's memory as written in the spec (`memory.guest`, else the request), e.g. `2Gi`. */
export const guestMemoryOf = (vmi: Vmi): string => {
  const d = vmi.spec.domain;
  const q = d.memory?.guest ?? d.resources?.requests?.memory ?? d.resources?.limits?.memory;
  return typeof q === 'string' ? q : typeof q === 'number' ? String(q) : '1Gi';
};

export const guestMemoryBytes = (vmi: Vmi): number => quantity(guestMemoryOf(vmi)) ?? 2 ** 30;

/** The hostname KubeVirt's DHCP and cloud-init give the guest. */
export const hostnameOf = (vmi: Vmi, login: CloudInitLogin): string =>
  vmi.spec.hostname || login.hostname || (vmi.metadata.name ?? 'localhost');

/** What to start for this VMI. */
export const guestSpecOf = (vmi: Vmi, login: CloudInitLogin): GuestSpec => {
  const osName = osNameOf(vmi);
  const user = login.user ?? (login.password ? defaultUserOf(osName) : undefined);
  return {
    uid: vmi.metadata.uid ?? '',
    namespace: vmi.metadata.namespace ?? '',
    name: vmi.metadata.name ?? '',
    hostname: hostnameOf(vmi, login),
    osName,
    cpus: vcpusOf(vmi),
    memoryMiB: Math.max(1, Math.round(guestMemoryBytes(vmi) / 2 ** 20)),
    ...(user ? { user } : {}),
    ...(login.password ? { password: login.password } : {}),
  };
};

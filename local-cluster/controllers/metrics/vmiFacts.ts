import { parseQuantity } from '../../apiserver/validation/quantity';
import { isConditionTrue } from '../runtime/conditions';
import type { CpuSpec, Vmi } from './kubevirtShapes';

/** Facts about a VMI that several metric families share, read defensively from its status and
 * spec (status first: it is what virt-handler observed). */

export const quantity = (q: string | number | undefined, fallback = 0): number => {
  if (q === undefined || q === '') return fallback;
  try {
    return parseQuantity(q);
  } catch {
    return fallback;
  }
};

const topologyCount = (t: CpuSpec | undefined): number =>
  t ? (t.cores || 1) * (t.sockets || 1) * (t.threads || 1) : 0;

export const vcpuCount = (vmi: Vmi): number => {
  const fromStatus = topologyCount(vmi.status?.currentCPUTopology);
  if (fromStatus) return fromStatus;
  const domain = vmi.spec?.domain;
  const fromSpec = topologyCount(domain?.cpu);
  if (fromSpec) return fromSpec;
  const requested = quantity(domain?.resources?.requests?.cpu);
  return Math.max(1, Math.ceil(requested));
};

export const guestMemoryBytes = (vmi: Vmi): number => {
  const m = vmi.status?.memory;
  return (
    quantity(m?.guestCurrent) ||
    quantity(m?.guestAtBoot) ||
    quantity(vmi.spec?.domain?.memory?.guest) ||
    quantity(vmi.spec?.domain?.resources?.requests?.memory) ||
    quantity(vmi.spec?.domain?.resources?.limits?.memory)
  );
};

export const interfaceNames = (vmi: Vmi): string[] => {
  const spec = vmi.spec?.domain?.devices?.interfaces?.map((i) => i.name) ?? [];
  if (spec.length) return spec;
  const status = (vmi.status?.interfaces ?? []).map((i) => i.name).filter((n): n is string => !!n);
  return status.length ? status : [];
};

export const drives = (vmi: Vmi): { name: string; capacityBytes?: number }[] => {
  const capacities = new Map<string, number>();
  for (const v of vmi.status?.volumeStatus ?? []) {
    const c = quantity(v.persistentVolumeClaimInfo?.capacity?.storage);
    if (c) capacities.set(v.name, c);
  }
  return (vmi.spec?.domain?.devices?.disks ?? []).map((d) => ({
    name: d.name,
    capacityBytes: capacities.get(d.name),
  }));
};

export const runningSince = (vmi: Vmi): number | undefined => {
  const ts = vmi.status?.phaseTransitionTimestamps?.find((p) => p.phase === 'Running');
  const iso = ts?.phaseTransitionTimestamp ?? vmi.metadata.creationTimestamp;
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
};

export const uptimeSeconds = (vmi: Vmi, nowMs: number): number => {
  const since = runningSince(vmi);
  return since === undefined ? 0 : Math.max(0, (nowMs - since) / 1000);
};

export const agentConnected = (vmi: Vmi): boolean =>
  isConditionTrue(vmi.status?.conditions, 'AgentConnected');

/** Phases in which a domain exists on a node, so virt-handler reports its statistics. */
export const hasDomain = (vmi: Vmi): boolean =>
  vmi.status?.phase === 'Running' && !!vmi.status.nodeName;

/** A migration virt-handler would report job statistics for: started and not completed. */
export const migrationInProgress = (vmi: Vmi): boolean => {
  const m = vmi.status?.migrationState;
  return !!m && !!m.startTimestamp && !m.completed && !m.failed;
};

import { findCondition } from '../runtime/conditions';
import type { ExpositionWriter, Labels } from './exposition';
import { labelPairs } from './exposition';
import { VMI_STATE } from './families';
import type { InterfaceSpec, Vmi } from './kubevirtShapes';

export const NONE = '<none>';
export const OTHER = '<other>';

/** Lookups the VMI collector needs from other informers, resolved by the caller. */
export interface VmiLookups {
  /** `kubevirt.io/instancetype-name`-style annotations → the metric's label (name, or <other>). */
  instancetypeLabel(vmi: Vmi): string;
  preferenceLabel(vmi: Vmi): string;
  /** Name of the running virt-launcher pod of the VMI on its node, or <none>. */
  launcherPod(vmi: Vmi): string;
  /** Name of the migration object with this uid in the namespace, or <none>. */
  migrationName(namespace: string, uid: string | undefined): string;
  /** The cluster-wide eviction strategy (KubeVirt / HyperConverged `evictionStrategy`). */
  clusterEvictionStrategy: string | undefined;
}

/** `vm.kubevirt.io/os|workload|flavor` annotations that common templates put on the VMI. */
export const systemInfo = (
  annotations: Record<string, string> | undefined,
): { os: string; workload: string; flavor: string } => ({
  os: annotations?.['vm.kubevirt.io/os'] ?? NONE,
  workload: annotations?.['vm.kubevirt.io/workload'] ?? NONE,
  flavor: annotations?.['vm.kubevirt.io/flavor'] ?? NONE,
});

/** virt-controller's rule: a VMI whose eviction strategy is LiveMigrate is evictable only while
 * it is migratable (a missing LiveMigratable condition counts as not migratable). */
export const isEvictable = (vmi: Vmi, clusterStrategy: string | undefined): boolean => {
  const strategy = vmi.spec?.evictionStrategy ?? clusterStrategy;
  if (strategy !== 'LiveMigrate') return true;
  return findCondition(vmi.status?.conditions, 'LiveMigratable')?.status === 'True';
};

/** The labels of kubevirt_vmi_info, in KubeVirt's order. Note KubeVirt's naming: the machine
 * type lands in `guest_os_machine` and the guest's architecture in `guest_os_arch`. */
export const vmiInfoLabels = (vmi: Vmi, lookups: VmiLookups): Record<string, string> => {
  const { os, workload, flavor } = systemInfo(vmi.metadata.annotations);
  const g = vmi.status?.guestOSInfo;
  return {
    node: vmi.status?.nodeName ?? '',
    namespace: vmi.metadata.namespace ?? '',
    name: vmi.metadata.name ?? '',
    phase: (vmi.status?.phase ?? '').toLowerCase(),
    os,
    workload,
    flavor,
    instance_type: lookups.instancetypeLabel(vmi),
    preference: lookups.preferenceLabel(vmi),
    guest_os_kernel_release: g?.kernelRelease ?? '',
    guest_os_machine: vmi.status?.machine?.type ?? '',
    guest_os_arch: g?.machine ?? '',
    guest_os_name: g?.name ?? '',
    guest_os_version_id: g?.versionId ?? '',
    evictable: String(isEvictable(vmi, lookups.clusterEvictionStrategy)),
    outdated: String('kubevirt.io/outdatedLauncherImage' in (vmi.metadata.labels ?? {})),
    vmi_pod: lookups.launcherPod(vmi),
  };
};

const PHASE_COUNT_KEYS = [
  'node',
  'phase',
  'os',
  'workload',
  'flavor',
  'instance_type',
  'preference',
  'guest_os_kernel_release',
  'guest_os_machine',
  'guest_os_arch',
  'guest_os_name',
  'guest_os_version_id',
] as const;

/** Sums kubevirt_vmi_info into kubevirt_vmi_phase_count, as KubeVirt's recording rule does. */
export class PhaseCounter {
  private readonly counts = new Map<string, { labels: Labels; count: number }>();

  add(info: Record<string, string>): void {
    const labels: Record<string, string> = {};
    for (const k of PHASE_COUNT_KEYS) labels[k] = info[k];
    const key = PHASE_COUNT_KEYS.map((k) => info[k]).join('\u0000');
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { labels, count: 1 });
  }

  write(w: ExpositionWriter): void {
    for (const { labels, count } of this.counts.values())
      w.add(VMI_STATE.phaseCount.name, labels, count);
  }
}

const binding = (iface: InterfaceSpec): { type: string; name: string } => {
  if (iface.masquerade) return { type: 'core', name: 'masquerade' };
  if (iface.bridge) return { type: 'core', name: 'bridge' };
  if (iface.sriov) return { type: 'core', name: 'sriov' };
  if (iface.binding) return { type: 'plugin', name: iface.binding.name };
  return { type: '', name: '' };
};

/** vNIC details of a VM template or VMI spec, one sample per interface with a matching network. */
export const vnicSamples = (
  name: string,
  namespace: string,
  spec: Vmi['spec'],
): Record<string, string>[] => {
  const out: Record<string, string>[] = [];
  for (const iface of spec?.domain?.devices?.interfaces ?? []) {
    const net = spec?.networks?.find((n) => n.name === iface.name);
    if (!net) continue;
    const network = net.pod ? 'pod networking' : (net.multus?.networkName ?? '');
    if (!net.pod && !net.multus) continue;
    const b = binding(iface);
    out.push({
      name,
      namespace,
      vnic_name: iface.name,
      binding_type: b.type,
      network,
      binding_name: b.name,
    });
  }
  return out;
};

const seconds = (iso: string | undefined): number | undefined => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

/** Everything virt-controller's VMI collector exports for one VMI, except the phase count. */
export const writeVmiStateSeries = (
  w: ExpositionWriter,
  vmi: Vmi,
  info: Record<string, string>,
  lookups: VmiLookups,
): void => {
  const node = info.node;
  const namespace = info.namespace;
  const name = info.name;
  w.addPairs(VMI_STATE.info.name, labelPairs(info), 1);
  w.add(VMI_STATE.nonEvictable.name, { node, namespace, name }, info.evictable === 'true' ? 0 : 1);
  for (const iface of vmi.status?.interfaces ?? []) {
    if (!iface.ipAddress && !iface.name) continue;
    w.add(
      VMI_STATE.addresses.name,
      {
        node,
        namespace,
        name,
        network_name: iface.name ?? '',
        address: iface.ipAddress ?? '',
        type: 'InternalIP',
      },
      1,
    );
  }
  const m = vmi.status?.migrationState;
  if (m) {
    const migrationName = lookups.migrationName(namespace, m.migrationUid);
    const start = seconds(m.startTimestamp);
    if (start !== undefined)
      w.add(
        VMI_STATE.migrationStart.name,
        { node, namespace, name, migration_name: migrationName },
        start,
      );
    const end = seconds(m.endTimestamp);
    if (end !== undefined)
      w.add(
        VMI_STATE.migrationEnd.name,
        {
          node,
          namespace,
          name,
          migration_name: migrationName,
          status: !m.completed ? '' : m.failed ? 'failed' : 'succeeded',
        },
        end,
      );
  }
  for (const v of vnicSamples(name, namespace, vmi.spec)) w.add(VMI_STATE.vnicInfo.name, v, 1);
};

import {
  writeHcoSeries,
  writeLauncherPodSeries,
  writeMigrationSeries,
  writeNodeSeries,
} from './clusterSeries';
import type { DomainStats } from './domainStats';
import {
  simulatedMigrationProgress,
  writeDomainSeries,
  writeMigrationJobSeries,
} from './domainSeries';
import { ExpositionWriter, escapeLabelValue, sanitizeLabelName } from './exposition';
import { ALL_FAMILIES, VM_STATE } from './families';
import type {
  HyperConverged,
  Instancetype,
  Node,
  Pod,
  Vm,
  Vmi,
  Vmim,
  VmSnapshot,
} from './kubevirtShapes';
import { simulateDomainStats, withGuestStats } from './simulatedStats';
import type { MetricsSources } from './types';
import {
  agentConnected,
  drives,
  guestMemoryBytes,
  hasDomain,
  interfaceNames,
  migrationInProgress,
  uptimeSeconds,
  vcpuCount,
} from './vmiFacts';
import type { VmiLookups } from './vmiStateSeries';
import { NONE, OTHER, PhaseCounter, vmiInfoLabels, writeVmiStateSeries } from './vmiStateSeries';
import type { VmLookups } from './vmSeries';
import { writeSnapshotSeries, writeVmSeries } from './vmSeries';

/** The objects one scrape reads, straight from the informers' caches. */
export interface MetricsState {
  vms: Vm[];
  vmis: Vmi[];
  vmims: Vmim[];
  nodes: Node[];
  /** virt-launcher pods (other pods are ignored). */
  pods: Pod[];
  hyperConverged?: HyperConverged;
  instancetypes: Instancetype[];
  clusterInstancetypes: Instancetype[];
  preferences: Instancetype[];
  clusterPreferences: Instancetype[];
  vmSnapshots: VmSnapshot[];
}

export interface CollectOptions {
  nowMs: number;
  /** Add the VMI's Kubernetes labels as `kubernetes_vmi_label_*` to virt-handler series, as
   * KubeVirt does. Off by default: they triple the size of a scrape and nothing queries them. */
  includeVmiLabels?: boolean;
}

const VENDORS = new Set(['kubevirt.io', 'redhat.com']);

/** KubeVirt reports instance types and preferences by name only when a known vendor ships them;
 * anything else is `<other>` so user-chosen names never reach telemetry. */
const vendorLabel = (obj: Instancetype | undefined, name: string): string =>
  obj && VENDORS.has(obj.metadata.labels?.['instancetype.kubevirt.io/vendor'] ?? '') ? name : OTHER;

const byKey = (items: Instancetype[]): Map<string, Instancetype> => {
  const m = new Map<string, Instancetype>();
  for (const i of items) m.set(`${i.metadata.namespace ?? ''}/${i.metadata.name ?? ''}`, i);
  return m;
};

const pair = (key: string, value: string): string => `${key}="${escapeLabelValue(value)}"`;

/** `node,namespace,name` plus (optionally) the VMI's labels, formatted once per VMI. */
const domainBase = (vmi: Vmi, node: string, includeVmiLabels: boolean): string => {
  let base = `${pair('node', node)},${pair('namespace', vmi.metadata.namespace ?? '')},${pair('name', vmi.metadata.name ?? '')}`;
  if (includeVmiLabels)
    for (const [k, v] of Object.entries(vmi.metadata.labels ?? {}))
      base += `,${pair(`kubernetes_vmi_label_${sanitizeLabelName(k)}`, v)}`;
  return base;
};

export interface CollectedMetrics {
  /** The exposition, in order, as written to the response. */
  chunks: Buffer[];
  byteLength: number;
  samples: number;
}

/** The exposition as one string (tests, small clusters). */
export const metricsText = (m: CollectedMetrics): string =>
  Buffer.concat(m.chunks, m.byteLength).toString('utf8');

/**
 * Builds the whole exposition in one pass over the cached objects: what virt-controller,
 * virt-handler (for every node), HCO, kube-state-metrics and cAdvisor would export together.
 */
export const collectMetrics = (
  state: MetricsState,
  sources: MetricsSources,
  options: CollectOptions,
): CollectedMetrics => {
  const w = new ExpositionWriter().declare(...ALL_FAMILIES);
  const nowMs = options.nowMs;
  const includeVmiLabels = options.includeVmiLabels ?? false;

  const instancetypes = byKey(state.instancetypes);
  const clusterInstancetypes = byKey(state.clusterInstancetypes);
  const preferences = byKey(state.preferences);
  const clusterPreferences = byKey(state.clusterPreferences);

  const launcherPods = new Map<string, Pod[]>();
  for (const pod of state.pods) {
    const uid = pod.metadata.labels?.['kubevirt.io/created-by'];
    if (!uid) continue;
    const list = launcherPods.get(uid);
    if (list) list.push(pod);
    else launcherPods.set(uid, [pod]);
  }
  const migrationNames = new Map<string, string>();
  for (const m of state.vmims)
    if (m.metadata.uid) migrationNames.set(m.metadata.uid, m.metadata.name ?? '');

  const named = (
    annotations: Record<string, string> | undefined,
    namespace: string | undefined,
    nsKey: string,
    clusterKey: string,
    ns: Map<string, Instancetype>,
    cluster: Map<string, Instancetype>,
  ): string => {
    const local = annotations?.[nsKey];
    if (local) return vendorLabel(ns.get(`${namespace ?? ''}/${local}`), local);
    const global = annotations?.[clusterKey];
    if (global) return vendorLabel(cluster.get(`/${global}`), global);
    return NONE;
  };

  const hcoStrategy = state.hyperConverged?.spec?.evictionStrategy;
  const vmiLookups: VmiLookups = {
    instancetypeLabel: (vmi) =>
      named(
        vmi.metadata.annotations,
        vmi.metadata.namespace,
        'kubevirt.io/instancetype-name',
        'kubevirt.io/cluster-instancetype-name',
        instancetypes,
        clusterInstancetypes,
      ),
    preferenceLabel: (vmi) =>
      named(
        vmi.metadata.annotations,
        vmi.metadata.namespace,
        'kubevirt.io/preference-name',
        'kubevirt.io/cluster-preference-name',
        preferences,
        clusterPreferences,
      ),
    launcherPod: (vmi) =>
      (launcherPods.get(vmi.metadata.uid ?? '') ?? []).find(
        (p) => p.status?.phase === 'Running' && p.spec?.nodeName === vmi.status?.nodeName,
      )?.metadata.name ?? NONE,
    migrationName: (_ns, uid) => (uid && migrationNames.get(uid)) || NONE,
    clusterEvictionStrategy: hcoStrategy,
  };

  const phases = new PhaseCounter();
  const domainStats = new Map<string, DomainStats>();
  for (const vmi of state.vmis) {
    const info = vmiInfoLabels(vmi, vmiLookups);
    phases.add(info);
    writeVmiStateSeries(w, vmi, info, vmiLookups);
    if (!hasDomain(vmi)) continue;

    const uid = vmi.metadata.uid ?? `${vmi.metadata.namespace}/${vmi.metadata.name}`;
    const memoryBytes = guestMemoryBytes(vmi);
    let stats = simulateDomainStats({
      uid,
      vcpus: vcpuCount(vmi),
      memoryBytes,
      interfaces: interfaceNames(vmi),
      drives: drives(vmi),
      uptimeSeconds: uptimeSeconds(vmi, nowMs),
      agentConnected: agentConnected(vmi),
    });
    const real = sources.guestStats?.(uid);
    if (real) stats = withGuestStats(stats, real);
    domainStats.set(uid, stats);

    const base = domainBase(vmi, vmi.status?.nodeName ?? '', includeVmiLabels);
    writeDomainSeries(w, base, stats);

    if (migrationInProgress(vmi)) {
      const m = vmi.status?.migrationState;
      const started = Date.parse(m?.startTimestamp ?? '');
      const progress =
        sources.migrationProgress?.(uid) ??
        simulatedMigrationProgress(
          stats.memory.domainBytes,
          Number.isNaN(started) ? nowMs : started,
          nowMs,
        );
      // virt-handler on the source node reports the job.
      const migrationBase = domainBase(
        vmi,
        m?.sourceNode ?? vmi.status?.nodeName ?? '',
        includeVmiLabels,
      );
      writeMigrationJobSeries(w, migrationBase, progress);
    }
  }
  phases.write(w);

  const vmLookups: VmLookups = {
    instancetype: (vm) => {
      const ref = vm.spec?.instancetype;
      if (!ref) return undefined;
      return /^VirtualMachineInstancetype$/i.test(ref.kind ?? '')
        ? instancetypes.get(`${vm.metadata.namespace ?? ''}/${ref.name}`)
        : clusterInstancetypes.get(`/${ref.name}`);
    },
    instancetypeLabel: (vm) => {
      const ref = vm.spec?.instancetype;
      if (!ref) return NONE;
      return vendorLabel(vmLookups.instancetype(vm), ref.name);
    },
    preferenceLabel: (vm) => {
      const ref = vm.spec?.preference;
      if (!ref) return NONE;
      const obj = /^VirtualMachinePreference$/i.test(ref.kind ?? '')
        ? preferences.get(`${vm.metadata.namespace ?? ''}/${ref.name}`)
        : clusterPreferences.get(`/${ref.name}`);
      return vendorLabel(obj, ref.name);
    },
  };
  const vmsPerNamespace = new Map<string, number>();
  for (const vm of state.vms) {
    writeVmSeries(w, vm, vmLookups);
    const ns = vm.metadata.namespace ?? '';
    vmsPerNamespace.set(ns, (vmsPerNamespace.get(ns) ?? 0) + 1);
  }
  for (const [namespace, count] of vmsPerNamespace)
    w.add(VM_STATE.numberOfVms.name, { namespace }, count);
  for (const s of state.vmSnapshots) writeSnapshotSeries(w, s);

  writeMigrationSeries(w, state.vmims);
  writeNodeSeries(w, state.nodes);
  writeHcoSeries(w, state.hyperConverged);
  writeLauncherPodSeries(w, state.pods, domainStats);

  const chunks = w.renderChunks();
  let byteLength = 0;
  for (const c of chunks) byteLength += c.length;
  return { chunks, byteLength, samples: w.sampleCount };
};

/**
 * The network latency checkup (kiagnose `kubevirt-vm-latency`): two VMIs on the secondary network
 * named by the ConfigMap ping each other for `sampleDurationSeconds`. Here the measurement comes
 * from a model of the simulated cluster; parameters, failures and results follow the real one.
 */

export interface LatencyParams {
  nadNamespace: string;
  nadName: string;
  sourceNode?: string;
  targetNode?: string;
  sampleDurationSeconds: number;
  maxDesiredLatencyMilliseconds?: number;
}

export const DEFAULT_SAMPLE_DURATION_SECONDS = 5;

const positiveInt = (value: string | undefined): number | undefined | 'invalid' => {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\d+$/.test(value.trim())) return 'invalid';
  return Number(value);
};

export const readLatencyParams = (
  params: Record<string, string>,
): { ok: true; value: LatencyParams } | { ok: false; error: string } => {
  const nadName = params.networkAttachmentDefinitionName?.trim() ?? '';
  const nadNamespace = params.networkAttachmentDefinitionNamespace?.trim() ?? '';
  if (!nadName) return { ok: false, error: 'invalid Network-Attachment-Definition Name' };
  if (!nadNamespace) return { ok: false, error: 'invalid Network-Attachment-Definition Namespace' };
  const sourceNode = params.sourceNode?.trim() || undefined;
  const targetNode = params.targetNode?.trim() || undefined;
  if (!!sourceNode !== !!targetNode)
    return { ok: false, error: 'illegal source and target nodes combination' };
  const sample = positiveInt(params.sampleDurationSeconds);
  if (sample === 'invalid' || sample === 0)
    return { ok: false, error: 'invalid Sample Duration Seconds' };
  const maxLatency = positiveInt(params.maxDesiredLatencyMilliseconds);
  if (maxLatency === 'invalid')
    return { ok: false, error: 'invalid Max Desired Latency Milliseconds' };
  return {
    ok: true,
    value: {
      nadNamespace,
      nadName,
      sourceNode,
      targetNode,
      sampleDurationSeconds: sample ?? DEFAULT_SAMPLE_DURATION_SECONDS,
      maxDesiredLatencyMilliseconds: maxLatency,
    },
  };
};

export interface NodeInfo {
  name: string;
  zone?: string;
  schedulable: boolean;
}

export interface LatencyMeasurement {
  minNs: number;
  avgNs: number;
  maxNs: number;
}

/** FNV-1a, so the same run reports the same figures however often it is looked at. */
const hash = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/**
 * Round trips over a Linux bridge on the same node take ~0.15 ms, across nodes in one zone
 * ~0.4 ms, across zones ~0.9 ms; an OVN-Kubernetes overlay adds encapsulation. Pings have a long
 * tail, so the maximum is several times the average.
 */
export const modelLatency = (
  source: NodeInfo,
  target: NodeInfo,
  overlay: boolean,
  seed: string,
): LatencyMeasurement => {
  const r = (hash(`${seed}|${source.name}|${target.name}`) % 1000) / 1000;
  let baseMs =
    source.name === target.name ? 0.15 : source.zone && source.zone === target.zone ? 0.4 : 0.9;
  if (overlay) baseMs += 0.12;
  const avg = baseMs * (0.95 + 0.1 * r);
  return {
    minNs: Math.round(avg * 0.62 * 1e6),
    avgNs: Math.round(avg * 1e6),
    maxNs: Math.round(avg * (2.5 + 3 * r) * 1e6),
  };
};

export interface LatencyRunInput {
  params: LatencyParams;
  /** The checkup's own namespace (where it creates the VMIs). */
  namespace: string;
  /** The NetworkAttachmentDefinition, or the API's message when it cannot be read. */
  nad: { found: true; config?: string } | { found: false; message: string };
  nodes: NodeInfo[];
  /** Makes the run's figures and VMI names stable (e.g. the Job uid). */
  seed: string;
}

export interface LatencyOutcome {
  failures: string[];
  results: Record<string, string>;
  /** Whether the failure happened while setting up (before any measurement). */
  failedInSetup: boolean;
}

const RANDOM_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
export const randomSuffix = (seed: string, length = 5): string => {
  let h = hash(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += RANDOM_CHARS[h % RANDOM_CHARS.length];
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  }
  return out;
};

/** Runs the checkup against the model: setup (NAD, placement), measurement, threshold. */
export const runLatencyCheckup = (input: LatencyRunInput): LatencyOutcome => {
  const { params } = input;
  const setupFailure = (message: string): LatencyOutcome => ({
    failures: [`setup: ${message}`],
    results: {},
    failedInSetup: true,
  });
  if (!input.nad.found) return setupFailure(input.nad.message);
  if (params.nadNamespace !== input.namespace)
    return setupFailure(
      `NetworkAttachmentDefinition "${params.nadNamespace}/${params.nadName}" must be in the checkup namespace "${input.namespace}"`,
    );

  const targetVmi = `latency-check-target-${randomSuffix(`${input.seed}|target`)}`;
  const waitFailure = (vmi: string) =>
    setupFailure(
      `failed to wait for VMI '${input.namespace}/${vmi}' IP address to appear on status: timed out waiting for the condition`,
    );
  const byName = new Map(input.nodes.map((n) => [n.name, n]));
  let source: NodeInfo | undefined;
  let target: NodeInfo | undefined;
  if (params.sourceNode && params.targetNode) {
    source = byName.get(params.sourceNode);
    target = byName.get(params.targetNode);
    // A VMI pinned to a node that cannot run it never gets an IP address.
    if (!target?.schedulable) return waitFailure(targetVmi);
    if (!source?.schedulable)
      return waitFailure(`latency-check-source-${randomSuffix(`${input.seed}|source`)}`);
  } else {
    // Without nodes, anti-affinity spreads the two VMIs over two schedulable nodes.
    const candidates = input.nodes
      .filter((n) => n.schedulable)
      .sort((a, b) => a.name.localeCompare(b.name));
    if (candidates.length < 2) return waitFailure(targetVmi);
    const first = hash(input.seed) % candidates.length;
    source = candidates[first];
    target = candidates[(first + 1) % candidates.length];
  }

  const overlay = /ovn-k8s-cni-overlay/.test(input.nad.config ?? '');
  const m = modelLatency(source, target, overlay, input.seed);
  const results = {
    minLatencyNanoSec: String(m.minNs),
    avgLatencyNanoSec: String(m.avgNs),
    maxLatencyNanoSec: String(m.maxNs),
    measurementDurationSec: String(params.sampleDurationSeconds),
    sourceNode: source.name,
    targetNode: target.name,
  };
  const actualMaxMs = Math.floor(m.maxNs / 1e6);
  const desired = params.maxDesiredLatencyMilliseconds;
  if (desired !== undefined && actualMaxMs > desired)
    return {
      // kiagnose's wording, typo included.
      failures: [`run : actual max latency (${actualMaxMs}) is greater then desired (${desired})`],
      results,
      failedInSetup: false,
    };
  return { failures: [], results, failedInSetup: false };
};

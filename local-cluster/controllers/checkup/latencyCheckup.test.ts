import { describe, expect, it } from 'vitest';
import type { LatencyRunInput, NodeInfo } from './latencyCheckup';
import { modelLatency, readLatencyParams, runLatencyCheckup } from './latencyCheckup';

const params = (over: Record<string, string> = {}) => ({
  networkAttachmentDefinitionName: 'blue-net',
  networkAttachmentDefinitionNamespace: 'team-a',
  ...over,
});

describe('latency checkup parameters', () => {
  it('reads names, nodes, sample duration and threshold, with kiagnose defaults', () => {
    expect(readLatencyParams(params())).toEqual({
      ok: true,
      value: {
        nadName: 'blue-net',
        nadNamespace: 'team-a',
        sourceNode: undefined,
        targetNode: undefined,
        sampleDurationSeconds: 5,
        maxDesiredLatencyMilliseconds: undefined,
      },
    });
    // The console sends every key, empty when the user left it blank.
    expect(
      readLatencyParams(
        params({
          sourceNode: '',
          targetNode: '',
          sampleDurationSeconds: '',
          maxDesiredLatencyMilliseconds: '',
        }),
      ).ok,
    ).toBe(true);
    expect(
      readLatencyParams(
        params({
          sourceNode: 'w0',
          targetNode: 'w1',
          sampleDurationSeconds: '30',
          maxDesiredLatencyMilliseconds: '10',
        }),
      ),
    ).toMatchObject({
      ok: true,
      value: {
        sourceNode: 'w0',
        targetNode: 'w1',
        sampleDurationSeconds: 30,
        maxDesiredLatencyMilliseconds: 10,
      },
    });
  });

  it.each([
    [{ networkAttachmentDefinitionName: '' }, 'invalid Network-Attachment-Definition Name'],
    [
      { networkAttachmentDefinitionNamespace: '' },
      'invalid Network-Attachment-Definition Namespace',
    ],
    [{ sourceNode: 'w0' }, 'illegal source and target nodes combination'],
    [{ targetNode: 'w1' }, 'illegal source and target nodes combination'],
    [{ sampleDurationSeconds: 'ten' }, 'invalid Sample Duration Seconds'],
    [{ sampleDurationSeconds: '0' }, 'invalid Sample Duration Seconds'],
    [{ maxDesiredLatencyMilliseconds: '-3' }, 'invalid Max Desired Latency Milliseconds'],
  ])('rejects %j', (over, error) =>
    expect(readLatencyParams(params(over))).toEqual({ ok: false, error }),
  );
});

const nodes: NodeInfo[] = [
  { name: 'control-plane-0', zone: 'zone-a', schedulable: false },
  { name: 'worker-0', zone: 'zone-a', schedulable: true },
  { name: 'worker-1', zone: 'zone-b', schedulable: true },
  { name: 'worker-2', zone: 'zone-b', schedulable: true },
];

const run = (over: Partial<LatencyRunInput> = {}, p: Record<string, string> = {}) => {
  const parsed = readLatencyParams(params(p));
  if (!parsed.ok) throw new Error(parsed.error);
  return runLatencyCheckup({
    params: parsed.value,
    namespace: 'team-a',
    nad: { found: true, config: '{"type":"cnv-bridge"}' },
    nodes,
    seed: 'run-1',
    ...over,
  });
};

describe('latency model', () => {
  it('orders same node < same zone < across zones, with min <= avg <= max', () => {
    const same = modelLatency(nodes[1], nodes[1], false, 's');
    const zone = modelLatency(nodes[2], nodes[3], false, 's');
    const cross = modelLatency(nodes[1], nodes[2], false, 's');
    for (const m of [same, zone, cross]) {
      expect(m.minNs).toBeLessThan(m.avgNs);
      expect(m.avgNs).toBeLessThan(m.maxNs);
    }
    expect(same.avgNs).toBeLessThan(zone.avgNs);
    expect(zone.avgNs).toBeLessThan(cross.avgNs);
    expect(modelLatency(nodes[1], nodes[2], true, 's').avgNs).toBeGreaterThan(cross.avgNs);
    expect(modelLatency(nodes[1], nodes[2], false, 's')).toEqual(cross);
  });
});

describe('latency checkup run', () => {
  it('measures between two schedulable nodes and reports kiagnose result keys', () => {
    const outcome = run();
    expect(outcome.failures).toEqual([]);
    const r = outcome.results;
    expect(Object.keys(r).sort()).toEqual(
      [
        'avgLatencyNanoSec',
        'maxLatencyNanoSec',
        'measurementDurationSec',
        'minLatencyNanoSec',
        'sourceNode',
        'targetNode',
      ].sort(),
    );
    expect(r.sourceNode).not.toBe(r.targetNode);
    expect([r.sourceNode, r.targetNode]).not.toContain('control-plane-0');
    expect(Number(r.minLatencyNanoSec)).toBeLessThan(Number(r.avgLatencyNanoSec));
    expect(r.measurementDurationSec).toBe('5');
    expect(run()).toEqual(outcome);
  });

  it('uses the requested nodes', () => {
    const r = run(
      {},
      { sourceNode: 'worker-1', targetNode: 'worker-2', sampleDurationSeconds: '30' },
    ).results;
    expect(r).toMatchObject({
      sourceNode: 'worker-1',
      targetNode: 'worker-2',
      measurementDurationSec: '30',
    });
  });

  it('fails in setup when the NetworkAttachmentDefinition is missing, as the checkup words it', () => {
    expect(
      run({
        nad: {
          found: false,
          message: 'network-attachment-definitions.k8s.cni.cncf.io "blue-net" not found',
        },
      }),
    ).toEqual({
      failures: ['setup: network-attachment-definitions.k8s.cni.cncf.io "blue-net" not found'],
      results: {},
      failedInSetup: true,
    });
  });

  it('requires the NetworkAttachmentDefinition in the checkup namespace', () => {
    expect(run({}, { networkAttachmentDefinitionNamespace: 'default' }).failures[0]).toMatch(
      /^setup: NetworkAttachmentDefinition "default\/blue-net" must be in the checkup namespace "team-a"$/,
    );
  });

  it('times out waiting for a VMI that cannot be placed', () => {
    expect(run({}, { sourceNode: 'worker-0', targetNode: 'control-plane-0' }).failures[0]).toMatch(
      /^setup: failed to wait for VMI 'team-a\/latency-check-target-[a-z0-9]{5}' IP address to appear on status: timed out waiting for the condition$/,
    );
    expect(run({ nodes: [nodes[1]] }).failedInSetup).toBe(true);
  });

  it('fails when the maximum exceeds the desired latency, keeping the results', () => {
    const outcome = run(
      {},
      { sourceNode: 'worker-0', targetNode: 'worker-1', maxDesiredLatencyMilliseconds: '1' },
    );
    const maxMs = Math.floor(Number(outcome.results.maxLatencyNanoSec) / 1e6);
    expect(maxMs).toBeGreaterThan(1);
    expect(outcome.failures).toEqual([
      `run : actual max latency (${maxMs}) is greater then desired (1)`,
    ]);
    expect(outcome.results.avgLatencyNanoSec).toBeDefined();
    expect(run({}, { maxDesiredLatencyMilliseconds: '100' }).failures).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Node, Pod, PodSpec } from './migrationTypes';
import { pickTargetNode } from './targetNode';

const node = (
  name: string,
  over: Partial<Node> = {},
  labels: Record<string, string> = {},
): Node => ({
  metadata: {
    name,
    labels: { 'kubernetes.io/hostname': name, 'kubevirt.io/schedulable': 'true', ...labels },
  },
  spec: {},
  status: {
    allocatable: { cpu: '8', memory: '16Gi' },
    conditions: [{ type: 'Ready', status: 'True' }],
  },
  ...over,
});

const spec = (over: Partial<PodSpec> = {}): PodSpec => ({
  containers: [{ name: 'compute', resources: { requests: { cpu: '1', memory: '4Gi' } } }],
  nodeSelector: { 'kubevirt.io/schedulable': 'true' },
  ...over,
});

const podOn = (nodeName: string, memory: string): Pod => ({
  metadata: { name: `p-${nodeName}-${memory}` },
  spec: { nodeName, containers: [{ name: 'c', resources: { requests: { memory } } }] },
  status: { phase: 'Running' },
});

describe('pickTargetNode', () => {
  it('never picks the source node', () => {
    expect(pickTargetNode({ spec: spec(), sourceNode: 'a' }, [node('a'), node('b')], [])).toEqual({
      node: 'b',
    });
  });

  it('prefers the node with the most free memory', () => {
    const nodes = [node('a'), node('b'), node('c')];
    const pods = [podOn('b', '8Gi'), podOn('c', '2Gi')];
    expect(pickTargetNode({ spec: spec(), sourceNode: 'a' }, nodes, pods)).toEqual({ node: 'c' });
  });

  it.each([
    [
      'a tainted node',
      node('b', {
        spec: { taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] },
      }),
      'untolerated taint {node-role.kubernetes.io/master: }',
    ],
    ['an unschedulable node', node('b', { spec: { unschedulable: true } }), 'were unschedulable'],
    [
      'a node lacking the selector label',
      node('b', { metadata: { name: 'b', labels: {} } }),
      "didn't match Pod's node affinity/selector",
    ],
    [
      'a full node',
      node('b', {
        status: {
          allocatable: { cpu: '8', memory: '2Gi' },
          conditions: [{ type: 'Ready', status: 'True' }],
        },
      }),
      'Insufficient memory',
    ],
    [
      'a node that is not ready',
      node('b', {
        status: {
          allocatable: { cpu: '8', memory: '16Gi' },
          conditions: [{ type: 'Ready', status: 'False' }],
        },
      }),
      'node.kubernetes.io/not-ready',
    ],
  ])('rejects %s', (_what, candidate, reason) => {
    const r = pickTargetNode({ spec: spec(), sourceNode: 'a' }, [node('a'), candidate], []);
    expect('message' in r && r.message).toContain('0/2 nodes are available: ');
    expect('message' in r && r.message).toContain(reason);
    expect('message' in r && r.message).toContain("1 node(s) didn't match pod anti-affinity rules");
  });

  it('accepts a tolerated taint', () => {
    const tainted = node('b', {
      spec: { taints: [{ key: 'dedicated', value: 'vm', effect: 'NoSchedule' }] },
    });
    const tolerating = spec({
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'vm', effect: 'NoSchedule' }],
    });
    expect(pickTargetNode({ spec: tolerating, sourceNode: 'a' }, [node('a'), tainted], [])).toEqual(
      { node: 'b' },
    );
  });

  it('honours required node affinity', () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'zone', operator: 'In' as const, values: ['z2'] }] },
          ],
        },
      },
    };
    const nodes = [node('a'), node('b', {}, { zone: 'z1' }), node('c', {}, { zone: 'z2' })];
    expect(pickTargetNode({ spec: spec({ affinity }), sourceNode: 'a' }, nodes, [])).toEqual({
      node: 'c',
    });
  });
});

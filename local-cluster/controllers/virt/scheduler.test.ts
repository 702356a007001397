import { describe, expect, it } from 'vitest';
import type { SchedulingInput } from './scheduler';
import { schedule } from './scheduler';
import type { Node, Pod } from './types';

const worker = (name: string, zone: string, extra: Partial<Node['status']> = {}): Node => ({
  metadata: {
    name,
    labels: {
      'kubernetes.io/hostname': name,
      'topology.kubernetes.io/zone': zone,
      'kubevirt.io/schedulable': 'true',
      'node-role.kubernetes.io/worker': '',
    },
  },
  spec: {},
  status: {
    allocatable: { cpu: '31500m', memory: '124Gi', pods: '250', 'devices.kubevirt.io/kvm': '1k' },
    ...extra,
  },
});

const master = (name: string): Node => ({
  metadata: {
    name,
    labels: { 'kubernetes.io/hostname': name, 'node-role.kubernetes.io/master': '' },
  },
  spec: { taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] },
  status: { allocatable: { cpu: '7500m', memory: '30Gi', pods: '250' } },
});

const NODES = [
  master('cp-0'),
  master('cp-1'),
  master('cp-2'),
  worker('worker-0', 'a'),
  worker('worker-1', 'b'),
  worker('worker-2', 'c'),
];

const pod = (
  spec: Partial<Pod['spec']> = {},
  requests: Record<string, string> = { cpu: '100m', memory: '2Gi', 'devices.kubevirt.io/kvm': '1' },
  labels: Record<string, string> = {},
): Pod => ({
  metadata: { name: 'p', namespace: 'ns', uid: 'new', labels },
  spec: {
    containers: [{ name: 'compute', resources: { requests } }],
    nodeSelector: { 'kubevirt.io/schedulable': 'true' },
    ...spec,
  },
});

const placed = (
  node: string,
  requests: Record<string, string>,
  labels: Record<string, string> = {},
  phase = 'Running',
): Pod => ({
  metadata: {
    name: `on-${node}-${Object.values(requests).join('')}`,
    namespace: 'ns',
    uid: `${node}-${Math.random()}`,
    labels,
  },
  spec: { nodeName: node, containers: [{ name: 'c', resources: { requests } }] },
  status: { phase },
});

const run = (p: Pod, extra: Partial<SchedulingInput> = {}) =>
  schedule({ pod: p, nodes: NODES, pods: [], ...extra });

describe('schedule', () => {
  it('places a pod on the least allocated worker', () => {
    const pods = [
      placed('worker-0', { cpu: '4', memory: '64Gi' }),
      placed('worker-1', { cpu: '2', memory: '8Gi' }),
    ];
    expect(run(pod(), { pods })).toEqual({ node: 'worker-2' });
  });

  it('ignores finished pods when counting capacity', () => {
    const pods = ['worker-0', 'worker-1', 'worker-2'].map((n) =>
      placed(n, { cpu: '31', memory: '120Gi' }, {}, 'Succeeded'),
    );
    expect(run(pod(), { pods })).toEqual({ node: 'worker-0' });
  });

  it('explains a node selector nothing matches', () => {
    expect(
      run(pod({ nodeSelector: { 'kubevirt.io/schedulable': 'true', 'node-type': 'gpu' } })),
    ).toEqual({
      message:
        "0/6 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.",
    });
  });

  it('explains missing capacity and offers no preemption victims', () => {
    expect(run(pod({}, { cpu: '100m', memory: '200Gi' }))).toEqual({
      message:
        '0/6 nodes are available: 3 Insufficient memory, 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.',
    });
  });

  it('counts extended resources such as hugepages', () => {
    const r = run(pod({}, { cpu: '1', memory: '1Gi', 'hugepages-2Mi': '8Gi' }));
    expect('message' in r && r.message).toContain('3 Insufficient hugepages-2Mi');
  });

  it('lets tolerations reach tainted nodes', () => {
    const p = pod(
      {
        nodeSelector: {},
        tolerations: [
          { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
        ],
      },
      { cpu: '100m', memory: '1Gi' },
    );
    const r = run(p, { nodes: [master('cp-0')] });
    expect(r).toEqual({ node: 'cp-0' });
  });

  it('honours required and preferred node affinity', () => {
    const zoneB = pod({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['b', 'c'] },
                ],
              },
            ],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 100,
              preference: {
                matchExpressions: [
                  { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['c'] },
                ],
              },
            },
          ],
        },
      },
    });
    expect(run(zoneB)).toEqual({ node: 'worker-2' });
    const byName = pod({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] },
            ],
          },
        },
      },
    });
    expect(run(byName)).toEqual({ node: 'worker-1' });
  });

  it('keeps pods apart with required anti-affinity', () => {
    const labels = { app: 'db' };
    const anti = pod(
      {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: labels } },
            ],
          },
        },
      },
      undefined,
      labels,
    );
    const pods = [
      placed('worker-0', { cpu: '1' }, labels),
      placed('worker-2', { cpu: '1' }, labels),
    ];
    expect(run(anti, { pods })).toEqual({ node: 'worker-1' });
    const full = [...pods, placed('worker-1', { cpu: '1' }, labels)];
    const r = run(anti, { pods: full });
    expect('message' in r && r.message).toContain("3 node(s) didn't match pod anti-affinity rules");
  });

  it('stops on missing or unbound immediate claims, but not on WaitForFirstConsumer ones', () => {
    const withClaim = pod({
      volumes: [{ name: 'root', persistentVolumeClaim: { claimName: 'root' } }],
    });
    expect(run(withClaim, { pvc: () => undefined })).toEqual({
      message:
        '0/6 nodes are available: persistentvolumeclaim "root" not found. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.',
    });
    const pending = {
      metadata: { name: 'root' },
      spec: { storageClassName: 'shared' },
      status: { phase: 'Pending' },
    };
    expect(
      run(withClaim, {
        pvc: () => pending,
        storageClass: () => ({ metadata: { name: 'shared' }, volumeBindingMode: 'Immediate' }),
      }),
    ).toEqual({
      message:
        '0/6 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.',
    });
    expect(
      run(withClaim, {
        pvc: () => pending,
        storageClass: () => ({
          metadata: { name: 'local' },
          volumeBindingMode: 'WaitForFirstConsumer',
        }),
      }),
    ).toEqual({ node: 'worker-0' });
  });

  it('follows a bound local volume to its node and can exclude a node', () => {
    const withClaim = pod({
      volumes: [{ name: 'root', persistentVolumeClaim: { claimName: 'root' } }],
    });
    const input: Partial<SchedulingInput> = {
      pvc: () => ({
        metadata: { name: 'root' },
        spec: { volumeName: 'pv-1' },
        status: { phase: 'Bound' },
      }),
      persistentVolume: () => ({
        metadata: { name: 'pv-1' },
        spec: {
          nodeAffinity: {
            required: {
              nodeSelectorTerms: [
                {
                  matchExpressions: [
                    { key: 'kubernetes.io/hostname', operator: 'In', values: ['worker-1'] },
                  ],
                },
              ],
            },
          },
        },
      }),
    };
    expect(run(withClaim, input)).toEqual({ node: 'worker-1' });
    const r = run(withClaim, { ...input, excludeNodes: ['worker-1'] });
    expect('message' in r && r.message).toMatch(
      /^0\/5 nodes are available: .*2 node\(s\) had volume node affinity conflict/,
    );
  });
});

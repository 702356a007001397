import { describe, expect, it } from 'vitest';
import { StatusError } from '../core/statusError';
import { mergeKeysFor } from './mergeKeyTables';
import { applyStrategicMergePatch } from './strategicMergePatch';

const podKeys = mergeKeysFor('Pod', '');
const deploymentKeys = mergeKeysFor('Deployment', 'apps');
const vmKeys = mergeKeysFor('VirtualMachine', 'kubevirt.io');

const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { app: 'web', tier: 'fe' }, finalizers: ['a', 'b'] },
  spec: {
    containers: [
      {
        name: 'main',
        image: 'nginx:1',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        ports: [{ containerPort: 80, protocol: 'TCP' }],
      },
      { name: 'sidecar', image: 'envoy:1' },
    ],
    tolerations: [{ key: 'x', operator: 'Exists' }],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
  status: {
    conditions: [
      { type: 'Ready', status: 'False' },
      { type: 'Initialized', status: 'True' },
    ],
  },
});

type Pod = ReturnType<typeof pod>;

describe('applyStrategicMergePatch', () => {
  const cases: [string, unknown, (p: Pod) => unknown, unknown][] = [
    [
      'merges maps',
      { metadata: { labels: { env: 'prod' } } },
      (p) => p.metadata.labels,
      { app: 'web', tier: 'fe', env: 'prod' },
    ],
    [
      'deletes map keys with null',
      { metadata: { labels: { tier: null } } },
      (p) => p.metadata.labels,
      { app: 'web' },
    ],
    [
      'ignores null for an absent key',
      { metadata: { annotations: { a: null } } },
      (p) => 'annotations' in p.metadata,
      true,
    ],
    [
      'drops nested nulls in new maps',
      { spec: { nodeSelector: { a: 'x', b: null } } },
      (p) => (p.spec as Record<string, unknown>).nodeSelector,
      { a: 'x' },
    ],
    [
      'merges containers by name',
      { spec: { containers: [{ name: 'main', image: 'nginx:2' }] } },
      (p) => p.spec.containers.map((c) => [c.name, c.image]),
      [
        ['main', 'nginx:2'],
        ['sidecar', 'envoy:1'],
      ],
    ],
    [
      'keeps unpatched fields of a merged container',
      { spec: { containers: [{ name: 'main', image: 'nginx:2' }] } },
      (p) => p.spec.containers[0].env,
      [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
    ],
    [
      // Without $setElementOrder kube puts items it cannot place by live order first.
      'prepends a new container, as kube does',
      { spec: { containers: [{ name: 'debug', image: 'busybox' }] } },
      (p) => p.spec.containers.map((c) => c.name),
      ['debug', 'main', 'sidecar'],
    ],
    [
      'merges env inside a container by name',
      {
        spec: {
          containers: [
            {
              name: 'main',
              env: [
                { name: 'B', value: '3' },
                { name: 'C', value: '4' },
              ],
            },
          ],
        },
      },
      (p) => p.spec.containers[0].env,
      [
        { name: 'A', value: '1' },
        { name: 'B', value: '3' },
        { name: 'C', value: '4' },
      ],
    ],
    [
      'merges ports by containerPort',
      {
        spec: {
          containers: [
            { name: 'main', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] },
          ],
        },
      },
      (p) => p.spec.containers[0].ports,
      [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443 }],
    ],
    [
      'deletes a container with $patch: delete',
      { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } },
      (p) => p.spec.containers.map((c) => c.name),
      ['main'],
    ],
    [
      'replaces a keyed list with $patch: replace',
      { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } },
      (p) => p.spec.containers,
      [{ name: 'only', image: 'x' }],
    ],
    [
      'treats $patch: merge on a list item as a plain merge',
      { spec: { containers: [{ name: 'main', image: 'nginx:3', $patch: 'merge' }] } },
      (p) => p.spec.containers[0].image,
      'nginx:3',
    ],
    [
      'replaces a map with $patch: replace',
      { metadata: { labels: { only: 'this', $patch: 'replace' } } },
      (p) => p.metadata.labels,
      { only: 'this' },
    ],
    [
      'empties a map with $patch: delete',
      { metadata: { labels: { $patch: 'delete' } } },
      (p) => p.metadata.labels,
      {},
    ],
    [
      'treats $patch: merge on a map as a plain merge',
      { metadata: { labels: { $patch: 'merge', env: 'x' } } },
      (p) => p.metadata.labels,
      { app: 'web', tier: 'fe', env: 'x' },
    ],
    [
      'merges finalizers as a set',
      { metadata: { finalizers: ['b', 'c', 'c'] } },
      (p) => p.metadata.finalizers,
      ['a', 'b', 'c'],
    ],
    [
      'follows the patch order over the live order',
      { metadata: { finalizers: ['b', 'a'] } },
      (p) => p.metadata.finalizers,
      ['b', 'a'],
    ],
    [
      'removes finalizers with $deleteFromPrimitiveList',
      { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } },
      (p) => p.metadata.finalizers,
      ['b'],
    ],
    [
      'combines $deleteFromPrimitiveList with additions',
      { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], finalizers: ['z'] } },
      (p) => p.metadata.finalizers,
      ['z', 'b'],
    ],
    [
      'replaces an unknown (atomic) list',
      { spec: { tolerations: [{ key: 'y', operator: 'Exists' }] } },
      (p) => p.spec.tolerations,
      [{ key: 'y', operator: 'Exists' }],
    ],
    [
      'merges status conditions by type',
      { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      (p) => p.status.conditions,
      [
        { type: 'Ready', status: 'True' },
        { type: 'Initialized', status: 'True' },
      ],
    ],
    [
      'orders a keyed list with $setElementOrder',
      {
        spec: {
          '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'main' }],
          containers: [{ name: 'main', image: 'nginx:2' }],
        },
      },
      (p) => p.spec.containers.map((c) => [c.name, c.image]),
      [
        ['sidecar', 'envoy:1'],
        ['main', 'nginx:2'],
      ],
    ],
    [
      'orders a list with $setElementOrder alone',
      { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'main' }] } },
      (p) => p.spec.containers.map((c) => c.name),
      ['sidecar', 'main'],
    ],
    [
      'orders a new container among existing ones with $setElementOrder',
      {
        spec: {
          '$setElementOrder/containers': [{ name: 'main' }, { name: 'new' }, { name: 'sidecar' }],
          containers: [{ name: 'new', image: 'n' }],
        },
      },
      (p) => p.spec.containers.map((c) => c.name),
      ['main', 'new', 'sidecar'],
    ],
    [
      'orders primitives with $setElementOrder',
      { metadata: { '$setElementOrder/finalizers': ['c', 'b', 'a'], finalizers: ['c'] } },
      (p) => p.metadata.finalizers,
      ['c', 'b', 'a'],
    ],
    [
      'keeps only $retainKeys fields',
      {
        spec: {
          volumes: [{ name: 'data', hostPath: { path: '/x' }, $retainKeys: ['name', 'hostPath'] }],
        },
      },
      (p) => p.spec.volumes,
      [{ name: 'data', hostPath: { path: '/x' } }],
    ],
    [
      'replaces a value of another type',
      { metadata: { labels: 'oops' } },
      (p) => p.metadata.labels,
      'oops',
    ],
    [
      'adds a keyed list that did not exist, resolving directives',
      {
        spec: {
          initContainers: [
            { name: 'init', image: 'i', args: null },
            { name: 'gone', $patch: 'delete' },
          ],
        },
      },
      (p) => (p.spec as Record<string, unknown>).initContainers,
      [{ name: 'init', image: 'i' }],
    ],
  ];
  it.each(cases)('%s', (_name, patch, pick, expected) => {
    const target = pod();
    const out = applyStrategicMergePatch(target, patch, podKeys) as Pod;
    expect(pick(out)).toEqual(expected);
    expect(target).toEqual(pod());
  });

  it('does not modify the patch', () => {
    const patch = { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } };
    const copy = structuredClone(patch);
    applyStrategicMergePatch(pod(), patch, podKeys);
    expect(patch).toEqual(copy);
  });

  it('replaces the whole object with a top-level $patch: replace', () => {
    expect(applyStrategicMergePatch(pod(), { $patch: 'replace', a: 1 }, podKeys)).toEqual({ a: 1 });
  });

  it('merges containers under a Deployment pod template', () => {
    const deployment = {
      spec: {
        replicas: 1,
        template: {
          spec: {
            containers: [
              { name: 'a', image: '1' },
              { name: 'b', image: '1' },
            ],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(
      deployment,
      { spec: { replicas: 3, template: { spec: { containers: [{ name: 'b', image: '2' }] } } } },
      deploymentKeys,
    );
    expect(out).toEqual({
      spec: {
        replicas: 3,
        template: {
          spec: {
            containers: [
              { name: 'a', image: '1' },
              { name: 'b', image: '2' },
            ],
          },
        },
      },
    });
  });

  it('merges KubeVirt disks and volumes by name', () => {
    const vm = {
      spec: {
        template: {
          spec: {
            domain: { devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] } },
            volumes: [{ name: 'root', containerDisk: { image: 'fedora' } }],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(
      vm,
      {
        spec: {
          template: {
            spec: {
              domain: { devices: { disks: [{ name: 'data', disk: { bus: 'virtio' } }] } },
              volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'pvc' } }],
            },
          },
        },
      },
      vmKeys,
    ) as typeof vm;
    expect(out.spec.template.spec.domain.devices.disks.map((d) => d.name)).toEqual([
      'data',
      'root',
    ]);
    expect(out.spec.template.spec.volumes.map((v) => v.name)).toEqual(['data', 'root']);
    expect(out.spec.template.spec.domain.devices.disks[1]).toEqual({
      name: 'root',
      disk: { bus: 'virtio' },
    });
  });

  it('replaces lists that no table names', () => {
    expect(
      applyStrategicMergePatch({ items: [{ name: 'a' }] }, { items: [{ name: 'b' }] }, {}),
    ).toEqual({
      items: [{ name: 'b' }],
    });
  });

  const invalid: [string, unknown][] = [
    ['a non-object patch', [1]],
    ['a null patch', null],
    ['a keyed item without its merge key', { spec: { containers: [{ image: 'x' }] } }],
    ['$patch: delete without the merge key', { spec: { containers: [{ $patch: 'delete' }] } }],
    ['an unknown map directive', { metadata: { labels: { $patch: 'explode' } } }],
    ['an unknown list directive', { spec: { containers: [{ name: 'main', $patch: 'explode' }] } }],
    ['a scalar in a keyed list', { spec: { containers: ['main'] } }],
    [
      'a non-list $deleteFromPrimitiveList',
      { metadata: { '$deleteFromPrimitiveList/finalizers': 'a' } },
    ],
    ['a non-list $setElementOrder', { spec: { '$setElementOrder/containers': 'main' } }],
    [
      'a $setElementOrder item without the merge key',
      { spec: { '$setElementOrder/containers': [{ image: 'x' }] } },
    ],
    ['a non-list $retainKeys', { spec: { $retainKeys: 'volumes' } }],
    ['a field outside $retainKeys', { spec: { $retainKeys: ['volumes'], hostname: 'h' } }],
  ];
  it.each(invalid)('rejects %s with 400', (_name, patch) => {
    let caught: unknown;
    try {
      applyStrategicMergePatch(pod(), patch, podKeys);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(StatusError);
    expect((caught as StatusError).code).toBe(400);
  });
});

describe('mergeKeysFor', () => {
  it('knows pod lists', () => {
    expect(podKeys).toMatchObject({
      'spec.containers': 'name',
      'spec.containers.env': 'name',
      'spec.containers.ports': 'containerPort',
      'spec.containers.volumeMounts': 'mountPath',
      'spec.initContainers': 'name',
      'spec.volumes': 'name',
      'metadata.finalizers': '$primitive',
      'metadata.ownerReferences': 'uid',
      'status.conditions': 'type',
    });
    expect(podKeys['spec.tolerations']).toBeUndefined();
  });

  it.each([
    ['Deployment', 'apps'],
    ['StatefulSet', 'apps'],
    ['DaemonSet', 'apps'],
    ['ReplicaSet', 'apps'],
    ['Job', 'batch'],
  ])('knows %s pod templates', (kind, group) => {
    const keys = mergeKeysFor(kind, group);
    expect(keys['spec.template.spec.containers']).toBe('name');
    expect(keys['spec.template.spec.containers.volumeMounts']).toBe('mountPath');
  });

  it('knows CronJob, Node, Service and KubeVirt lists', () => {
    expect(mergeKeysFor('CronJob', 'batch')['spec.jobTemplate.spec.template.spec.containers']).toBe(
      'name',
    );
    expect(mergeKeysFor('Node', '')['status.conditions']).toBe('type');
    expect(mergeKeysFor('Service', '')['spec.ports']).toBe('port');
    expect(vmKeys['spec.template.spec.domain.devices.disks']).toBe('name');
    expect(vmKeys['spec.template.spec.domain.devices.interfaces']).toBe('name');
    expect(vmKeys['spec.template.spec.networks']).toBe('name');
    expect(vmKeys['spec.dataVolumeTemplates']).toBeUndefined();
    expect(mergeKeysFor('VirtualMachineInstance', 'kubevirt.io')['spec.domain.devices.disks']).toBe(
      'name',
    );
  });

  it('gives unknown kinds only the shared metadata and condition lists', () => {
    expect(mergeKeysFor('Widget', 'example.com')).toEqual({
      'metadata.finalizers': '$primitive',
      'metadata.ownerReferences': 'uid',
      'status.conditions': 'type',
    });
    expect(mergeKeysFor('Pod', 'apps')['spec.containers']).toBeUndefined();
  });
});

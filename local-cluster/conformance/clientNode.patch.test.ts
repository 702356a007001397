import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterUnderTest } from './clusterUnderTest';
import {
  clusterUnderTest,
  createTestNamespace,
  deleteTestNamespaces,
  expectStatus,
  minimalVm,
  raw,
  uniqueName,
} from './clusterUnderTest';
import type { RawResponse } from './clusterUnderTest';

let cluster: ClusterUnderTest;
let core: CoreV1Api;
let custom: CustomObjectsApi;
let ns: string;

beforeAll(async () => {
  cluster = await clusterUnderTest();
  core = cluster.kc.makeApiClient(CoreV1Api);
  custom = cluster.kc.makeApiClient(CustomObjectsApi);
  ns = await createTestNamespace(cluster.kc);
});

afterAll(async () => {
  if (!cluster) return;
  await deleteTestNamespaces(cluster.kc, [ns]);
  await cluster.close();
});

const cmPath = (name: string, query = ''): string =>
  `/api/v1/namespaces/${ns}/configmaps/${name}${query}`;

const patch = (path: string, contentType: string, body: unknown): Promise<RawResponse> =>
  raw(cluster.kc, 'PATCH', path, {
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'Content-Type': contentType },
  });

const createCm = async (
  name: string,
  data: Record<string, string>,
  labels?: Record<string, string>,
): Promise<void> => {
  await core.createNamespacedConfigMap({
    namespace: ns,
    body: { metadata: { name, labels }, data },
  });
};

describe('JSON patch (application/json-patch+json)', () => {
  it('applies operations through CoreV1Api with setHeaderOptions', async () => {
    await createCm('jp-client', { a: '1', b: '2' });
    const patched = await core.patchNamespacedConfigMap(
      {
        name: 'jp-client',
        namespace: ns,
        body: [
          { op: 'replace', path: '/data/a', value: 'one' },
          { op: 'remove', path: '/data/b' },
          { op: 'add', path: '/metadata/labels', value: { patched: 'yes' } },
        ],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    expect(patched.data).toEqual({ a: 'one' });
    expect(patched.metadata?.labels).toEqual({ patched: 'yes' });
  });

  it('applies to a custom resource through CustomObjectsApi', async () => {
    const name = uniqueName('vm');
    await custom.createNamespacedCustomObject({
      group: 'kubevirt.io',
      version: 'v1',
      plural: 'virtualmachines',
      namespace: ns,
      body: minimalVm(name, ns),
    });
    const patched = await custom.patchNamespacedCustomObject(
      {
        group: 'kubevirt.io',
        version: 'v1',
        plural: 'virtualmachines',
        namespace: ns,
        name,
        body: [{ op: 'replace', path: '/spec/runStrategy', value: 'Always' }],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    expect(patched.spec.runStrategy).toBe('Always');
    expect(patched.metadata.generation).toBe(2);
  });

  it('rejects a failing test operation with 422 and changes nothing', async () => {
    await createCm('jp-test', { a: '1' });
    const before = await core.readNamespacedConfigMap({ name: 'jp-test', namespace: ns });
    const status = await expectStatus(
      core.patchNamespacedConfigMap(
        {
          name: 'jp-test',
          namespace: ns,
          body: [
            { op: 'replace', path: '/data/a', value: '2' },
            { op: 'test', path: '/data/a', value: 'not-2' },
          ],
        },
        setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
      ),
    );
    expect(status.code).toBe(422);
    expect(status.kind).toBe('Status');
    const after = await core.readNamespacedConfigMap({ name: 'jp-test', namespace: ns });
    expect(after.data).toEqual({ a: '1' });
    expect(after.metadata?.resourceVersion).toBe(before.metadata?.resourceVersion);
  });

  it('answers 404 for a patch of a missing object', async () => {
    const res = await patch(cmPath('jp-missing'), PatchStrategy.JsonPatch, [
      { op: 'add', path: '/data/x', value: 'y' },
    ]);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ kind: 'Status', reason: 'NotFound' });
  });
});

describe('merge patch (application/merge-patch+json)', () => {
  it('merges maps and deletes keys set to null', async () => {
    await createCm('mp', { a: '1', b: '2' }, { keep: 'yes', drop: 'yes' });
    const res = await patch(cmPath('mp'), PatchStrategy.MergePatch, {
      data: { b: null, c: '3' },
      metadata: { labels: { drop: null, added: 'yes' } },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({ a: '1', c: '3' });
    expect(res.json.metadata.labels).toEqual({ keep: 'yes', added: 'yes' });
  });

  it('replaces lists wholesale on a custom resource', async () => {
    const name = uniqueName('vm');
    const vm = minimalVm(name, ns);
    vm.spec.template.spec.domain.devices = {
      disks: [
        { name: 'a', disk: {} },
        { name: 'b', disk: {} },
      ],
    };
    vm.spec.template.spec.volumes = [
      { name: 'a', containerDisk: { image: 'quay.io/a' } },
      { name: 'b', containerDisk: { image: 'quay.io/b' } },
    ];
    await custom.createNamespacedCustomObject({
      group: 'kubevirt.io',
      version: 'v1',
      plural: 'virtualmachines',
      namespace: ns,
      body: vm,
    });
    const res = await patch(
      `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines/${name}`,
      PatchStrategy.MergePatch,
      {
        spec: {
          template: {
            spec: {
              domain: { devices: { disks: [{ name: 'a', disk: {} }] } },
              volumes: [{ name: 'a', containerDisk: { image: 'quay.io/a' } }],
            },
          },
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.json.spec.template.spec.domain.devices.disks).toEqual([{ name: 'a', disk: {} }]);
    expect(res.json.spec.template.spec.domain.memory).toEqual({ guest: '1Gi' });
  });
});

describe('strategic merge patch (application/strategic-merge-patch+json)', () => {
  const pod = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: [
        { name: 'web', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }] },
        { name: 'sidecar', image: 'busybox:1.36' },
      ],
    },
  });

  it('merges Pod containers by name', async () => {
    await core.createNamespacedPod({ namespace: ns, body: pod('smp') });
    const res = await patch(
      `/api/v1/namespaces/${ns}/pods/smp`,
      PatchStrategy.StrategicMergePatch,
      {
        metadata: { labels: { patched: 'yes' } },
        spec: { containers: [{ name: 'web', env: [{ name: 'B', value: '2' }] }] },
      },
    );
    expect(res.status).toBe(200);
    const containers = res.json.spec.containers as {
      name: string;
      image: string;
      env?: { name: string }[];
    }[];
    expect(containers.map((c) => c.name)).toEqual(['web', 'sidecar']);
    expect(containers[0].image).toBe('nginx:1.27');
    expect(containers[0].env?.map((e) => e.name).sort()).toEqual(['A', 'B']);
    expect(containers[1].image).toBe('busybox:1.36');
    expect(res.json.metadata.labels).toEqual({ patched: 'yes' });
  });

  it('deletes a list element with $patch: delete', async () => {
    await core.createNamespacedPod({ namespace: ns, body: pod('smp-del') });
    const res = await patch(
      `/api/v1/namespaces/${ns}/pods/smp-del`,
      PatchStrategy.StrategicMergePatch,
      {
        spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] },
      },
    );
    expect(res.status).toBe(200);
    expect(res.json.spec.containers.map((c: { name: string }) => c.name)).toEqual(['web']);
  });

  it('answers 415 for a custom resource', async () => {
    const name = uniqueName('vm');
    await custom.createNamespacedCustomObject({
      group: 'kubevirt.io',
      version: 'v1',
      plural: 'virtualmachines',
      namespace: ns,
      body: minimalVm(name, ns),
    });
    const res = await patch(
      `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines/${name}`,
      PatchStrategy.StrategicMergePatch,
      {
        spec: { runStrategy: 'Always' },
      },
    );
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ kind: 'Status', code: 415, reason: 'UnsupportedMediaType' });
  });

  it('answers 415 for an unknown patch content type', async () => {
    await createCm('smp-unknown', { a: '1' });
    const res = await patch(cmPath('smp-unknown'), 'text/plain', '{"data":{"a":"2"}}');
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType' });
  });
});

describe('server-side apply (application/apply-patch+yaml)', () => {
  const applyYaml = (name: string, data: Record<string, string>): string =>
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      `  name: ${name}`,
      'data:',
      ...Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`),
      '',
    ].join('\n');

  it('requires a fieldManager', async () => {
    const res = await patch(
      cmPath('ssa-nomanager'),
      PatchStrategy.ServerSideApply,
      applyYaml('ssa-nomanager', { a: '1' }),
    );
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest' });
    expect(res.json.message).toContain('fieldManager');
  });

  it('creates the object and records the manager', async () => {
    const res = await patch(
      cmPath('ssa-create', '?fieldManager=alice'),
      PatchStrategy.ServerSideApply,
      applyYaml('ssa-create', { a: '1' }),
    );
    expect(res.status).toBe(201);
    expect(res.json.data).toEqual({ a: '1' });
    const managers = (
      res.json.metadata.managedFields as { manager: string; operation: string }[]
    ).map((m) => `${m.manager}/${m.operation}`);
    expect(managers).toEqual(['alice/Apply']);
    const read = await core.readNamespacedConfigMap({ name: 'ssa-create', namespace: ns });
    expect(read.data).toEqual({ a: '1' });
  });

  it('applies through CoreV1Api with the apply content type', async () => {
    const applied = await core.patchNamespacedConfigMap(
      {
        name: 'ssa-client',
        namespace: ns,
        fieldManager: 'client-node',
        body: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'ssa-client' },
          data: { z: '26' },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
    );
    expect(applied.data).toEqual({ z: '26' });
  });

  it('reports a conflict between two managers with 409 and lets force take over', async () => {
    const first = await patch(
      cmPath('ssa-conflict', '?fieldManager=alice'),
      PatchStrategy.ServerSideApply,
      applyYaml('ssa-conflict', { shared: 'alice', own: 'a' }),
    );
    expect(first.status).toBe(201);

    const clash = await patch(
      cmPath('ssa-conflict', '?fieldManager=bob'),
      PatchStrategy.ServerSideApply,
      applyYaml('ssa-conflict', { shared: 'bob' }),
    );
    expect(clash.status).toBe(409);
    expect(clash.json).toMatchObject({ kind: 'Status', code: 409, reason: 'Conflict' });
    expect(clash.json.message).toContain('alice');
    expect(clash.json.details.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'FieldManagerConflict', field: '.data.shared' }),
      ]),
    );
    expect(
      (await core.readNamespacedConfigMap({ name: 'ssa-conflict', namespace: ns })).data,
    ).toEqual({ shared: 'alice', own: 'a' });

    // The same value is no conflict: both managers then share the field.
    const same = await patch(
      cmPath('ssa-conflict', '?fieldManager=carol'),
      PatchStrategy.ServerSideApply,
      applyYaml('ssa-conflict', { shared: 'alice' }),
    );
    expect(same.status).toBe(200);

    const forced = await patch(
      cmPath('ssa-conflict', '?fieldManager=bob&force=true'),
      PatchStrategy.ServerSideApply,
      applyYaml('ssa-conflict', { shared: 'bob' }),
    );
    expect(forced.status).toBe(200);
    expect(forced.json.data).toEqual({ shared: 'bob', own: 'a' });
    const entries = forced.json.metadata.managedFields as {
      manager: string;
      fieldsV1: { 'f:data'?: Record<string, unknown> };
    }[];
    const bob = entries.find((m) => m.manager === 'bob');
    const alice = entries.find((m) => m.manager === 'alice');
    expect(Object.keys(bob?.fieldsV1['f:data'] ?? {})).toContain('f:shared');
    expect(Object.keys(alice?.fieldsV1['f:data'] ?? {})).not.toContain('f:shared');
    expect(Object.keys(alice?.fieldsV1['f:data'] ?? {})).toContain('f:own');
  });

  it('removes fields a manager stops applying', async () => {
    await patch(
      cmPath('ssa-shrink', '?fieldManager=alice'),
      PatchStrategy.ServerSideApply,
      applyYaml('ssa-shrink', { a: '1', b: '2' }),
    );
    const res = await patch(
      cmPath('ssa-shrink', '?fieldManager=alice'),
      PatchStrategy.ServerSideApply,
      applyYaml('ssa-shrink', { a: '1' }),
    );
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({ a: '1' });
  });
});

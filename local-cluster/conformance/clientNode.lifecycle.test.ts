import { CoreV1Api } from '@kubernetes/client-node';
import type { V1ConfigMap, V1OwnerReference } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterUnderTest, Json } from './clusterUnderTest';
import {
  clusterUnderTest,
  createTestNamespace,
  deleteTestNamespaces,
  eventually,
  expectStatus,
  raw,
  sleep,
} from './clusterUnderTest';

let cluster: ClusterUnderTest;
let core: CoreV1Api;
let ns: string;

beforeAll(async () => {
  cluster = await clusterUnderTest();
  core = cluster.kc.makeApiClient(CoreV1Api);
  ns = await createTestNamespace(cluster.kc);
});

afterAll(async () => {
  if (!cluster) return;
  await deleteTestNamespaces(cluster.kc, [ns]);
  await cluster.close();
});

const readCm = async (name: string, namespace = ns): Promise<V1ConfigMap | undefined> => {
  try {
    return await core.readNamespacedConfigMap({ name, namespace });
  } catch (err) {
    if ((err as { code?: number }).code === 404) return undefined;
    throw err;
  }
};

const ownerRefTo = (owner: V1ConfigMap, blockOwnerDeletion = false): V1OwnerReference => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  name: owner.metadata?.name as string,
  uid: owner.metadata?.uid as string,
  ...(blockOwnerDeletion ? { blockOwnerDeletion: true } : {}),
});

/** An owner ConfigMap and one dependent ConfigMap that names it. */
const ownerAndDependent = async (
  prefix: string,
  blockOwnerDeletion = false,
): Promise<{ owner: V1ConfigMap; dependent: V1ConfigMap }> => {
  const owner = await core.createNamespacedConfigMap({
    namespace: ns,
    body: { metadata: { name: `${prefix}-owner` } },
  });
  const dependent = await core.createNamespacedConfigMap({
    namespace: ns,
    body: {
      metadata: { name: `${prefix}-dep`, ownerReferences: [ownerRefTo(owner, blockOwnerDeletion)] },
    },
  });
  return { owner, dependent };
};

const removeFinalizers = (name: string): Promise<V1ConfigMap> =>
  core.patchNamespacedConfigMap({
    name,
    namespace: ns,
    body: [{ op: 'remove', path: '/metadata/finalizers' }],
  });

describe('finalizers', () => {
  it('keeps a deleted object with a deletionTimestamp until its finalizers are removed', async () => {
    await core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'fin', finalizers: ['example.com/hold'] }, data: { a: '1' } },
    });
    await core.deleteNamespacedConfigMap({ name: 'fin', namespace: ns });
    const held = await readCm('fin');
    expect(held).toBeDefined();
    expect(held?.metadata?.deletionTimestamp).toBeInstanceOf(Date);
    expect(held?.metadata?.finalizers).toEqual(['example.com/hold']);

    // Other updates still work, but no new finalizer may be added while deleting.
    const updated = await core.patchNamespacedConfigMap({
      name: 'fin',
      namespace: ns,
      body: [{ op: 'add', path: '/data/b', value: '2' }],
    });
    expect(updated.data).toEqual({ a: '1', b: '2' });
    const refused = await expectStatus(
      core.patchNamespacedConfigMap({
        name: 'fin',
        namespace: ns,
        body: [{ op: 'add', path: '/metadata/finalizers/-', value: 'example.com/more' }],
      }),
    );
    expect(refused.code).toBe(403);

    await removeFinalizers('fin');
    expect(await eventually(async () => (await readCm('fin')) === undefined)).toBe(true);
  });
});

describe('garbage collection through ownerReferences', () => {
  it('deletes dependents in the background after the owner is deleted', async () => {
    await ownerAndDependent('bg');
    await core.deleteNamespacedConfigMap({
      name: 'bg-owner',
      namespace: ns,
      propagationPolicy: 'Background',
    });
    expect(await readCm('bg-owner')).toBeUndefined();
    expect(await eventually(async () => (await readCm('bg-dep')) === undefined, 5000)).toBe(true);
  });

  it('orphans dependents and removes their ownerReference', async () => {
    const { owner } = await ownerAndDependent('orphan');
    await core.deleteNamespacedConfigMap({
      name: 'orphan-owner',
      namespace: ns,
      propagationPolicy: 'Orphan',
    });
    expect(await eventually(async () => (await readCm('orphan-owner')) === undefined, 5000)).toBe(
      true,
    );
    const dep = await eventually(async () => {
      const d = await readCm('orphan-dep');
      return d && !(d.metadata?.ownerReferences ?? []).some((r) => r.uid === owner.metadata?.uid)
        ? d
        : undefined;
    }, 5000);
    expect(dep).toBeDefined();
    expect(dep?.metadata?.deletionTimestamp).toBeUndefined();
    await sleep(300);
    expect(await readCm('orphan-dep')).toBeDefined();
  });

  it('keeps a foreground owner until its blocking dependent is gone', async () => {
    await ownerAndDependent('fg', true);
    // The dependent holds a finalizer of its own, so the owner has to wait for it.
    await core.patchNamespacedConfigMap({
      name: 'fg-dep',
      namespace: ns,
      body: [{ op: 'add', path: '/metadata/finalizers', value: ['example.com/slow'] }],
    });
    await core.deleteNamespacedConfigMap({
      name: 'fg-owner',
      namespace: ns,
      propagationPolicy: 'Foreground',
    });
    const owner = await readCm('fg-owner');
    expect(owner?.metadata?.deletionTimestamp).toBeInstanceOf(Date);
    expect(owner?.metadata?.finalizers).toContain('foregroundDeletion');

    const depDeleting = await eventually(
      async () => (await readCm('fg-dep'))?.metadata?.deletionTimestamp,
      5000,
    );
    expect(depDeleting).toBeInstanceOf(Date);
    await sleep(500);
    expect(await readCm('fg-owner')).toBeDefined();

    await removeFinalizers('fg-dep');
    expect(await eventually(async () => (await readCm('fg-dep')) === undefined, 5000)).toBe(true);
    expect(await eventually(async () => (await readCm('fg-owner')) === undefined, 5000)).toBe(true);
  });
});

describe('namespace deletion', () => {
  it('goes Terminating, removes the contents, then the namespace', async () => {
    const doomed = await createTestNamespace(cluster.kc, 'conf-doomed');
    try {
      await core.createNamespacedConfigMap({
        namespace: doomed,
        body: { metadata: { name: 'content', finalizers: ['example.com/hold'] } },
      });
      await core.deleteNamespace({ name: doomed });
      const terminating = await core.readNamespace({ name: doomed });
      expect(terminating.status?.phase).toBe('Terminating');
      expect(terminating.metadata?.deletionTimestamp).toBeInstanceOf(Date);

      const refused = await expectStatus(
        core.createNamespacedConfigMap({ namespace: doomed, body: { metadata: { name: 'late' } } }),
      );
      expect(refused.code).toBe(403);
      expect(refused.reason).toBe('Forbidden');
      expect(refused.message).toContain('because it is being terminated');

      // The content is being deleted, held by its finalizer, and so is the namespace.
      expect(
        await eventually(
          async () => (await readCm('content', doomed))?.metadata?.deletionTimestamp,
          5000,
        ),
      ).toBeInstanceOf(Date);
      expect((await core.readNamespace({ name: doomed })).status?.phase).toBe('Terminating');

      await core.patchNamespacedConfigMap({
        name: 'content',
        namespace: doomed,
        body: [{ op: 'remove', path: '/metadata/finalizers' }],
      });
      const gone = await eventually(async () => {
        try {
          await core.readNamespace({ name: doomed });
          return false;
        } catch (err) {
          return (err as { code?: number }).code === 404;
        }
      }, 10000);
      expect(gone).toBe(true);
      expect(await readCm('content', doomed)).toBeUndefined();
    } finally {
      await deleteTestNamespaces(cluster.kc, [doomed]);
    }
  });
});

describe('alternative representations', () => {
  it('returns a Table for as=Table', async () => {
    await core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'table-1' }, data: { a: '1', b: '2' } },
    });
    const res = await raw(cluster.kc, 'GET', `/api/v1/namespaces/${ns}/configmaps`, {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect(res.json.metadata.resourceVersion).toBeTruthy();
    const columns = (res.json.columnDefinitions as { name: string }[]).map((c) => c.name);
    expect(columns[0]).toBe('Name');
    expect(columns).toContain('Age');
    const row = (res.json.rows as { cells: unknown[]; object: Json }[]).find(
      (r) => r.cells[0] === 'table-1',
    );
    expect(row).toBeDefined();
    expect(row?.cells).toHaveLength(columns.length);
    expect(row?.object).toMatchObject({
      kind: 'PartialObjectMetadata',
      metadata: { name: 'table-1' },
    });

    const one = await raw(
      cluster.kc,
      'GET',
      `/api/v1/namespaces/${ns}/configmaps/table-1?includeObject=None`,
      {
        headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
      },
    );
    expect(one.json.kind).toBe('Table');
    expect(one.json.rows).toHaveLength(1);
    expect(one.json.rows[0].object ?? null).toBeNull();
  });

  it('returns PartialObjectMetadataList for as=PartialObjectMetadataList', async () => {
    await core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'pom-1', labels: { pom: 'yes' } }, data: { secret: 'x' } },
    });
    const res = await raw(
      cluster.kc,
      'GET',
      `/api/v1/namespaces/${ns}/configmaps?labelSelector=pom%3Dyes`,
      {
        headers: { Accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
    });
    expect(res.json.items).toHaveLength(1);
    expect(res.json.items[0]).toMatchObject({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { name: 'pom-1' },
    });
    expect(res.json.items[0].data).toBeUndefined();

    const one = await raw(cluster.kc, 'GET', `/api/v1/namespaces/${ns}/configmaps/pom-1`, {
      headers: { Accept: 'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io' },
    });
    expect(one.json).toMatchObject({
      kind: 'PartialObjectMetadata',
      metadata: { name: 'pom-1', labels: { pom: 'yes' } },
    });
    expect(one.json.data).toBeUndefined();
  });
});

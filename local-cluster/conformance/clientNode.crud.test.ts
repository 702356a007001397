import {
  ApiextensionsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import type { V1ConfigMap } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterUnderTest } from './clusterUnderTest';
import {
  clusterUnderTest,
  createTestNamespace,
  deleteTestNamespaces,
  eventually,
  expectStatus,
  minimalVm,
  raw,
  uniqueName,
} from './clusterUnderTest';

let cluster: ClusterUnderTest;
let core: CoreV1Api;
let custom: CustomObjectsApi;
let ns: string;

const VM = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines' };

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

const configMap = (name: string, data: Record<string, string> = { a: '1' }): V1ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

describe('ConfigMap CRUD through CoreV1Api', () => {
  it('creates, reads, replaces and deletes', async () => {
    const created = await core.createNamespacedConfigMap({
      namespace: ns,
      body: configMap('crud-1'),
    });
    expect(created.metadata?.uid).toBeTruthy();
    expect(created.metadata?.resourceVersion).toBeTruthy();
    expect(created.metadata?.namespace).toBe(ns);
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);

    const read = await core.readNamespacedConfigMap({ name: 'crud-1', namespace: ns });
    expect(read.data).toEqual({ a: '1' });
    expect(read.metadata?.uid).toBe(created.metadata?.uid);

    const replaced = await core.replaceNamespacedConfigMap({
      name: 'crud-1',
      namespace: ns,
      body: { ...read, data: { a: '2', b: '3' } },
    });
    expect(replaced.data).toEqual({ a: '2', b: '3' });
    expect(replaced.metadata?.resourceVersion).not.toBe(read.metadata?.resourceVersion);

    await core.deleteNamespacedConfigMap({ name: 'crud-1', namespace: ns });
    const gone = await expectStatus(
      core.readNamespacedConfigMap({ name: 'crud-1', namespace: ns }),
    );
    expect(gone.code).toBe(404);
  });

  it('fills in a name from generateName', async () => {
    const created = await core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { generateName: 'gen-' }, data: { x: 'y' } },
    });
    expect(created.metadata?.name).toMatch(/^gen-[a-z0-9]{5}$/);
    expect(created.metadata?.generateName).toBe('gen-');
    const read = await core.readNamespacedConfigMap({
      name: created.metadata?.name as string,
      namespace: ns,
    });
    expect(read.data).toEqual({ x: 'y' });
  });

  it('answers 409 AlreadyExists for a duplicate name', async () => {
    await core.createNamespacedConfigMap({ namespace: ns, body: configMap('dup') });
    const status = await expectStatus(
      core.createNamespacedConfigMap({ namespace: ns, body: configMap('dup') }),
    );
    expect(status.code).toBe(409);
    expect(status.kind).toBe('Status');
    expect(status.reason).toBe('AlreadyExists');
    expect(status.message).toBe('configmaps "dup" already exists');
    expect(status.details).toMatchObject({ name: 'dup', kind: 'configmaps' });
  });

  it('answers 404 NotFound for a missing object', async () => {
    const status = await expectStatus(
      core.readNamespacedConfigMap({ name: 'no-such-map', namespace: ns }),
    );
    expect(status.code).toBe(404);
    expect(status.reason).toBe('NotFound');
    expect(status.message).toBe('configmaps "no-such-map" not found');
  });

  it('answers 409 Conflict for an update with a stale resourceVersion', async () => {
    const first = await core.createNamespacedConfigMap({ namespace: ns, body: configMap('stale') });
    await core.replaceNamespacedConfigMap({
      name: 'stale',
      namespace: ns,
      body: { ...first, data: { a: 'new' } },
    });
    const status = await expectStatus(
      core.replaceNamespacedConfigMap({
        name: 'stale',
        namespace: ns,
        body: { ...first, data: { a: 'stale' } },
      }),
    );
    expect(status.code).toBe(409);
    expect(status.reason).toBe('Conflict');
    expect(status.message).toContain('the object has been modified');
    expect((await core.readNamespacedConfigMap({ name: 'stale', namespace: ns })).data).toEqual({
      a: 'new',
    });
  });

  it('answers 422 Invalid with causes for a bad name', async () => {
    const status = await expectStatus(
      core.createNamespacedConfigMap({ namespace: ns, body: configMap('Bad_Name') }),
    );
    expect(status.code).toBe(422);
    expect(status.reason).toBe('Invalid');
    expect(status.message).toContain('ConfigMap "Bad_Name" is invalid');
    expect(status.details?.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'metadata.name', reason: 'FieldValueInvalid' }),
      ]),
    );
  });

  it('does not persist with dryRun=All', async () => {
    const created = await core.createNamespacedConfigMap({
      namespace: ns,
      body: configMap('dry'),
      dryRun: 'All',
    });
    expect(created.metadata?.name).toBe('dry');
    const status = await expectStatus(core.readNamespacedConfigMap({ name: 'dry', namespace: ns }));
    expect(status.code).toBe(404);

    const real = await core.createNamespacedConfigMap({ namespace: ns, body: configMap('dry') });
    const dryReplace = await core.replaceNamespacedConfigMap({
      name: 'dry',
      namespace: ns,
      body: { ...real, data: { a: 'dry-run' } },
      dryRun: 'All',
    });
    expect(dryReplace.data).toEqual({ a: 'dry-run' });
    await core.deleteNamespacedConfigMap({ name: 'dry', namespace: ns, dryRun: 'All' });
    const after = await core.readNamespacedConfigMap({ name: 'dry', namespace: ns });
    expect(after.data).toEqual({ a: '1' });
    expect(after.metadata?.resourceVersion).toBe(real.metadata?.resourceVersion);
  });
});

describe('custom objects: kubevirt.io/v1 VirtualMachine', () => {
  it('creates, gets, lists, patches and deletes', async () => {
    const name = uniqueName('vm');
    const created = await custom.createNamespacedCustomObject({
      ...VM,
      namespace: ns,
      body: minimalVm(name, ns),
    });
    expect(created.metadata.uid).toBeTruthy();
    expect(created.metadata.generation).toBe(1);
    expect(created.spec.runStrategy).toBe('Halted');

    const got = await custom.getNamespacedCustomObject({ ...VM, namespace: ns, name });
    expect(got.metadata.uid).toBe(created.metadata.uid);
    expect(got.kind).toBe('VirtualMachine');

    const list = await custom.listNamespacedCustomObject({ ...VM, namespace: ns });
    expect(list.kind).toBe('VirtualMachineList');
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toContain(name);

    const patched = await custom.patchNamespacedCustomObject(
      { ...VM, namespace: ns, name, body: { metadata: { labels: { tier: 'gold' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.metadata.labels).toEqual({ tier: 'gold' });
    expect(patched.metadata.generation).toBe(1);

    await custom.deleteNamespacedCustomObject({ ...VM, namespace: ns, name });
    const gone = await eventually(async () => {
      try {
        await custom.getNamespacedCustomObject({ ...VM, namespace: ns, name });
        return false;
      } catch (err) {
        return (err as { code?: number }).code === 404;
      }
    });
    expect(gone).toBe(true);
  });

  it('writes status only through the status subresource', async () => {
    const name = uniqueName('vm');
    const created = await custom.createNamespacedCustomObject({
      ...VM,
      namespace: ns,
      body: { ...minimalVm(name, ns), status: { printableStatus: 'Running' } },
    });
    expect(created.status?.printableStatus).toBeUndefined();

    // The status subresource takes the status and ignores a spec change.
    const withStatus = await custom.replaceNamespacedCustomObjectStatus({
      ...VM,
      namespace: ns,
      name,
      body: {
        ...created,
        spec: { ...created.spec, runStrategy: 'Always' },
        status: { printableStatus: 'Stopped' },
      },
    });
    expect(withStatus.status.printableStatus).toBe('Stopped');
    expect(withStatus.spec.runStrategy).toBe('Halted');
    expect(withStatus.metadata.generation).toBe(1);

    // The main resource takes the spec and ignores a status change.
    const updated = await custom.replaceNamespacedCustomObject({
      ...VM,
      namespace: ns,
      name,
      body: {
        ...withStatus,
        spec: { ...withStatus.spec, runStrategy: 'Manual' },
        status: { printableStatus: 'Running' },
      },
    });
    expect(updated.spec.runStrategy).toBe('Manual');
    expect(updated.status.printableStatus).toBe('Stopped');
    expect(updated.metadata.generation).toBe(2);
  });

  it('bumps generation on spec changes only', async () => {
    const name = uniqueName('vm');
    const created = await custom.createNamespacedCustomObject({
      ...VM,
      namespace: ns,
      body: minimalVm(name, ns),
    });
    expect(created.metadata.generation).toBe(1);
    const labelled = await custom.replaceNamespacedCustomObject({
      ...VM,
      namespace: ns,
      name,
      body: {
        ...created,
        metadata: { ...created.metadata, labels: { a: 'b' }, annotations: { note: 'x' } },
      },
    });
    expect(labelled.metadata.generation).toBe(1);
    expect(labelled.metadata.resourceVersion).not.toBe(created.metadata.resourceVersion);
    const specChanged = await custom.replaceNamespacedCustomObject({
      ...VM,
      namespace: ns,
      name,
      body: { ...labelled, spec: { ...labelled.spec, runStrategy: 'Always' } },
    });
    expect(specChanged.metadata.generation).toBe(2);
    const status = await custom.patchNamespacedCustomObjectStatus(
      { ...VM, namespace: ns, name, body: { status: { printableStatus: 'Starting' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(status.status.printableStatus).toBe('Starting');
    expect(status.metadata.generation).toBe(2);
  });
});

describe('CustomResourceDefinitions through ApiextensionsV1Api', () => {
  it('serves and discovers a new kind, and stops when the CRD is deleted', async () => {
    const ext = cluster.kc.makeApiClient(ApiextensionsV1Api);
    const suffix = Math.random().toString(36).slice(2, 8);
    const group = `conf${suffix}.example.com`;
    const crdName = `widgets.${group}`;
    await ext.createCustomResourceDefinition({
      body: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: crdName },
        spec: {
          group,
          scope: 'Namespaced',
          names: {
            plural: 'widgets',
            singular: 'widget',
            kind: 'Widget',
            listKind: 'WidgetList',
            shortNames: ['wdg'],
          },
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              subresources: { status: {} },
              schema: {
                openAPIV3Schema: {
                  type: 'object',
                  properties: {
                    spec: { type: 'object', properties: { size: { type: 'integer' } } },
                    status: { type: 'object', properties: { ready: { type: 'boolean' } } },
                  },
                },
              },
            },
          ],
        },
      },
    });
    try {
      // A real apiserver establishes the CRD asynchronously; discovery follows within moments.
      const discovered = await eventually(async () => {
        const res = await raw(cluster.kc, 'GET', `/apis/${group}/v1`);
        return res.status === 200 ? res.json : undefined;
      }, 10000);
      expect(discovered.kind).toBe('APIResourceList');
      expect(discovered.groupVersion).toBe(`${group}/v1`);
      const widgets = discovered.resources.find((r: { name: string }) => r.name === 'widgets');
      expect(widgets).toMatchObject({
        kind: 'Widget',
        namespaced: true,
        singularName: 'widget',
        shortNames: ['wdg'],
      });
      expect(discovered.resources.map((r: { name: string }) => r.name)).toContain('widgets/status');

      const groups = await raw(cluster.kc, 'GET', '/apis');
      expect(groups.json.groups.map((g: { name: string }) => g.name)).toContain(group);

      const created = await eventually(async () => {
        try {
          return await custom.createNamespacedCustomObject({
            group,
            version: 'v1',
            plural: 'widgets',
            namespace: ns,
            body: {
              apiVersion: `${group}/v1`,
              kind: 'Widget',
              metadata: { name: 'w1' },
              spec: { size: 3 },
            },
          });
        } catch {
          return undefined;
        }
      }, 10000);
      expect(created.spec).toEqual({ size: 3 });
      const list = await custom.listNamespacedCustomObject({
        group,
        version: 'v1',
        plural: 'widgets',
        namespace: ns,
      });
      expect(list.items).toHaveLength(1);
    } finally {
      await ext.deleteCustomResourceDefinition({ name: crdName });
    }
    const undiscovered = await eventually(
      async () => (await raw(cluster.kc, 'GET', `/apis/${group}/v1`)).status === 404,
      10000,
    );
    expect(undiscovered).toBe(true);
    const served = await raw(cluster.kc, 'GET', `/apis/${group}/v1/namespaces/${ns}/widgets`);
    expect(served.status).toBe(404);
  });
});

import { AuthorizationV1Api, CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterUnderTest } from './clusterUnderTest';
import {
  clusterUnderTest,
  createTestNamespace,
  deleteTestNamespaces,
  DEVELOPER_USER,
  eventually,
  expectStatus,
  raw,
  uniqueName,
} from './clusterUnderTest';

let cluster: ClusterUnderTest;
let adminCore: CoreV1Api;
let devCore: CoreV1Api;
/** A namespace the developer administers through a RoleBinding made here. */
let devNs: string;
/** A namespace the developer has no rights in. */
let otherNs: string;
const cleanup: string[] = [];

beforeAll(async () => {
  cluster = await clusterUnderTest();
  adminCore = cluster.kc.makeApiClient(CoreV1Api);
  devCore = cluster.kcAs('developer').makeApiClient(CoreV1Api);
  devNs = await createTestNamespace(cluster.kc);
  otherNs = await createTestNamespace(cluster.kc);
  cleanup.push(devNs, otherNs);
  await cluster.kc.makeApiClient(RbacAuthorizationV1Api).createNamespacedRoleBinding({
    namespace: devNs,
    body: {
      metadata: { name: 'developer-admin' },
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: DEVELOPER_USER }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
    },
  });
});

afterAll(async () => {
  if (!cluster) return;
  await deleteTestNamespaces(cluster.kc, cleanup);
  await cluster.close();
});

describe('RBAC as the developer', () => {
  it('may create ConfigMaps where a RoleBinding grants admin', async () => {
    // RBAC changes can take a moment to reach the authorizer of a real apiserver.
    const created = await eventually(async () => {
      try {
        return await devCore.createNamespacedConfigMap({
          namespace: devNs,
          body: { metadata: { name: 'mine' }, data: { a: '1' } },
        });
      } catch {
        return undefined;
      }
    });
    expect(created?.metadata?.name).toBe('mine');
    const list = await devCore.listNamespacedConfigMap({ namespace: devNs });
    expect(list.items.map((i) => i.metadata?.name)).toContain('mine');
  });

  it('is forbidden elsewhere, with kube wording', async () => {
    const status = await expectStatus(
      devCore.createNamespacedConfigMap({
        namespace: otherNs,
        body: { metadata: { name: 'nope' } },
      }),
    );
    expect(status.code).toBe(403);
    expect(status.kind).toBe('Status');
    expect(status.reason).toBe('Forbidden');
    expect(status.message).toBe(
      `configmaps is forbidden: User "${DEVELOPER_USER}" cannot create resource "configmaps" in API group "" in the namespace "${otherNs}"`,
    );
    const get = await expectStatus(
      devCore.readNamespacedConfigMap({ name: 'anything', namespace: otherNs }),
    );
    expect(get.code).toBe(403);
    expect(get.message).toBe(
      `configmaps "anything" is forbidden: User "${DEVELOPER_USER}" cannot get resource "configmaps" in API group "" in the namespace "${otherNs}"`,
    );
    expect(get.details).toMatchObject({ name: 'anything', kind: 'configmaps' });
  });

  it('may not list namespaces at the cluster scope', async () => {
    const status = await expectStatus(devCore.listNamespace());
    expect(status.code).toBe(403);
    expect(status.message).toContain('at the cluster scope');
  });

  it('matches the seeded bindings of the local cluster (demo-dev admin, default forbidden)', async (ctx) => {
    if (!cluster.local) ctx.skip();
    const name = uniqueName('cm');
    const created = await devCore.createNamespacedConfigMap({
      namespace: 'demo-dev',
      body: { metadata: { name } },
    });
    expect(created.metadata?.namespace).toBe('demo-dev');
    await devCore.deleteNamespacedConfigMap({ name, namespace: 'demo-dev' });
    const status = await expectStatus(
      devCore.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name } } }),
    );
    expect(status.code).toBe(403);
    expect(status.message).toBe(
      'configmaps is forbidden: User "developer" cannot create resource "configmaps" in API group "" in the namespace "default"',
    );
    // view in the OS images namespace: read yes, write no.
    const list = await devCore.listNamespacedConfigMap({
      namespace: 'openshift-virtualization-os-images',
    });
    expect(Array.isArray(list.items)).toBe(true);
    const write = await expectStatus(
      devCore.createNamespacedConfigMap({
        namespace: 'openshift-virtualization-os-images',
        body: { metadata: { name } },
      }),
    );
    expect(write.code).toBe(403);
  });
});

describe('impersonation', () => {
  it('lets the admin act as the developer, with only the developer rights', async () => {
    const headers = { 'Impersonate-User': DEVELOPER_USER };
    const whoami = await raw(
      cluster.kc,
      'POST',
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      {
        headers,
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: {
            resourceAttributes: { verb: 'create', resource: 'configmaps', namespace: otherNs },
          },
        },
      },
    );
    expect(whoami.status).toBe(201);
    expect(whoami.json.status.allowed).toBe(false);
    const refused = await raw(cluster.kc, 'POST', `/api/v1/namespaces/${otherNs}/configmaps`, {
      headers,
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'impersonated' } },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.message).toContain(
      `User "${DEVELOPER_USER}" cannot create resource "configmaps"`,
    );
    const allowed = await raw(cluster.kc, 'POST', `/api/v1/namespaces/${devNs}/configmaps`, {
      headers,
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'impersonated' } },
    });
    expect(allowed.status).toBe(201);
  });

  it('refuses impersonation to a user without the impersonate verb', async () => {
    const res = await raw(
      cluster.kcAs('developer'),
      'GET',
      `/api/v1/namespaces/${otherNs}/configmaps`,
      {
        headers: { 'Impersonate-User': 'admin' },
      },
    );
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
    expect(res.json.message).toContain(
      `User "${DEVELOPER_USER}" cannot impersonate resource "users" in API group ""`,
    );
  });
});

describe('SelfSubjectAccessReview', () => {
  const review = async (
    user: 'admin' | 'developer',
    verb: string,
    resource: string,
    namespace?: string,
    group = '',
  ) => {
    const authz = cluster.kcAs(user).makeApiClient(AuthorizationV1Api);
    const res = await authz.createSelfSubjectAccessReview({
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { verb, resource, namespace, group } },
      },
    });
    expect(res.kind).toBe('SelfSubjectAccessReview');
    expect(res.spec.resourceAttributes).toMatchObject({ verb, resource });
    return res.status;
  };

  it('answers for the developer', async () => {
    expect((await review('developer', 'create', 'configmaps', devNs))?.allowed).toBe(true);
    expect(
      (await review('developer', 'delete', 'virtualmachines', devNs, 'kubevirt.io'))?.allowed,
    ).toBe(true);
    expect((await review('developer', 'create', 'configmaps', otherNs))?.allowed).toBe(false);
    expect((await review('developer', 'list', 'nodes'))?.allowed).toBe(false);
  });

  it('answers for the admin', async () => {
    expect((await review('admin', 'create', 'configmaps', otherNs))?.allowed).toBe(true);
    expect((await review('admin', 'list', 'nodes'))?.allowed).toBe(true);
  });
});

describe('OpenShift projects and users', () => {
  it('lists only the projects the developer may see, all for the admin', async () => {
    const asDev = await raw(
      cluster.kcAs('developer'),
      'GET',
      '/apis/project.openshift.io/v1/projects',
    );
    expect(asDev.status).toBe(200);
    expect(asDev.json.kind).toBe('ProjectList');
    const devNames = (asDev.json.items as { metadata: { name: string } }[]).map(
      (p) => p.metadata.name,
    );
    expect(devNames).toContain(devNs);
    expect(devNames).not.toContain(otherNs);
    expect(devNames).not.toContain('default');
    if (cluster.local) expect(devNames).toContain('demo-dev');

    const asAdmin = await raw(cluster.kc, 'GET', '/apis/project.openshift.io/v1/projects');
    const adminNames = (asAdmin.json.items as { metadata: { name: string } }[]).map(
      (p) => p.metadata.name,
    );
    expect(adminNames).toEqual(expect.arrayContaining([devNs, otherNs, 'default']));
    const namespaces = await adminCore.listNamespace();
    expect(adminNames.sort()).toEqual(
      namespaces.items.map((n) => n.metadata?.name as string).sort(),
    );
    expect(asAdmin.json.items[0]).toMatchObject({
      kind: 'Project',
      apiVersion: 'project.openshift.io/v1',
    });
  });

  it('gets a visible project and refuses an invisible one', async () => {
    const dev = cluster.kcAs('developer');
    const mine = await raw(dev, 'GET', `/apis/project.openshift.io/v1/projects/${devNs}`);
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({
      kind: 'Project',
      metadata: { name: devNs },
      status: { phase: 'Active' },
    });
    const other = await raw(dev, 'GET', `/apis/project.openshift.io/v1/projects/${otherNs}`);
    expect([403, 404]).toContain(other.status);
    expect(other.json.kind).toBe('Status');
  });

  it('returns the caller from users/~', async () => {
    const dev = await raw(cluster.kcAs('developer'), 'GET', '/apis/user.openshift.io/v1/users/~');
    expect(dev.status).toBe(200);
    expect(dev.json).toMatchObject({
      kind: 'User',
      apiVersion: 'user.openshift.io/v1',
      metadata: { name: DEVELOPER_USER },
    });
    const admin = await raw(cluster.kc, 'GET', '/apis/user.openshift.io/v1/users/~');
    expect(admin.json.metadata.name).not.toBe(DEVELOPER_USER);
  });

  it('creates a project from a projectrequest that the requester administers', async () => {
    const name = uniqueName('conf-req');
    cleanup.push(name);
    const dev = cluster.kcAs('developer');
    const res = await raw(dev, 'POST', '/apis/project.openshift.io/v1/projectrequests', {
      body: {
        apiVersion: 'project.openshift.io/v1',
        kind: 'ProjectRequest',
        metadata: { name },
        displayName: 'Conformance request',
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ kind: 'Project', metadata: { name } });
    expect(res.json.metadata.annotations).toMatchObject({
      'openshift.io/requester': DEVELOPER_USER,
      'openshift.io/display-name': 'Conformance request',
    });

    const ns = await adminCore.readNamespace({ name });
    expect(ns.status?.phase).toBe('Active');
    const cm = await cluster
      .kcAs('developer')
      .makeApiClient(CoreV1Api)
      .createNamespacedConfigMap({
        namespace: name,
        body: { metadata: { name: 'in-my-project' } },
      });
    expect(cm.metadata?.namespace).toBe(name);
    const projects = await raw(dev, 'GET', '/apis/project.openshift.io/v1/projects');
    expect(
      projects.json.items.map((p: { metadata: { name: string } }) => p.metadata.name),
    ).toContain(name);
  });
});

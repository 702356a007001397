import { describe, expect, it } from 'vitest';
import type { UserInfo } from '../core/types';
import { authorize, effectiveClusterRoles, forbiddenMessage, rulesFor } from './rbacAuthorizer';
import type { RequestAttributes } from './rbacTypes';
import { AGGREGATE_TO_VIEW, clusterRole, rule } from './ruleBuilders';
import { serviceAccount, snapshot, user } from './testFixtures';

const res = (
  verb: string,
  apiGroup: string,
  resource: string,
  extra: { subresource?: string; name?: string; namespace?: string } = {},
): RequestAttributes => ({ resourceRequest: true, verb, apiGroup, resource, ...extra });

const url = (verb: string, path: string): RequestAttributes => ({
  resourceRequest: false,
  verb,
  path,
});

const SUB = 'subresources.kubevirt.io';
const KV = 'kubevirt.io';
const dev = { namespace: 'dev' };

const admin = user('kubeadmin');
const developer = user('developer');
const qa = user('quinn', ['qa']);
const alice = user('alice');
const nobody = user('nobody');
const ops = user('olivia', ['ops']);
const masters = user('root', ['system:masters']);
const builder = serviceAccount('ci', 'builder');
const prometheus = serviceAccount('monitoring', 'prometheus');

const cases: [string, UserInfo, RequestAttributes, boolean][] = [
  // cluster-admin
  ['cluster-admin deletes nodes', admin, res('delete', '', 'nodes', { name: 'n1' }), true],
  [
    'cluster-admin reads secrets anywhere',
    admin,
    res('list', '', 'secrets', { namespace: 'kube-system' }),
    true,
  ],
  ['cluster-admin reaches any URL', admin, url('get', '/metrics'), true],
  [
    'system:masters group is cluster-admin',
    masters,
    res('create', 'apps', 'deployments', dev),
    true,
  ],
  // namespaced admin through RoleBinding → ClusterRole admin
  ['admin creates pods in own ns', developer, res('create', '', 'pods', dev), true],
  [
    'admin reads secrets in own ns',
    developer,
    res('get', '', 'secrets', { ...dev, name: 's' }),
    true,
  ],
  [
    'admin manages rolebindings in own ns',
    developer,
    res('create', 'rbac.authorization.k8s.io', 'rolebindings', dev),
    true,
  ],
  [
    'admin gets nothing in other ns',
    developer,
    res('get', '', 'pods', { namespace: 'prod', name: 'p' }),
    false,
  ],
  [
    'admin cannot write cluster-scoped nodes',
    developer,
    res('update', '', 'nodes', { name: 'n1' }),
    false,
  ],
  ['admin cannot list namespaces cluster-wide', developer, res('list', '', 'namespaces'), false],
  [
    'admin creates VMs (kubevirt aggregated)',
    developer,
    res('create', KV, 'virtualmachines', dev),
    true,
  ],
  [
    'admin starts a VM',
    developer,
    res('update', SUB, 'virtualmachines', { ...dev, name: 'vm', subresource: 'start' }),
    true,
  ],
  [
    'admin opens VNC',
    developer,
    res('get', SUB, 'virtualmachineinstances', { ...dev, name: 'vm', subresource: 'vnc' }),
    true,
  ],
  [
    'admin creates datavolumes (cdi aggregated)',
    developer,
    res('create', 'cdi.kubevirt.io', 'datavolumes', dev),
    true,
  ],
  [
    'admin processes templates (openshift aggregated)',
    developer,
    res('create', 'template.openshift.io', 'processedtemplates', dev),
    true,
  ],
  [
    'admin writes NADs',
    developer,
    res('create', 'k8s.cni.cncf.io', 'network-attachment-definitions', dev),
    true,
  ],
  // view via group
  ['view lists VMs', qa, res('list', KV, 'virtualmachines', dev), true],
  [
    'view reads pod logs',
    qa,
    res('get', '', 'pods', { ...dev, name: 'p', subresource: 'log' }),
    true,
  ],
  ['view cannot read secrets', qa, res('get', '', 'secrets', { ...dev, name: 's' }), false],
  [
    'view cannot start a VM',
    qa,
    res('update', SUB, 'virtualmachines', { ...dev, name: 'vm', subresource: 'start' }),
    false,
  ],
  [
    'view cannot open console',
    qa,
    res('get', SUB, 'virtualmachineinstances', { ...dev, name: 'vm', subresource: 'console' }),
    false,
  ],
  [
    'view reads guest OS info',
    qa,
    res('get', SUB, 'virtualmachineinstances', { ...dev, name: 'vm', subresource: 'guestosinfo' }),
    true,
  ],
  ['view cannot create pods', qa, res('create', '', 'pods', dev), false],
  [
    'view reads projects',
    qa,
    res('get', 'project.openshift.io', 'projects', { ...dev, name: 'dev' }),
    true,
  ],
  // subresource forms
  [
    'pods rule does not cover pods/exec',
    qa,
    res('create', '', 'pods', { ...dev, name: 'p', subresource: 'exec' }),
    false,
  ],
  [
    '*/status covers pods/status',
    alice,
    res('update', '', 'pods', { ...dev, name: 'p', subresource: 'status' }),
    true,
  ],
  [
    '*/status covers any group',
    alice,
    res('update', KV, 'virtualmachines', { ...dev, name: 'v', subresource: 'status' }),
    true,
  ],
  [
    '*/status does not cover the main resource',
    alice,
    res('update', '', 'pods', { ...dev, name: 'p' }),
    false,
  ],
  [
    'virtualmachines/* covers a subresource',
    alice,
    res('get', KV, 'virtualmachines', { ...dev, name: 'v', subresource: 'status' }),
    true,
  ],
  [
    'virtualmachines/* does not cover the resource',
    alice,
    res('get', KV, 'virtualmachines', { ...dev, name: 'v' }),
    false,
  ],
  // resourceNames
  [
    'resourceNames allows the named pod',
    alice,
    res('get', '', 'pods', { ...dev, name: 'allowed-pod' }),
    true,
  ],
  [
    'resourceNames denies another pod',
    alice,
    res('get', '', 'pods', { ...dev, name: 'other' }),
    false,
  ],
  ['resourceNames denies list', alice, res('list', '', 'pods', dev), false],
  ['resourceNames denies create without name', alice, res('create', '', 'pods', dev), false],
  // service accounts
  [
    'SA bound without namespace in own ns',
    builder,
    res('create', 'apps', 'deployments', { namespace: 'ci' }),
    true,
  ],
  [
    'SA cannot act outside the binding ns',
    builder,
    res('create', 'apps', 'deployments', dev),
    false,
  ],
  [
    'same SA name in another ns is not matched',
    serviceAccount('dev', 'builder'),
    res('create', 'apps', 'deployments', { namespace: 'ci' }),
    false,
  ],
  ['SA reads /metrics via ClusterRoleBinding', prometheus, url('get', '/metrics'), true],
  ['SA reads /debug/* prefix', prometheus, url('get', '/debug/pprof/heap'), true],
  ['prefix does not match a sibling path', prometheus, url('get', '/debugger'), false],
  ['nonResourceURLs honour verbs', prometheus, url('post', '/metrics'), false],
  // groups and everyone-roles
  ['group ClusterRoleBinding lists nodes', ops, res('list', '', 'nodes'), true],
  ['group grant does not leak to others', nobody, res('list', '', 'nodes'), false],
  ['authenticated reaches /apis/* discovery', nobody, url('get', '/apis/kubevirt.io/v1'), true],
  ['authenticated reaches /version', nobody, url('get', '/version'), true],
  ['authenticated cannot reach /metrics', nobody, url('get', '/metrics'), false],
  [
    'authenticated creates SSAR',
    nobody,
    res('create', 'authorization.k8s.io', 'selfsubjectaccessreviews'),
    true,
  ],
  [
    'authenticated gets users/~',
    nobody,
    res('get', 'user.openshift.io', 'users', { name: '~' }),
    true,
  ],
  [
    'authenticated cannot get other users',
    nobody,
    res('get', 'user.openshift.io', 'users', { name: 'alice' }),
    false,
  ],
  [
    'authenticated reads cluster instancetypes',
    nobody,
    res('list', 'instancetype.kubevirt.io', 'virtualmachineclusterinstancetypes'),
    true,
  ],
  ['authenticated cannot list pods', nobody, res('list', '', 'pods', dev), false],
  ['missing role grants nothing', user('ghost'), res('get', '', 'pods', dev), false],
  [
    'unauthenticated-looking user gets nothing',
    { username: 'anon', groups: [] },
    url('get', '/api'),
    false,
  ],
];

describe('authorize', () => {
  it.each(cases)('%s', (_name, who, attrs, allowed) => {
    expect(authorize(who, attrs, snapshot()).allowed).toBe(allowed);
  });

  it('explains an allow with the binding, role and subject like kube', () => {
    const rbac = snapshot();
    expect(authorize(admin, res('get', '', 'nodes'), rbac).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "root" of ClusterRole "cluster-admin" to User "kubeadmin"',
    );
    expect(authorize(developer, res('get', '', 'pods', dev), rbac).reason).toBe(
      'RBAC: allowed by RoleBinding "dev-admins/dev" of ClusterRole "admin" to User "developer"',
    );
    expect(authorize(builder, res('get', '', 'pods', { namespace: 'ci' }), rbac).reason).toBe(
      'RBAC: allowed by RoleBinding "builder-edit/ci" of ClusterRole "edit" to ServiceAccount "builder/ci"',
    );
    expect(authorize(nobody, url('get', '/api'), rbac).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"',
    );
  });

  it('leaves the reason empty on deny', () => {
    expect(authorize(nobody, res('delete', '', 'nodes', { name: 'n' }), snapshot())).toEqual({
      allowed: false,
      reason: '',
    });
  });
});

describe('aggregation', () => {
  const widgets = clusterRole(
    'widget-viewer',
    [rule(['get', 'list'], ['example.com'], ['widgets'])],
    {
      labels: { [AGGREGATE_TO_VIEW]: 'true' },
    },
  );
  const listWidgets = res('list', 'example.com', 'widgets', dev);

  it('a new role labelled aggregate-to-view shows up in view, edit and admin', () => {
    expect(authorize(qa, listWidgets, snapshot()).allowed).toBe(false);
    expect(authorize(qa, listWidgets, snapshot([widgets])).allowed).toBe(true);
    expect(authorize(developer, listWidgets, snapshot([widgets])).allowed).toBe(true);
  });

  it('resolves the admin ← edit ← view chain in effectiveClusterRoles', () => {
    const roles = effectiveClusterRoles(snapshot([widgets]).clusterRoles);
    const rulesOf = (name: string) => roles.find((r) => r.metadata.name === name)?.rules ?? [];
    const hasWidgets = (name: string) =>
      rulesOf(name).some((r) => r.resources?.includes('widgets'));
    expect(['view', 'edit', 'admin'].map(hasWidgets)).toEqual([true, true, true]);
    expect(rulesOf('view').some((r) => r.resources?.includes('secrets'))).toBe(false);
    expect(rulesOf('edit').some((r) => r.resources?.includes('secrets'))).toBe(true);
    // Identical rules from kubevirt.io:admin and kubevirt.io:edit appear once.
    const keys = rulesOf('admin').map((r) => JSON.stringify(r));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('supports matchExpressions selectors', () => {
    const team = clusterRole('team-bits', [rule(['get'], ['example.com'], ['gadgets'])], {
      labels: { team: 'a' },
    });
    const agg = {
      ...clusterRole('team-all', []),
      aggregationRule: {
        clusterRoleSelectors: [
          { matchExpressions: [{ key: 'team', operator: 'In' as const, values: ['a', 'b'] }] },
        ],
      },
    };
    const resolved = effectiveClusterRoles([team, agg]).find((r) => r.metadata.name === 'team-all');
    expect(resolved?.rules).toEqual(team.rules);
  });

  it('survives aggregation cycles', () => {
    const a = {
      ...clusterRole('a', [], { labels: { ring: 'b' } }),
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { ring: 'a' } }] },
    };
    const b = {
      ...clusterRole('b', [], { labels: { ring: 'a' } }),
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { ring: 'b' } }] },
    };
    const leaf = clusterRole('leaf', [rule(['get'], [''], ['pods'])], { labels: { ring: 'b' } });
    const roles = effectiveClusterRoles([a, b, leaf]);
    expect(roles.find((r) => r.metadata.name === 'b')?.rules).toEqual(leaf.rules);
    expect(roles.find((r) => r.metadata.name === 'a')?.rules).toEqual(leaf.rules);
  });
});

describe('rulesFor', () => {
  it('lists namespace and cluster rules, split into resource and non-resource', () => {
    const rules = rulesFor(developer, 'dev', snapshot());
    expect(rules.incomplete).toBe(false);
    expect(rules.resourceRules).toContainEqual({
      verbs: ['update'],
      apiGroups: [SUB],
      resources: expect.arrayContaining(['virtualmachines/start']),
    });
    expect(rules.resourceRules).toContainEqual({
      verbs: ['get'],
      apiGroups: ['', 'user.openshift.io'],
      resources: ['users'],
      resourceNames: ['~'],
    });
    expect(rules.nonResourceRules).toContainEqual({
      verbs: ['get'],
      nonResourceURLs: expect.arrayContaining(['/api']),
    });
    expect(rules.resourceRules.every((r) => r.nonResourceURLs === undefined)).toBe(true);
  });

  it('excludes other namespaces and marks missing roles incomplete', () => {
    const elsewhere = rulesFor(developer, 'prod', snapshot());
    expect(elsewhere.resourceRules.some((r) => r.resources?.includes('rolebindings'))).toBe(false);
    expect(rulesFor(alice, 'dev', snapshot()).incomplete).toBe(true);
    expect(rulesFor(alice, 'prod', snapshot()).incomplete).toBe(false);
  });

  it('reports cluster-admin as wildcards', () => {
    const rules = rulesFor(admin, 'any', snapshot());
    expect(rules.resourceRules).toContainEqual({
      verbs: ['*'],
      apiGroups: ['*'],
      resources: ['*'],
    });
    expect(rules.nonResourceRules).toContainEqual({ verbs: ['*'], nonResourceURLs: ['*'] });
  });
});

describe('forbiddenMessage', () => {
  const messages: [RequestAttributes, string][] = [
    [
      res('get', '', 'pods', { namespace: 'bar', name: 'foo' }),
      'pods "foo" is forbidden: User "developer" cannot get resource "pods" in API group "" in the namespace "bar"',
    ],
    [
      res('list', '', 'pods', { namespace: 'bar' }),
      'pods is forbidden: User "developer" cannot list resource "pods" in API group "" in the namespace "bar"',
    ],
    [
      res('list', '', 'nodes'),
      'nodes is forbidden: User "developer" cannot list resource "nodes" in API group "" at the cluster scope',
    ],
    [
      res('update', SUB, 'virtualmachines', {
        namespace: 'bar',
        name: 'vm1',
        subresource: 'start',
      }),
      'virtualmachines.subresources.kubevirt.io "vm1" is forbidden: User "developer" cannot update resource "virtualmachines/start" in API group "subresources.kubevirt.io" in the namespace "bar"',
    ],
    [url('get', '/metrics'), 'forbidden: User "developer" cannot get path "/metrics"'],
  ];
  it.each(messages)('%#', (attrs, message) => {
    expect(forbiddenMessage(developer, attrs)).toBe(message);
  });
});

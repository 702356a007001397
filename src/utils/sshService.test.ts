import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import {
  addSelectorLabel,
  buildSSHService,
  decideSelector,
  DOMAIN_LABEL,
  nodeAddress,
  pickNode,
  planSSHServiceChange,
  SSH_SERVICE_LABEL,
  type SSHService,
  sshServiceAccess,
  sshServiceName,
  sshServiceTypeOf,
} from './sshService';
import { buildPatch } from './vmPatch';

const vm = (labels?: Record<string, string>): VirtualMachine => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'web', namespace: 'demo', uid: 'uid-1', resourceVersion: '7' },
  spec: {
    template: { ...(labels ? { metadata: { labels } } : {}), spec: { domain: { devices: {} } } },
  },
});
const vmi = (labels?: Record<string, string>): VirtualMachineInstance => ({
  metadata: { name: 'web', namespace: 'demo', labels },
  spec: { domain: { devices: {} } },
});

const service = (
  type: string,
  extra: { nodePort?: number; port?: number; ingress?: { ip?: string; hostname?: string }[] } = {},
): SSHService => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web-ssh-service', namespace: 'demo', resourceVersion: '3' },
  spec: {
    type,
    ports: [{ port: extra.port ?? 22, targetPort: 22, nodePort: extra.nodePort }],
  },
  ...(extra.ingress ? { status: { loadBalancer: { ingress: extra.ingress } } } : {}),
});

describe('sshServiceName', () => {
  it.each([
    ['web', 'web-ssh-service'],
    ['db.prod', 'db-prod-ssh-service'],
    ['9lives', 'vm-9lives-ssh-service'],
    ['a'.repeat(63), `${'a'.repeat(51)}-ssh-service`],
    [`${'a'.repeat(50)}-b`, `${'a'.repeat(50)}-ssh-service`],
  ])('%s → %s', (name, expected) => {
    const result = sshServiceName(name);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(63);
    expect(result).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])?$/);
  });
});

describe('sshServiceTypeOf', () => {
  it.each([
    [undefined, 'none'],
    [service('NodePort'), 'NodePort'],
    [service('LoadBalancer'), 'LoadBalancer'],
    [service('ClusterIP'), 'none'],
  ] as const)('%#', (svc, expected) => expect(sshServiceTypeOf(svc)).toBe(expected));
});

describe('decideSelector', () => {
  it.each([
    {
      name: 'uses kubevirt.io/domain when the template has it for this VM',
      vm: vm({ [DOMAIN_LABEL]: 'web', app: 'x' }),
      vmi: vmi({ [DOMAIN_LABEL]: 'web' }),
      want: { selector: { [DOMAIN_LABEL]: 'web' }, addLabel: false, restartNeeded: false },
    },
    {
      name: 'adds the dedicated label when the template has no domain label',
      vm: vm({ app: 'x' }),
      vmi: vmi({ app: 'x' }),
      want: { selector: { [SSH_SERVICE_LABEL]: 'web' }, addLabel: true, restartNeeded: true },
    },
    {
      name: 'a domain label naming another VM (a copied template) is not used',
      vm: vm({ [DOMAIN_LABEL]: 'other' }),
      vmi: undefined,
      want: { selector: { [SSH_SERVICE_LABEL]: 'web' }, addLabel: true, restartNeeded: false },
    },
    {
      name: 'the dedicated label already there: nothing to add; a VMI started before still needs a restart',
      vm: vm({ [SSH_SERVICE_LABEL]: 'web' }),
      vmi: vmi({}),
      want: { selector: { [SSH_SERVICE_LABEL]: 'web' }, addLabel: false, restartNeeded: true },
    },
    {
      name: 'no template labels, stopped VM: add, no restart',
      vm: vm(),
      vmi: undefined,
      want: { selector: { [SSH_SERVICE_LABEL]: 'web' }, addLabel: true, restartNeeded: false },
    },
  ])('$name', ({ vm: v, vmi: i, want }) => expect(decideSelector(v, i)).toEqual(want));
});

describe('addSelectorLabel', () => {
  it.each([
    {
      name: 'adds one label next to the others',
      vm: vm({ app: 'x' }),
      want: [
        { op: 'test', path: '/metadata/resourceVersion', value: '7' },
        {
          op: 'add',
          path: `/spec/template/metadata/labels/${SSH_SERVICE_LABEL.replace('/', '~1')}`,
          value: 'web',
        },
      ],
    },
    {
      name: 'creates the template metadata when there is none',
      vm: vm(),
      want: [
        { op: 'test', path: '/metadata/resourceVersion', value: '7' },
        {
          op: 'add',
          path: '/spec/template/metadata',
          value: { labels: { [SSH_SERVICE_LABEL]: 'web' } },
        },
      ],
    },
  ])('$name', ({ vm: v, want }) => {
    expect(buildPatch(v, addSelectorLabel({ [SSH_SERVICE_LABEL]: 'web' }))).toEqual(want);
  });
});

describe('buildSSHService', () => {
  it('is a port 22 Service of the chosen type, selecting the label, owned by the VM', () => {
    expect(buildSSHService(vm(), 'NodePort', { [DOMAIN_LABEL]: 'web' })).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'web-ssh-service',
        namespace: 'demo',
        labels: { [SSH_SERVICE_LABEL]: 'web' },
        ownerReferences: [
          { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'web', uid: 'uid-1' },
        ],
      },
      spec: {
        type: 'NodePort',
        selector: { [DOMAIN_LABEL]: 'web' },
        ports: [{ name: 'ssh', protocol: 'TCP', port: 22, targetPort: 22 }],
      },
    });
  });
});

describe('planSSHServiceChange', () => {
  it.each([
    { name: 'none → none', current: undefined, target: 'none', want: { op: 'none' } },
    {
      name: 'none → NodePort creates',
      current: undefined,
      target: 'NodePort',
      want: { op: 'create', type: 'NodePort' },
    },
    {
      name: 'NodePort → none deletes',
      current: service('NodePort'),
      target: 'none',
      want: { op: 'delete' },
    },
    {
      name: 'same type does nothing',
      current: service('LoadBalancer'),
      target: 'LoadBalancer',
      want: { op: 'none' },
    },
    {
      name: 'NodePort → LoadBalancer patches the type only',
      current: service('NodePort', { nodePort: 30000 }),
      target: 'LoadBalancer',
      want: {
        op: 'patch',
        data: [
          { op: 'test', path: '/metadata/resourceVersion', value: '3' },
          { op: 'replace', path: '/spec/type', value: 'LoadBalancer' },
        ],
      },
    },
    {
      name: 'a ClusterIP Service of that name → NodePort patches it',
      current: service('ClusterIP'),
      target: 'NodePort',
      want: {
        op: 'patch',
        data: [
          { op: 'test', path: '/metadata/resourceVersion', value: '3' },
          { op: 'replace', path: '/spec/type', value: 'NodePort' },
        ],
      },
    },
  ] as const)('$name', ({ current, target, want }) =>
    expect(planSSHServiceChange(current, target)).toEqual(want),
  );
});

describe('nodeAddress and pickNode', () => {
  const node = (name: string, addresses: { type: string; address: string }[]) => ({
    metadata: { name },
    status: { addresses },
  });
  const internal = node('w0', [
    { type: 'Hostname', address: 'w0' },
    { type: 'InternalIP', address: '10.0.0.21' },
  ]);
  const external = node('w1', [
    { type: 'InternalIP', address: '10.0.0.22' },
    { type: 'ExternalIP', address: '203.0.113.9' },
  ]);
  const bare = node('cp', [{ type: 'Hostname', address: 'cp' }]);

  it.each([
    [internal, '10.0.0.21'],
    [external, '203.0.113.9'],
    [bare, undefined],
    [undefined, undefined],
  ])('%#', (n, want) => expect(nodeAddress(n)).toBe(want));

  it.each([
    { nodes: [internal, external], preferred: 'w1', want: 'w1' },
    { nodes: [bare, internal, external], preferred: undefined, want: 'w0' },
    { nodes: [bare, internal], preferred: 'cp', want: 'w0' },
    { nodes: [bare], preferred: 'cp', want: undefined },
  ])('preferred $preferred → $want', ({ nodes, preferred, want }) =>
    expect(pickNode(nodes, preferred)?.metadata?.name).toBe(want),
  );
});

describe('sshServiceAccess', () => {
  it.each([
    {
      name: 'NodePort with a port and a node address',
      service: service('NodePort', { nodePort: 30022 }),
      user: 'fedora',
      address: '10.0.0.21',
      want: { state: 'ready', command: 'ssh fedora@10.0.0.21 -p 30022', placeholder: false },
    },
    {
      name: 'NodePort without a readable node',
      service: service('NodePort', { nodePort: 30022 }),
      user: undefined,
      address: undefined,
      want: { state: 'ready', command: 'ssh <node-address> -p 30022', placeholder: true },
    },
    {
      name: 'NodePort not assigned yet',
      service: service('NodePort'),
      user: 'fedora',
      address: '10.0.0.21',
      want: { state: 'pendingNodePort' },
    },
    {
      name: 'LoadBalancer with an IP',
      service: service('LoadBalancer', { nodePort: 30022, ingress: [{ ip: '192.0.2.10' }] }),
      user: 'cloud-user',
      address: '10.0.0.21',
      want: { state: 'ready', command: 'ssh cloud-user@192.0.2.10', placeholder: false },
    },
    {
      name: 'LoadBalancer with a hostname',
      service: service('LoadBalancer', { ingress: [{ hostname: 'lb.example.com' }] }),
      user: 'fedora',
      address: undefined,
      want: { state: 'ready', command: 'ssh fedora@lb.example.com', placeholder: false },
    },
    {
      name: 'LoadBalancer without ingress is pending',
      service: service('LoadBalancer', { nodePort: 30022, ingress: [] }),
      user: 'fedora',
      address: '10.0.0.21',
      want: { state: 'pendingIngress' },
    },
    {
      name: 'no Service',
      service: undefined,
      user: 'fedora',
      address: undefined,
      want: { state: 'none' },
    },
    {
      name: 'a ClusterIP Service gives no outside command',
      service: service('ClusterIP'),
      user: 'fedora',
      address: '10.0.0.21',
      want: { state: 'none' },
    },
  ])('$name', ({ service: s, user, address, want }) =>
    expect(sshServiceAccess(s, user, address)).toEqual(want),
  );
});

import { describe, expect, it } from 'vitest';
import type { InstancetypeLookup } from './instancetypeSource';
import { buildRevision, findInstancetype, findPreference } from './instancetypeSource';
import { vmFixture } from './testFixtures';
import type { ControllerRevision, InstancetypeObject } from './types';

const small: InstancetypeObject = {
  apiVersion: 'instancetype.kubevirt.io/v1beta1',
  kind: 'VirtualMachineClusterInstancetype',
  metadata: { name: 'u1.small', uid: 'it-uid', generation: 3, labels: { a: 'b' } },
  spec: { cpu: { guest: 1 }, memory: { guest: '2Gi' } },
};

const lookup = (revisions: ControllerRevision[] = []): InstancetypeLookup => ({
  instancetype: () => undefined,
  clusterInstancetype: (name) => (name === 'u1.small' ? small : undefined),
  preference: () => undefined,
  clusterPreference: () => undefined,
  revision: (_ns, name) => revisions.find((r) => r.metadata.name === name),
});

describe('findInstancetype', () => {
  it('reads the live cluster instance type when no revision is stored', () => {
    const vm = vmFixture({ instancetype: { name: 'u1.small' } });
    expect(findInstancetype(vm, lookup())).toMatchObject({
      spec: small.spec,
      kind: 'VirtualMachineClusterInstancetype',
      live: small,
    });
  });

  it('prefers the revision stored for the VM', () => {
    const rev = buildRevision(vmFixture(), {
      ...small,
      spec: { cpu: { guest: 4 }, memory: { guest: '1Gi' } },
    });
    const vm = vmFixture(
      { instancetype: { name: 'u1.small', kind: 'virtualmachineclusterinstancetype' } },
      {
        status: {
          instancetypeRef: {
            name: 'u1.small',
            kind: 'VirtualMachineClusterInstancetype',
            controllerRevisionRef: { name: rev.metadata.name },
          },
        },
      },
    );
    expect(findInstancetype(vm, lookup([rev]))).toMatchObject({
      spec: { cpu: { guest: 4 } },
      revisionName: rev.metadata.name,
    });
  });

  it('ignores a stored revision of another instance type', () => {
    const vm = vmFixture(
      { instancetype: { name: 'u1.small' } },
      {
        status: {
          instancetypeRef: {
            name: 'u1.large',
            kind: 'VirtualMachineClusterInstancetype',
            controllerRevisionRef: { name: 'old' },
          },
        },
      },
    );
    expect(findInstancetype(vm, lookup())).toMatchObject({ live: small });
  });

  it('answers the API server’s not-found message', () => {
    expect(findInstancetype(vmFixture({ instancetype: { name: 'u1.nope' } }), lookup())).toEqual({
      error: 'virtualmachineclusterinstancetypes.instancetype.kubevirt.io "u1.nope" not found',
    });
    expect(
      findPreference(
        vmFixture({ preference: { name: 'x', kind: 'VirtualMachinePreference' } }),
        lookup(),
      ),
    ).toEqual({
      error: 'virtualmachinepreferences.instancetype.kubevirt.io "x" not found',
    });
  });

  it('is undefined without a reference', () => {
    expect(findInstancetype(vmFixture(), lookup())).toBeUndefined();
  });
});

describe('buildRevision', () => {
  it('names and labels the revision as KubeVirt does and strips metadata', () => {
    const rev = buildRevision(vmFixture(), small);
    expect(rev.metadata.name).toBe('vm1-u1.small-v1beta1-it-uid-3');
    expect(rev.metadata.labels).toMatchObject({
      'instancetype.kubevirt.io/object-kind': 'VirtualMachineClusterInstancetype',
      'instancetype.kubevirt.io/object-generation': '3',
    });
    expect(rev.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'VirtualMachine',
      controller: true,
    });
    expect(rev.data).toEqual({
      apiVersion: small.apiVersion,
      kind: small.kind,
      metadata: { name: 'u1.small', uid: 'it-uid', generation: 3 },
      spec: small.spec,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../../models/types';
import { joinVMListEntries, toVMListEntry } from './entries';

const vm = (name: string, extra: Partial<VirtualMachine> = {}): VirtualMachine => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: {
    name,
    namespace: 'ns',
    labels: { app: 'web', 'vm.kubevirt.io/template': 'fedora-server-small' },
  },
  spec: { runStrategy: 'Always', template: { spec: { domain: { devices: {} } } } },
  status: {
    printableStatus: 'Running',
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'Paused', status: 'False' },
      { type: 'Failure', status: 'True' },
    ],
  },
  ...extra,
});

const vmi = (name: string): VirtualMachineInstance => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name, namespace: 'ns' },
  spec: { domain: { devices: {} } },
  status: {
    nodeName: 'node-1',
    interfaces: [{ ipAddress: '10.0.0.5', ipAddresses: ['10.0.0.5', 'fd00::5'] }],
  },
});

describe('toVMListEntry', () => {
  it('derives every field the list reads', () => {
    const entry = toVMListEntry(vm('a'), vmi('a'));
    expect(entry).toMatchObject({
      key: 'ns/a',
      name: 'a',
      namespace: 'ns',
      template: 'fedora-server-small',
      node: 'node-1',
      ips: ['10.0.0.5', 'fd00::5'],
      labels: ['app=web', 'vm.kubevirt.io/template=fedora-server-small'],
      vcpus: 1,
    });
    expect(entry.status.status).toBe('Running');
  });

  it('lists the conditions that hold', () => {
    expect(toVMListEntry(vm('a')).conditions).toEqual(['Ready', 'Failure']);
    const notReady = vm('b', {
      status: { conditions: [{ type: 'Ready', status: 'False' }] },
    });
    expect(toVMListEntry(notReady).conditions).toEqual([]);
  });

  it('has no node or IPs without an instance', () => {
    expect(toVMListEntry(vm('a'))).toMatchObject({ node: undefined, ips: [] });
  });
});

describe('joinVMListEntries', () => {
  it('matches instances by namespace and name', () => {
    const joined = joinVMListEntries([vm('a'), vm('b')], [vmi('b')]);
    expect(joined.get('ns/a')?.vmi).toBeUndefined();
    expect(joined.get('ns/b')?.vmi?.metadata?.name).toBe('b');
  });

  it('reuses the entries of unchanged objects and rebuilds changed ones', () => {
    const a = vm('a');
    const b = vm('b');
    const first = joinVMListEntries([a, b], []);
    const second = joinVMListEntries([a, { ...b }], [], first);
    expect(second.get('ns/a')).toBe(first.get('ns/a'));
    expect(second.get('ns/b')).not.toBe(first.get('ns/b'));
    const third = joinVMListEntries([a], [vmi('a')], second);
    expect(third.get('ns/a')).not.toBe(second.get('ns/a'));
    expect(third.has('ns/b')).toBe(false);
  });

  it('lists a VMI that no VM owns as a standalone row, and skips one whose VM is not listed yet', () => {
    const lone: VirtualMachineInstance = {
      ...vmi('lone'),
      metadata: { name: 'lone', namespace: 'ns', labels: { app: 'smoke' } },
      spec: { domain: { devices: {}, cpu: { cores: 2 }, memory: { guest: '512Mi' } } },
      status: { ...vmi('lone').status, phase: 'Running', guestOSInfo: { name: 'Alpine' } },
    };
    const owned: VirtualMachineInstance = {
      ...vmi('orphan-soon'),
      metadata: {
        name: 'orphan-soon',
        namespace: 'ns',
        ownerReferences: [
          { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'orphan-soon', uid: 'u' },
        ],
      },
    };
    const joined = joinVMListEntries([vm('a')], [vmi('a'), lone, owned]);
    expect([...joined.keys()]).toEqual(['ns/a', 'ns/lone']);
    expect(joined.get('ns/lone')).toMatchObject({
      standalone: true,
      name: 'lone',
      status: { status: 'Running', kind: 'running' },
      os: 'Alpine',
      node: 'node-1',
      ips: ['10.0.0.5', 'fd00::5'],
      labels: ['app=smoke'],
      vcpus: 2,
      memory: '512Mi',
    });
    const again = joinVMListEntries([vm('a')], [vmi('a'), lone, owned], joined);
    expect(again.get('ns/lone')).toBe(joined.get('ns/lone'));
  });
});

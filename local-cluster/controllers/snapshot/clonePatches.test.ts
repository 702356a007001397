import { applyPatch } from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { clonePatches, generatedCloneName, keptKeys, randomMac } from './clonePatches';
import type { SnapshotVm } from './snapshotTypes';

const source: SnapshotVm = {
  metadata: {
    name: 'fedora',
    labels: { app: 'fedora', 'kubevirt.io/os': 'fedora', team: 'a' },
    annotations: { 'restore.kubevirt.io/lastRestoreUID': 'x', note: 'n' },
  },
  spec: {
    template: {
      metadata: { labels: { 'kubevirt.io/domain': 'fedora' } },
      spec: {
        domain: {
          devices: {
            interfaces: [
              { name: 'default', masquerade: {}, macAddress: '02:00:00:00:00:01' },
              { name: 'nic2', bridge: {} },
            ],
          },
          firmware: { uuid: '1234', serial: 'old' },
        },
      },
    },
  },
};

const apply = (patches: string[]) =>
  applyPatch(structuredClone(source), JSON.parse(`[${patches.join(',')}]`) as Operation[])
    .newDocument;

describe('clone patches', () => {
  it('gives every interface a new MAC, the new serial, and clears the firmware UUID', () => {
    const patched = apply(
      clonePatches(
        source,
        {
          source: { kind: 'VirtualMachine', name: 'fedora' },
          newMacAddresses: { nic2: '02:aa:bb:cc:dd:ee' },
          newSMBiosSerial: 'new',
        },
        () => '02:11:22:33:44:55',
      ),
    );
    const domain = patched.spec.template.spec?.domain;
    expect(domain?.devices.interfaces?.map((i) => i.macAddress)).toEqual([
      '02:11:22:33:44:55',
      '02:aa:bb:cc:dd:ee',
    ]);
    expect(domain?.firmware).toEqual({ serial: 'new' });
  });

  it.each([
    [undefined, ['app', 'kubevirt.io/os', 'team']],
    [['*'], ['app', 'kubevirt.io/os', 'team']],
    [
      ['*', '!team'],
      ['app', 'kubevirt.io/os'],
    ],
    [['kubevirt.io/.*'], ['kubevirt.io/os']],
    [[], []],
  ])('label filters %o keep %o', (labelFilters, kept) => {
    const patched = apply(
      clonePatches(source, { source: { kind: 'VirtualMachine', name: 'fedora' }, labelFilters }),
    );
    expect(Object.keys(patched.metadata.labels ?? {}).sort()).toEqual([...kept].sort());
  });

  it('never removes the last-restore annotation and filters the others', () => {
    const patched = apply(
      clonePatches(source, {
        source: { kind: 'VirtualMachine', name: 'fedora' },
        annotationFilters: ['!note'],
      }),
    );
    expect(patched.metadata.annotations).toEqual({ 'restore.kubevirt.io/lastRestoreUID': 'x' });
  });

  it('helpers', () => {
    expect(randomMac()).toMatch(/^02(:[0-9a-f]{2}){5}$/);
    expect(generatedCloneName('fedora', 'abcde')).toBe('fedora-clone-abcde');
    expect([...keptKeys(['a', 'b'], ['a'])]).toEqual(['a']);
  });
});

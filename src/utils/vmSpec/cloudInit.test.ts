import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../../models/types';
import { applyRecipes } from '../vmPatch';
import {
  getCloudInit,
  getSysprep,
  getUserPassword,
  setCloudInit,
  setSysprep,
  withUserPassword,
} from './cloudInit';

const bare: VirtualMachine = {
  metadata: { name: 'vm1' },
  spec: { template: { spec: { domain: { devices: {} } } } },
};

describe('cloud-init', () => {
  it('adds a NoCloud volume and disk when there is none, edits it in place after', () => {
    const next = applyRecipes(bare, setCloudInit('#cloud-config\nuser: a\n', ''));
    expect(next.spec?.template.spec?.volumes).toEqual([
      { name: 'cloudinitdisk', cloudInitNoCloud: { userData: '#cloud-config\nuser: a\n' } },
    ]);
    expect(next.spec?.template.spec?.domain.devices.disks).toEqual([
      { name: 'cloudinitdisk', disk: { bus: 'virtio' } },
    ]);
    const again = applyRecipes(next, setCloudInit('#cloud-config\nuser: b\n', 'version: 2\n'));
    expect(getCloudInit(again)).toEqual({
      volumeName: 'cloudinitdisk',
      kind: 'noCloud',
      userData: '#cloud-config\nuser: b\n',
      networkData: 'version: 2\n',
    });
    expect(again.spec?.template.spec?.domain.devices.disks).toHaveLength(1);
  });

  it.each([
    ['#cloud-config\nuser: fedora\npassword: pw\n', { user: 'fedora', password: 'pw' }],
    ['#!/bin/sh\necho', { user: '', password: '' }],
    ['a: [', { user: '', password: '' }],
  ])('getUserPassword(%j)', (data, out) => expect(getUserPassword(data)).toEqual(out));

  it('withUserPassword keeps other keys', () => {
    const out = withUserPassword('#cloud-config\nruncmd: [ls]\nuser: x\n', 'fedora', 'secret');
    expect(out.startsWith('#cloud-config\n')).toBe(true);
    expect(getUserPassword(out)).toEqual({ user: 'fedora', password: 'secret' });
    expect(out).toContain('runcmd');
    expect(out).toContain('expire: false');
    expect(getUserPassword(withUserPassword('#!/bin/sh', 'u', ''))).toEqual({
      user: 'u',
      password: '',
    });
  });
});

describe('sysprep', () => {
  it('sets, replaces and removes the sysprep volume and CD-ROM', () => {
    const a = applyRecipes(bare, setSysprep({ kind: 'configMap', name: 'unattend' }));
    expect(getSysprep(a)).toEqual({ kind: 'configMap', name: 'unattend' });
    expect(a.spec?.template.spec?.domain.devices.disks).toEqual([
      { name: 'sysprep', cdrom: { bus: 'sata' } },
    ]);
    const b = applyRecipes(a, setSysprep({ kind: 'secret', name: 's' }));
    expect(getSysprep(b)).toEqual({ kind: 'secret', name: 's' });
    expect(b.spec?.template.spec?.volumes).toHaveLength(1);
    const c = applyRecipes(b, setSysprep(undefined));
    expect(getSysprep(c)).toBeUndefined();
    expect(c.spec?.template.spec?.domain.devices.disks).toEqual([]);
  });
});

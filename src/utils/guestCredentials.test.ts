import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../models/types';
import { getGuestCredentials, parseGuestCredentials } from './guestCredentials';

const withVolumes = (volumes: object[]): VirtualMachine =>
  ({
    metadata: { name: 'vm1' },
    spec: { template: { spec: { domain: { devices: {} }, volumes } } },
  }) as VirtualMachine;

describe('parseGuestCredentials', () => {
  it.each([
    [
      '#cloud-config\nuser: fedora\npassword: s3cret\nchpasswd: { expire: False }\n',
      { user: 'fedora', password: 's3cret' },
    ],
    ['user: "cloud-user"\npassword: \'a b\'\n', { user: 'cloud-user', password: 'a b' }],
    ['#cloud-config\nuser: fedora\n', { user: 'fedora', password: undefined }],
    ['#cloud-config\npassword: only\n', { user: undefined, password: 'only' }],
    ['#cloud-config\nuser: fedora\npassword:\n', { user: 'fedora', password: undefined }],
    ['#cloud-config\nuser: fedora\npassword: ""\n', { user: 'fedora', password: undefined }],
    ['#cloud-config\nuser: admin\npassword: 1234\n', { user: 'admin', password: '1234' }],
    ['#cloud-config\nuser: admin\npassword: true\n', { user: 'admin', password: 'true' }],
    [
      '#cloud-config\nusers:\n  - default\n  - name: cloud-user\n    plain_text_passwd: pw1\n',
      { user: 'cloud-user', password: 'pw1' },
    ],
    [
      '#cloud-config\npassword: for-default\nusers:\n  - name: ops\n',
      { user: 'ops', password: undefined },
    ],
    [
      '#cloud-config\nusers: [{name: ops}]\nchpasswd:\n  users:\n    - {name: ops, password: pw2, type: text}\n',
      { user: 'ops', password: 'pw2' },
    ],
    [
      '#cloud-config\nusers: [{name: ops}]\nchpasswd:\n  users:\n    - {name: ops, password: pw3}\n',
      { user: 'ops', password: 'pw3' },
    ],
    [
      '#cloud-config\nusers: [{name: ops}]\nchpasswd:\n  users:\n    - {name: ops, password: "$6$salt$hash"}\n    - {name: ops, password: x, type: RANDOM}\n',
      { user: 'ops', password: undefined },
    ],
    [
      '#cloud-config\nuser: fedora\nchpasswd:\n  list: |\n    root:rootpw\n    fedora:fedpw\n',
      { user: 'fedora', password: 'fedpw' },
    ],
    [
      "#cloud-config\nuser: fedora\nchpasswd:\n  list: ['fedora:RANDOM']\n",
      { user: 'fedora', password: undefined },
    ],
  ])('%j', (data, want) => expect(parseGuestCredentials(data)).toEqual(want));

  it.each([
    ['', 'empty'],
    ['#cloud-config\n', 'header only'],
    ['#cloud-config\nruncmd: [ls]\n', 'neither key'],
    ['#!/bin/sh\necho hi\n', 'a script'],
    ['- user: a\n', 'a list'],
    ['user: [a, b]\npassword: {x: 1}\n', 'not scalars'],
    ['user: "unclosed\n', 'invalid YAML'],
    ['#cloud-config\nusers:\n  - default\n', 'only the default user'],
  ])('undefined for %j (%s)', (data) => expect(parseGuestCredentials(data)).toBeUndefined());
});

describe('getGuestCredentials', () => {
  it('reads NoCloud user data', () => {
    const vm = withVolumes([
      { name: 'rootdisk', containerDisk: { image: 'x' } },
      { name: 'cloudinitdisk', cloudInitNoCloud: { userData: 'user: a\npassword: b\n' } },
    ]);
    expect(getGuestCredentials(vm)).toEqual({ user: 'a', password: 'b' });
  });

  it('reads ConfigDrive user data', () => {
    const vm = withVolumes([
      { name: 'cloudinitdisk', cloudInitConfigDrive: { userData: '#cloud-config\nuser: c\n' } },
    ]);
    expect(getGuestCredentials(vm)).toEqual({ user: 'c', password: undefined });
  });

  it('is undefined without cloud-init or without user data', () => {
    expect(getGuestCredentials(withVolumes([]))).toBeUndefined();
    expect(
      getGuestCredentials(withVolumes([{ name: 'c', cloudInitNoCloud: { networkData: 'x' } }])),
    ).toBeUndefined();
    expect(getGuestCredentials({ metadata: { name: 'bare' } } as VirtualMachine)).toBeUndefined();
  });
});

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
  ])('%j', (data, want) => expect(parseGuestCredentials(data)).toEqual(want));

  it.each([
    ['', 'empty'],
    ['#cloud-config\n', 'header only'],
    ['#cloud-config\nruncmd: [ls]\n', 'neither key'],
    ['#!/bin/sh\necho hi\n', 'a script'],
    ['- user: a\n', 'a list'],
    ['user: [a, b]\npassword: {x: 1}\n', 'not scalars'],
    ['user: "unclosed\n', 'invalid YAML'],
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

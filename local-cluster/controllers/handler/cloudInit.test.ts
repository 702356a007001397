import { describe, expect, it } from 'vitest';
import { parseCloudInit, userDataSourceOf } from './cloudInit';
import type { Vmi } from './kubevirtObjects';

describe('cloud-init', () => {
  it.each([
    [
      'the console’s create flow',
      '#cloud-config\nuser: cloud-user\npassword: abc1-def2-ghi3\nchpasswd: { expire: False }',
      { user: 'cloud-user', password: 'abc1-def2-ghi3' },
    ],
    [
      'a chpasswd list',
      '#cloud-config\nchpasswd:\n  list: |\n    root:toor\n    fedora:secret\n  expire: false\n',
      { user: 'root', password: 'toor' },
    ],
    [
      'a chpasswd list for the named user',
      '#cloud-config\nuser: fedora\nchpasswd:\n  list:\n    - root:toor\n    - fedora:secret\n',
      { user: 'fedora', password: 'secret' },
    ],
    [
      'chpasswd users',
      '#cloud-config\nchpasswd:\n  users:\n    - {name: admin, password: pw, type: text}\n',
      { user: 'admin', password: 'pw' },
    ],
    [
      'users with plain_text_passwd, and a hostname',
      '#cloud-config\nhostname: web-1\nusers:\n  - default\n  - name: ops\n    plain_text_passwd: hunter2\n',
      { user: 'ops', password: 'hunter2', hostname: 'web-1' },
    ],
    ['an fqdn', '#cloud-config\nfqdn: db.example.com\n', { hostname: 'db' }],
    ['a password without a user', '#cloud-config\npassword: only\n', { password: 'only' }],
    ['a shell script', '#!/bin/sh\necho hi\n', {}],
    ['broken YAML', '#cloud-config\nuser: [unclosed\n', {}],
  ])('reads %s', (_what, userData, login) => {
    expect(parseCloudInit(userData)).toEqual(login);
  });

  const vmiWith = (volumes: unknown[]): Vmi =>
    ({ metadata: {}, spec: { domain: { devices: {} }, volumes } }) as unknown as Vmi;

  it('finds the user data inline, base64-encoded or in a secret', () => {
    expect(userDataSourceOf(vmiWith([{ name: 'c', cloudInitNoCloud: { userData: 'x' } }]))).toEqual(
      { inline: 'x' },
    );
    expect(
      userDataSourceOf(
        vmiWith([
          {
            name: 'c',
            cloudInitConfigDrive: { userDataBase64: Buffer.from('y').toString('base64') },
          },
        ]),
      ),
    ).toEqual({ inline: 'y' });
    expect(
      userDataSourceOf(vmiWith([{ name: 'c', cloudInitNoCloud: { secretRef: { name: 's' } } }])),
    ).toEqual({ secretName: 's' });
    expect(userDataSourceOf(vmiWith([{ name: 'd', containerDisk: { image: 'i' } }]))).toBe(
      undefined,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { osIdentity, osReleaseFile } from './osIdentity';

describe('osIdentity', () => {
  it.each([
    ['Fedora Linux 41', 'Fedora Linux', 'fedora', '41', '6.11.4-301.fc41.x86_64'],
    [
      'Red Hat Enterprise Linux 9.4',
      'Red Hat Enterprise Linux',
      'rhel',
      '9.4',
      '5.14.0-427.13.1.el9_4.x86_64',
    ],
    ['CentOS Stream 9', 'CentOS Stream', 'centos', '9', '5.14.0-427.13.1.el9_4.x86_64'],
    ['Ubuntu 24.04', 'Ubuntu', 'ubuntu', '24.04', '6.8.0-45-generic'],
    ['Microsoft Windows Server 2022', 'Microsoft Windows Server', 'windows', '2022', '6.1.0'],
    ['Alpine Linux', 'Alpine Linux', 'alpine', '', '6.1.0'],
    ['', 'Linux', 'linux', '', '6.1.0'],
  ])('%j', (osName, name, id, versionId, kernelRelease) => {
    expect(osIdentity(osName)).toMatchObject({ name, id, versionId, kernelRelease });
  });

  it('writes an os-release file that a shell can source', () => {
    expect(osReleaseFile(osIdentity('Fedora Linux 41'))).toBe(
      'NAME="Fedora Linux"\nVERSION="41"\nID=fedora\nVERSION_ID=41\nPRETTY_NAME="Fedora Linux 41"\n',
    );
    expect(osReleaseFile(osIdentity('My "quoted" $OS'))).toContain(
      'PRETTY_NAME="My \\"quoted\\" \\$OS"',
    );
  });
});

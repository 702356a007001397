import { describe, expect, it } from 'vitest';
import type { AgentFacts } from './guestAgentData';
import { filesystemsOf, guestAgentInfoOf, usersOf } from './guestAgentData';

const GiB = 2 ** 30;

const facts = (osName: string, extra: Partial<AgentFacts> = {}): AgentFacts => ({
  spec: {
    uid: 'u',
    namespace: 'ns',
    name: 'vm',
    hostname: 'vm-host',
    osName,
    cpus: 1,
    memoryMiB: 1024,
    user: 'fedora',
    password: 'pw',
  },
  bootedAtMs: 1_700_000_000_000,
  frozen: false,
  rootDiskBytes: 30 * GiB,
  ...extra,
});

describe('guest agent data', () => {
  it('reports the guest as qemu-ga does', () => {
    const info = guestAgentInfoOf(facts('Fedora Linux 42'));
    expect(info).toMatchObject({
      guestAgentVersion: '9.1.0',
      hostname: 'vm-host',
      timezone: 'UTC, 0',
      fsFreezeStatus: 'thawed',
      os: { id: 'fedora', prettyName: 'Fedora Linux 42' },
      userList: [{ userName: 'fedora', loginTime: 1_700_000_000 }],
    });
    expect(info.supportedCommands).toContainEqual({ name: 'guest-get-osinfo', enabled: true });
    expect(guestAgentInfoOf(facts('Fedora Linux 42', { frozen: true })).fsFreezeStatus).toBe(
      'frozen',
    );
  });

  it('sizes file systems from the root disk', () => {
    const [root, boot] = filesystemsOf(facts('Red Hat Enterprise Linux 9.6'));
    expect(root).toMatchObject({ mountPoint: '/', fileSystemType: 'xfs', totalBytes: 29 * GiB });
    expect(root.usedBytes).toBeGreaterThan(2 * GiB);
    expect(root.usedBytes).toBeLessThan(root.totalBytes);
    expect(boot.mountPoint).toBe('/boot');
    expect(filesystemsOf(facts('Fedora Linux 42'))[0].fileSystemType).toBe('btrfs');
    expect(filesystemsOf(facts('Ubuntu 24.04'))[0].fileSystemType).toBe('ext4');
  });

  it('reports Windows volumes and domain users', () => {
    const win = facts('Microsoft Windows Server 2022', {
      spec: { ...facts('').spec, osName: 'Microsoft Windows Server 2022', user: 'Administrator' },
    });
    expect(filesystemsOf(win)).toEqual([
      expect.objectContaining({ mountPoint: 'C:\\', fileSystemType: 'NTFS' }),
    ]);
    expect(usersOf(win)).toEqual([
      { userName: 'Administrator', domain: 'VM-HOST', loginTime: 1_700_000_000 },
    ]);
    expect(guestAgentInfoOf(win).guestAgentVersion).toBe('108.0.2');
  });

  it('lists nobody when cloud-init set no user', () => {
    expect(
      usersOf(facts('Fedora Linux 42', { spec: { ...facts('').spec, user: undefined } })),
    ).toEqual([]);
  });
});

import type {
  V1VirtualMachineInstanceFileSystem,
  V1VirtualMachineInstanceGuestAgentInfo,
  V1VirtualMachineInstanceGuestOSUser,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { GuestSpec } from '../../guests/guestTypes';
import { guestOsInfoOf, isWindows } from './guestOs';

/**
 * What the QEMU guest agent reports, shaped as virt-handler returns it to virt-api for
 * `guestosinfo`, `userlist` and `filesystemlist`. The guest's facts come from its spec (hostname,
 * OS, login user); sizes from the root disk's capacity.
 */

/** The commands qemu-ga advertises that KubeVirt relies on. */
const AGENT_COMMANDS = [
  'guest-ping',
  'guest-get-time',
  'guest-info',
  'guest-shutdown',
  'guest-network-get-interfaces',
  'guest-get-fsinfo',
  'guest-get-host-name',
  'guest-get-users',
  'guest-get-timezone',
  'guest-get-osinfo',
  'guest-fsfreeze-freeze',
  'guest-fsfreeze-thaw',
  'guest-fsfreeze-status',
  'guest-exec',
  'guest-exec-status',
  'guest-file-open',
  'guest-file-close',
  'guest-file-read',
  'guest-file-write',
  'guest-set-user-password',
];

export interface AgentFacts {
  spec: GuestSpec;
  /** When the guest finished booting (ms since the epoch): the login time of its user. */
  bootedAtMs: number;
  frozen: boolean;
  /** Capacity of the boot disk in bytes. */
  rootDiskBytes: number;
}

const GiB = 2 ** 30;

const rootFsType = (osName: string): string => {
  if (isWindows(osName)) return 'NTFS';
  if (/fedora/i.test(osName)) return 'btrfs';
  if (/ubuntu|debian|cirros/i.test(osName)) return 'ext4';
  return 'xfs';
};

export const filesystemsOf = (facts: AgentFacts): V1VirtualMachineInstanceFileSystem[] => {
  const { osName } = facts.spec;
  const total = Math.max(GiB, facts.rootDiskBytes);
  // An installed cloud image fills a little over 2 GiB; logs and caches add a bit per GiB of disk.
  const used = Math.min(total - 1, Math.round(2.2 * GiB + total * 0.015));
  const disk = [{ busType: 'virtio', serial: '' }];
  if (isWindows(osName)) {
    return [
      {
        diskName: '\\\\?\\Volume{c3a4f2d5-0000-0000-0000-100000000000}\\',
        mountPoint: 'C:\\',
        fileSystemType: 'NTFS',
        totalBytes: total - 600 * 2 ** 20,
        usedBytes: Math.min(total - 1, used + 9 * GiB),
        disk: [{ busType: 'sata', serial: '' }],
      },
    ];
  }
  return [
    {
      diskName: 'vda4',
      mountPoint: '/',
      fileSystemType: rootFsType(osName),
      totalBytes: total - GiB,
      usedBytes: used,
      disk,
    },
    {
      diskName: 'vda3',
      mountPoint: '/boot',
      fileSystemType: rootFsType(osName) === 'btrfs' ? 'ext4' : rootFsType(osName),
      totalBytes: 960 * 2 ** 20,
      usedBytes: 210 * 2 ** 20,
      disk,
    },
  ];
};

export const usersOf = (facts: AgentFacts): V1VirtualMachineInstanceGuestOSUser[] => {
  if (!facts.spec.user) return [];
  return [
    {
      userName: facts.spec.user,
      ...(isWindows(facts.spec.osName) ? { domain: facts.spec.hostname.toUpperCase() } : {}),
      loginTime: facts.bootedAtMs / 1000,
    },
  ];
};

export const guestAgentInfoOf = (facts: AgentFacts): V1VirtualMachineInstanceGuestAgentInfo => ({
  guestAgentVersion: isWindows(facts.spec.osName) ? '108.0.2' : '9.1.0',
  supportedCommands: AGENT_COMMANDS.map((name) => ({ name, enabled: true })),
  hostname: facts.spec.hostname,
  os: guestOsInfoOf(facts.spec.osName),
  timezone: 'UTC, 0',
  userList: usersOf(facts),
  fsInfo: { disks: filesystemsOf(facts) },
  fsFreezeStatus: facts.frozen ? 'frozen' : 'thawed',
});

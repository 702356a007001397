import type { V1VirtualMachineInstanceGuestOSInfo } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { osIdentity } from '../../guests/osIdentity';
import type { Vmi } from './kubevirtObjects';

/**
 * Which operating system a VMI's guest presents. Nothing in a VMI says it for sure; the hints a
 * console user would recognise are, in order: the template's `vm.kubevirt.io/os` annotation, the
 * preference the VM uses, a container disk image, and the VMI's name.
 */
const OS_NAMES: [RegExp, string][] = [
  [/rhel-?10|rhel\.?10/, 'Red Hat Enterprise Linux 10.0'],
  [/rhel-?9|rhel\.?9|rhel$/, 'Red Hat Enterprise Linux 9.6'],
  [/rhel-?8|rhel\.?8/, 'Red Hat Enterprise Linux 8.10'],
  [/rhel-?7|rhel\.?7/, 'Red Hat Enterprise Linux 7.9'],
  [/centos.?stream.?10/, 'CentOS Stream 10'],
  [/centos/, 'CentOS Stream 9'],
  [/fedora/, 'Fedora Linux 42'],
  [/ubuntu/, 'Ubuntu 24.04'],
  [/debian/, 'Debian GNU/Linux 12'],
  [/opensuse|sles|suse/, 'openSUSE Leap 15.6'],
  [/cirros/, 'CirrOS 0.6.2'],
  [/win.*2k25|windows.?2025/, 'Microsoft Windows Server 2025'],
  [/win.*2k22|windows.?2022/, 'Microsoft Windows Server 2022'],
  [/win.*2k19|windows.?2019/, 'Microsoft Windows Server 2019'],
  [/win.*2k16|windows.?2016/, 'Microsoft Windows Server 2016'],
  [/win.*11/, 'Microsoft Windows 11'],
  [/win.*10/, 'Microsoft Windows 10'],
];

const DEFAULT_OS = 'Fedora Linux 42';

const osNameFromHint = (hint: string | undefined): string | undefined => {
  if (!hint) return undefined;
  const h = hint.toLowerCase();
  return OS_NAMES.find(([pattern]) => pattern.test(h))?.[1];
};

export const osNameOf = (vmi: Vmi): string => {
  const annotations = vmi.metadata.annotations ?? {};
  const labels = vmi.metadata.labels ?? {};
  const osTemplateLabel = Object.keys(labels).find((l) => l.startsWith('os.template.kubevirt.io/'));
  const images = (vmi.spec.volumes ?? []).map((v) => v.containerDisk?.image);
  const hints = [
    annotations['vm.kubevirt.io/os'],
    osTemplateLabel?.slice('os.template.kubevirt.io/'.length),
    annotations['kubevirt.io/cluster-preference-name'],
    annotations['kubevirt.io/preference-name'],
    ...images,
    vmi.metadata.name,
  ];
  for (const hint of hints) {
    const name = osNameFromHint(hint);
    if (name) return name;
  }
  return DEFAULT_OS;
};

export const isWindows = (osName: string): boolean => /windows/i.test(osName);

/** Windows build numbers the guest agent reports as the kernel release. */
const WINDOWS_BUILDS: Record<string, string> = {
  '2016': '14393',
  '2019': '17763',
  '2022': '20348',
  '2025': '26100',
  '10': '19045',
  '11': '22631',
};

/** `vmi.status.guestOSInfo`, as the guest agent reports it for that OS. */
export const guestOsInfoOf = (osName: string): V1VirtualMachineInstanceGuestOSInfo => {
  if (isWindows(osName)) {
    const version = /(\d+)\s*$/.exec(osName)?.[1] ?? '2022';
    return {
      id: 'mswindows',
      name: 'Microsoft Windows',
      prettyName:
        osName.replace(/^Microsoft /, '') + (/Server/.test(osName) ? ' Datacenter' : ' Pro'),
      version: osName,
      versionId: version,
      kernelRelease: WINDOWS_BUILDS[version] ?? '20348',
      kernelVersion: '10.0',
      machine: 'x86_64',
    };
  }
  const identity = osIdentity(osName);
  return {
    id: identity.id,
    name: identity.name,
    prettyName: identity.prettyName,
    version: identity.versionId,
    versionId: identity.versionId,
    kernelRelease: identity.kernelRelease,
    kernelVersion: '#1 SMP PREEMPT_DYNAMIC',
    machine: 'x86_64',
  };
};

/** The cloud image's default user when cloud-init names none (what `user:` would default to). */
export const defaultUserOf = (osName: string): string => {
  const id = osIdentity(osName).id;
  if (id === 'fedora') return 'fedora';
  if (id === 'ubuntu') return 'ubuntu';
  if (id === 'debian') return 'debian';
  if (id === 'cirros') return 'cirros';
  if (isWindows(osName)) return 'Administrator';
  return 'cloud-user';
};

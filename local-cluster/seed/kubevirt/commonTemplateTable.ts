/**
 * What differs between the common templates (kubevirt/common-templates) the cluster seeds: one
 * entry per guest OS, one variant per workload/flavor pair the OS is shipped with.
 */

export type Workload = 'server' | 'desktop' | 'highperformance';
export type Flavor = 'tiny' | 'small' | 'medium' | 'large';

export interface TemplateVariant {
  workload: Workload;
  flavor: Flavor;
  /** The OS's preselected template in the catalog (`template.kubevirt.io/default-os-variant`). */
  default?: boolean;
}

export interface OsEntry {
  /** Template name prefix and `vm.kubevirt.io/os`, e.g. `rhel9`. */
  os: string;
  family: 'linux' | 'windows';
  displayName: string;
  description: string;
  icon: string;
  /** `tags` after `hidden,kubevirt,virtualmachine,`. */
  tags: string;
  /** [osinfo id, name] for every `os.template.kubevirt.io/<id>` label. */
  osVersions: [string, string][];
  /** Red Hat supports RHEL and Windows guests fully, Fedora and CentOS Stream as community. */
  supportLevel: 'Full' | 'Community';
  dataSource: string;
  /** Minimum guest memory in bytes (osinfo's), enforced by the template's validations. */
  minMemory: number;
  diskSize: string;
  /** Linux only: the cloud-init user. */
  cloudUser?: string;
  /** Container disks this OS is also published as (`template.kubevirt.io/containerdisks`). */
  containerDisks?: string[];
  /** Windows only: UEFI Secure Boot, SMM and a persistent vTPM (2k22 and 11); BIOS otherwise. */
  secureBoot?: boolean;
  variants: TemplateVariant[];
}

/** Guest memory and sockets of each flavor, as the common templates size them. */
export const FLAVOR_SIZES: Record<Flavor, { memory: string; sockets: number }> = {
  tiny: { memory: '1.5Gi', sockets: 1 },
  small: { memory: '2Gi', sockets: 1 },
  medium: { memory: '4Gi', sockets: 1 },
  large: { memory: '8Gi', sockets: 2 },
};

const GiB = 2 ** 30;

const sizes = (workload: Workload, flavors: Flavor[], defaultFlavor?: Flavor): TemplateVariant[] =>
  flavors.map((flavor) => ({
    workload,
    flavor,
    ...(flavor === defaultFlavor ? { default: true } : {}),
  }));

const minorVersions = (id: string, name: string, minors: number): [string, string][] =>
  Array.from({ length: minors + 1 }, (_, m): [string, string] => [`${id}.${m}`, `${name}.${m}`]);

export const COMMON_OS: OsEntry[] = [
  {
    os: 'rhel8',
    family: 'linux',
    displayName: 'Red Hat Enterprise Linux 8 VM',
    description:
      'Template for Red Hat Enterprise Linux 8 VM or newer. A PVC with the RHEL disk image must be available.',
    icon: 'icon-rhel',
    tags: 'linux,rhel',
    osVersions: minorVersions('rhel8', 'Red Hat Enterprise Linux 8', 10),
    supportLevel: 'Full',
    dataSource: 'rhel8',
    minMemory: 1.5 * GiB,
    diskSize: '30Gi',
    cloudUser: 'cloud-user',
    containerDisks: ['registry.redhat.io/rhel8/rhel-guest-image'],
    variants: sizes('server', ['small', 'medium', 'large'], 'small'),
  },
  {
    os: 'rhel9',
    family: 'linux',
    displayName: 'Red Hat Enterprise Linux 9 VM',
    description:
      'Template for Red Hat Enterprise Linux 9 VM or newer. A PVC with the RHEL disk image must be available.',
    icon: 'icon-rhel',
    tags: 'linux,rhel',
    osVersions: minorVersions('rhel9', 'Red Hat Enterprise Linux 9', 6),
    supportLevel: 'Full',
    dataSource: 'rhel9',
    minMemory: 1.5 * GiB,
    diskSize: '30Gi',
    cloudUser: 'cloud-user',
    containerDisks: ['registry.redhat.io/rhel9/rhel-guest-image'],
    variants: [
      ...sizes('server', ['small', 'medium', 'large'], 'small'),
      ...sizes('desktop', ['small', 'medium']),
      ...sizes('highperformance', ['small', 'medium']),
    ],
  },
  {
    os: 'centos-stream9',
    family: 'linux',
    displayName: 'CentOS Stream 9 VM',
    description:
      'Template for CentOS Stream 9 VM or newer. A PVC with the CentOS Stream disk image must be available.',
    icon: 'icon-centos',
    tags: 'linux,centos',
    osVersions: [['centos-stream9', 'CentOS Stream 9']],
    supportLevel: 'Community',
    dataSource: 'centos-stream9',
    minMemory: 1.5 * GiB,
    diskSize: '30Gi',
    cloudUser: 'cloud-user',
    containerDisks: ['quay.io/containerdisks/centos-stream:9'],
    variants: sizes('server', ['small', 'medium', 'large'], 'small'),
  },
  {
    os: 'fedora',
    family: 'linux',
    displayName: 'Fedora VM',
    description:
      'Template for Fedora 40 VM or newer. A PVC with the Fedora disk image must be available.',
    icon: 'icon-fedora',
    tags: 'linux,fedora',
    osVersions: [
      ['fedora40', 'Fedora 40'],
      ['fedora41', 'Fedora 41'],
      ['fedora42', 'Fedora 42'],
    ],
    supportLevel: 'Community',
    dataSource: 'fedora',
    minMemory: 1 * GiB,
    diskSize: '30Gi',
    cloudUser: 'fedora',
    containerDisks: ['quay.io/containerdisks/fedora'],
    variants: [
      ...sizes('server', ['small', 'medium', 'large'], 'small'),
      ...sizes('desktop', ['small']),
    ],
  },
  {
    os: 'windows2k19',
    family: 'windows',
    displayName: 'Microsoft Windows Server 2019 VM',
    description:
      'Template for Microsoft Windows Server 2019 VM. A PVC with the Windows disk image must be available.',
    icon: 'icon-windows',
    tags: 'windows',
    osVersions: [['win2k19', 'Microsoft Windows Server 2019']],
    supportLevel: 'Full',
    dataSource: 'win2k19',
    minMemory: 0.5 * GiB,
    diskSize: '60Gi',
    variants: sizes('server', ['medium', 'large'], 'medium'),
  },
  {
    os: 'windows2k22',
    family: 'windows',
    displayName: 'Microsoft Windows Server 2022 VM',
    description:
      'Template for Microsoft Windows Server 2022 VM. A PVC with the Windows disk image must be available.',
    icon: 'icon-windows',
    tags: 'windows',
    osVersions: [['win2k22', 'Microsoft Windows Server 2022']],
    supportLevel: 'Full',
    dataSource: 'win2k22',
    minMemory: 0.5 * GiB,
    diskSize: '60Gi',
    secureBoot: true,
    variants: sizes('server', ['medium', 'large'], 'medium'),
  },
  {
    os: 'windows11',
    family: 'windows',
    displayName: 'Microsoft Windows 11 VM',
    description:
      'Template for Microsoft Windows 11 VM. A PVC with the Windows disk image must be available.',
    icon: 'icon-windows',
    tags: 'windows',
    osVersions: [['win11', 'Microsoft Windows 11']],
    supportLevel: 'Full',
    dataSource: 'win11',
    minMemory: 4 * GiB,
    diskSize: '60Gi',
    secureBoot: true,
    variants: sizes('desktop', ['medium', 'large'], 'medium'),
  },
];

export const templateName = (os: string, v: TemplateVariant): string =>
  `${os}-${v.workload}-${v.flavor}`;

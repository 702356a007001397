import type { KubeObject } from '../../apiserver/core/types';
import type { SeedContributor } from '../../apiserver/seedLoader';
import { COMMON_INSTANCETYPES_VERSION, virtOperatorLabels } from './seedMeta';
import { WINDOWS_HYPERV_FEATURES } from './hypervFeatures';

/**
 * The Red Hat provided cluster preferences (kubevirt/common-instancetypes): per guest OS, the
 * devices, firmware and features it runs best with, and the minimum resources it needs. Upstream
 * composes them from small kustomize components; the same components are the functions below.
 */

type Spec = Record<string, unknown>;
type Component = (spec: Spec) => Spec;

const section = (spec: Spec, key: string): Spec => (spec[key] as Spec | undefined) ?? {};
const put =
  (key: string, values: Spec): Component =>
  (spec) => ({ ...spec, [key]: { ...section(spec, key), ...values } });

// The upstream components, by the name of their kustomize folder.
const virtioDevices = put('devices', {
  preferredDiskBus: 'virtio',
  preferredInterfaceModel: 'virtio',
});
const dedicatedIoThread = put('devices', { preferredDiskDedicatedIoThread: true });
const rng = put('devices', { preferredRng: {} });
const multiqueue = put('devices', { preferredNetworkInterfaceMultiQueue: true });
const tabletVirtio = put('devices', {
  preferredAutoattachInputDevice: true,
  preferredInputBus: 'virtio',
  preferredInputType: 'tablet',
});
const tabletUsb = put('devices', {
  preferredAutoattachInputDevice: true,
  preferredInputBus: 'usb',
  preferredInputType: 'tablet',
});
const sataDisks = put('devices', { preferredDiskBus: 'sata', preferredCdromBus: 'sata' });
const e1000e = put('devices', { preferredInterfaceModel: 'e1000e' });
const tpm = put('devices', { preferredTPM: { persistent: true } });
const secureBoot: Component = (spec) =>
  put('firmware', { preferredEfi: { secureBoot: true, persistent: true } })(
    put('features', { preferredSmm: {} })(spec),
  );
const bios = put('firmware', { preferredUseBios: true });
const hyperv: Component = (spec) => ({
  ...put('features', {
    preferredAcpi: {},
    preferredApic: {},
    preferredHyperv: WINDOWS_HYPERV_FEATURES,
  })(spec),
  clock: {
    preferredClockOffset: { utc: {} },
    preferredTimer: {
      hpet: { present: false },
      hyperv: {},
      pit: { tickPolicy: 'delay' },
      rtc: { tickPolicy: 'catchup' },
    },
  },
  // Windows takes long to shut down cleanly; killing it early risks a corrupt disk.
  preferredTerminationGracePeriodSeconds: 3600,
});
const socketsTopology = put('cpu', { preferredCPUTopology: 'sockets' });
const dpdk: Component = (spec) =>
  put('devices', { preferredNetworkInterfaceMultiQueue: true })(
    put('cpu', { preferredCPUTopology: 'spread' })(spec),
  );
const requirements =
  (cpu: number, memory: string): Component =>
  (spec) => ({ ...spec, requirements: { cpu: { guest: cpu }, memory: { guest: memory } } });

interface PreferenceEntry {
  name: string;
  displayName: string;
  icon: string;
  osType: 'linux' | 'windows';
  /** Last element of `tags`, after `hidden,kubevirt`. */
  tags: string;
  components: Component[];
}

const linux = (
  name: string,
  displayName: string,
  icon: string,
  tags: string,
  components: Component[],
): PreferenceEntry => ({ name, displayName, icon, osType: 'linux', tags, components });

const RHEL9: Component[] = [
  virtioDevices,
  dedicatedIoThread,
  rng,
  secureBoot,
  requirements(1, '1.5Gi'),
];
const RHEL8: Component[] = [virtioDevices, rng, requirements(1, '1.5Gi')];

const windows = (version: string, displayName: string, modern: boolean, memory?: string) => {
  const base: Component[] = [
    hyperv,
    socketsTopology,
    ...(modern ? [tpm, secureBoot] : [bios]),
    ...(memory ? [requirements(1, memory)] : []),
  ];
  const entry = (virtio: boolean): PreferenceEntry => ({
    name: `windows.${version}${virtio ? '.virtio' : ''}`,
    displayName: `${displayName}${virtio ? ' (virtio)' : ''}`,
    icon: 'icon-windows',
    osType: 'windows',
    tags: 'windows',
    // Without the VirtIO drivers installed, Windows only finds SATA disks and an e1000e NIC.
    components: virtio
      ? [...base, virtioDevices, tabletVirtio]
      : [...base, sataDisks, e1000e, tabletUsb],
  });
  return [entry(false), entry(true)];
};

export const PREFERENCES: PreferenceEntry[] = [
  linux('alpine', 'Alpine', 'icon-alpine', 'alpine', [virtioDevices, requirements(1, '512Mi')]),
  linux('centos.stream9', 'CentOS Stream 9', 'icon-centos', 'linux,centos-stream', RHEL9),
  linux('centos.stream9.desktop', 'CentOS Stream 9 Desktop', 'icon-centos', 'linux,centos-stream', [
    ...RHEL9,
    tabletVirtio,
  ]),
  linux('cirros', 'Cirros', 'icon-cirros', 'cirros', [virtioDevices, requirements(1, '256Mi')]),
  linux('fedora', 'Fedora (amd64)', 'icon-fedora', 'fedora', [
    virtioDevices,
    multiqueue,
    rng,
    secureBoot,
    requirements(1, '2Gi'),
  ]),
  linux('rhel.7', 'Red Hat Enterprise Linux 7', 'icon-rhel', 'linux,rhel', [
    virtioDevices,
    bios,
    requirements(1, '1Gi'),
  ]),
  linux('rhel.7.desktop', 'Red Hat Enterprise Linux 7 Desktop', 'icon-rhel', 'linux,rhel', [
    virtioDevices,
    bios,
    tabletVirtio,
    requirements(1, '1Gi'),
  ]),
  linux('rhel.8', 'Red Hat Enterprise Linux 8', 'icon-rhel', 'linux,rhel', RHEL8),
  linux('rhel.8.desktop', 'Red Hat Enterprise Linux 8 Desktop', 'icon-rhel', 'linux,rhel', [
    ...RHEL8,
    tabletVirtio,
  ]),
  linux('rhel.8.dpdk', 'Red Hat Enterprise Linux 8 DPDK', 'icon-rhel', 'linux,rhel', [
    ...RHEL8,
    dpdk,
    requirements(2, '4Gi'),
  ]),
  linux('rhel.9', 'Red Hat Enterprise Linux 9 (amd64)', 'icon-rhel', 'linux,rhel', RHEL9),
  linux('rhel.9.desktop', 'Red Hat Enterprise Linux 9 Desktop (amd64)', 'icon-rhel', 'linux,rhel', [
    ...RHEL9,
    tabletVirtio,
  ]),
  linux('rhel.9.dpdk', 'Red Hat Enterprise Linux 9 DPDK (amd64)', 'icon-rhel', 'linux,rhel', [
    ...RHEL9,
    dpdk,
    requirements(2, '4Gi'),
  ]),
  linux('rhel.10', 'Red Hat Enterprise Linux 10 (amd64)', 'icon-rhel', 'linux,rhel', [
    ...RHEL9,
    requirements(1, '2Gi'),
  ]),
  linux('ubuntu', 'Ubuntu', 'icon-ubuntu', 'ubuntu', [virtioDevices, rng, requirements(1, '2Gi')]),
  ...windows('10', 'Microsoft Windows 10', false, '2Gi'),
  ...windows('11', 'Microsoft Windows 11', true, '4Gi'),
  ...windows('2k16', 'Microsoft Windows Server 2016', false, '2Gi'),
  ...windows('2k19', 'Microsoft Windows Server 2019', false, '2Gi'),
  ...windows('2k22', 'Microsoft Windows Server 2022', true, '2Gi'),
  ...windows('2k25', 'Microsoft Windows Server 2025', true, '2Gi'),
];

const clusterPreference = (entry: PreferenceEntry): KubeObject => {
  const built = entry.components.reduce<Spec>((spec, component) => component(spec), {});
  return {
    apiVersion: 'instancetype.kubevirt.io/v1beta1',
    kind: 'VirtualMachineClusterPreference',
    metadata: {
      name: entry.name,
      labels: {
        ...virtOperatorLabels(),
        'instancetype.kubevirt.io/vendor': 'redhat.com',
        'instancetype.kubevirt.io/common-instancetypes-version': COMMON_INSTANCETYPES_VERSION,
        'instancetype.kubevirt.io/os-type': entry.osType,
        'instancetype.kubevirt.io/arch': 'amd64',
      },
      annotations: {
        iconClass: entry.icon,
        'openshift.io/display-name': entry.displayName,
        'openshift.io/documentation-url': 'https://github.com/kubevirt/common-instancetypes',
        'openshift.io/provider-display-name': 'Red Hat',
        'openshift.io/support-url': 'https://github.com/kubevirt/common-instancetypes/issues',
        tags: `hidden,kubevirt,${entry.tags}`,
      },
    },
    spec: {
      // Copied onto every VMI that uses the preference, so guest-OS-aware tooling can find it.
      annotations: { 'vm.kubevirt.io/os': entry.osType },
      preferredArchitecture: 'amd64',
      ...built,
    },
  };
};

export const clusterPreferences: SeedContributor = () => PREFERENCES.map(clusterPreference);

import type { KubeObject } from '../../apiserver/core/types';
import type { SeedContributor } from '../../apiserver/seedLoader';
import { validationsOf } from './commonTemplates';
import { COMMON_OS } from './commonTemplateTable';
import {
  COMMON_TEMPLATES_VERSION,
  DEMO_NAMESPACE,
  DEVELOPER_NAMESPACE,
  OS_IMAGES_NAMESPACE,
  TEMPLATES_NAMESPACE,
} from './seedMeta';
import { WINDOWS_HYPERV_FEATURES } from './hypervFeatures';

/**
 * Demo workloads, one per state worth seeing in the console. They carry no status: the KubeVirt
 * and CDI controllers compute it (Running, Stopped, Paused, ErrorUnschedulable, DataVolumeError,
 * CrashLoopBackOff, ...) from the spec, as they would on a real cluster.
 */

type JSONObject = Record<string, unknown>;

const FEDORA_IMAGE = 'quay.io/containerdisks/fedora:41';
const CENTOS_IMAGE = 'quay.io/containerdisks/centos-stream:9';
const CIRROS_IMAGE = 'quay.io/kubevirt/cirros-container-disk-demo:v1.4.0';

// ---- building blocks ---------------------------------------------------------------------------

interface VmMeta {
  name: string;
  namespace: string;
  description: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A VirtualMachine whose template carries the usual domain label and the guest OS annotation. */
const virtualMachine = (
  meta: VmMeta,
  os: string,
  spec: JSONObject,
  templateSpec: JSONObject,
  templateMeta: { labels?: Record<string, string>; annotations?: Record<string, string> } = {},
): KubeObject => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: {
    name: meta.name,
    namespace: meta.namespace,
    labels: { app: meta.name, ...meta.labels },
    annotations: { description: meta.description, ...meta.annotations },
  },
  spec: {
    ...spec,
    template: {
      metadata: {
        labels: { 'kubevirt.io/domain': meta.name, ...templateMeta.labels },
        annotations: { 'vm.kubevirt.io/os': os, ...templateMeta.annotations },
      },
      spec: templateSpec,
    },
  },
});

interface DiskSource {
  /** A clone of a golden image, or any other CDI source. */
  dataVolume?: { name: string; spec: JSONObject };
  volume: JSONObject;
}

/** Root disk cloned from a DataSource in the boot images project. */
const fromDataSource = (
  vmName: string,
  dataSource: string,
  size: string,
  storage: JSONObject = {},
): DiskSource => ({
  dataVolume: {
    name: `${vmName}-rootdisk`,
    spec: {
      sourceRef: { kind: 'DataSource', name: dataSource, namespace: OS_IMAGES_NAMESPACE },
      storage: { ...storage, resources: { requests: { storage: size } } },
    },
  },
  volume: { name: 'rootdisk', dataVolume: { name: `${vmName}-rootdisk` } },
});

const fromSource = (vmName: string, source: JSONObject, size: string): DiskSource => ({
  dataVolume: {
    name: `${vmName}-rootdisk`,
    spec: { source, storage: { resources: { requests: { storage: size } } } },
  },
  volume: { name: 'rootdisk', dataVolume: { name: `${vmName}-rootdisk` } },
});

const containerDisk = (image: string): DiskSource => ({
  volume: { name: 'rootdisk', containerDisk: { image } },
});

const dataVolumeTemplates = (root: DiskSource): JSONObject =>
  root.dataVolume
    ? {
        dataVolumeTemplates: [
          {
            apiVersion: 'cdi.kubevirt.io/v1beta1',
            kind: 'DataVolume',
            metadata: { name: root.dataVolume.name },
            spec: root.dataVolume.spec,
          },
        ],
      }
    : {};

const cloudInit = (user: string, extra = ''): JSONObject => ({
  name: 'cloudinitdisk',
  cloudInitNoCloud: {
    userData: `#cloud-config\nuser: ${user}\npassword: demo-${user}-pw\nchpasswd: { expire: False }${extra}`,
  },
});

/** A Linux guest: virtio root disk, cloud-init, one masquerade NIC on the pod network. */
const linuxGuest = (
  root: DiskSource,
  user: string,
  domain: JSONObject = {},
  extra: JSONObject = {},
): JSONObject => ({
  domain: {
    ...domain,
    devices: {
      disks: [
        { name: 'rootdisk', disk: { bus: 'virtio' } },
        { name: 'cloudinitdisk', disk: { bus: 'virtio' } },
      ],
      interfaces: [{ name: 'default', masquerade: {}, model: 'virtio' }],
      rng: {},
      ...(domain.devices as JSONObject | undefined),
    },
  },
  networks: [{ name: 'default', pod: {} }],
  terminationGracePeriodSeconds: 180,
  volumes: [root.volume, cloudInit(user)],
  ...extra,
});

/** Guests sized by an instance type leave CPU and memory to it, and devices to the preference. */
const instancetypeGuest = (root: DiskSource, user: string): JSONObject => ({
  domain: {
    devices: {
      disks: [{ name: 'rootdisk' }, { name: 'cloudinitdisk' }],
      interfaces: [{ name: 'default', masquerade: {} }],
    },
  },
  networks: [{ name: 'default', pod: {} }],
  volumes: [root.volume, cloudInit(user)],
});

const clusterRefs = (instancetype: string, preference: string): JSONObject => ({
  instancetype: { kind: 'VirtualMachineClusterInstancetype', name: instancetype },
  preference: { kind: 'VirtualMachineClusterPreference', name: preference },
});

const sized = (sockets: number, memory: string): JSONObject => ({
  cpu: { cores: 1, sockets, threads: 1 },
  memory: { guest: memory },
});

/** The labels the console's create-from-template flow leaves on a VM, naming its template. */
const fromTemplate = (template: string): Record<string, string> => ({
  'vm.kubevirt.io/template': template,
  'vm.kubevirt.io/template.namespace': TEMPLATES_NAMESPACE,
  'vm.kubevirt.io/template.revision': '1',
  'vm.kubevirt.io/template.version': COMMON_TEMPLATES_VERSION,
});

/** The template's rules, copied onto the VM as the console does; SSP checks them on every update. */
const validationsFor = (os: string): Record<string, string> => {
  const entry = COMMON_OS.find((o) => o.os === os);
  if (!entry) throw new Error(`no common template OS ${os}`);
  return { 'vm.kubevirt.io/validations': JSON.stringify(validationsOf(entry), null, 2) };
};

// ---- the demo VMs --------------------------------------------------------------------------------

const fedoraWeb = (): KubeObject => {
  const root = fromDataSource('fedora-web-01', 'fedora', '30Gi');
  return virtualMachine(
    {
      name: 'fedora-web-01',
      namespace: DEMO_NAMESPACE,
      description: 'Public web front end (nginx) of the inventory demo',
      labels: {
        'app.kubernetes.io/name': 'inventory-web',
        'app.kubernetes.io/part-of': 'inventory',
      },
    },
    'fedora',
    { runStrategy: 'Always', ...clusterRefs('u1.small', 'fedora'), ...dataVolumeTemplates(root) },
    instancetypeGuest(root, 'fedora'),
    { labels: { 'app.kubernetes.io/name': 'inventory-web' } },
  );
};

const rhel9Database = (): KubeObject => {
  // Shared RWX storage keeps the database live-migratable during node maintenance.
  const root = fromDataSource('rhel9-db-01', 'rhel9', '30Gi', {
    storageClassName: 'shared-rwx',
    accessModes: ['ReadWriteMany'],
  });
  return virtualMachine(
    {
      name: 'rhel9-db-01',
      namespace: DEMO_NAMESPACE,
      description: 'PostgreSQL 15 primary for the inventory service',
      labels: {
        ...fromTemplate('rhel9-server-small'),
        'app.kubernetes.io/name': 'postgresql',
        'app.kubernetes.io/component': 'database',
        'app.kubernetes.io/part-of': 'inventory',
        'app.kubernetes.io/version': '15.8',
      },
      annotations: validationsFor('rhel9'),
    },
    'rhel9',
    { runStrategy: 'Always', ...dataVolumeTemplates(root) },
    linuxGuest(
      root,
      'cloud-user',
      {
        ...sized(2, '4Gi'),
        features: { smm: { enabled: true } },
        firmware: { bootloader: { efi: {} } },
      },
      {
        evictionStrategy: 'LiveMigrate',
      },
    ),
    {
      labels: { 'kubevirt.io/size': 'small', 'workload-type': 'db' },
      annotations: {
        'vm.kubevirt.io/flavor': 'small',
        'vm.kubevirt.io/workload': 'server',
      },
    },
  );
};

const centosCi = (): KubeObject => {
  const root = fromDataSource('centos-stream9-ci', 'centos-stream9', '30Gi');
  return virtualMachine(
    {
      name: 'centos-stream9-ci',
      namespace: DEMO_NAMESPACE,
      description: 'CI runner for nightly package builds; started by the pipeline when needed',
      labels: { 'app.kubernetes.io/name': 'ci-runner' },
    },
    'centos-stream9',
    {
      runStrategy: 'Halted',
      ...clusterRefs('u1.medium', 'centos.stream9'),
      ...dataVolumeTemplates(root),
    },
    instancetypeGuest(root, 'cloud-user'),
  );
};

const windowsAd = (): KubeObject => {
  const root = fromSource(
    'win2k22-ad',
    { http: { url: 'http://images.corp.example.com/windows/win2k22-ad-golden.qcow2' } },
    '60Gi',
  );
  return virtualMachine(
    {
      name: 'win2k22-ad',
      namespace: DEMO_NAMESPACE,
      description: 'Active Directory domain controller (CORP.EXAMPLE.COM); reach it over RDP',
      labels: {
        ...fromTemplate('windows2k22-server-medium'),
        'app.kubernetes.io/name': 'active-directory',
      },
      annotations: validationsFor('windows2k22'),
    },
    'windows2k22',
    { runStrategy: 'Halted', ...dataVolumeTemplates(root) },
    {
      architecture: 'amd64',
      domain: {
        clock: {
          timer: {
            hpet: { present: false },
            hyperv: {},
            pit: { tickPolicy: 'delay' },
            rtc: { tickPolicy: 'catchup' },
          },
          utc: {},
        },
        ...sized(2, '8Gi'),
        devices: {
          disks: [{ name: 'rootdisk', disk: { bus: 'sata' }, bootOrder: 1 }],
          inputs: [{ bus: 'usb', name: 'tablet', type: 'tablet' }],
          // RDP (3389) reaches the guest through the masquerade NIC like any other port.
          interfaces: [{ name: 'default', masquerade: {}, model: 'e1000e' }],
          tpm: { persistent: true },
        },
        features: {
          acpi: {},
          apic: {},
          smm: {},
          hyperv: WINDOWS_HYPERV_FEATURES,
        },
        firmware: { bootloader: { efi: { secureBoot: true, persistent: true } } },
      },
      networks: [{ name: 'default', pod: {} }],
      terminationGracePeriodSeconds: 3600,
      volumes: [root.volume],
    },
    {
      labels: { 'kubevirt.io/size': 'medium' },
      annotations: { 'vm.kubevirt.io/flavor': 'medium', 'vm.kubevirt.io/workload': 'server' },
    },
  );
};

const pausedVm = (): KubeObject =>
  virtualMachine(
    {
      name: 'paused-vm',
      namespace: DEMO_NAMESPACE,
      description: 'Starts paused so a debugger can attach before the guest runs',
    },
    'fedora',
    { runStrategy: 'Always' },
    linuxGuest(containerDisk(FEDORA_IMAGE), 'fedora', sized(1, '2Gi'), { startStrategy: 'Paused' }),
  );

const bigmemVm = (): KubeObject =>
  virtualMachine(
    {
      name: 'bigmem-vm',
      namespace: DEMO_NAMESPACE,
      description: 'In-memory analytics node; waits for a node labelled for large-memory workloads',
      labels: { 'app.kubernetes.io/name': 'analytics' },
    },
    'centos-stream9',
    { runStrategy: 'Always' },
    linuxGuest(containerDisk(CENTOS_IMAGE), 'cloud-user', sized(8, '96Gi'), {
      // No node carries this label, so the launcher pod stays unschedulable.
      nodeSelector: { 'node-role.kubernetes.io/bigmem': '' },
    }),
  );

const brokenImport = (): KubeObject => {
  const root = fromSource(
    'broken-import',
    { http: { url: 'http://images.example.invalid/disk.qcow2' } },
    '20Gi',
  );
  return virtualMachine(
    {
      name: 'broken-import',
      namespace: DEMO_NAMESPACE,
      description: 'Imports its disk from a URL that no longer exists',
    },
    'fedora',
    { runStrategy: 'Always', ...dataVolumeTemplates(root) },
    linuxGuest(root, 'fedora', sized(1, '2Gi')),
  );
};

const crashingVm = (): KubeObject =>
  virtualMachine(
    {
      name: 'crashing-vm',
      namespace: DEMO_NAMESPACE,
      description: 'Guest kernel panics at boot (bad initramfs after an update)',
    },
    'fedora',
    { runStrategy: 'Always' },
    linuxGuest(containerDisk(FEDORA_IMAGE), 'fedora', sized(1, '2Gi')),
    { annotations: { 'simulation.local-cluster.io/guest': 'crash' } },
  );

const bridgeVm = (): KubeObject =>
  virtualMachine(
    {
      name: 'bridge-vm',
      namespace: DEMO_NAMESPACE,
      description: 'Legacy appliance that needs the pod IP on its own NIC (bridge binding)',
    },
    'centos-stream9',
    { runStrategy: 'Always' },
    {
      ...linuxGuest(containerDisk(CENTOS_IMAGE), 'cloud-user', sized(1, '2Gi')),
      domain: {
        ...sized(1, '2Gi'),
        devices: {
          disks: [
            { name: 'rootdisk', disk: { bus: 'virtio' } },
            { name: 'cloudinitdisk', disk: { bus: 'virtio' } },
          ],
          // Bridge binding on the pod network cannot follow the VM to another node.
          interfaces: [{ name: 'default', bridge: {}, model: 'virtio' }],
        },
      },
    },
  );

const manualVm = (): KubeObject =>
  virtualMachine(
    {
      name: 'manual-vm',
      namespace: DEMO_NAMESPACE,
      description: 'Lab machine started and stopped by hand only',
    },
    'cirros',
    { runStrategy: 'Manual' },
    linuxGuest(containerDisk(CIRROS_IMAGE), 'cirros', sized(1, '256Mi')),
  );

const rwoDiskVm = (): KubeObject => {
  const root = fromDataSource('legacy-app-01', 'rhel8', '30Gi', {
    storageClassName: 'standard-csi',
    accessModes: ['ReadWriteOnce'],
  });
  return virtualMachine(
    {
      name: 'legacy-app-01',
      namespace: DEMO_NAMESPACE,
      description: 'Old billing application on node-local storage; cannot live-migrate',
      labels: { 'app.kubernetes.io/name': 'billing' },
    },
    'rhel8',
    { runStrategy: 'Always', ...dataVolumeTemplates(root) },
    linuxGuest(root, 'cloud-user', sized(1, '4Gi'), { evictionStrategy: 'LiveMigrateIfPossible' }),
  );
};

/** A VMI created directly, with no VM owning it (e.g. by a test harness). */
const standaloneVmi = (): KubeObject => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: {
    name: 'standalone-vmi',
    namespace: DEMO_NAMESPACE,
    labels: { 'kubevirt.io/domain': 'standalone-vmi', app: 'smoke-test' },
    annotations: {
      description: 'Smoke-test VMI started without a VirtualMachine',
      'vm.kubevirt.io/os': 'cirros',
    },
  },
  spec: linuxGuest(containerDisk(CIRROS_IMAGE), 'cirros', sized(1, '256Mi')),
});

const developerVms = (): KubeObject[] => {
  const root = fromDataSource('dev-fedora', 'fedora', '30Gi');
  return [
    virtualMachine(
      {
        name: 'dev-fedora',
        namespace: DEVELOPER_NAMESPACE,
        description: "Developer's workstation for the API service",
        labels: { 'app.kubernetes.io/name': 'dev-workstation' },
      },
      'fedora',
      { runStrategy: 'Always', ...clusterRefs('u1.small', 'fedora'), ...dataVolumeTemplates(root) },
      instancetypeGuest(root, 'fedora'),
    ),
    virtualMachine(
      {
        name: 'dev-scratch',
        namespace: DEVELOPER_NAMESPACE,
        description: 'Throw-away VM for trying things out',
      },
      'fedora',
      { runStrategy: 'Halted' },
      linuxGuest(containerDisk(FEDORA_IMAGE), 'fedora', sized(1, '1Gi')),
    ),
  ];
};

export const demoVirtualMachines: SeedContributor = () => [
  fedoraWeb(),
  rhel9Database(),
  centosCi(),
  windowsAd(),
  pausedVm(),
  bigmemVm(),
  brokenImport(),
  crashingVm(),
  bridgeVm(),
  manualVm(),
  rwoDiskVm(),
  standaloneVmi(),
  ...developerVms(),
];

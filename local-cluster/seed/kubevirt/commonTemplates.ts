import type { KubeObject } from '../../apiserver/core/types';
import type { SeedContributor } from '../../apiserver/seedLoader';
import type { OsEntry, TemplateVariant } from './commonTemplateTable';
import { COMMON_OS, FLAVOR_SIZES, templateName } from './commonTemplateTable';
import {
  COMMON_TEMPLATES_VERSION,
  DEMO_NAMESPACE,
  OS_IMAGES_NAMESPACE,
  TEMPLATES_NAMESPACE,
  sspLabels,
} from './seedMeta';
import { WINDOWS_HYPERV_FEATURES } from './hypervFeatures';

/**
 * The common templates SSP deploys into `openshift`, rendered from the OS table the way
 * kubevirt/common-templates renders its Jinja templates: one Template per OS, workload and flavor,
 * holding one VirtualMachine that clones the OS's golden image (a DataSource in the boot images
 * project). Validation rules ride on the VM object (`vm.kubevirt.io/validations`), as current
 * templates carry them; SSP's template validator applies them to every VM created from it.
 */

type Rule = Record<string, unknown>;

const memoryRule = (min: number, path: string): Rule => ({
  name: 'minimal-required-memory',
  path,
  rule: 'integer',
  message: 'This VM requires more memory.',
  min,
});

/** Windows runs on SATA until the VirtIO drivers are installed, so only warn about it. */
const windowsBusRules: Rule[] = [
  {
    name: 'windows-virtio-bus',
    path: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
    valid: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
    rule: 'enum',
    message:
      'virtio disk bus type has better performance, install virtio drivers in VM and change bus type',
    values: ['virtio'],
    justWarning: true,
  },
  {
    name: 'windows-disk-bus',
    path: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
    valid: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
    rule: 'enum',
    message: 'disk bus has to be either virtio or sata or scsi',
    values: ['virtio', 'sata', 'scsi'],
  },
  {
    name: 'windows-cd-bus',
    path: 'jsonpath::.spec.domain.devices.disks[*].cdrom.bus',
    valid: 'jsonpath::.spec.domain.devices.disks[*].cdrom.bus',
    rule: 'enum',
    message: 'cd bus has to be sata',
    values: ['sata'],
  },
];

export const validationsOf = (os: OsEntry): Rule[] => [
  memoryRule(os.minMemory, 'jsonpath::.spec.domain.memory.guest'),
  ...(os.family === 'windows' ? windowsBusRules : []),
];

const linuxDomain = (v: TemplateVariant): Record<string, unknown> => {
  const { memory, sockets } = FLAVOR_SIZES[v.flavor];
  const hp = v.workload === 'highperformance';
  return {
    ...(hp ? { ioThreadsPolicy: 'shared' } : {}),
    cpu: {
      cores: 1,
      sockets,
      threads: 1,
      // High-performance guests get pinned cores and an emulator thread of their own.
      ...(hp ? { dedicatedCpuPlacement: true, isolateEmulatorThread: true } : {}),
    },
    memory: { guest: memory },
    devices: {
      disks: [
        { disk: { bus: 'virtio' }, name: 'rootdisk', ...(hp ? { dedicatedIOThread: true } : {}) },
        { disk: { bus: 'virtio' }, name: 'cloudinitdisk' },
      ],
      interfaces: [{ masquerade: {}, model: 'virtio', name: 'default' }],
      ...(v.workload === 'desktop'
        ? { inputs: [{ bus: 'virtio', name: 'tablet', type: 'tablet' }] }
        : {}),
      networkInterfaceMultiqueue: true,
      rng: {},
    },
    features: { smm: { enabled: true } },
    firmware: { bootloader: { efi: {} } },
  };
};

const windowsDomain = (os: OsEntry, v: TemplateVariant): Record<string, unknown> => {
  const { memory, sockets } = FLAVOR_SIZES[v.flavor];
  return {
    clock: {
      timer: {
        hpet: { present: false },
        hyperv: {},
        pit: { tickPolicy: 'delay' },
        rtc: { tickPolicy: 'catchup' },
      },
      utc: {},
    },
    cpu: { cores: 1, sockets, threads: 1 },
    memory: { guest: memory },
    devices: {
      // Windows has no VirtIO drivers out of the box: SATA disk, e1000e NIC, USB tablet.
      disks: [{ disk: { bus: 'sata' }, name: 'rootdisk' }],
      inputs: [{ bus: 'usb', name: 'tablet', type: 'tablet' }],
      interfaces: [{ masquerade: {}, model: 'e1000e', name: 'default' }],
      ...(os.secureBoot ? { tpm: { persistent: true } } : {}),
    },
    features: {
      acpi: {},
      apic: {},
      hyperv: WINDOWS_HYPERV_FEATURES,
      ...(os.secureBoot ? { smm: {} } : {}),
    },
    ...(os.secureBoot
      ? { firmware: { bootloader: { efi: { secureBoot: true, persistent: true } } } }
      : {}),
  };
};

const cloudInit = (user: string): string =>
  `#cloud-config\nuser: ${user}\npassword: \${CLOUD_USER_PASSWORD}\nchpasswd: { expire: False }`;

const virtualMachine = (os: OsEntry, v: TemplateVariant): KubeObject => {
  const name = templateName(os.os, v);
  const windows = os.family === 'windows';
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name: '${NAME}',
      labels: {
        app: '${NAME}',
        'vm.kubevirt.io/template': name,
        'vm.kubevirt.io/template.revision': '1',
        'vm.kubevirt.io/template.version': COMMON_TEMPLATES_VERSION,
      },
      annotations: { 'vm.kubevirt.io/validations': JSON.stringify(validationsOf(os), null, 2) },
    },
    spec: {
      dataVolumeTemplates: [
        {
          apiVersion: 'cdi.kubevirt.io/v1beta1',
          kind: 'DataVolume',
          metadata: { name: '${NAME}' },
          spec: {
            sourceRef: {
              kind: 'DataSource',
              name: '${DATA_SOURCE_NAME}',
              namespace: '${DATA_SOURCE_NAMESPACE}',
            },
            storage: { resources: { requests: { storage: os.diskSize } } },
          },
        },
      ],
      runStrategy: 'Halted',
      template: {
        metadata: {
          annotations: {
            'vm.kubevirt.io/flavor': v.flavor,
            'vm.kubevirt.io/os': os.os,
            'vm.kubevirt.io/workload': v.workload,
          },
          labels: { 'kubevirt.io/domain': '${NAME}', 'kubevirt.io/size': v.flavor },
        },
        spec: {
          architecture: 'amd64',
          domain: windows ? windowsDomain(os, v) : linuxDomain(v),
          networks: [{ name: 'default', pod: {} }],
          // Windows needs long to shut down cleanly; Linux guests are given three minutes.
          terminationGracePeriodSeconds: windows ? 3600 : 180,
          volumes: [
            { dataVolume: { name: '${NAME}' }, name: 'rootdisk' },
            ...(os.cloudUser
              ? [{ cloudInitNoCloud: { userData: cloudInit(os.cloudUser) }, name: 'cloudinitdisk' }]
              : []),
          ],
        },
      },
    },
  };
};

const parameters = (os: OsEntry): Record<string, unknown>[] => [
  {
    name: 'NAME',
    description: 'VM name',
    generate: 'expression',
    from: `${os.os}-[a-z0-9]{16}`,
  },
  {
    name: 'DATA_SOURCE_NAME',
    description: 'Name of the DataSource to clone',
    value: os.dataSource,
  },
  {
    name: 'DATA_SOURCE_NAMESPACE',
    description: 'Namespace of the DataSource',
    value: OS_IMAGES_NAMESPACE,
  },
  ...(os.cloudUser
    ? [
        {
          name: 'CLOUD_USER_PASSWORD',
          description: `Randomized password for the cloud-init user ${os.cloudUser}`,
          generate: 'expression',
          from: '[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}',
        },
      ]
    : []),
];

/** What the console's customize flow may change, as JSON pointers into the template. */
const EDITABLE = [
  '/objects[0].spec.template.spec.domain.cpu.sockets',
  '/objects[0].spec.template.spec.domain.cpu.cores',
  '/objects[0].spec.template.spec.domain.cpu.threads',
  '/objects[0].spec.template.spec.domain.memory.guest',
  '/objects[0].spec.template.spec.domain.devices.disks',
  '/objects[0].spec.template.spec.volumes',
  '/objects[0].spec.template.spec.networks',
];

const commonTemplate = (os: OsEntry, v: TemplateVariant): KubeObject => {
  const windows = os.family === 'windows';
  return {
    apiVersion: 'template.openshift.io/v1',
    kind: 'Template',
    metadata: {
      name: templateName(os.os, v),
      namespace: TEMPLATES_NAMESPACE,
      labels: {
        ...sspLabels('common-templates'),
        ...Object.fromEntries(
          os.osVersions.map(([id]) => [`os.template.kubevirt.io/${id}`, 'true']),
        ),
        [`workload.template.kubevirt.io/${v.workload}`]: 'true',
        [`flavor.template.kubevirt.io/${v.flavor}`]: 'true',
        'template.kubevirt.io/architecture': 'amd64',
        'template.kubevirt.io/type': 'base',
        'template.kubevirt.io/version': COMMON_TEMPLATES_VERSION,
        ...(v.default ? { 'template.kubevirt.io/default-os-variant': 'true' } : {}),
      },
      annotations: {
        'openshift.io/display-name': os.displayName,
        description: os.description,
        tags: `hidden,kubevirt,virtualmachine,${os.tags}`,
        iconClass: os.icon,
        'openshift.io/provider-display-name': 'Red Hat',
        'openshift.io/documentation-url': 'https://github.com/kubevirt/common-templates',
        'openshift.io/support-url': 'https://github.com/kubevirt/common-templates/issues',
        'template.openshift.io/bindable': 'false',
        'template.kubevirt.io/provider': 'Red Hat',
        'template.kubevirt.io/provider-support-level': os.supportLevel,
        'template.kubevirt.io/provider-url': 'https://www.redhat.com',
        'template.kubevirt.io/version': 'v1alpha1',
        'defaults.template.kubevirt.io/disk': 'rootdisk',
        ...(windows ? { 'defaults.template.kubevirt.io/network': 'default' } : {}),
        'template.kubevirt.io/editable': `${EDITABLE.join('\n')}\n`,
        ...(os.containerDisks
          ? { 'template.kubevirt.io/containerdisks': `${os.containerDisks.join('\n')}\n` }
          : {}),
        ...Object.fromEntries(
          os.osVersions.map(([id, name]) => [
            `name.os.template.kubevirt.io/${id}`,
            windows ? name : `${name} or higher`,
          ]),
        ),
      },
    },
    objects: [virtualMachine(os, v)],
    parameters: parameters(os),
  };
};

/**
 * A customized copy of an old RHEL 8 template, kept by a team in its own project and since
 * marked deprecated. It predates VM-carried rules, so its validations sit on the Template.
 */
const deprecatedCustomTemplate = (): KubeObject => ({
  apiVersion: 'template.openshift.io/v1',
  kind: 'Template',
  metadata: {
    name: 'rhel8-web-legacy',
    namespace: DEMO_NAMESPACE,
    labels: {
      'os.template.kubevirt.io/rhel8.6': 'true',
      'workload.template.kubevirt.io/server': 'true',
      'flavor.template.kubevirt.io/small': 'true',
      'template.kubevirt.io/type': 'vm',
      'template.kubevirt.io/version': 'v0.25.0',
    },
    annotations: {
      'openshift.io/display-name': 'RHEL 8 web server (legacy)',
      description:
        'Customized RHEL 8 template for the old web tier: adds a data disk for /var/www. Use rhel9-server-small for new VMs.',
      tags: 'kubevirt,virtualmachine,linux,rhel',
      iconClass: 'icon-rhel',
      'openshift.io/provider-display-name': 'Demo applications team',
      'template.kubevirt.io/provider': 'Demo applications team',
      'template.kubevirt.io/provider-support-level': 'Limited',
      'template.kubevirt.io/deprecated': 'true',
      'template.kubevirt.io/version': 'v1alpha1',
      'defaults.template.kubevirt.io/disk': 'rootdisk',
      'name.os.template.kubevirt.io/rhel8.6': 'Red Hat Enterprise Linux 8.6 or higher',
      validations: JSON.stringify(
        [memoryRule(1.5 * 2 ** 30, 'jsonpath::.spec.domain.resources.requests.memory')],
        null,
        2,
      ),
    },
  },
  objects: [
    {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: {
        name: '${NAME}',
        labels: {
          app: '${NAME}',
          'vm.kubevirt.io/template': 'rhel8-web-legacy',
          'vm.kubevirt.io/template.revision': '3',
          'vm.kubevirt.io/template.version': 'v0.25.0',
          tier: 'web',
        },
      },
      spec: {
        dataVolumeTemplates: [
          {
            apiVersion: 'cdi.kubevirt.io/v1beta1',
            kind: 'DataVolume',
            metadata: { name: '${NAME}' },
            spec: {
              sourceRef: { kind: 'DataSource', name: 'rhel8', namespace: OS_IMAGES_NAMESPACE },
              storage: { resources: { requests: { storage: '30Gi' } } },
            },
          },
          {
            apiVersion: 'cdi.kubevirt.io/v1beta1',
            kind: 'DataVolume',
            metadata: { name: '${NAME}-www' },
            spec: {
              source: { blank: {} },
              storage: { resources: { requests: { storage: '10Gi' } } },
            },
          },
        ],
        running: false,
        template: {
          metadata: { labels: { 'kubevirt.io/domain': '${NAME}', 'kubevirt.io/size': 'small' } },
          spec: {
            domain: {
              cpu: { cores: 1, sockets: 1, threads: 1 },
              resources: { requests: { memory: '${MEMORY}' } },
              devices: {
                disks: [
                  { disk: { bus: 'virtio' }, name: 'rootdisk' },
                  { disk: { bus: 'virtio' }, name: 'www' },
                  { disk: { bus: 'virtio' }, name: 'cloudinitdisk' },
                ],
                interfaces: [{ masquerade: {}, model: 'virtio', name: 'default' }],
                rng: {},
              },
            },
            networks: [{ name: 'default', pod: {} }],
            terminationGracePeriodSeconds: 180,
            volumes: [
              { dataVolume: { name: '${NAME}' }, name: 'rootdisk' },
              { dataVolume: { name: '${NAME}-www' }, name: 'www' },
              {
                cloudInitNoCloud: {
                  userData: `${cloudInit('cloud-user')}\npackages:\n  - httpd\nruncmd:\n  - [systemctl, enable, --now, httpd]`,
                },
                name: 'cloudinitdisk',
              },
            ],
          },
        },
      },
    },
  ],
  parameters: [
    { name: 'NAME', description: 'VM name', generate: 'expression', from: 'web-[a-z0-9]{8}' },
    { name: 'MEMORY', description: 'Guest memory', value: '2Gi', required: true },
    {
      name: 'CLOUD_USER_PASSWORD',
      description: 'Randomized password for the cloud-init user cloud-user',
      generate: 'expression',
      from: '[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}',
    },
  ],
});

/** Every (OS, workload, flavor) the table lists. */
export const COMMON_TEMPLATES = COMMON_OS.flatMap((os) => os.variants.map((v) => ({ os, v })));

export const commonTemplates: SeedContributor = () => [
  ...COMMON_TEMPLATES.map(({ os, v }) => commonTemplate(os, v)),
  deprecatedCustomTemplate(),
];

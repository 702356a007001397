import type { KubeObject } from '../../apiserver/core/types';
import { validationsOf } from './commonTemplates';
import { COMMON_OS } from './commonTemplateTable';
import { COMMON_TEMPLATES_VERSION, TEMPLATES_NAMESPACE } from './seedMeta';

/**
 * The scale data set (`npm run seed:scale`): namespaces `scale-000`… and VMs spread across them,
 * with the mix a large cluster shows — several guest OSes, sized by instance types or created
 * from common templates, mostly stopped. Everything is a pure function of the VM's index, so a
 * rerun produces the same names and lets the script skip what exists.
 */

/** Marks what the scale seed created, so `--delete` removes exactly that. */
export const SCALE_LABEL = 'seed.virt-console.dev/scale';

export const scaleNamespaceName = (n: number): string => `scale-${String(n).padStart(3, '0')}`;

export const scaleNamespace = (n: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name: scaleNamespaceName(n),
    labels: { [SCALE_LABEL]: 'true', team: `team-${String(n % 12).padStart(2, '0')}` },
    annotations: { 'openshift.io/description': 'Scale test project (npm run seed:scale)' },
  },
});

interface Profile {
  /** Relative frequency. */
  weight: number;
  os: string;
  image: string;
  /** Created from this common template (CPU/memory set on the VM)... */
  template?: { name: string; os: string; sockets: number; memory: string };
  /** ...or sized by a cluster instance type and preference. */
  instancetype?: string;
  preference?: string;
}

const RHEL9 = 'registry.redhat.io/rhel9/rhel-guest-image:latest';
const RHEL8 = 'registry.redhat.io/rhel8/rhel-guest-image:latest';
const FEDORA = 'quay.io/containerdisks/fedora:41';
const CENTOS = 'quay.io/containerdisks/centos-stream:9';
const WINDOWS = 'registry.example.com/windows/win2k22-golden:latest';

export const PROFILES: Profile[] = [
  {
    weight: 25,
    os: 'rhel9',
    image: RHEL9,
    template: { name: 'rhel9-server-small', os: 'rhel9', sockets: 1, memory: '2Gi' },
  },
  { weight: 10, os: 'rhel9', image: RHEL9, instancetype: 'u1.medium', preference: 'rhel.9' },
  { weight: 4, os: 'rhel9', image: RHEL9, instancetype: 'm1.large', preference: 'rhel.9' },
  {
    weight: 10,
    os: 'rhel8',
    image: RHEL8,
    template: { name: 'rhel8-server-medium', os: 'rhel8', sockets: 1, memory: '4Gi' },
  },
  { weight: 15, os: 'fedora', image: FEDORA, instancetype: 'u1.small', preference: 'fedora' },
  { weight: 4, os: 'fedora', image: FEDORA, instancetype: 'cx1.medium', preference: 'fedora' },
  {
    weight: 10,
    os: 'centos-stream9',
    image: CENTOS,
    template: {
      name: 'centos-stream9-server-small',
      os: 'centos-stream9',
      sockets: 1,
      memory: '2Gi',
    },
  },
  {
    weight: 6,
    os: 'centos-stream9',
    image: CENTOS,
    instancetype: 'o1.medium',
    preference: 'centos.stream9',
  },
  {
    weight: 8,
    os: 'windows2k22',
    image: WINDOWS,
    template: { name: 'windows2k22-server-medium', os: 'windows2k22', sockets: 1, memory: '4Gi' },
  },
  {
    weight: 4,
    os: 'windows11',
    image: WINDOWS,
    instancetype: 'u1.large',
    preference: 'windows.11.virtio',
  },
  {
    weight: 4,
    os: 'rhel9',
    image: RHEL9,
    template: { name: 'rhel9-server-large', os: 'rhel9', sockets: 2, memory: '8Gi' },
  },
];

const TOTAL_WEIGHT = PROFILES.reduce((n, p) => n + p.weight, 0);

/** A well-mixed, deterministic number in [0, 1) for an index (splitmix-style integer hash). */
const unit = (i: number, salt: number): number => {
  let x = (i * 0x9e3779b1 + salt * 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
};

export const profileOf = (i: number): Profile => {
  let pick = unit(i, 1) * TOTAL_WEIGHT;
  for (const p of PROFILES) {
    pick -= p.weight;
    if (pick < 0) return p;
  }
  return PROFILES[PROFILES.length - 1];
};

const APPS = ['web', 'api', 'db', 'cache', 'batch', 'ci', 'ldap', 'mq', 'search', 'monitor'];

export interface ScaleVmOptions {
  namespaces: number;
  /** Percentage of VMs that run (runStrategy Always); the rest are Halted. */
  runningPercent: number;
}

export const scaleVmName = (i: number): string => `vm-${String(i).padStart(5, '0')}`;

/** VM number `i`: in namespace `i % namespaces`, running when its slot falls in the percentage. */
export const scaleVirtualMachine = (i: number, options: ScaleVmOptions): KubeObject => {
  const profile = profileOf(i);
  const name = scaleVmName(i);
  const app = APPS[Math.floor(unit(i, 2) * APPS.length)];
  const windows = profile.os.startsWith('windows');
  // Spread the running ones evenly instead of putting them all at the start.
  const running = unit(i, 3) * 100 < options.runningPercent;
  const template = profile.template;
  const templateOs = template && COMMON_OS.find((o) => o.os === template.os);
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name,
      namespace: scaleNamespaceName(i % options.namespaces),
      labels: {
        app,
        [SCALE_LABEL]: 'true',
        ...(template
          ? {
              'vm.kubevirt.io/template': template.name,
              'vm.kubevirt.io/template.namespace': TEMPLATES_NAMESPACE,
              'vm.kubevirt.io/template.revision': '1',
              'vm.kubevirt.io/template.version': COMMON_TEMPLATES_VERSION,
            }
          : {}),
      },
      // The template's rules travel with the VM, as when the console creates it.
      ...(templateOs
        ? {
            annotations: {
              'vm.kubevirt.io/validations': JSON.stringify(validationsOf(templateOs)),
            },
          }
        : {}),
    },
    spec: {
      runStrategy: running ? 'Always' : 'Halted',
      ...(profile.instancetype
        ? {
            instancetype: { kind: 'VirtualMachineClusterInstancetype', name: profile.instancetype },
            preference: { kind: 'VirtualMachineClusterPreference', name: profile.preference },
          }
        : {}),
      template: {
        metadata: {
          labels: { 'kubevirt.io/domain': name, app },
          annotations: { 'vm.kubevirt.io/os': profile.os },
        },
        spec: {
          domain: {
            ...(template
              ? {
                  cpu: { cores: 1, sockets: template.sockets, threads: 1 },
                  memory: { guest: template.memory },
                }
              : {}),
            devices: {
              disks: [
                {
                  name: 'rootdisk',
                  ...(template ? { disk: { bus: windows ? 'sata' : 'virtio' } } : {}),
                },
                ...(windows ? [] : [{ name: 'cloudinitdisk', disk: { bus: 'virtio' } }]),
              ],
              interfaces: [{ name: 'default', masquerade: {} }],
            },
          },
          networks: [{ name: 'default', pod: {} }],
          volumes: [
            { name: 'rootdisk', containerDisk: { image: profile.image } },
            ...(windows
              ? []
              : [
                  {
                    name: 'cloudinitdisk',
                    cloudInitNoCloud: {
                      userData:
                        '#cloud-config\nuser: cloud-user\npassword: scale-test\nchpasswd: { expire: False }',
                    },
                  },
                ]),
          ],
        },
      },
    },
  };
};

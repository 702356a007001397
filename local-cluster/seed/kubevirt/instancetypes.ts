import type { KubeObject } from '../../apiserver/core/types';
import type { SeedContributor } from '../../apiserver/seedLoader';
import { COMMON_INSTANCETYPES_VERSION, virtOperatorLabels } from './seedMeta';

/**
 * The Red Hat provided cluster instance types (kubevirt/common-instancetypes): one series per
 * workload class, `<series>.<size>`, each size a fixed vCPU / memory pair. Series-wide traits
 * (dedicated CPUs, hugepages, overcommit) sit in every size's spec, as the bundle renders them.
 */

interface Series {
  /** e.g. `u1` */
  name: string;
  displayName: string;
  class: string;
  icon: string;
  description: string;
  useCaseExamples?: string;
  /** Labels advertising the series' traits (`instancetype.kubevirt.io/dedicatedCPUPlacement`...). */
  traitLabels?: Record<string, string>;
  /** Spec fields shared by every size; `cpu.guest` and `memory.guest` come from the size. */
  spec?: {
    annotations?: Record<string, string>;
    cpu?: Record<string, unknown>;
    memory?: Record<string, unknown>;
    ioThreadsPolicy?: string;
    nodeSelector?: Record<string, string>;
  };
  /** [size, vCPUs, memory] */
  sizes: [string, number, string][];
}

const UNIVERSAL_SIZES: [string, number, string][] = [
  ['nano', 1, '512Mi'],
  ['micro', 1, '1Gi'],
  ['small', 1, '2Gi'],
  ['medium', 1, '4Gi'],
  ['2xmedium', 2, '4Gi'],
  ['large', 2, '8Gi'],
  ['xlarge', 4, '16Gi'],
  ['2xlarge', 8, '32Gi'],
  ['4xlarge', 16, '64Gi'],
  ['8xlarge', 32, '128Gi'],
];

export const INSTANCETYPE_SERIES: Series[] = [
  {
    name: 'u1',
    displayName: 'General Purpose',
    class: 'general.purpose',
    icon: 'pficon-server-group',
    description:
      'The U Series is quite neutral and provides resources for\ngeneral purpose applications.\n\n*U* is the abbreviation for "Universal", hinting at the universal\nattitude towards workloads.\n\nVMs of instance types will share physical CPU cores on a\ntime-slice basis with other VMs.',
    useCaseExamples: 'Client, Desktop, VDI',
    sizes: UNIVERSAL_SIZES,
  },
  {
    name: 'o1',
    displayName: 'Overcommitted',
    class: 'overcommitted',
    icon: 'pficon-virtual-machine',
    description:
      'The O Series is based on the U Series, with the only difference\nbeing that memory is overcommitted.\n\n*O* is the abbreviation for "Overcommitted".',
    spec: { memory: { overcommitPercent: 50 } },
    sizes: UNIVERSAL_SIZES.filter(([size]) => size !== '2xmedium'),
  },
  {
    name: 'cx1',
    displayName: 'Compute Exclusive',
    class: 'compute.exclusive',
    icon: 'pficon-registry',
    description:
      'The CX Series provides exclusive compute resources for compute\nintensive applications.\n\n*CX* is the abbreviation of "Compute Exclusive".\n\nThe exclusive resources are given to the compute threads of the\nVM. In order to ensure this, some additional cores (depending\non the number of disks and NICs) will be requested to offload\nthe IO threading from cores dedicated to the workload.\nIn addition, in this series, the NUMA topology of the used\ncores is provided to the VM.',
    traitLabels: {
      'instancetype.kubevirt.io/dedicatedCPUPlacement': 'true',
      'instancetype.kubevirt.io/isolateEmulatorThread': 'true',
      'instancetype.kubevirt.io/numa': 'true',
      'instancetype.kubevirt.io/hugepages': '2Mi',
    },
    spec: {
      cpu: {
        dedicatedCPUPlacement: true,
        isolateEmulatorThread: true,
        numa: { guestMappingPassthrough: {} },
      },
      memory: { hugepages: { pageSize: '2Mi' } },
      ioThreadsPolicy: 'auto',
    },
    sizes: [
      ['medium', 1, '2Gi'],
      ['large', 2, '4Gi'],
      ['xlarge', 4, '8Gi'],
      ['2xlarge', 8, '16Gi'],
      ['4xlarge', 16, '32Gi'],
      ['8xlarge', 32, '64Gi'],
    ],
  },
  {
    name: 'm1',
    displayName: 'Memory Intensive',
    class: 'memory.intensive',
    icon: 'fa-memory',
    description:
      'The M Series provides resources for memory intensive\napplications.\n\n*M* is the abbreviation of "Memory".',
    traitLabels: { 'instancetype.kubevirt.io/hugepages': '2Mi' },
    spec: { memory: { hugepages: { pageSize: '2Mi' } } },
    sizes: [
      ['large', 2, '16Gi'],
      ['xlarge', 4, '32Gi'],
      ['2xlarge', 8, '64Gi'],
      ['4xlarge', 16, '128Gi'],
      ['8xlarge', 32, '256Gi'],
    ],
  },
  {
    name: 'n1',
    displayName: 'Network',
    class: 'network',
    icon: 'pficon-network',
    description:
      'The N Series provides resources for network intensive DPDK\napplications, like VNFs.\n\n*N* is the abbreviation for "Network".\n\nThis series of instancetypes requires nodes capable\nof running DPDK workloads and being marked with the respective\nnode-role.kubevirt.io/worker-dpdk label as such.',
    traitLabels: {
      'instancetype.kubevirt.io/dedicatedCPUPlacement': 'true',
      'instancetype.kubevirt.io/isolateEmulatorThread': 'true',
      'instancetype.kubevirt.io/hugepages': '1Gi',
    },
    spec: {
      // CRI-O must leave the dedicated cores alone for DPDK polling threads.
      annotations: {
        'cpu-load-balancing.crio.io': 'disable',
        'cpu-quota.crio.io': 'disable',
        'irq-load-balancing.crio.io': 'disable',
      },
      cpu: { dedicatedCPUPlacement: true, isolateEmulatorThread: true },
      memory: { hugepages: { pageSize: '1Gi' } },
      nodeSelector: { 'node-role.kubevirt.io/worker-dpdk': '' },
    },
    sizes: [
      ['medium', 4, '4Gi'],
      ['large', 4, '8Gi'],
      ['xlarge', 8, '16Gi'],
      ['2xlarge', 16, '32Gi'],
      ['4xlarge', 32, '64Gi'],
      ['8xlarge', 64, '128Gi'],
    ],
  },
];

const clusterInstancetype = (
  series: Series,
  [size, cpus, memory]: [string, number, string],
): KubeObject => ({
  apiVersion: 'instancetype.kubevirt.io/v1beta1',
  kind: 'VirtualMachineClusterInstancetype',
  metadata: {
    name: `${series.name}.${size}`,
    labels: {
      ...virtOperatorLabels(),
      'instancetype.kubevirt.io/vendor': 'redhat.com',
      'instancetype.kubevirt.io/common-instancetypes-version': COMMON_INSTANCETYPES_VERSION,
      'instancetype.kubevirt.io/version': '1',
      'instancetype.kubevirt.io/class': series.class,
      'instancetype.kubevirt.io/icon-pf': series.icon,
      'instancetype.kubevirt.io/cpu': String(cpus),
      'instancetype.kubevirt.io/memory': memory,
      'instancetype.kubevirt.io/size': size,
      ...series.traitLabels,
    },
    annotations: {
      'instancetype.kubevirt.io/displayName': series.displayName,
      'instancetype.kubevirt.io/description': series.description,
      ...(series.useCaseExamples
        ? { 'instancetype.kubevirt.io/useCaseExamples': series.useCaseExamples }
        : {}),
    },
  },
  spec: {
    ...series.spec,
    cpu: { guest: cpus, ...series.spec?.cpu },
    memory: { guest: memory, ...series.spec?.memory },
  },
});

/** Every size of every series: u1, o1, cx1, m1, n1. */
export const clusterInstancetypes: SeedContributor = () =>
  INSTANCETYPE_SERIES.flatMap((series) =>
    series.sizes.map((size) => clusterInstancetype(series, size)),
  );

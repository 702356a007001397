import type {
  IoK8sApiCoreV1Container,
  IoK8sApiCoreV1Volume,
} from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import {
  ANNOTATION_DOMAIN,
  LABEL_APP,
  LABEL_CREATED_BY,
  LABEL_NODE_NAME,
  LABEL_SCHEDULABLE,
  LABEL_VM_NAME,
  LAUNCHER_IMAGE,
  READINESS_GATE_UNPAUSED,
} from './kubevirtNames';
import { multusAnnotation } from '../network/multusNetworks';
import { guestMemoryOf, memoryOverheadBytes, vcpusOf } from './memoryOverhead';
import { formatBytes, formatCpu, quantityValue } from './quantities';
import type { VirtConfig } from './virtConfig';
import type { Pod, VirtualMachineInstance } from './types';
import { claimNameOf } from './volumes';

/**
 * The virt-launcher pod of a VMI, shaped like KubeVirt's RenderLaunchManifest: the `compute`
 * container asks for the guest's memory plus overhead and a share of CPU (or whole CPUs when
 * dedicated), the KVM/tun/vhost-net devices, the node selectors that pin it to KubeVirt nodes
 * with the right CPU model, and the VMI's PVCs as pod volumes (so storage binds to its node).
 */

const NAMED_MODELS_EXCLUDED = ['host-model', 'host-passthrough', ''];

const cpuNodeSelectors = (vmi: VirtualMachineInstance): Record<string, string> => {
  const cpu = vmi.spec.domain.cpu;
  const out: Record<string, string> = {};
  if (cpu?.model && !NAMED_MODELS_EXCLUDED.includes(cpu.model))
    out[`cpu-model.node.kubevirt.io/${cpu.model}`] = 'true';
  for (const f of cpu?.features ?? [])
    if (f.policy === undefined || f.policy === 'require' || f.policy === 'force')
      out[`cpu-feature.node.kubevirt.io/${f.name}`] = 'true';
  return out;
};

export const podResources = (vmi: VirtualMachineInstance, config: VirtConfig) => {
  const spec = vmi.spec;
  const vcpus = vcpusOf(spec);
  const res = spec.domain.resources;
  const dedicated = Boolean(spec.domain.cpu?.dedicatedCpuPlacement);
  const overhead = memoryOverheadBytes(spec);
  const guestRequest = quantityValue(res?.requests?.memory) || guestMemoryOf(spec);
  const hugepages = spec.domain.memory?.hugepages?.pageSize;
  // With hugepages the guest RAM comes from the hugepage pool; the pod's memory is the overhead.
  const memoryRequest = hugepages ? overhead : guestRequest + overhead;
  let cpuRequest = quantityValue(res?.requests?.cpu);
  if (!cpuRequest) cpuRequest = dedicated ? vcpus : vcpus / config.cpuAllocationRatio;
  if (dedicated && spec.domain.cpu?.isolateEmulatorThread) cpuRequest += 1;
  const devices = {
    'devices.kubevirt.io/kvm': '1',
    'devices.kubevirt.io/tun': '1',
    'devices.kubevirt.io/vhost-net': '1',
  };
  const requests: Record<string, string> = {
    cpu: formatCpu(cpuRequest),
    memory: formatBytes(memoryRequest),
    'ephemeral-storage': '50M',
    ...devices,
  };
  const limits: Record<string, string> = { ...devices };
  if (dedicated) {
    limits.cpu = requests.cpu;
    limits.memory = requests.memory;
  } else {
    if (res?.limits?.cpu) limits.cpu = res.limits.cpu;
    if (res?.limits?.memory)
      limits.memory = formatBytes(quantityValue(res.limits.memory) + overhead);
  }
  if (hugepages) {
    const key = `hugepages-${hugepages}`;
    requests[key] = limits[key] = formatBytes(guestMemoryOf(spec));
  }
  return { requests, limits };
};

/** Guaranteed when every container's requests equal its limits for cpu and memory. */
export const qosClassOf = (pod: Pod): string => {
  const containers = pod.spec.containers ?? [];
  const guaranteed = containers.every((c) =>
    ['cpu', 'memory'].every(
      (r) =>
        c.resources?.limits?.[r] !== undefined &&
        c.resources.requests?.[r] === c.resources.limits[r],
    ),
  );
  if (guaranteed) return 'Guaranteed';
  const any = containers.some((c) =>
    Object.keys({ ...c.resources?.requests, ...c.resources?.limits }).some(
      (k) => k === 'cpu' || k === 'memory',
    ),
  );
  return any ? 'Burstable' : 'BestEffort';
};

const EMPTY_DIRS = [
  'private',
  'public',
  'sockets',
  'virt-bin-share-dir',
  'libvirt-runtime',
  'ephemeral-disks',
  'container-disks',
  'hotplug-disks',
];

/** The sidecar that prints the guest's serial console log (KubeVirt's `virt-tail`). */
export const GUEST_CONSOLE_LOG_CONTAINER = 'guest-console-log';

/**
 * KubeVirt's rule for the serial console log: never without an auto-attached serial console;
 * else the VMI's `devices.logSerialConsole`, else the cluster's `disableSerialConsoleLog`.
 */
export const serialConsoleLogEnabled = (
  vmi: VirtualMachineInstance,
  config: Pick<VirtConfig, 'disableSerialConsoleLog'>,
): boolean => {
  const devices = vmi.spec.domain.devices;
  if (devices.autoattachSerialConsole === false) return false;
  if (devices.logSerialConsole !== undefined && devices.logSerialConsole !== null)
    return devices.logSerialConsole;
  return !config.disableSerialConsoleLog;
};

const guestConsoleLogContainer = (vmi: VirtualMachineInstance): IoK8sApiCoreV1Container => ({
  name: GUEST_CONSOLE_LOG_CONTAINER,
  image: LAUNCHER_IMAGE,
  imagePullPolicy: 'IfNotPresent',
  command: ['/usr/bin/virt-tail'],
  args: ['--logfile', `/var/run/kubevirt-private/${vmi.metadata.uid ?? ''}/virt-serial0-log`],
  env: [{ name: 'VIRT_LAUNCHER_LOG_VERBOSITY', value: '2' }],
  // A dedicated-CPU VMI keeps Guaranteed QoS: its sidecar's requests equal its limits.
  resources: vmi.spec.domain.cpu?.dedicatedCpuPlacement
    ? { requests: { cpu: '15m', memory: '60M' }, limits: { cpu: '15m', memory: '60M' } }
    : { requests: { cpu: '5m', memory: '35M' }, limits: { cpu: '15m', memory: '60M' } },
  securityContext: {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    runAsUser: 107,
  },
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  volumeMounts: [{ name: 'private', mountPath: '/var/run/kubevirt-private', readOnly: true }],
});

export const launcherPod = (vmi: VirtualMachineInstance, config: VirtConfig): Pod => {
  const name = vmi.metadata.name ?? '';
  const namespace = vmi.metadata.namespace;
  const grace = (vmi.spec.terminationGracePeriodSeconds ?? 30) + 15;
  const { [LABEL_NODE_NAME]: _node, ...vmiLabels } = vmi.metadata.labels ?? {};
  const vmiAnnotations = Object.fromEntries(
    Object.entries(vmi.metadata.annotations ?? {}).filter(
      ([k]) =>
        !k.startsWith('kubevirt.io/') && k !== 'kubectl.kubernetes.io/last-applied-configuration',
    ),
  );
  const volumes: IoK8sApiCoreV1Volume[] = EMPTY_DIRS.map((v) => ({ name: v, emptyDir: {} }));
  const containers: IoK8sApiCoreV1Container[] = [];
  for (const v of vmi.spec.volumes ?? []) {
    const claimName = claimNameOf(v);
    if (claimName && !v.persistentVolumeClaim?.hotpluggable && !v.dataVolume?.hotpluggable)
      volumes.push({
        name: v.name,
        persistentVolumeClaim: { claimName, readOnly: v.persistentVolumeClaim?.readOnly },
      });
    if (v.containerDisk)
      containers.push({
        name: `volume${v.name}`,
        image: v.containerDisk.image,
        imagePullPolicy: v.containerDisk.imagePullPolicy ?? 'IfNotPresent',
        command: ['/usr/bin/container-disk'],
        args: [
          '--copy-path',
          `/var/run/kubevirt-ephemeral-disks/container-disk-data/${vmi.metadata.uid ?? ''}/disk_${v.name}`,
        ],
        resources: {
          requests: { cpu: '1m', memory: '1M', 'ephemeral-storage': '50M' },
          limits: { cpu: '10m', memory: '40M' },
        },
      });
  }
  const compute: IoK8sApiCoreV1Container = {
    name: 'compute',
    image: LAUNCHER_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    command: [
      '/usr/bin/virt-launcher-monitor',
      '--qemu-timeout',
      '313s',
      '--name',
      name,
      '--uid',
      vmi.metadata.uid ?? '',
      '--namespace',
      namespace ?? '',
      '--kubevirt-share-dir',
      '/var/run/kubevirt',
      '--ephemeral-disk-dir',
      '/var/run/kubevirt-ephemeral-disks',
      '--container-disk-dir',
      '/var/run/kubevirt/container-disks',
      '--grace-period-seconds',
      String(grace),
      '--hook-sidecars',
      '0',
      '--ovmf-path',
      '/usr/share/OVMF',
      '--run-as-nonroot',
    ],
    env: [
      { name: 'XDG_CACHE_HOME', value: '/var/run/kubevirt-private' },
      { name: 'XDG_CONFIG_HOME', value: '/var/run/kubevirt-private' },
      { name: 'XDG_RUNTIME_DIR', value: '/var/run' },
      {
        name: 'POD_NAME',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
      },
    ],
    resources: podResources(vmi, config),
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
      privileged: false,
      runAsGroup: 107,
      runAsNonRoot: true,
      runAsUser: 107,
    },
    volumeMounts: [
      { name: 'private', mountPath: '/var/run/kubevirt-private' },
      { name: 'public', mountPath: '/var/run/kubevirt' },
      { name: 'ephemeral-disks', mountPath: '/var/run/kubevirt-ephemeral-disks' },
      { name: 'container-disks', mountPath: '/var/run/kubevirt/container-disks' },
      { name: 'libvirt-runtime', mountPath: '/var/run/libvirt' },
      { name: 'sockets', mountPath: '/var/run/kubevirt/sockets' },
      { name: 'hotplug-disks', mountPath: '/var/run/kubevirt/hotplug-disks' },
    ],
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `virt-launcher-${name}-`,
      namespace,
      labels: {
        ...vmiLabels,
        [LABEL_APP]: 'virt-launcher',
        [LABEL_CREATED_BY]: vmi.metadata.uid ?? '',
        [LABEL_VM_NAME]: vmi.spec.hostname || name,
      },
      annotations: {
        ...vmiAnnotations,
        [ANNOTATION_DOMAIN]: name,
        'kubectl.kubernetes.io/default-container': 'compute',
        'traffic.sidecar.istio.io/kubevirtInterfaces': 'k6t-eth0',
        ...multusAnnotation(vmi),
      },
      ownerReferences: [
        {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachineInstance',
          name,
          uid: vmi.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers: [
        compute,
        ...containers,
        ...(serialConsoleLogEnabled(vmi, config) ? [guestConsoleLogContainer(vmi)] : []),
      ],
      volumes,
      nodeSelector: {
        ...vmi.spec.nodeSelector,
        ...cpuNodeSelectors(vmi),
        [LABEL_SCHEDULABLE]: 'true',
      },
      ...(vmi.spec.affinity ? { affinity: structuredClone(vmi.spec.affinity) } : {}),
      ...(vmi.spec.tolerations ? { tolerations: structuredClone(vmi.spec.tolerations) } : {}),
      ...(vmi.spec.priorityClassName ? { priorityClassName: vmi.spec.priorityClassName } : {}),
      schedulerName: vmi.spec.schedulerName || 'default-scheduler',
      hostname: vmi.spec.hostname || name,
      ...(vmi.spec.subdomain ? { subdomain: vmi.spec.subdomain } : {}),
      automountServiceAccountToken: false,
      dnsPolicy: vmi.spec.dnsPolicy ?? 'ClusterFirst',
      enableServiceLinks: false,
      readinessGates: [{ conditionType: READINESS_GATE_UNPAUSED }],
      restartPolicy: 'Never',
      securityContext: { fsGroup: 107, runAsGroup: 107, runAsNonRoot: true, runAsUser: 107 },
      terminationGracePeriodSeconds: grace,
    },
  };
};

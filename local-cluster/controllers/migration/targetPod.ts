import { randomInt } from 'node:crypto';
import { multusAnnotation, NETWORKS_ANNOTATION } from '../network/multusNetworks';
import type { Affinity, Pod, PodSpec, Vmi, Vmim } from './migrationTypes';
import { ANNOTATIONS, LABELS } from './migrationTypes';

/** The alphabet kube uses for generateName suffixes (no vowels, no look-alike digits). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export const randomSuffix = (length = 5): string =>
  Array.from({ length }, () => SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]).join('');

/** KubeVirt keeps the target off the source node with a required pod anti-affinity on the pods
 * the VMI created (`kubevirt.io/created-by`), per hostname. */
const withMigrationAntiAffinity = (affinity: Affinity | undefined, vmiUid: string): Affinity => {
  const term = {
    labelSelector: { matchLabels: { [LABELS.createdBy]: vmiUid } },
    topologyKey: 'kubernetes.io/hostname',
  };
  return {
    ...affinity,
    podAntiAffinity: {
      ...affinity?.podAntiAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: [
        ...(affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        term,
      ],
    },
  };
};

const withoutNetworks = (annotations: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(annotations ?? {}).filter(([k]) => k !== NETWORKS_ANNOTATION));

/** A launcher pod spec for a VMI that has no pod to copy (virt-controller's set not running). */
const launcherSpecFromVmi = (vmi: Vmi): PodSpec => {
  const requests = (vmi.spec.domain as { resources?: { requests?: Record<string, string> } })
    .resources?.requests;
  return {
    containers: [
      {
        name: 'compute',
        image: 'registry.redhat.io/container-native-virtualization/virt-launcher-rhel9:v4.22.0',
        resources: { requests: { ...(requests ?? {}) } },
      },
    ],
    nodeSelector: { ...(vmi.spec.nodeSelector ?? {}), 'kubevirt.io/schedulable': 'true' },
    affinity: vmi.spec.affinity as Affinity | undefined,
    tolerations: vmi.spec.tolerations as PodSpec['tolerations'],
    restartPolicy: 'Never',
  };
};

/**
 * The migration target virt-launcher pod, as virt-controller renders it: the source pod's spec
 * (same requests, volumes, selectors), not bound to a node, plus the anti-affinity, the
 * migration's added node selector, and the labels/annotations tying it to the migration.
 */
export const renderTargetPod = (
  vmi: Vmi,
  vmim: Vmim,
  sourcePod: Pod | undefined,
  suffix: string = randomSuffix(),
): Pod => {
  const vmiName = vmi.metadata.name ?? '';
  const base: PodSpec = sourcePod ? { ...sourcePod.spec } : launcherSpecFromVmi(vmi);
  delete base.nodeName;
  const labels: Record<string, string> = {
    ...(sourcePod?.metadata.labels ?? {
      [LABELS.app]: 'virt-launcher',
      [LABELS.createdBy]: vmi.metadata.uid ?? '',
      'vm.kubevirt.io/name': vmiName,
    }),
    [LABELS.migrationJob]: vmim.metadata.uid ?? '',
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `virt-launcher-${vmiName}-${suffix}`,
      namespace: vmi.metadata.namespace,
      labels,
      annotations: {
        ...withoutNetworks(sourcePod?.metadata.annotations),
        // From the VMI, not the source: NICs hot-plugged or unplugged since reach the new pod.
        ...multusAnnotation(vmi),
        [ANNOTATIONS.migrationJobName]: vmim.metadata.name ?? '',
      },
      ownerReferences: [
        {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachineInstance',
          name: vmiName,
          uid: vmi.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      ...base,
      nodeSelector: { ...(vmim.spec.addedNodeSelector ?? {}), ...(base.nodeSelector ?? {}) },
      affinity: withMigrationAntiAffinity(base.affinity, vmi.metadata.uid ?? ''),
    },
  };
};

/** A stable pod IP for a pod on a node: an address from the node's pod CIDR (10.128.x.y/23). */
export const podIpFor = (podCIDR: string | undefined, podName: string): string => {
  const base = (podCIDR ?? '10.128.0.0/23').split('/')[0].split('.').map(Number);
  let h = 0;
  for (const ch of podName) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const host = 10 + (h % 500);
  return `${base[0]}.${base[1]}.${base[2] + Math.floor(host / 256)}.${host % 256}`;
};

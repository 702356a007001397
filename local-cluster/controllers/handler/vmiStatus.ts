import type {
  V1VirtualMachineInstanceNetworkInterface,
  V1VolumeStatus,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { createHash } from 'node:crypto';
import type { Condition } from '../runtime/conditions';
import { removeCondition, setCondition } from '../runtime/conditions';
import { guestOsInfoOf } from './guestOs';
import { cpuTopologyOf, guestMemoryOf } from './guestSpec';
import type { Vmi, VmiPhase } from './kubevirtObjects';
import { conditionsOf } from './kubevirtObjects';
import { podInterfaceName } from '../network/multusNetworks';
import { macFor, secondaryIpFor } from './podNetwork';

/** What virt-handler knows about the guest beyond the VMI object. */
export interface GuestState {
  osName: string;
  /** The guest agent answers (some time after boot, never with the `no-agent` simulation). */
  agentConnected: boolean;
  /** Why the domain is paused, if it is. */
  paused?: 'PausedByUser' | 'PausedStartStrategy';
}

const PAUSED_MESSAGES = {
  PausedByUser: 'VMI was paused by user',
  PausedStartStrategy: 'VMI was paused by StartStrategy',
} as const;

const INFO_SOURCE = {
  domain: 'domain, multus-status',
  agent: 'domain, guest-agent, multus-status',
} as const;

/** The interfaces the VMI has: its spec's, or the pod network KubeVirt attaches by default. */
const specInterfaces = (vmi: Vmi): { name: string; macAddress?: string; state?: string }[] => {
  const declared = vmi.spec.domain.devices.interfaces ?? [];
  if (declared.length || vmi.spec.domain.devices.autoattachPodInterface === false) return declared;
  return [{ name: 'default' }];
};

/**
 * `status.interfaces`: the pod network interface carries the pod's IP (the domain and Multus know
 * it); guest-side names and secondary network addresses come only from the guest agent.
 * A secondary NIC shows once its launcher pod has the network (`podInterfaces`, from the pod's
 * Multus annotation; undefined = no pod to ask, all count): a hot-plugged one after the migration
 * that brings it, and an unplugged one, already out of the domain, until its pod goes.
 */
export const interfacesOf = (
  vmi: Vmi,
  podIp: string,
  agentConnected: boolean,
  podInterfaces?: Set<string>,
): V1VirtualMachineInstanceNetworkInterface[] => {
  const uid = vmi.metadata.uid ?? '';
  const networks = vmi.spec.networks ?? [{ name: 'default', pod: {} }];
  return specInterfaces(vmi).flatMap((iface, i) => {
    const network = networks.find((n) => n.name === iface.name);
    const onPodNetwork = !network || Boolean(network.pod);
    const podInterface = onPodNetwork ? 'eth0' : podInterfaceName(iface.name);
    const inPod = onPodNetwork || !podInterfaces || podInterfaces.has(podInterface);
    const mac = iface.macAddress ?? macFor(`${uid}/${iface.name}`);
    if (!inPod) return [];
    if (iface.state === 'absent')
      return onPodNetwork
        ? []
        : [{ name: iface.name, mac, infoSource: 'multus-status', podInterfaceName: podInterface }];
    const ip = onPodNetwork ? podIp : agentConnected ? secondaryIpFor(i, uid) : undefined;
    return [
      {
        name: iface.name,
        mac,
        ...(ip ? { ipAddress: ip, ipAddresses: [ip] } : {}),
        ...(agentConnected ? { interfaceName: `eth${i}` } : {}),
        infoSource: agentConnected ? INFO_SOURCE.agent : INFO_SOURCE.domain,
        linkState: 'up',
        podInterfaceName: podInterface,
        queueCount: 1,
      },
    ];
  });
};

/** Device names as the domain assigns them: vda, vdb… for virtio, sda, sdb… for SATA and SCSI. */
const targetsOf = (vmi: Vmi): Map<string, string> => {
  const counters = { vd: 0, sd: 0 };
  const targets = new Map<string, string>();
  for (const disk of vmi.spec.domain.devices.disks ?? []) {
    const bus = disk.disk?.bus ?? disk.cdrom?.bus ?? disk.lun?.bus ?? 'virtio';
    const prefix = bus === 'virtio' ? 'vd' : 'sd';
    targets.set(disk.name, `${prefix}${String.fromCharCode(97 + counters[prefix]++)}`);
  }
  return targets;
};

/** `status.volumeStatus`, with hotplugged volumes reported attached and ready. */
export const volumeStatusOf = (vmi: Vmi): V1VolumeStatus[] => {
  const targets = targetsOf(vmi);
  return (vmi.spec.volumes ?? []).map((v) => {
    const hotplugged = Boolean(v.dataVolume?.hotpluggable || v.persistentVolumeClaim?.hotpluggable);
    const status: V1VolumeStatus = { name: v.name, target: targets.get(v.name) ?? '' };
    if (!hotplugged) return status;
    const suffix = createHash('sha256')
      .update(`${vmi.metadata.uid ?? ''}/${v.name}`)
      .digest('hex');
    return {
      ...status,
      hotplugVolume: {
        attachPodName: `hp-volume-${suffix.slice(0, 5)}`,
        attachPodUID: `${suffix.slice(5, 13)}-${suffix.slice(13, 17)}-4${suffix.slice(18, 21)}-8${suffix.slice(21, 24)}-${suffix.slice(24, 36)}`,
      },
      phase: 'Ready',
      reason: 'VolumeReady',
      message: `Successfully attach hotplugged volume ${v.name} to VM`,
    };
  });
};

/** Guaranteed when CPU and memory limits equal their requests, else Burstable (KubeVirt always requests memory). */
export const qosClassOf = (vmi: Vmi): 'Guaranteed' | 'Burstable' => {
  const r = vmi.spec.domain.resources;
  const same = (k: 'cpu' | 'memory') =>
    r?.requests?.[k] !== undefined && String(r.requests[k]) === String(r.limits?.[k]);
  return same('cpu') && same('memory') ? 'Guaranteed' : 'Burstable';
};

/** The machine type the domain really gets: `q35` is an alias for the newest RHEL machine. */
export const machineTypeOf = (vmi: Vmi): string => {
  const t = vmi.spec.domain.machine?.type;
  return !t || t === 'q35' ? 'pc-q35-rhel9.6.0' : t;
};

const withPhaseTransition = (vmi: Vmi, phase: VmiPhase, now: string) => {
  const previous = vmi.status?.phaseTransitionTimestamps ?? [];
  if (vmi.status?.phase === phase) return previous;
  return [...previous, { phase, phaseTransitionTimestamp: now }];
};

/** Ready, AgentConnected and Paused as virt-handler keeps them for a running domain. */
export const runningConditions = (vmi: Vmi, guest: GuestState, now: string): Condition[] => {
  let conditions = conditionsOf(vmi);
  conditions = guest.paused
    ? setCondition(
        conditions,
        {
          type: 'Ready',
          status: 'False',
          reason: 'ReadinessGatesNotReady',
          message:
            'the status of pod readiness gate "kubevirt.io/virtual-machine-unpaused" is not "True", but False',
          lastProbeTime: null,
        },
        now,
      )
    : setCondition(conditions, { type: 'Ready', status: 'True', lastProbeTime: null }, now);
  conditions = guest.agentConnected
    ? setCondition(conditions, { type: 'AgentConnected', status: 'True', lastProbeTime: null }, now)
    : removeCondition(conditions, 'AgentConnected');
  conditions = guest.paused
    ? setCondition(
        conditions,
        {
          type: 'Paused',
          status: 'True',
          reason: guest.paused,
          message: PAUSED_MESSAGES[guest.paused],
          lastProbeTime: null,
        },
        now,
      )
    : removeCondition(conditions, 'Paused');
  return conditions;
};

/** The status fields virt-handler owns while the domain runs. */
export const runningStatus = (
  vmi: Vmi,
  guest: GuestState,
  podIp: string,
  now: string,
  podInterfaces?: Set<string>,
): Record<string, unknown> => {
  const memory = guestMemoryOf(vmi);
  return {
    phase: 'Running',
    phaseTransitionTimestamps: withPhaseTransition(vmi, 'Running', now),
    conditions: runningConditions(vmi, guest, now),
    interfaces: interfacesOf(vmi, podIp, guest.agentConnected, podInterfaces),
    guestOSInfo: guest.agentConnected ? guestOsInfoOf(guest.osName) : {},
    currentCPUTopology: cpuTopologyOf(vmi),
    memory: { guestAtBoot: memory, guestCurrent: memory, guestRequested: memory },
    machine: { type: machineTypeOf(vmi) },
    qosClass: qosClassOf(vmi),
    volumeStatus: volumeStatusOf(vmi),
    selinuxContext: 'none',
  };
};

/** The status of a VMI whose domain is gone: final phase, not ready, no agent, not paused. */
export const finalStatus = (
  vmi: Vmi,
  phase: 'Succeeded' | 'Failed',
  now: string,
): Record<string, unknown> => {
  let conditions = removeCondition(removeCondition(conditionsOf(vmi), 'AgentConnected'), 'Paused');
  conditions = setCondition(
    conditions,
    {
      type: 'Ready',
      status: 'False',
      reason: 'GuestNotRunning',
      message: 'Guest VM is not reported as running',
      lastProbeTime: null,
    },
    now,
  );
  return {
    phase,
    phaseTransitionTimestamps: withPhaseTransition(vmi, phase, now),
    conditions,
  };
};

import type { IoK8sApiCoreV1ContainerStatus } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { Condition } from '../runtime/conditions';
import { findCondition, setCondition } from '../runtime/conditions';
import { READINESS_GATE_UNPAUSED } from './kubevirtNames';
import { hostIpOf, podIpFor } from './podNetwork';
import type { Node, Pod, PodStatus, VirtualMachineInstance } from './types';

/**
 * A pocket kubelet for virt-launcher pods: containers start once the pod is bound, its volumes
 * are ready and the start delay passed; `compute` is ready while the guest runs; the pod ends
 * with its VMI (Succeeded after a clean shutdown, Failed otherwise, or killed when a deleted
 * VMI outlives the grace period). It also keeps the "unpaused" readiness gate virt-controller
 * sets, so a paused VM's pod is not Ready.
 */

export interface KubeletInput {
  pod: Pod;
  node: Node | undefined;
  /** The VMI the pod runs; undefined once it is gone. */
  vmi: VirtualMachineInstance | undefined;
  /** Every claim is bound and every DataVolume behind one has finished populating. */
  volumesReady: boolean;
  /** The simulated container start time has passed. */
  startDue: boolean;
  /** A deleted VMI's grace period has run out while its guest still runs. */
  killDue: boolean;
  now: string;
}

const containerStatus = (
  pod: Pod,
  state: IoK8sApiCoreV1ContainerStatus['state'],
  ready: boolean,
  name: string,
  image: string | undefined,
): IoK8sApiCoreV1ContainerStatus => ({
  name,
  image: image ?? '',
  imageID: image ? `${image.split(':')[0]}@sha256:${'0'.repeat(64)}` : '',
  containerID: `cri-o://${(pod.metadata.uid ?? '').replace(/-/g, '')}${name.length}`,
  ready,
  started: Boolean(state?.running),
  restartCount: 0,
  state,
});

/** The kubelet's ContainersReady/Ready message: the unready containers, space-separated. */
const unreadyMessage = (names: string[]): string =>
  `containers with unready status: [${names.join(' ')}]`;

const set = (
  conditions: Condition[],
  type: string,
  status: Condition['status'],
  now: string,
  reason?: string,
  message?: string,
) =>
  setCondition(
    conditions,
    {
      type,
      status,
      lastProbeTime: null,
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
    },
    now,
  );

const terminal = (
  input: KubeletInput,
  phase: 'Succeeded' | 'Failed',
  exitCode: number,
  reason: string,
): PodStatus => {
  const { pod, now } = input;
  const started = pod.status?.startTime ?? now;
  let conditions = pod.status?.conditions ?? [];
  conditions = set(conditions, 'ContainersReady', 'False', now, 'PodCompleted');
  conditions = set(conditions, 'Ready', 'False', now, 'PodCompleted');
  return {
    ...pod.status,
    phase,
    conditions,
    containerStatuses: pod.spec.containers.map((c) =>
      containerStatus(
        pod,
        { terminated: { exitCode, reason, startedAt: started, finishedAt: now } },
        false,
        c.name,
        c.image,
      ),
    ),
  };
};

export const nextPodStatus = (input: KubeletInput): PodStatus => {
  const { pod, vmi, now } = input;
  const status = pod.status ?? {};
  if (status.phase === 'Succeeded' || status.phase === 'Failed' || !pod.spec.nodeName)
    return status;
  const vmiPhase = vmi?.status?.phase;
  if (!vmi || vmiPhase === 'Failed') return terminal(input, 'Failed', 1, 'Error');
  if (vmiPhase === 'Succeeded') return terminal(input, 'Succeeded', 0, 'Completed');
  if (input.killDue) return terminal(input, 'Failed', 137, 'Error');

  let conditions = set(status.conditions ?? [], 'PodScheduled', 'True', now);
  if (status.phase !== 'Running' && !(input.volumesReady && input.startDue)) {
    conditions = set(conditions, 'Initialized', 'True', now);
    const unready = unreadyMessage(pod.spec.containers.map((c) => c.name));
    conditions = set(conditions, 'ContainersReady', 'False', now, 'ContainersNotReady', unready);
    conditions = set(conditions, 'Ready', 'False', now, 'ContainersNotReady', unready);
    return {
      ...status,
      phase: 'Pending',
      conditions,
      hostIP: hostIpOf(input.node),
      containerStatuses: pod.spec.containers.map((c) =>
        containerStatus(pod, { waiting: { reason: 'ContainerCreating' } }, false, c.name, c.image),
      ),
    };
  }
  const startedAt = status.startTime ?? now;
  const guestRunning = vmiPhase === 'Running';
  const paused = findCondition(vmi.status?.conditions, 'Paused')?.status === 'True';
  const podIp = status.podIP ?? podIpFor(input.node, pod.metadata.uid ?? '');
  conditions = set(conditions, 'PodReadyToStartContainers', 'True', now);
  conditions = set(conditions, 'Initialized', 'True', now);
  conditions = paused
    ? set(
        conditions,
        READINESS_GATE_UNPAUSED,
        'False',
        now,
        'Paused',
        'the virtual machine is paused',
      )
    : set(conditions, READINESS_GATE_UNPAUSED, 'True', now);
  conditions = guestRunning
    ? set(conditions, 'ContainersReady', 'True', now)
    : set(
        conditions,
        'ContainersReady',
        'False',
        now,
        'ContainersNotReady',
        unreadyMessage(['compute']),
      );
  conditions = !guestRunning
    ? set(conditions, 'Ready', 'False', now, 'ContainersNotReady', unreadyMessage(['compute']))
    : paused
      ? set(
          conditions,
          'Ready',
          'False',
          now,
          'ReadinessGatesNotReady',
          `the status of pod readiness gate "${READINESS_GATE_UNPAUSED}" is not "True", but False`,
        )
      : set(conditions, 'Ready', 'True', now);
  return {
    ...status,
    phase: 'Running',
    conditions,
    startTime: startedAt,
    hostIP: hostIpOf(input.node),
    ...(hostIpOf(input.node) ? { hostIPs: [{ ip: hostIpOf(input.node) ?? '' }] } : {}),
    ...(podIp ? { podIP: podIp, podIPs: [{ ip: podIp }] } : {}),
    containerStatuses: pod.spec.containers.map((c) =>
      containerStatus(
        pod,
        { running: { startedAt } },
        c.name === 'compute' ? guestRunning : true,
        c.name,
        c.image,
      ),
    ),
  };
};

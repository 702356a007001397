import type { Condition } from '../runtime/conditions';
import { findCondition, removeCondition, setCondition } from '../runtime/conditions';
import { sameJson } from './equality';
import { LABEL_NODE_NAME } from './kubevirtNames';
import { migratability } from './liveMigratable';
import type {
  DataVolume,
  PersistentVolumeClaim,
  Pod,
  VirtualMachineInstance,
  VmiStatus,
} from './types';

/**
 * The part of a VMI's status virt-controller owns, computed from its launcher pod and volumes
 * (KubeVirt's VMI controller updateStatus): the phase up to Scheduled (virt-handler takes over
 * from there), PodScheduled/Ready/Synchronized/DataVolumesReady conditions, node name and label,
 * active pods, launcher image, and LiveMigratable once the VMI has a node.
 */

export interface SyncError {
  reason: string;
  message: string;
}

export interface VmiStatusInput {
  vmi: VirtualMachineInstance;
  /** The current launcher pod (not a migration target), if any. */
  pod: Pod | undefined;
  /** Every pod of the VMI (launcher and migration targets). */
  pods: Pod[];
  dataVolumes: DataVolume[];
  pvc: (name: string) => PersistentVolumeClaim | undefined;
  syncError?: SyncError;
  now: string;
}

export interface VmiStatusUpdate {
  status: VmiStatus;
  labels: Record<string, string> | undefined;
}

export const isPodDown = (pod: Pod): boolean =>
  Boolean(pod.metadata.deletionTimestamp) ||
  pod.status?.phase === 'Succeeded' ||
  pod.status?.phase === 'Failed';

/** The pod can be handed to virt-handler: running, with the compute container started. */
export const isPodReadyForHandover = (pod: Pod): boolean =>
  !isPodDown(pod) &&
  pod.status?.phase === 'Running' &&
  (pod.status.containerStatuses ?? []).some(
    (c) => c.name === 'compute' && c.state?.running !== undefined,
  );

const readyCondition = (pod: Pod | undefined): Condition => {
  if (!pod)
    return {
      type: 'Ready',
      status: 'False',
      reason: 'PodNotExists',
      message: 'virt-launcher pod has not yet been scheduled',
      lastProbeTime: null,
    };
  if (isPodDown(pod))
    return {
      type: 'Ready',
      status: 'False',
      reason: 'PodTerminating',
      message: 'virt-launcher pod is terminating',
      lastProbeTime: null,
    };
  return {
    type: 'Ready',
    status: 'False',
    reason: 'GuestNotRunning',
    message: 'Guest VM is not reported as running',
    lastProbeTime: null,
  };
};

const dataVolumesReady = (dvs: DataVolume[]): Condition | undefined => {
  if (!dvs.length) return undefined;
  let status: Condition['status'] = 'True';
  for (const dv of dvs) {
    const s = findCondition(dv.status?.conditions, 'Ready')?.status ?? 'Unknown';
    if (s === 'False') status = 'False';
    else if (s !== 'True' && status === 'True') status = 'Unknown';
  }
  return status === 'True'
    ? {
        type: 'DataVolumesReady',
        status,
        reason: 'AllDVsReady',
        message: "All of the VMI's DVs are bound and ready",
      }
    : {
        type: 'DataVolumesReady',
        status,
        reason: 'NotAllDVsReady',
        message: "Not all of the VMI's DVs are ready",
      };
};

const withPhase = (status: VmiStatus, phase: string, now: string): VmiStatus => {
  if (status.phase === phase) return status;
  return {
    ...status,
    phase,
    phaseTransitionTimestamps: [
      ...(status.phaseTransitionTimestamps ?? []),
      { phase, phaseTransitionTimestamp: now },
    ],
  };
};

const BEFORE_HANDOVER = ['', 'Pending', 'Scheduling', 'Scheduled'];

export const nextVmiStatus = (input: VmiStatusInput): VmiStatusUpdate => {
  const { vmi, pod, now } = input;
  const phase = vmi.status?.phase ?? '';
  let status: VmiStatus = { ...vmi.status };
  let conditions = status.conditions ?? [];
  let labels = vmi.metadata.labels;

  const activePods = Object.fromEntries(
    input.pods
      .filter((p) => p.spec.nodeName && p.metadata.uid)
      .map((p) => [p.metadata.uid ?? '', p.spec.nodeName ?? '']),
  );
  status.activePods = Object.keys(activePods).length ? activePods : undefined;
  // From Running on, virt-handler reports readiness; before that it follows the pod.
  if (BEFORE_HANDOVER.includes(phase))
    conditions = setCondition(conditions, readyCondition(pod), now);
  if (pod && !isPodDown(pod))
    status.launcherContainerImageVersion = pod.spec.containers.find(
      (c) => c.name === 'compute',
    )?.image;
  const dvReady = dataVolumesReady(input.dataVolumes);
  if (dvReady) conditions = setCondition(conditions, dvReady, now);
  const failedDv = input.dataVolumes.some((dv) => dv.status?.phase === 'Failed');

  switch (phase) {
    case '':
    case 'Pending':
      if (pod) status = withPhase(status, 'Scheduling', now);
      else if (vmi.metadata.deletionTimestamp || failedDv)
        status = withPhase(status, 'Failed', now);
      else {
        status = withPhase(status, 'Pending', now);
        if (input.syncError?.reason === 'FailedPvcNotFound')
          conditions = setCondition(
            conditions,
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: input.syncError.message,
              lastProbeTime: null,
            },
            now,
          );
      }
      break;
    case 'Scheduling': {
      if (!pod || isPodDown(pod)) {
        status = withPhase(status, 'Failed', now);
        break;
      }
      status.qosClass = pod.status?.qosClass;
      const scheduled = findCondition(pod.status?.conditions, 'PodScheduled');
      conditions =
        scheduled?.status === 'False'
          ? setCondition(conditions, { ...scheduled, type: 'PodScheduled' }, now)
          : removeCondition(conditions, 'PodScheduled');
      if (isPodReadyForHandover(pod) && !vmi.metadata.deletionTimestamp) {
        status = withPhase(status, 'Scheduled', now);
        status.nodeName = pod.spec.nodeName;
        labels = { ...labels, [LABEL_NODE_NAME]: pod.spec.nodeName ?? '' };
      }
      break;
    }
    case 'Scheduled':
    case 'Running':
      // A launcher pod that vanished or was killed takes the guest with it. (One that completed
      // is a migration source the VMI just left; the guest runs on in the target.)
      if (!pod || pod.status?.phase === 'Failed') status = withPhase(status, 'Failed', now);
      break;
    default:
      break;
  }

  if (['Scheduled', 'Running'].includes(status.phase ?? '')) {
    const m = migratability(vmi, input.pvc);
    conditions = setCondition(conditions, { ...m.condition, lastProbeTime: null }, now);
    status.migrationMethod = m.migrationMethod;
  }
  conditions = input.syncError
    ? setCondition(
        conditions,
        {
          type: 'Synchronized',
          status: 'False',
          reason: input.syncError.reason,
          message: input.syncError.message,
          lastProbeTime: null,
        },
        now,
      )
    : removeCondition(conditions, 'Synchronized');
  status.conditions = conditions;
  if (!status.activePods) delete status.activePods;
  if (status.launcherContainerImageVersion === undefined)
    delete status.launcherContainerImageVersion;
  if (status.qosClass === undefined) delete status.qosClass;
  return { status, labels };
};

/** Whether `next` differs from what is stored (avoids writes that change nothing). */
export const statusChanged = (vmi: VirtualMachineInstance, next: VmiStatusUpdate): boolean =>
  !sameJson(vmi.status ?? {}, next.status) ||
  !sameJson(vmi.metadata.labels ?? {}, next.labels ?? {});

import { bytesOf } from './claimSpec';
import { ANN } from './cdiNames';
import type {
  CloneStrategy,
  DataVolume,
  PersistentVolume,
  Pod,
  Pvc,
  VolumeMode,
  VolumeSnapshot,
} from './cdiTypes';
import type { Blocker } from './dataVolumeStatus';
import type { CloneSource } from './dataVolumeSource';
import type { PodEvent } from './transferSteps';
import { podsUsingClaim, volumeNode } from './volumeBinding';

export interface CloneLookups {
  pvc(namespace: string, name: string): Pvc | undefined;
  dataVolume(namespace: string, name: string): DataVolume | undefined;
  snapshot(namespace: string, name: string): VolumeSnapshot | undefined;
  volume(name: string): PersistentVolume | undefined;
  pods(): Pod[];
}

export interface CloneSourceState {
  /** Set while the clone cannot start. */
  blocker?: Blocker;
  /** Warning events CDI records while it waits. */
  events: PodEvent[];
  sourceBytes?: number;
  /** The node of a node-local source volume: a CSI clone of it must land there too. */
  sourceNode?: string;
}

/** A claim is populated once bound and, if a DataVolume or CDI pod fills it, once that finished. */
const isPopulated = (pvc: Pvc, dv: DataVolume | undefined): boolean => {
  if (pvc.status?.phase !== 'Bound') return false;
  if (dv && dv.status?.phase !== 'Succeeded') return false;
  const podPhase = pvc.metadata.annotations?.[ANN.podPhase];
  return podPhase === undefined || podPhase === 'Succeeded';
};

/** Pods that mount the claim writable: those keep CDI from cloning it (read-only mounts do not). */
const writers = (pvc: Pvc, pods: Pod[]): Pod[] =>
  podsUsingClaim(pvc, pods).filter((p) =>
    (p.spec.volumes ?? []).some(
      (v) =>
        v.persistentVolumeClaim?.claimName === pvc.metadata.name &&
        v.persistentVolumeClaim?.readOnly !== true,
    ),
  );

/**
 * Whether a clone source can be read now, as CDI's clone planner decides: it must exist, be fully
 * populated and not be written by a running pod (a running VM's disk).
 */
export const cloneSourceState = (from: CloneSource, lookups: CloneLookups): CloneSourceState => {
  if (from.kind === 'snapshot') {
    const snap = lookups.snapshot(from.namespace, from.name);
    if (!snap)
      return {
        blocker: {
          phase: 'Pending',
          reason: 'CloneWithoutSource',
          message: `The source snapshot ${from.name} doesn't exist`,
        },
        events: [],
      };
    if (snap.status?.readyToUse !== true)
      return {
        blocker: {
          phase: 'CloneScheduled',
          reason: 'SnapshotNotReady',
          message: `The source snapshot ${from.name} is not ready to use`,
        },
        events: [],
      };
    return { events: [], sourceBytes: bytesOf(snap.status.restoreSize) };
  }
  const src = lookups.pvc(from.namespace, from.name);
  if (!src)
    return {
      blocker: {
        phase: 'Pending',
        reason: 'CloneWithoutSource',
        message: `The source PVC ${from.name} doesn't exist`,
      },
      events: [],
    };
  const sourceBytes =
    bytesOf(src.status?.capacity?.storage) ?? bytesOf(src.spec.resources?.requests?.storage);
  const sourceNode = src.spec.volumeName
    ? volumeNode(lookups.volume(src.spec.volumeName))
    : undefined;
  if (!isPopulated(src, lookups.dataVolume(from.namespace, from.name)))
    return {
      blocker: {
        phase: 'CloneScheduled',
        reason: 'ImportPVCNotReady',
        message: 'The source PVC is not fully imported',
      },
      events: [],
      sourceBytes,
      sourceNode,
    };
  const busy = writers(src, lookups.pods());
  if (busy.length) {
    const events: PodEvent[] = busy.map((p) => ({
      type: 'Warning',
      reason: 'CloneSourceInUse',
      message: `pod ${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''} using PersistentVolumeClaim ${from.name}`,
    }));
    return {
      blocker: { phase: 'CloneScheduled', reason: 'CloneSourceInUse', message: events[0].message },
      events,
      sourceBytes,
      sourceNode,
    };
  }
  return { events: [], sourceBytes, sourceNode };
};

export interface CloneFallback {
  strategy: CloneStrategy;
  /** Set when CDI falls back to a host-assisted copy: the event reason and the PVC annotation text. */
  reason?: string;
  message?: string;
}

/**
 * CSI and snapshot clones only work within one driver and one volume mode; otherwise CDI falls back
 * to a host-assisted copy and says why (annotation `cdi.kubevirt.io/cloneFallbackReason`).
 */
export const cloneFallback = (
  strategy: CloneStrategy,
  source: { provisioner?: string; volumeMode?: VolumeMode },
  target: { provisioner?: string; volumeMode?: VolumeMode },
): CloneFallback => {
  if (strategy === 'copy') return { strategy };
  if (source.provisioner && target.provisioner && source.provisioner !== target.provisioner)
    return {
      strategy: 'copy',
      reason: 'IncompatibleProvisioners',
      message: 'The provisioners of source and target are incompatible',
    };
  if ((source.volumeMode ?? 'Filesystem') !== (target.volumeMode ?? 'Filesystem'))
    return {
      strategy: 'copy',
      reason: 'IncompatibleVolumeModes',
      message: 'The volume modes of source and target are incompatible',
    };
  return { strategy };
};

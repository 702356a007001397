import { ANN, K8S_ANN, POD_RUNNING_REASON, SIM_ANN } from './cdiNames';
import type { CloneStrategy, Pvc } from './cdiTypes';
import type { TransferPlan } from './dataVolumeSource';
import {
  BLANK_MS,
  CLONE_MS,
  CONNECT_MS,
  PROGRESS_DONE,
  PROGRESS_INTERVAL_MS,
  PROGRESS_UNKNOWN,
  POD_START_MS,
  PROVISION_MS,
  formatProgress,
  importDurationMs,
  progressAt,
  restartBackoffMs,
} from './transferTiming';

/**
 * The transfer pods CDI runs (importer, upload server, clone source) reduced to their effect: the
 * PVC annotations through which those pods report their phase, readiness, restarts and running
 * condition. Each call advances the simulated pod by what the elapsed time allows and says when to
 * look again; the annotations are the only state, so a restarted cluster picks up where it stopped.
 */

export type AnnotationPatch = Record<string, string | null>;

export interface PodEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface UploadProgress {
  receivedBytes: number;
  expectedBytes?: number;
  done: boolean;
}

export interface TransferContext {
  plan: Exclude<TransferPlan, { kind: 'none' }>;
  pvc: Pvc;
  /** Real clock now, in ms since the epoch. */
  now: number;
  /** Converts real elapsed ms into simulated ms (Timing.simulated). */
  simulated: (realMs: number) => number;
  /** Converts simulated ms into real ms (Timing.ms). */
  real: (simulatedMs: number) => number;
  /** Bytes the transfer writes (the claim's size, or the clone source's). */
  sizeBytes: number;
  /** Set when the import cannot succeed: the importer's termination message. */
  failureMessage?: string;
  preallocation: boolean;
  cloneStrategy: CloneStrategy;
  /** The node the transfer pod is scheduled to; written as the claim's selected node when the class
   * waits for a first consumer. */
  selectedNode?: string;
  upload?: UploadProgress;
}

export interface TransferStep {
  annotations: AnnotationPatch;
  /** Simulated ms until the next step is due. */
  requeueAfterMs?: number;
  /** Events the transfer pod's controller records on the PVC. */
  pvcEvents: PodEvent[];
  /** What `status.progress` of the DataVolume shows now. */
  progress: string;
}

const podNameAnnotation = (plan: TransferContext['plan']): string =>
  plan.kind === 'import'
    ? ANN.importPod
    : plan.kind === 'upload'
      ? ANN.uploadPod
      : ANN.cloneSourcePod;

/** CDI's pod names: `importer-<pvc>`, `cdi-upload-<pvc>`, `<pvc uid>-source-pod`. */
export const transferPodName = (plan: TransferContext['plan'], pvc: Pvc): string =>
  plan.kind === 'import'
    ? `importer-${pvc.metadata.name ?? ''}`
    : plan.kind === 'upload'
      ? `cdi-upload-${pvc.metadata.name ?? ''}`
      : `${pvc.metadata.uid ?? ''}-source-pod`;

const transferDurationMs = (ctx: TransferContext): number => {
  if (ctx.plan.kind === 'clone') return CLONE_MS;
  if (ctx.plan.kind === 'import' && ctx.plan.source === 'none')
    return ctx.preallocation ? importDurationMs(ctx.sizeBytes) : BLANK_MS;
  return importDurationMs(ctx.sizeBytes);
};

const completionMessage = (plan: TransferContext['plan']): string =>
  plan.kind === 'import'
    ? 'Import Complete'
    : plan.kind === 'upload'
      ? 'Upload Complete'
      : 'Clone Complete';

/** PVC events of the import, upload and clone controllers when their pod succeeds. */
const successEvent = (plan: TransferContext['plan']): PodEvent =>
  plan.kind === 'import'
    ? { type: 'Normal', reason: 'ImportSucceeded', message: 'Import Successful' }
    : plan.kind === 'upload'
      ? { type: 'Normal', reason: 'UploadSucceeded', message: 'Upload Successful' }
      : { type: 'Normal', reason: 'CloneSucceeded', message: 'Clone Successful' };

/** Progress is reported by importers and host-assisted clones; CSI and snapshot clones have none. */
const reportsProgress = (ctx: TransferContext): boolean =>
  ctx.plan.kind !== 'clone' || ctx.cloneStrategy === 'copy';

const since = (ctx: TransferContext, iso: string | undefined): number => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? 0 : ctx.simulated(ctx.now - t);
};

const iso = (ms: number): string => new Date(ms).toISOString();

/** Advances the simulated transfer pod of `ctx.pvc` by one step. */
export const nextTransferStep = (ctx: TransferContext): TransferStep => {
  const ann = ctx.pvc.metadata.annotations ?? {};
  const phase = ann[ANN.podPhase];
  const bound = ctx.pvc.status?.phase === 'Bound';
  const nothing = (progress: string, requeueAfterMs?: number): TransferStep => ({
    annotations: {},
    pvcEvents: [],
    progress,
    requeueAfterMs,
  });

  if (phase === undefined || phase === 'Unknown') {
    // The controller creates the pod; the scheduler picks a node, which for a class that waits for
    // its first consumer is what lets the provisioner create the volume.
    const annotations: AnnotationPatch = {
      [podNameAnnotation(ctx.plan)]: transferPodName(ctx.plan, ctx.pvc),
      [ANN.podPhase]: 'Pending',
      [SIM_ANN.podCreated]: iso(ctx.now),
    };
    if (ctx.selectedNode && !bound && !ann[K8S_ANN.selectedNode])
      annotations[K8S_ANN.selectedNode] = ctx.selectedNode;
    return { annotations, pvcEvents: [], progress: PROGRESS_UNKNOWN, requeueAfterMs: POD_START_MS };
  }

  if (phase === 'Pending') {
    // The pod cannot start before its volume exists.
    if (!bound) return nothing(PROGRESS_UNKNOWN, PROVISION_MS);
    if (ann[ANN.runningReason] !== 'ContainerCreating') {
      // The volume is there: the kubelet starts pulling and creating the container now.
      return {
        annotations: {
          [ANN.runningCondition]: 'false',
          [ANN.runningReason]: 'ContainerCreating',
          [ANN.runningMessage]: '',
          [SIM_ANN.podCreated]: iso(ctx.now),
        },
        pvcEvents: [],
        progress: PROGRESS_UNKNOWN,
        requeueAfterMs: POD_START_MS,
      };
    }
    const waited = since(ctx, ann[SIM_ANN.podCreated]);
    if (waited < POD_START_MS) return nothing(PROGRESS_UNKNOWN, POD_START_MS - waited);
    const annotations: AnnotationPatch = {
      [ANN.podPhase]: 'Running',
      [ANN.runningCondition]: 'true',
      [ANN.runningReason]: POD_RUNNING_REASON,
      [ANN.runningMessage]: '',
      [SIM_ANN.transferStarted]: iso(ctx.now),
    };
    if (ctx.plan.kind === 'upload') annotations[ANN.podReady] = 'true';
    const next = ctx.failureMessage
      ? CONNECT_MS
      : Math.min(PROGRESS_INTERVAL_MS, transferDurationMs(ctx));
    const progress = reportsProgress(ctx) ? formatProgress(0) : PROGRESS_UNKNOWN;
    return { annotations, pvcEvents: [], progress, requeueAfterMs: next };
  }

  if (phase === 'Running') {
    const elapsed = since(ctx, ann[SIM_ANN.transferStarted]);
    if (ctx.failureMessage) {
      if (elapsed < CONNECT_MS) return nothing(formatProgress(0), CONNECT_MS - elapsed);
      const restarts = Number(ann[ANN.podRestarts] ?? '0') || 0;
      return {
        annotations: {
          [ANN.podPhase]: 'Failed',
          [ANN.runningCondition]: 'false',
          [ANN.runningReason]: 'Error',
          [ANN.runningMessage]: ctx.failureMessage,
          [ANN.podRestarts]: String(restarts),
          [SIM_ANN.retryAt]: iso(ctx.now + ctx.real(restartBackoffMs(restarts + 1))),
        },
        pvcEvents: [{ type: 'Warning', reason: 'ErrImportFailed', message: ctx.failureMessage }],
        progress: PROGRESS_UNKNOWN,
        requeueAfterMs: restartBackoffMs(restarts + 1),
      };
    }
    if (ctx.plan.kind === 'upload') {
      const up = ctx.upload;
      const progress =
        up && up.expectedBytes
          ? formatProgress(up.receivedBytes / up.expectedBytes)
          : PROGRESS_UNKNOWN;
      if (!up?.done) return nothing(progress);
      return succeeded(ctx);
    }
    const duration = transferDurationMs(ctx);
    if (elapsed >= duration) return succeeded(ctx);
    return nothing(
      reportsProgress(ctx) ? progressAt(elapsed, duration) : PROGRESS_UNKNOWN,
      Math.min(PROGRESS_INTERVAL_MS, duration - elapsed),
    );
  }

  if (phase === 'Failed') {
    // The container keeps restarting with kubelet's back-off; each attempt fails the same way.
    const retryAt = Date.parse(ann[SIM_ANN.retryAt] ?? '');
    const restarts = Number(ann[ANN.podRestarts] ?? '0') || 0;
    if (Number.isNaN(retryAt) || ctx.now >= retryAt) {
      if (!ctx.failureMessage) {
        // The cause went away (the source was fixed): the next attempt runs normally.
        return {
          annotations: {
            [ANN.podPhase]: 'Running',
            [ANN.runningCondition]: 'true',
            [ANN.runningReason]: POD_RUNNING_REASON,
            [ANN.runningMessage]: '',
            [ANN.podRestarts]: String(restarts + 1),
            [SIM_ANN.transferStarted]: iso(ctx.now),
            [SIM_ANN.retryAt]: null,
          },
          pvcEvents: [],
          progress: formatProgress(0),
          requeueAfterMs: PROGRESS_INTERVAL_MS,
        };
      }
      const next = restartBackoffMs(restarts + 2);
      return {
        annotations: {
          [ANN.podRestarts]: String(restarts + 1),
          [ANN.runningMessage]: ctx.failureMessage,
          [SIM_ANN.retryAt]: iso(ctx.now + ctx.real(next)),
        },
        pvcEvents: [{ type: 'Warning', reason: 'ErrImportFailed', message: ctx.failureMessage }],
        progress: PROGRESS_UNKNOWN,
        requeueAfterMs: next,
      };
    }
    return nothing(PROGRESS_UNKNOWN, ctx.simulated(retryAt - ctx.now));
  }

  return nothing(phase === 'Succeeded' ? PROGRESS_DONE : PROGRESS_UNKNOWN);
};

const succeeded = (ctx: TransferContext): TransferStep => {
  const annotations: AnnotationPatch = {
    [ANN.podPhase]: 'Succeeded',
    [ANN.runningCondition]: 'false',
    [ANN.runningReason]: 'Completed',
    [ANN.runningMessage]: completionMessage(ctx.plan),
    [SIM_ANN.transferStarted]: null,
    [SIM_ANN.podCreated]: null,
  };
  if (ctx.plan.kind === 'upload') annotations[ANN.podReady] = 'false';
  if (ctx.plan.kind === 'clone') annotations[ANN.cloneOf] = 'true';
  if (ctx.preallocation && ctx.plan.kind !== 'clone')
    annotations[ANN.preallocationApplied] = 'true';
  return { annotations, pvcEvents: [successEvent(ctx.plan)], progress: PROGRESS_DONE };
};

import { isDeepStrictEqual } from 'node:util';
import type { Condition } from '../runtime/conditions';
import { ANN } from './cdiNames';
import type { DataVolume, DataVolumeStatus, Pvc } from './cdiTypes';
import type { CloneSource, TransferPlan } from './dataVolumeSource';
import type { PodEvent } from './transferSteps';
import { PROGRESS_DONE, PROGRESS_UNKNOWN } from './transferTiming';

/** Why a DataVolume cannot start its transfer yet (missing clone source, invalid claim, ...). */
export interface Blocker {
  phase: 'Pending' | 'CloneScheduled';
  reason: string;
  message: string;
}

export interface StatusInputs {
  dv: DataVolume;
  pvc?: Pvc;
  /** Undefined when the DV's source cannot be resolved (its DataSource is missing). */
  plan?: TransferPlan;
  /** The claim waits for a first consumer and nothing will consume it yet. */
  waitingForConsumer: boolean;
  blocker?: Blocker;
  /** The progress the transfer reports now; kept from the last status when absent. */
  progress?: string;
  now: string;
}

export interface StatusResult {
  status: DataVolumeStatus;
  events: PodEvent[];
}

/**
 * Sets one condition the way CDI does: the transition time moves when the status changes, the
 * heartbeat when anything changes, and an unchanged condition stays byte-identical (so writing the
 * same status twice is a no-op).
 */
export const upsertCondition = (
  conditions: Condition[],
  type: string,
  status: Condition['status'],
  message: string,
  reason: string,
  now: string,
): Condition[] => {
  const old = conditions.find((c) => c.type === type);
  if (
    old &&
    old.status === status &&
    (old.message ?? '') === message &&
    (old.reason ?? '') === reason
  )
    return conditions;
  const next: Condition = {
    type,
    status,
    lastTransitionTime: old && old.status === status ? (old.lastTransitionTime ?? now) : now,
    lastHeartbeatTime: now,
    ...(message ? { message } : {}),
    ...(reason ? { reason } : {}),
  };
  return old ? conditions.map((c) => (c.type === type ? next : c)) : [...conditions, next];
};

const cloneRef = (from: CloneSource): string => `${from.namespace}/${from.name}`;

interface PhaseNames {
  scheduled: string;
  running: string;
  scheduledEvent: (pvc: string) => PodEvent;
  runningEvent: (pvc: string) => PodEvent;
  succeededEvent: (pvc: string) => PodEvent;
  failedEvent: (pvc: string) => PodEvent;
}

/** Phases and event texts of CDI's import, upload and clone DataVolume controllers. */
const phaseNames = (plan: TransferPlan | undefined, dv: DataVolume): PhaseNames | undefined => {
  const target = `${dv.metadata.namespace ?? ''}/${dv.metadata.name ?? ''}`;
  switch (plan?.kind) {
    case 'import':
      return {
        scheduled: 'ImportScheduled',
        running: 'ImportInProgress',
        scheduledEvent: (p) => ({
          type: 'Normal',
          reason: 'ImportScheduled',
          message: `Import into ${p} scheduled`,
        }),
        runningEvent: (p) => ({
          type: 'Normal',
          reason: 'ImportInProgress',
          message: `Import into ${p} in progress`,
        }),
        succeededEvent: (p) => ({
          type: 'Normal',
          reason: 'ImportSucceeded',
          message: `Successfully imported into PVC ${p}`,
        }),
        failedEvent: (p) => ({
          type: 'Warning',
          reason: 'ImportFailed',
          message: `Failed to import into PVC ${p}`,
        }),
      };
    case 'upload':
      return {
        scheduled: 'UploadScheduled',
        running: 'UploadReady',
        scheduledEvent: (p) => ({
          type: 'Normal',
          reason: 'UploadScheduled',
          message: `Upload into ${p} scheduled`,
        }),
        runningEvent: (p) => ({
          type: 'Normal',
          reason: 'UploadReady',
          message: `Upload into ${p} ready`,
        }),
        succeededEvent: (p) => ({
          type: 'Normal',
          reason: 'UploadSucceeded',
          message: `Successfully uploaded into ${p}`,
        }),
        failedEvent: (p) => ({
          type: 'Warning',
          reason: 'UploadFailed',
          message: `Upload into ${p} failed`,
        }),
      };
    case 'clone': {
      const from = cloneRef(plan.from);
      return {
        scheduled: 'CloneScheduled',
        running: 'CloneInProgress',
        scheduledEvent: () => ({
          type: 'Normal',
          reason: 'CloneScheduled',
          message: `Cloning from ${from} into ${target} scheduled`,
        }),
        runningEvent: () => ({
          type: 'Normal',
          reason: 'CloneInProgress',
          message: `Cloning from ${from} into ${target} in progress`,
        }),
        succeededEvent: () => ({
          type: 'Normal',
          reason: 'CloneSucceeded',
          message: `Successfully cloned from ${from} into ${target}`,
        }),
        failedEvent: () => ({
          type: 'Warning',
          reason: 'CloneFailed',
          message: `Cloning from ${from} into ${target} failed`,
        }),
      };
    }
    default:
      return undefined;
  }
};

const phaseOf = (inputs: StatusInputs, names: PhaseNames | undefined): string => {
  const { pvc, blocker } = inputs;
  if (!pvc) return blocker?.phase ?? 'Pending';
  const ann = pvc.metadata.annotations ?? {};
  const podPhase = ann[ANN.podPhase];
  if (podPhase === 'Succeeded') return 'Succeeded';
  switch (pvc.status?.phase) {
    case 'Lost':
      return 'Failed';
    case 'Bound':
      break;
    default:
      if (inputs.waitingForConsumer) return 'PendingPopulation';
      return blocker?.phase ?? 'Pending';
  }
  if (inputs.plan?.kind === 'none') return 'Succeeded';
  if (blocker) return blocker.phase;
  if (!names || podPhase === undefined) return 'PVCBound';
  if (podPhase === 'Pending') return names.scheduled;
  if (podPhase === 'Failed') return 'Failed';
  if (inputs.plan?.kind === 'upload')
    return ann[ANN.podReady] === 'true' ? names.running : names.scheduled;
  return names.running;
};

const boundCondition = (conditions: Condition[], inputs: StatusInputs): Condition[] => {
  const { pvc, now } = inputs;
  if (!pvc)
    return upsertCondition(
      conditions,
      'Bound',
      'False',
      inputs.blocker?.message ?? 'No PVC found',
      inputs.blocker?.reason ?? 'NotFound',
      now,
    );
  const name = pvc.metadata.name ?? '';
  switch (pvc.status?.phase) {
    case 'Bound':
      return upsertCondition(conditions, 'Bound', 'True', `PVC ${name} Bound`, 'Bound', now);
    case 'Lost':
      return upsertCondition(conditions, 'Bound', 'False', 'Claim Lost', 'ClaimLost', now);
    default:
      return upsertCondition(conditions, 'Bound', 'False', `PVC ${name} Pending`, 'Pending', now);
  }
};

const runningCondition = (conditions: Condition[], inputs: StatusInputs): Condition[] => {
  const ann = inputs.pvc?.metadata.annotations ?? {};
  const value = ann[ANN.runningCondition];
  if (value === undefined && inputs.blocker)
    return upsertCondition(
      conditions,
      'Running',
      'False',
      inputs.blocker.message,
      inputs.blocker.reason,
      inputs.now,
    );
  const status =
    value === 'true' ? 'True' : value === undefined || value === 'false' ? 'False' : 'Unknown';
  return upsertCondition(
    conditions,
    'Running',
    status,
    ann[ANN.runningMessage] ?? '',
    ann[ANN.runningReason] ?? '',
    inputs.now,
  );
};

/**
 * A DataVolume's status from its claim and transfer, following CDI's status rules: the phase from
 * the claim's phase and the transfer pod's phase annotation; conditions Bound (from the claim),
 * Ready (True once Succeeded) and Running (from the pod's running annotations); the events CDI
 * records on phase changes, on Bound changes and when the transfer stops on an error.
 */
export const dataVolumeStatus = (inputs: StatusInputs): StatusResult => {
  const { dv, pvc, now } = inputs;
  const old = dv.status ?? {};
  const names = phaseNames(inputs.plan, dv);
  const phase = phaseOf(inputs, names);
  const ann = pvc?.metadata.annotations ?? {};

  let conditions = old.conditions ?? [];
  conditions = boundCondition(conditions, inputs);
  const running = ann[ANN.runningCondition] === 'true';
  conditions = upsertCondition(
    conditions,
    'Ready',
    phase === 'Succeeded' ? 'True' : 'False',
    '',
    phase !== 'Succeeded' && running ? 'TransferRunning' : '',
    now,
  );
  conditions = runningCondition(conditions, inputs);

  const restarts = Number(ann[ANN.podRestarts] ?? '0');
  const progress =
    phase === 'Succeeded'
      ? PROGRESS_DONE
      : (inputs.progress ??
        (old.progress && old.progress !== PROGRESS_DONE ? old.progress : PROGRESS_UNKNOWN));
  const status: DataVolumeStatus = {
    phase,
    progress,
    restartCount: Number.isFinite(restarts) && restarts > 0 ? restarts : 0,
    conditions,
    ...(pvc ? { claimName: pvc.metadata.name } : {}),
  };

  const events: PodEvent[] = [];
  const pvcName = pvc?.metadata.name ?? dv.metadata.name ?? '';
  if (phase !== old.phase && names) {
    if (phase === names.scheduled) events.push(names.scheduledEvent(pvcName));
    else if (phase === names.running) events.push(names.runningEvent(pvcName));
    else if (phase === 'Succeeded') events.push(names.succeededEvent(pvcName));
    else if (phase === 'Failed') events.push(names.failedEvent(pvcName));
  }
  if (phase !== old.phase && pvc?.status?.phase === 'Lost')
    events.push({ type: 'Warning', reason: 'ErrClaimLost', message: `PVC ${pvcName} lost` });
  const oldBound = old.conditions?.find((c) => c.type === 'Bound');
  const newBound = conditions.find((c) => c.type === 'Bound');
  if (
    newBound &&
    newBound.reason &&
    (!oldBound ||
      oldBound.status !== newBound.status ||
      oldBound.reason !== newBound.reason ||
      oldBound.message !== newBound.message)
  )
    events.push({ type: 'Normal', reason: newBound.reason, message: newBound.message ?? '' });
  const newRunning = conditions.find((c) => c.type === 'Running');
  const oldRunning = old.conditions?.find((c) => c.type === 'Running');
  if (
    phase !== 'Succeeded' &&
    newRunning?.status === 'False' &&
    newRunning.message &&
    newRunning.reason === 'Error' &&
    oldRunning?.message !== newRunning.message
  )
    events.push({ type: 'Warning', reason: newRunning.reason, message: newRunning.message });
  return { status, events };
};

/** True when writing `b` would change nothing. */
export const sameStatus = (a: DataVolumeStatus | undefined, b: DataVolumeStatus): boolean =>
  isDeepStrictEqual(a ?? {}, b);

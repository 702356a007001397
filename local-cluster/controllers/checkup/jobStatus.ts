import type { KubeObject } from '../../apiserver/core/types';
import type { CheckupContainer, Job } from './checkupJob';

/**
 * What the Job controller and the kubelet write while a checkup Job runs, as pure builders:
 * the Job's status at start and end (conditions and reasons of Kubernetes 1.35's Job controller)
 * and the pod that runs the checkup.
 */

export const SUCCESS_MESSAGE = 'Reached expected number of succeeded pods';
export const BACKOFF_MESSAGE = 'Job has reached the specified backoff limit';

export const jobStartedStatus = (now: string): Record<string, unknown> => ({
  startTime: now,
  active: 1,
  ready: 0,
  terminating: 0,
  uncountedTerminatedPods: {},
});

export const jobReadyStatus = (): Record<string, unknown> => ({ ready: 1 });

export const jobFinishedStatus = (succeeded: boolean, now: string): Record<string, unknown> => {
  const condition = (type: string, reason: string, message: string) => ({
    type,
    status: 'True',
    reason,
    message,
    lastProbeTime: now,
    lastTransitionTime: now,
  });
  return succeeded
    ? {
        active: null,
        ready: 0,
        succeeded: 1,
        completionTime: now,
        conditions: [
          condition('SuccessCriteriaMet', 'CompletionsReached', SUCCESS_MESSAGE),
          condition('Complete', 'CompletionsReached', SUCCESS_MESSAGE),
        ],
      }
    : {
        active: null,
        ready: 0,
        failed: 1,
        conditions: [
          condition('FailureTarget', 'BackoffLimitExceeded', BACKOFF_MESSAGE),
          condition('Failed', 'BackoffLimitExceeded', BACKOFF_MESSAGE),
        ],
      };
};

/** The pod the Job controller creates from the template, bound to `nodeName` by the scheduler. */
export const checkupPod = (
  job: Job,
  name: string,
  nodeName: string,
): Omit<KubeObject, 'apiVersion' | 'kind'> => {
  const uid = job.metadata.uid ?? '';
  const jobName = job.metadata.name ?? '';
  const template = job.spec?.template ?? {};
  return {
    metadata: {
      name,
      namespace: job.metadata.namespace,
      labels: {
        ...template.metadata?.labels,
        'batch.kubernetes.io/controller-uid': uid,
        'batch.kubernetes.io/job-name': jobName,
        'controller-uid': uid,
        'job-name': jobName,
      },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: jobName,
          uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      restartPolicy: 'Never',
      ...template.spec,
      nodeName,
      // The checkup's error is all a reader of the pod gets besides the ConfigMap.
      containers: (template.spec?.containers ?? []).map((c) => ({
        terminationMessagePolicy: 'FallbackToLogsOnError',
        ...c,
      })),
    },
  };
};

export const podRunningStatus = (
  containers: CheckupContainer[],
  now: string,
  hostIP: string,
  podIP: string,
): Record<string, unknown> => ({
  phase: 'Running',
  hostIP,
  podIP,
  podIPs: [{ ip: podIP }],
  startTime: now,
  conditions: [
    { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
    { type: 'Initialized', status: 'True', lastTransitionTime: now },
    { type: 'ContainersReady', status: 'True', lastTransitionTime: now },
    { type: 'Ready', status: 'True', lastTransitionTime: now },
  ],
  containerStatuses: containers.map((c) => ({
    name: c.name,
    image: c.image,
    imageID: c.image,
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: now } },
  })),
});

export const podFinishedStatus = (
  containers: CheckupContainer[],
  exitCode: number,
  startedAt: string,
  now: string,
  message: string,
): Record<string, unknown> => ({
  phase: exitCode === 0 ? 'Succeeded' : 'Failed',
  conditions: [
    { type: 'PodScheduled', status: 'True', lastTransitionTime: startedAt },
    { type: 'Initialized', status: 'True', lastTransitionTime: startedAt },
    { type: 'ContainersReady', status: 'False', reason: 'PodCompleted', lastTransitionTime: now },
    { type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: now },
  ],
  containerStatuses: containers.map((c) => ({
    name: c.name,
    image: c.image,
    imageID: c.image,
    ready: false,
    started: false,
    restartCount: 0,
    state: {
      terminated: {
        exitCode,
        reason: exitCode === 0 ? 'Completed' : 'Error',
        startedAt,
        finishedAt: now,
        ...(message ? { message } : {}),
      },
    },
  })),
});

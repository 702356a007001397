import type { KubeObject } from '../../apiserver/core/types';
import { ApiError, isNotFound } from '../runtime/apiClient';
import { Controller } from '../runtime/controller';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { CONFIG_MAP, JOB, NAD, NODE, POD, keyOf, splitKey } from '../runtime/resources';
import type { CheckupJob, Job } from './checkupJob';
import { isJobFinished, recognizeCheckupJob } from './checkupJob';
import {
  jobFinishedStatus,
  jobReadyStatus,
  jobStartedStatus,
  checkupPod,
  podFinishedStatus,
  podRunningStatus,
} from './jobStatus';
import {
  CHECKUP_TYPE_LABEL,
  STATUS_START,
  STATUS_SUCCEEDED,
  finishedStatus,
  readKiagnoseConfig,
} from './kiagnoseConfig';
import type { NodeInfo } from './latencyCheckup';
import { randomSuffix, readLatencyParams, runLatencyCheckup } from './latencyCheckup';
import { runStorageCheckup, storageParamsError } from './storageCheckup';
import { readStorageInputs } from './storageInputs';

/** Simulated durations (scaled by runtime.timing). */
const POD_START_MS = 1500;
const CHECKUP_RUN_MS = 20_000;
const SETUP_FAILURE_MS = 2000;
const EXIT_MS = 300;

interface Node extends KubeObject {
  spec?: {
    unschedulable?: boolean;
    taints?: { key: string; effect: string }[];
    podCIDR?: string;
  };
  status?: { addresses?: { type: string; address: string }[] };
}

interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

interface Outcome {
  exitCode: 0 | 1;
  /** ConfigMap keys to write when the run ends; undefined when the checkup could not report. */
  report?: { failures: string[]; results: Record<string, string> };
  /** The tail of the checkup's log, kept as the container's termination message. */
  message: string;
}

interface Run {
  jobUid: string;
  stage: 'starting' | 'running';
  podName: string;
  nodeName: string;
  startedAt: string;
  nextAt: number;
  outcome?: Outcome;
}

const schedulable = (n: Node): boolean =>
  !n.spec?.unschedulable &&
  !(n.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');

const nodeInfo = (n: Node): NodeInfo => ({
  name: n.metadata.name ?? '',
  zone: n.metadata.labels?.['topology.kubernetes.io/zone'],
  schedulable: schedulable(n),
});

/** An address in the node's pod CIDR (10.128.x.y), stable for the pod name. */
const podIpOn = (node: Node | undefined, podName: string): string => {
  const base = (node?.spec?.podCIDR ?? '10.128.0.0/23').split('/')[0].split('.').map(Number);
  let h = 0;
  for (const c of podName) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const offset = 10 + (h % 500);
  return `${base[0]}.${base[1]}.${base[2] + Math.floor(offset / 256)}.${offset % 256}`;
};

/** Writes to objects someone may delete meanwhile (the console deletes a checkup's ConfigMap and
 * Jobs together): a vanished object just ends that part of the story. */
const ignoreNotFound = async (write: Promise<unknown>): Promise<void> => {
  try {
    await write;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
};

const apiMessage = (err: unknown): string =>
  err instanceof ApiError ? (err.status.message ?? err.message) : String(err);

/**
 * Plays the Jobs that run kiagnose checkups (network latency, storage): the Job controller's and
 * kubelet's part (pod, Job status, events) and the checkup's own part (read the ConfigMap, write
 * `status.startTimestamp`, run, write results and `status.succeeded`). Other Jobs are left alone.
 */
export const startCheckupController = (runtime: ControllerRuntime): Stoppable => {
  const jobs = runtime.informers.for<Job>(JOB);
  const nodes = runtime.informers.for<Node>(NODE);
  const jobController = runtime.clientFor('kube-controller-manager');
  const kubelet = runtime.clientFor('kubelet');
  const checkupClient = runtime.clientFor('kiagnose-checkup');
  const jobEvents = runtime.eventsFor('job-controller');
  const schedulerEvents = runtime.eventsFor('default-scheduler');
  const kubeletEvents = runtime.eventsFor('kubelet');
  const runs = new Map<string, Run>();
  /** Jobs this controller finished: the informer may still show them running for a moment. */
  const finished = new Set<string>();
  const { timing } = runtime;

  const pickNode = (job: Job): Node | undefined => {
    const candidates = nodes
      .list()
      .filter(schedulable)
      .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    if (!candidates.length) return nodes.list()[0];
    let h = 0;
    for (const c of job.metadata.uid ?? '') h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return candidates[h % candidates.length];
  };

  const podOf = (job: Job, run: Run): KubeObject =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: run.podName, namespace: job.metadata.namespace },
    }) as KubeObject;

  /** The Job controller creates the pod; the scheduler binds it. */
  const startPod = async (job: Job): Promise<Run> => {
    const namespace = job.metadata.namespace ?? '';
    const uid = job.metadata.uid ?? '';
    const now = timing.nowIso();
    if (job.status?.startTime) {
      // Resuming after a restart of the local cluster: find the pod the run already has.
      const existing = await jobController.list(POD, namespace, {
        labelSelector: `batch.kubernetes.io/controller-uid=${uid}`,
      });
      const pod = existing.items[0] as (KubeObject & { spec?: { nodeName?: string } }) | undefined;
      if (pod)
        return {
          jobUid: uid,
          stage: 'starting',
          podName: pod.metadata.name ?? '',
          nodeName: pod.spec?.nodeName ?? '',
          startedAt: job.status.startTime,
          nextAt: Date.now(),
        };
    }
    const node = pickNode(job);
    const nodeName = node?.metadata.name ?? '';
    const podName = `${job.metadata.name}-${randomSuffix(`${uid}|pod`)}`;
    await jobController.create(POD, namespace, checkupPod(job, podName, nodeName));
    if (!job.status?.startTime)
      await jobController.patchStatus(
        JOB,
        namespace,
        job.metadata.name ?? '',
        jobStartedStatus(now),
      );
    jobEvents.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${podName}`);
    const run: Run = {
      jobUid: uid,
      stage: 'starting',
      podName,
      nodeName,
      startedAt: now,
      nextAt: Date.now() + timing.ms(POD_START_MS),
    };
    schedulerEvents.record(
      podOf(job, run),
      'Normal',
      'Scheduled',
      `Successfully assigned ${namespace}/${podName} to ${nodeName}`,
    );
    return run;
  };

  /** The checkup's container starts: it reads its ConfigMap and, when it can, starts the run. */
  const begin = async (job: Job, checkup: CheckupJob, run: Run): Promise<void> => {
    const namespace = job.metadata.namespace ?? '';
    const containers = job.spec?.template?.spec?.containers ?? [];
    const node = nodes.get(undefined, run.nodeName);
    const hostIP = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    await ignoreNotFound(
      kubelet.patchStatus(
        POD,
        namespace,
        run.podName,
        podRunningStatus(containers, run.startedAt, hostIP, podIpOn(node, run.podName)),
      ),
    );
    await jobController.patchStatus(JOB, namespace, job.metadata.name ?? '', jobReadyStatus());
    const pod = podOf(job, run);
    for (const c of containers) {
      kubeletEvents.record(
        pod,
        'Normal',
        'Pulled',
        `Container image "${c.image}" already present on machine`,
      );
      kubeletEvents.record(pod, 'Normal', 'Created', `Created container: ${c.name}`);
      kubeletEvents.record(pod, 'Normal', 'Started', `Started container ${c.name}`);
    }

    const { outcome, durationMs } = await runCheckup(job, checkup);
    run.outcome = outcome;
    run.stage = 'running';
    run.nextAt = Date.now() + timing.ms(durationMs);
  };

  const runCheckup = async (
    job: Job,
    checkup: CheckupJob,
  ): Promise<{ outcome: Outcome; durationMs: number }> => {
    const exit = (message: string) => ({
      outcome: { exitCode: 1 as const, message },
      durationMs: EXIT_MS,
    });
    let cm: ConfigMap;
    try {
      cm = await checkupClient.get<ConfigMap>(
        CONFIG_MAP,
        checkup.configMapNamespace,
        checkup.configMapName,
      );
    } catch (err) {
      return exit(apiMessage(err));
    }
    // After a restart the run's own start stamp is already there; it does not make it "in use".
    const { [STATUS_START]: stamp, ...withoutStamp } = cm.data ?? {};
    const ownStamp = !!stamp && !!job.status?.startTime && stamp >= job.status.startTime;
    const config = readKiagnoseConfig(cm.data && ownStamp ? withoutStamp : cm.data);
    if (!config.ok) return exit(config.error);

    let paramsError: string | undefined;
    let latencyParams: ReturnType<typeof readLatencyParams> | undefined;
    if (checkup.type === 'latency') {
      latencyParams = readLatencyParams(config.params);
      if (!latencyParams.ok) paramsError = latencyParams.error;
    }
    if (paramsError) return exit(paramsError);

    // The checkup reports its start (the storage checkup also labels the ConfigMap as its own).
    await checkupClient.patch(CONFIG_MAP, checkup.configMapNamespace, checkup.configMapName, {
      ...(checkup.type === 'storage'
        ? { metadata: { labels: { [CHECKUP_TYPE_LABEL]: 'kubevirt-vm-storage' } } }
        : {}),
      data: {
        // Kept when resuming: then the stamp there is this run's own.
        [STATUS_START]: cm.data?.[STATUS_START] ?? timing.nowIso(),
        ...(checkup.type === 'storage' ? { [STATUS_SUCCEEDED]: 'false' } : {}),
      },
    });

    const seed = `${cm.metadata.uid ?? ''}|${job.metadata.uid ?? ''}`;
    let report: { failures: string[]; results: Record<string, string> };
    let durationMs = CHECKUP_RUN_MS;
    if (latencyParams?.ok) {
      const p = latencyParams.value;
      let nad: { found: true; config?: string } | { found: false; message: string };
      try {
        const obj = await checkupClient.get<KubeObject & { spec?: { config?: string } }>(
          NAD,
          p.nadNamespace,
          p.nadName,
        );
        nad = { found: true, config: obj.spec?.config };
      } catch (err) {
        nad = { found: false, message: apiMessage(err) };
      }
      const outcome = runLatencyCheckup({
        params: p,
        namespace: checkup.configMapNamespace,
        nad,
        nodes: nodes.list().map(nodeInfo),
        seed,
      });
      report = outcome;
      if (outcome.failedInSetup && !nad.found) durationMs = SETUP_FAILURE_MS;
      else durationMs = Math.max(CHECKUP_RUN_MS, (p.sampleDurationSeconds + 15) * 1000);
    } else {
      const error = storageParamsError(config.params);
      report = error
        ? { failures: [error], results: {} }
        : runStorageCheckup(await readStorageInputs(checkupClient, config.params, seed));
      if (error) durationMs = SETUP_FAILURE_MS;
    }
    if (config.timeoutMs > 0 && config.timeoutMs < durationMs) {
      report = { failures: ['context deadline exceeded'], results: {} };
      durationMs = config.timeoutMs;
    }
    const failed = report.failures.length > 0;
    return {
      outcome: {
        exitCode: failed ? 1 : 0,
        report,
        message: failed ? report.failures.join(', ') : '',
      },
      durationMs,
    };
  };

  /** The checkup reports and exits; the kubelet and the Job controller record the end. */
  const finish = async (job: Job, checkup: CheckupJob, run: Run): Promise<void> => {
    const namespace = job.metadata.namespace ?? '';
    const outcome = run.outcome ?? { exitCode: 1 as const, message: 'checkup interrupted' };
    const now = timing.nowIso();
    if (outcome.report)
      await ignoreNotFound(
        checkupClient.patch(CONFIG_MAP, checkup.configMapNamespace, checkup.configMapName, {
          data: finishedStatus(outcome.report.failures, outcome.report.results, now),
        }),
      );
    const containers = job.spec?.template?.spec?.containers ?? [];
    await ignoreNotFound(
      kubelet.patchStatus(
        POD,
        namespace,
        run.podName,
        podFinishedStatus(containers, outcome.exitCode, run.startedAt, now, outcome.message),
      ),
    );
    const succeeded = outcome.exitCode === 0;
    await jobController.patchStatus(
      JOB,
      namespace,
      job.metadata.name ?? '',
      jobFinishedStatus(succeeded, now),
    );
    if (succeeded) jobEvents.record(job, 'Normal', 'Completed', 'Job completed');
    else
      jobEvents.record(
        job,
        'Warning',
        'BackoffLimitExceeded',
        'Job has reached the specified backoff limit',
      );
  };

  const controller = new Controller(
    'checkups',
    async (key) => {
      const { namespace, name } = splitKey(key);
      const job = jobs.get(namespace, name);
      if (!job || isJobFinished(job)) {
        runs.delete(key);
        return;
      }
      const checkup = recognizeCheckupJob(job);
      if (!checkup || job.spec?.suspend || finished.has(job.metadata.uid ?? '')) return;
      let run = runs.get(key);
      if (run && run.jobUid !== job.metadata.uid) run = undefined;
      if (!run) {
        run = await startPod(job);
        runs.set(key, run);
      }
      const wait = run.nextAt - Date.now();
      if (wait > 0) return { requeueAfterMs: wait };
      if (run.stage === 'starting') {
        await begin(job, checkup, run);
        return { requeueAfterMs: Math.max(1, run.nextAt - Date.now()) };
      }
      await finish(job, checkup, run);
      runs.delete(key);
      if (finished.size >= 10_000) finished.delete(finished.values().next().value ?? '');
      finished.add(run.jobUid);
    },
    { log: runtime.log },
  ).watch(jobs, (job) =>
    recognizeCheckupJob(job) ? keyOf(job.metadata.namespace, job.metadata.name ?? '') : undefined,
  );

  return { stop: () => controller.stop() };
};

import type { ApiClient } from '../runtime/apiClient';
import { setCondition } from '../runtime/conditions';
import { Controller } from '../runtime/controller';
import type { ReconcileResult } from '../runtime/controller';
import type { EventRecorder } from '../runtime/eventRecorder';
import { POD, keyOf, splitKey } from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import { sameJson } from './equality';
import { nextPodStatus } from './kubelet';
import { LABEL_APP, LABEL_CREATED_BY, LABEL_MIGRATION_JOB, REASON } from './kubevirtNames';
import { qosClassOf } from './launcherPod';
import { schedule } from './scheduler';
import { unlessStale } from './staleWrites';
import type { Pod, VirtualMachineInstance } from './types';
import type { VirtInformers } from './virtInformers';

/**
 * kube-scheduler and the kubelet for virt-launcher pods (the local cluster has no nodes that run
 * containers): binds each pending pod to a node or explains why none fits, then plays the
 * container lifecycle the VMI implies, after the simulated start delay.
 */

/** Pod scheduling plus container start, simulated (contract: 1.5 s). */
export const POD_START_MS = 1500;
/** How often an unschedulable pod is tried again when nothing in the cluster changed. */
const UNSCHEDULABLE_RETRY_MS = 15_000;

const isLauncher = (pod: Pod): boolean => pod.metadata.labels?.[LABEL_APP] === 'virt-launcher';
const isTerminal = (pod: Pod): boolean =>
  pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

class PodLifecycle {
  private readonly client: ApiClient;
  private readonly scheduler: EventRecorder;
  private readonly kubelet: EventRecorder;
  /** When each pod was bound (real ms), to start its containers after the simulated delay. */
  private readonly boundAt = new Map<string, number>();

  constructor(
    private readonly runtime: ControllerRuntime,
    private readonly inf: VirtInformers,
    private readonly vmiKeyByUid: Map<string, string>,
  ) {
    this.client = runtime.client;
    this.scheduler = runtime.eventsFor('default-scheduler');
    this.kubelet = runtime.eventsFor('kubelet');
  }

  forget(uid: string): void {
    this.boundAt.delete(uid);
  }

  async reconcile(key: string): Promise<ReconcileResult | undefined> {
    await this.inf.synced;
    const { namespace, name } = splitKey(key);
    const pod = this.inf.pods.get(namespace, name);
    if (!pod || !isLauncher(pod) || pod.metadata.deletionTimestamp) return;
    // A migration target pod is the migration controller's (node choice, start) until the VMI
    // has moved onto it.
    const target = Boolean(pod.metadata.labels?.[LABEL_MIGRATION_JOB]);
    if (!pod.spec.nodeName) return target ? undefined : this.schedule(pod);
    if (isTerminal(pod)) return;
    if (target && this.vmiOf(pod)?.status?.nodeName !== pod.spec.nodeName) return;
    return this.runContainers(pod);
  }

  private async schedule(pod: Pod): Promise<ReconcileResult | undefined> {
    if ((pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
    const result = schedule({
      pod,
      nodes: this.inf.nodes.list(),
      pods: this.inf.pods.list(),
      pvc: (ns, n) => this.inf.pvcs.get(ns, n),
      storageClass: (n) => this.inf.storageClasses.get(undefined, n),
      persistentVolume: (n) => this.inf.pvs.get(undefined, n),
    });
    const ns = pod.metadata.namespace ?? '';
    const podName = pod.metadata.name ?? '';
    if ('node' in result) {
      const bound = await unlessStale(
        this.client.patch<Pod>(POD, ns, podName, [
          { op: 'add', path: '/spec/nodeName', value: result.node },
        ]),
      );
      if (!bound) return undefined;
      this.boundAt.set(pod.metadata.uid ?? '', Date.now());
      this.scheduler.record(
        bound,
        'Normal',
        REASON.scheduled,
        `Successfully assigned ${ns}/${podName} to ${result.node}`,
      );
      return;
    }
    const now = this.runtime.timing.nowIso();
    const conditions = setCondition(
      pod.status?.conditions,
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: result.message,
        lastProbeTime: null,
      },
      now,
    );
    this.scheduler.record(pod, 'Warning', REASON.failedScheduling, result.message);
    const unschedulable = {
      ...pod.status,
      phase: 'Pending',
      conditions,
      qosClass: qosClassOf(pod),
    };
    if (!sameJson(conditions, pod.status?.conditions ?? []))
      await unlessStale(this.client.update(POD, { ...pod, status: unschedulable }, 'status'));
    return { requeueAfterMs: this.runtime.timing.ms(UNSCHEDULABLE_RETRY_MS) };
  }

  private vmiOf(pod: Pod): VirtualMachineInstance | undefined {
    const key = this.vmiKeyByUid.get(pod.metadata.labels?.[LABEL_CREATED_BY] ?? '');
    if (!key) return undefined;
    const { namespace, name } = splitKey(key);
    return this.inf.vmis.get(namespace, name);
  }

  /** Claims bound, and DataVolumes behind them done populating (a WFFC import runs after binding). */
  private volumesReady(pod: Pod): boolean {
    const ns = pod.metadata.namespace;
    return (pod.spec.volumes ?? []).every((v) => {
      const claim = v.persistentVolumeClaim?.claimName;
      if (!claim) return true;
      if (this.inf.pvcs.get(ns, claim)?.status?.phase !== 'Bound') return false;
      const dv = this.inf.dataVolumes.get(ns, claim);
      return !dv || dv.status?.phase === 'Succeeded';
    });
  }

  private startAt(pod: Pod): number {
    const uid = pod.metadata.uid ?? '';
    let bound = this.boundAt.get(uid);
    if (bound === undefined) {
      const scheduled = pod.status?.conditions?.find(
        (c) => c.type === 'PodScheduled' && c.status === 'True',
      );
      bound =
        Date.parse(scheduled?.lastTransitionTime ?? pod.metadata.creationTimestamp ?? '') ||
        Date.now();
      this.boundAt.set(uid, bound);
    }
    return bound + this.runtime.timing.ms(POD_START_MS);
  }

  private async runContainers(pod: Pod): Promise<ReconcileResult | undefined> {
    const vmi = this.vmiOf(pod);
    const nowMs = Date.now();
    const startAt = this.startAt(pod);
    // virt-controller deletes the pod with the VMI's grace period (a forced stop sets it to 0)
    // plus the 15 s virt-launcher is given to tear down.
    const grace = (vmi?.spec.terminationGracePeriodSeconds ?? 30) + 15;
    const graceMs = this.runtime.timing.ms(grace * 1000);
    const killAt = vmi?.metadata.deletionTimestamp
      ? Date.parse(vmi.metadata.deletionTimestamp) + graceMs
      : undefined;
    const status = nextPodStatus({
      pod,
      node: this.inf.nodes.get(undefined, pod.spec.nodeName ?? ''),
      vmi,
      volumesReady: this.volumesReady(pod),
      startDue: nowMs >= startAt,
      killDue: killAt !== undefined && nowMs >= killAt,
      now: this.runtime.timing.nowIso(),
    });
    status.qosClass = qosClassOf(pod);
    if (!sameJson(status, pod.status ?? {})) {
      if (!(await unlessStale(this.client.update(POD, { ...pod, status }, 'status'))))
        return undefined;
      this.recordTransition(pod, status.phase);
    }
    if (status.phase === 'Pending' && nowMs < startAt)
      return { requeueAfterMs: startAt - nowMs + 1 };
    if (status.phase === 'Running' && killAt !== undefined && nowMs < killAt)
      return { requeueAfterMs: killAt - nowMs + 1 };
  }

  private recordTransition(pod: Pod, phase: string | undefined): void {
    const before = pod.status?.phase;
    if (phase === before) return;
    if (phase === 'Running')
      for (const c of pod.spec.containers) {
        this.kubelet.record(
          pod,
          'Normal',
          REASON.pulled,
          `Container image "${c.image ?? ''}" already present on machine`,
        );
        this.kubelet.record(pod, 'Normal', REASON.created, `Created container ${c.name}`);
        this.kubelet.record(pod, 'Normal', REASON.started, `Started container ${c.name}`);
      }
    if (phase === 'Failed' || phase === 'Succeeded') {
      this.kubelet.record(pod, 'Normal', REASON.killing, 'Stopping container compute');
      this.forget(pod.metadata.uid ?? '');
    }
  }
}

export const startPodLifecycle = (runtime: ControllerRuntime, inf: VirtInformers): Controller => {
  const vmiKeyByUid = new Map<string, string>();
  const key = (o: { metadata: { namespace?: string; name?: string } }) =>
    keyOf(o.metadata.namespace, o.metadata.name ?? '');
  inf.vmis.onChange((type, vmi) => {
    if (type === 'DELETED') vmiKeyByUid.delete(vmi.metadata.uid ?? '');
    else vmiKeyByUid.set(vmi.metadata.uid ?? '', key(vmi));
  });
  const lifecycle = new PodLifecycle(runtime, inf, vmiKeyByUid);
  const controller = new Controller('virt-launcher-pods', (k) => lifecycle.reconcile(k), {
    concurrency: 4,
    log: runtime.log,
  });
  const pendingPods = () =>
    inf.pods
      .list()
      .filter((p) => isLauncher(p) && !p.spec.nodeName)
      .map(key);
  controller
    .watch(inf.pods, (p) => (isLauncher(p) ? key(p) : undefined))
    .watch(inf.vmis, (vmi) => inf.podsByVmi.get(vmi.metadata.uid ?? ''))
    .watch(inf.pvcs, (pvc) => inf.podsByClaim.get(key(pvc)))
    .watch(inf.dataVolumes, (dv) => inf.podsByClaim.get(key(dv)))
    .watch(inf.nodes, () => pendingPods());
  // Capacity freed by a pod that ended or went away may let a pending one fit.
  inf.pods.onChange((type, pod, previous) => {
    if (type === 'DELETED') lifecycle.forget(pod.metadata.uid ?? '');
    const freed = type === 'DELETED' || (isTerminal(pod) && previous && !isTerminal(previous));
    if (freed && pod.spec.nodeName) for (const k of pendingPods()) controller.enqueue(k);
  });
  return controller;
};

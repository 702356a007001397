import type { ApiClient } from '../runtime/apiClient';
import type { ReconcileResult } from '../runtime/controller';
import { Controller } from '../runtime/controller';
import type { EventRecorder } from '../runtime/eventRecorder';
import { POD, VMI, keyOf, splitKey } from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import { sameJson } from './equality';
import {
  LABEL_CREATED_BY,
  LABEL_MIGRATION_JOB,
  REASON,
  VM_CONTROLLER_FINALIZER,
  VMI_FINALIZER,
} from './kubevirtNames';
import { launcherPod } from './launcherPod';
import { migrationRequired, NETWORK_CONTROLLER_GRACE_MS } from './migrationRequired';
import { unlessStale } from './staleWrites';
import { isFinal } from './runStrategy';
import type { DataVolume, Pod, VirtualMachineInstance } from './types';
import type { VirtInformers } from './virtInformers';
import type { SyncError } from './vmiStatus';
import { isPodDown, nextVmiStatus, statusChanged } from './vmiStatus';
import { claimNameOf } from './volumes';

/**
 * KubeVirt's VMI controller: renders and creates the virt-launcher pod once the VMI's volumes are
 * ready, follows the pod through scheduling to hand the VMI to virt-handler (phase Scheduled on a
 * node), and cleans up pods and its finalizer once a deleted VMI has reached a final phase.
 */

const READY_DV_PHASES = ['Succeeded', 'PendingPopulation', 'WaitForFirstConsumer'];

/** The pod running (or about to run) the guest: on the VMI's node, never a pending migration target. */
export const currentPod = (vmi: VirtualMachineInstance, pods: Pod[]): Pod | undefined => {
  const live = pods.filter((p) => !p.metadata.deletionTimestamp);
  const node = vmi.status?.nodeName;
  if (node) {
    const onNode = live.filter((p) => p.spec.nodeName === node);
    return onNode.find((p) => !isPodDown(p)) ?? onNode[0];
  }
  return live
    .filter((p) => !p.metadata.labels?.[LABEL_MIGRATION_JOB])
    .sort((a, b) =>
      (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''),
    )[0];
};

class VmiReconciler {
  private readonly client: ApiClient;
  private readonly events: EventRecorder;

  constructor(
    private readonly runtime: ControllerRuntime,
    private readonly inf: VirtInformers,
  ) {
    this.client = runtime.client;
    this.events = runtime.eventsFor('virtualmachineinstance-controller');
  }

  private podsOf(vmi: VirtualMachineInstance): Pod[] {
    return this.inf.podsByVmi
      .get(vmi.metadata.uid ?? '')
      .map((k) => {
        const { namespace, name } = splitKey(k);
        return this.inf.pods.get(namespace, name);
      })
      .filter((p): p is Pod =>
        Boolean(p && p.metadata.labels?.[LABEL_CREATED_BY] === vmi.metadata.uid),
      );
  }

  private dataVolumesOf(vmi: VirtualMachineInstance): DataVolume[] {
    return (vmi.spec.volumes ?? [])
      .map((v) => claimNameOf(v))
      .map((n) => (n ? this.inf.dataVolumes.get(vmi.metadata.namespace, n) : undefined))
      .filter((d): d is DataVolume => Boolean(d));
  }

  /** KubeVirt's areDataVolumesReady: every claim exists and its DataVolume (if any) can be used. */
  private volumesReady(vmi: VirtualMachineInstance): { ready: boolean; error?: SyncError } {
    let ready = true;
    for (const v of vmi.spec.volumes ?? []) {
      if (!v.dataVolume && !v.persistentVolumeClaim) continue;
      const claim = claimNameOf(v) ?? '';
      const pvc = this.inf.pvcs.get(vmi.metadata.namespace, claim);
      const dv = this.inf.dataVolumes.get(vmi.metadata.namespace, claim);
      if (!pvc) {
        const message = `PVC ${vmi.metadata.namespace ?? ''}/${claim} does not exist, waiting for it to appear`;
        if (!dv) return { ready: false, error: { reason: REASON.failedPvcNotFound, message } };
        ready = false;
        continue;
      }
      if (dv && !READY_DV_PHASES.includes(dv.status?.phase ?? '')) ready = false;
    }
    return { ready };
  }

  async reconcile(key: string): Promise<ReconcileResult | undefined> {
    await this.inf.synced;
    const { namespace, name } = splitKey(key);
    const vmi = this.inf.vmis.get(namespace, name);
    if (!vmi) return;
    let latest = vmi;
    const pods = this.podsOf(vmi);
    let pod = currentPod(vmi, pods);
    const phase = vmi.status?.phase ?? '';
    let syncError: SyncError | undefined;

    if (vmi.metadata.deletionTimestamp) {
      // A guest that runs is shut down by virt-handler first; its pod goes once the VMI is final.
      if (isFinal(vmi) || ['', 'Pending', 'Scheduling'].includes(phase)) {
        for (const p of pods) await this.deletePod(vmi, p);
        if (!pods.length)
          await this.removeFinalizers(vmi, [
            VMI_FINALIZER,
            ...(this.hasOwnerVm(vmi) ? [] : [VM_CONTROLLER_FINALIZER]),
          ]);
        pod = undefined;
      }
    } else if (!isFinal(vmi)) {
      if (!vmi.metadata.finalizers?.includes(VMI_FINALIZER)) latest = await this.addFinalizer(vmi);
      if (!pod && ['', 'Pending'].includes(phase)) {
        const volumes = this.volumesReady(vmi);
        syncError = volumes.error;
        if (syncError)
          this.events.record(vmi, 'Normal', REASON.failedPvcNotFound, syncError.message);
        else if (volumes.ready) pod = await this.createPod(vmi);
      }
    } else if (
      !this.hasOwnerVm(vmi) &&
      vmi.metadata.finalizers?.includes(VM_CONTROLLER_FINALIZER)
    ) {
      await this.removeFinalizers(vmi, [VM_CONTROLLER_FINALIZER]);
    }

    const next = nextVmiStatus({
      vmi,
      pod,
      pods: pod && !pods.includes(pod) ? [...pods, pod] : pods,
      dataVolumes: this.dataVolumesOf(vmi),
      pvc: (n) => this.inf.pvcs.get(namespace, n),
      syncError,
      now: this.runtime.timing.nowIso(),
    });
    const required = migrationRequired(
      { ...vmi, status: next.status },
      next.status.conditions ?? [],
      this.runtime.timing.nowIso(),
      this.runtime.timing.ms(NETWORK_CONTROLLER_GRACE_MS),
    );
    next.status.conditions = required.conditions;
    const recheck =
      required.recheckInMs !== undefined ? { requeueAfterMs: required.recheckInMs } : undefined;
    if (!statusChanged(vmi, next)) return recheck;
    if (!sameJson(latest.metadata.labels ?? {}, next.labels ?? {}))
      latest =
        (await unlessStale(
          this.client.patch<VirtualMachineInstance>(VMI, namespace, name, {
            metadata: { labels: next.labels ?? null },
          }),
        )) ?? latest;
    // Someone else (virt-handler) wrote the status meanwhile: their change will bring us back.
    if (!sameJson(latest.status ?? {}, vmi.status ?? {})) return recheck;
    if (!sameJson(vmi.status ?? {}, next.status))
      await unlessStale(this.client.update(VMI, { ...latest, status: next.status }, 'status'));
    return recheck;
  }

  private hasOwnerVm(vmi: VirtualMachineInstance): boolean {
    const ref = vmi.metadata.ownerReferences?.find(
      (o) => o.controller && o.kind === 'VirtualMachine',
    );
    return Boolean(
      ref && this.inf.vms.get(vmi.metadata.namespace, ref.name)?.metadata.uid === ref.uid,
    );
  }

  private async addFinalizer(vmi: VirtualMachineInstance): Promise<VirtualMachineInstance> {
    const finalizers = vmi.metadata.finalizers;
    const patched = await unlessStale(
      this.client.patch<VirtualMachineInstance>(
        VMI,
        vmi.metadata.namespace,
        vmi.metadata.name ?? '',
        finalizers
          ? [
              { op: 'test', path: '/metadata/finalizers', value: finalizers },
              { op: 'add', path: '/metadata/finalizers/-', value: VMI_FINALIZER },
            ]
          : [{ op: 'add', path: '/metadata/finalizers', value: [VMI_FINALIZER] }],
      ),
    );
    return patched ?? vmi;
  }

  private async removeFinalizers(vmi: VirtualMachineInstance, remove: string[]): Promise<void> {
    const finalizers = vmi.metadata.finalizers ?? [];
    if (!finalizers.some((f) => remove.includes(f))) return;
    await unlessStale(
      this.client.patch(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', [
        { op: 'test', path: '/metadata/finalizers', value: finalizers },
        {
          op: 'replace',
          path: '/metadata/finalizers',
          value: finalizers.filter((f) => !remove.includes(f)),
        },
      ]),
    );
  }

  private async createPod(vmi: VirtualMachineInstance): Promise<Pod | undefined> {
    try {
      const pod = await this.client.create<Pod>(
        POD,
        vmi.metadata.namespace,
        launcherPod(vmi, this.inf.config()),
      );
      this.events.record(
        vmi,
        'Normal',
        REASON.successfulCreate,
        `Created virtual machine pod ${pod.metadata.name ?? ''}`,
      );
      return pod;
    } catch (err) {
      this.events.record(vmi, 'Warning', REASON.failedCreate, `Error creating pod: ${String(err)}`);
      throw err;
    }
  }

  private async deletePod(vmi: VirtualMachineInstance, pod: Pod): Promise<void> {
    await this.client.delete(POD, pod.metadata.namespace, pod.metadata.name ?? '');
    this.events.record(
      vmi,
      'Normal',
      REASON.successfulDelete,
      `Deleted virtual machine pod ${pod.metadata.name ?? ''}`,
    );
  }
}

export const startVmiController = (runtime: ControllerRuntime, inf: VirtInformers): Controller => {
  const reconciler = new VmiReconciler(runtime, inf);
  const key = (o: { metadata: { namespace?: string; name?: string } }) =>
    keyOf(o.metadata.namespace, o.metadata.name ?? '');
  const byUid = new Map<string, string>();
  inf.vmis.onChange((type, vmi) => {
    if (type === 'DELETED') byUid.delete(vmi.metadata.uid ?? '');
    else byUid.set(vmi.metadata.uid ?? '', key(vmi));
  });
  return new Controller('virtualmachineinstance', (k) => reconciler.reconcile(k), {
    concurrency: 8,
    log: runtime.log,
  })
    .watch(inf.vmis)
    .watch(inf.pods, (pod) => {
      const uid = pod.metadata.labels?.[LABEL_CREATED_BY];
      return uid ? byUid.get(uid) : undefined;
    })
    .watch(inf.dataVolumes, (dv) => inf.vmisByClaim.get(key(dv)))
    .watch(inf.pvcs, (pvc) => inf.vmisByClaim.get(key(pvc)))
    .watch(inf.vms);
};

import type { V1beta1VolumeRestore } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { KubeObject } from '../../apiserver/core/types';
import type { ApiClient } from '../runtime/apiClient';
import { isAlreadyExists, isNotFound } from '../runtime/apiClient';
import type { ReconcileResult } from '../runtime/controller';
import { Controller } from '../runtime/controller';
import type { EventRecorder } from '../runtime/eventRecorder';
import type { Informer } from '../runtime/informer';
import {
  CONTROLLER_REVISION,
  DV,
  PVC,
  STORAGE_CLASS,
  VM,
  VMI,
  VM_RESTORE,
  VM_SNAPSHOT,
  VM_SNAPSHOT_CONTENT,
  VOLUME_SNAPSHOT,
  keyOf,
  objectPath,
  splitKey,
} from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import { formatGoDuration } from './goDuration';
import {
  applyRestorePatches,
  deletedDataVolumes,
  hasLastRestoreAnnotation,
  restoredVm,
  restorePvcManifest,
  restoreVolumeName,
  volumeRestoresFor,
} from './restorePlan';
import { condition, updateCondition } from './snapshotConditions';
import { ANNOTATIONS, FINALIZERS } from './snapshotNames';
import type {
  ControllerRevision,
  DataVolume,
  Pvc,
  StorageClass,
  VirtualMachine,
  Vmi,
  VmRestore,
  VmSnapshot,
  VmSnapshotContent,
  VolumeSnapshot,
} from './snapshotTypes';

/** KubeVirt's DefaultGracePeriod for a restore target to become ready (stopped). */
export const RESTORE_GRACE_PERIOD_MS = 5 * 60_000;
const ERROR_RETRY_MS = 5000;

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** An error the restore reports in its conditions and an event, then retries. */
class RestoreError extends Error {}

type Status = NonNullable<VmRestore['status']>;

const progressing = (r: VmRestore): boolean =>
  !r.status?.complete && !(r.status?.conditions ?? []).some((c) => c.type === 'Failure');

/**
 * KubeVirt's VirtualMachineRestore controller: waits until the target VM is stopped (its
 * `targetReadinessPolicy`: wait the grace period then fail, by default), creates a PVC from each
 * VolumeSnapshot of the snapshot (`restore-<uid>-<volume>`), recreates DataVolumes as
 * pre-populated ones, rewrites (or creates) the VM with the restored volumes, deletes the
 * DataVolumes the restored VM no longer has, and reports `complete`, `restoreTime`, `restores`.
 */
export class VmRestoreController {
  private readonly client: ApiClient;
  private readonly events: EventRecorder;
  readonly restores: Informer<VmRestore>;
  private readonly vms: Informer<VirtualMachine>;
  private readonly vmis: Informer<Vmi>;
  private readonly snapshots: Informer<VmSnapshot>;
  private readonly contents: Informer<VmSnapshotContent>;
  private readonly volumeSnapshots: Informer<VolumeSnapshot>;
  private readonly pvcs: Informer<Pvc>;
  private readonly dvs: Informer<DataVolume>;
  private readonly storageClasses: Informer<StorageClass>;
  private readonly revisions: Informer<ControllerRevision>;
  private readonly controller: Controller;

  constructor(private readonly runtime: ControllerRuntime) {
    this.client = runtime.clientFor('virt-controller');
    this.events = runtime.eventsFor('virt-controller');
    const inf = runtime.informers;
    this.restores = inf.for<VmRestore>(VM_RESTORE);
    this.vms = inf.for<VirtualMachine>(VM);
    this.vmis = inf.for<Vmi>(VMI);
    this.snapshots = inf.for<VmSnapshot>(VM_SNAPSHOT);
    this.contents = inf.for<VmSnapshotContent>(VM_SNAPSHOT_CONTENT);
    this.volumeSnapshots = inf.for<VolumeSnapshot>(VOLUME_SNAPSHOT);
    this.pvcs = inf.for<Pvc>(PVC);
    this.dvs = inf.for<DataVolume>(DV);
    this.storageClasses = inf.for<StorageClass>(STORAGE_CLASS);
    this.revisions = inf.for<ControllerRevision>(CONTROLLER_REVISION);
    this.controller = new Controller('vm-restore', (k) => this.reconcile(k), { log: runtime.log });
    this.controller.watch(this.restores);
    const byTarget = (o: KubeObject): string[] =>
      this.restores
        .list(o.metadata.namespace)
        .filter((r) => r.spec.target.name === o.metadata.name)
        .map((r) => keyOf(r.metadata.namespace, r.metadata.name ?? ''));
    const active = (o: KubeObject): string[] =>
      this.restores
        .list(o.metadata.namespace)
        .filter(progressing)
        .map((r) => keyOf(r.metadata.namespace, r.metadata.name ?? ''));
    this.controller.watch(this.vms, byTarget);
    this.controller.watch(this.vmis, byTarget);
    this.controller.watch(this.snapshots, active);
    this.controller.watch(this.contents, active);
    this.controller.watch(this.pvcs, active);
    this.controller.watch(this.dvs, active);
  }

  synced(): Promise<unknown> {
    return Promise.all(
      [
        this.restores,
        this.vms,
        this.vmis,
        this.snapshots,
        this.contents,
        this.volumeSnapshots,
        this.pvcs,
        this.dvs,
        this.storageClasses,
        this.revisions,
      ].map((i) => i.synced),
    );
  }

  stop(): void {
    this.controller.stop();
  }

  private async reconcile(key: string): Promise<ReconcileResult | undefined> {
    const { namespace, name } = splitKey(key);
    const restore = this.restores.get(namespace, name);
    if (!restore) return undefined;
    const now = nowIso();
    if (!restore.status) {
      const init = 'Initializing VirtualMachineRestore';
      await this.writeStatus(restore, {
        complete: false,
        conditions: [
          { ...condition('Progressing', true, init), lastProbeTime: null, lastTransitionTime: now },
          { ...condition('Ready', false, init), lastProbeTime: null, lastTransitionTime: now },
        ],
      });
      return undefined;
    }
    const status: Status = structuredClone(restore.status);
    const setConditions = (
      progressingReason: string,
      ready: boolean,
      readyReason: string,
      progressingOn = false,
    ): void => {
      status.conditions = updateCondition(
        status.conditions,
        condition('Progressing', progressingOn, progressingReason),
        now,
        true,
      );
      status.conditions = updateCondition(
        status.conditions,
        condition('Ready', ready, readyReason),
        now,
        true,
      );
    };
    try {
      if (restore.spec.target.kind !== 'VirtualMachine') {
        throw new RestoreError(`unknown source ${JSON.stringify(restore.spec.target)}`);
      }
      const target = this.vms.get(namespace, restore.spec.target.name);
      if (restore.metadata.deletionTimestamp)
        return await this.handleDeletion(restore, target, status, setConditions);
      if (!progressing(restore)) return undefined;
      // Owner and finalizer first; the change brings the restore back through the informer.
      if (await this.ownAndProtect(restore, target)) return undefined;

      if (target && this.vmis.get(namespace, target.metadata.name ?? '')) {
        return await this.targetNotReady(restore, target, status, now);
      }
      const snapshot = this.readySnapshot(restore);
      const content = this.readyContent(snapshot);
      if (
        target &&
        !hasLastRestoreAnnotation(restore, target) &&
        snapshot.status?.sourceUID &&
        target.metadata.uid !== snapshot.status.sourceUID
      ) {
        throw new RestoreError(
          'restore source and restore target are different but restore target already exists',
        );
      }
      if (target) await this.markInProgress(restore, target);

      if (await this.reconcileVolumeRestores(restore, target, content, status)) {
        setConditions('Creating new PVCs', false, 'Waiting for new PVCs', true);
        await this.writeStatus(restore, status);
        return undefined;
      }
      if (await this.reconcileTarget(restore, target, content, status)) {
        setConditions('Updating target spec', false, 'Waiting for target update', true);
        await this.writeStatus(restore, status);
        return undefined;
      }
      for (const dvName of status.deletedDataVolumes ?? []) {
        if (this.dvs.get(namespace, dvName)) await this.client.delete(DV, namespace, dvName);
      }
      const finalTarget = this.vms.get(namespace, restore.spec.target.name);
      if (finalTarget) await this.markDone(restore, finalTarget);
      this.events.record(
        restore,
        'Normal',
        'VirtualMachineRestoreComplete',
        `Successfully completed VirtualMachineRestore ${name}`,
      );
      status.complete = true;
      status.restoreTime = now;
      setConditions('Operation complete', true, 'Operation complete');
      await this.writeStatus(restore, status);
      return undefined;
    } catch (err) {
      if (!(err instanceof RestoreError)) throw err;
      this.events.record(
        restore,
        'Warning',
        'VirtualMachineRestoreError',
        `VirtualMachineRestore encountered error ${err.message}`,
      );
      setConditions(err.message, false, err.message);
      await this.writeStatus(restore, status);
      return { requeueAfterMs: this.runtime.timing.ms(ERROR_RETRY_MS) };
    }
  }

  private async handleDeletion(
    restore: VmRestore,
    target: VirtualMachine | undefined,
    status: Status,
    setConditions: (p: string, ready: boolean, r: string) => void,
  ): Promise<undefined> {
    if (!(restore.metadata.finalizers ?? []).includes(FINALIZERS.restore)) return undefined;
    if (target) await this.markDone(restore, target);
    setConditions('VM restore is deleting', false, 'VM restore is deleting');
    if (!sameJson(status, restore.status)) {
      await this.writeStatus(restore, status);
      return undefined;
    }
    await this.client
      .patch(VM_RESTORE, restore.metadata.namespace, restore.metadata.name ?? '', {
        metadata: {
          finalizers: (restore.metadata.finalizers ?? []).filter((f) => f !== FINALIZERS.restore),
          resourceVersion: restore.metadata.resourceVersion,
        },
      })
      .catch(ignoreNotFound);
    return undefined;
  }

  /** The restore belongs to its existing target VM and holds a finalizer while it works. */
  private async ownAndProtect(
    restore: VmRestore,
    target: VirtualMachine | undefined,
  ): Promise<boolean> {
    const owners = restore.metadata.ownerReferences ?? [];
    const wantOwner = !owners.length && target;
    const wantFinalizer = !(restore.metadata.finalizers ?? []).includes(FINALIZERS.restore);
    if (!wantOwner && !wantFinalizer) return false;
    await this.client.patch(VM_RESTORE, restore.metadata.namespace, restore.metadata.name ?? '', {
      metadata: {
        resourceVersion: restore.metadata.resourceVersion,
        ...(wantFinalizer
          ? { finalizers: [...(restore.metadata.finalizers ?? []), FINALIZERS.restore] }
          : {}),
        ...(wantOwner
          ? {
              ownerReferences: [
                {
                  apiVersion: VM.apiVersion,
                  kind: VM.kind,
                  name: target.metadata.name ?? '',
                  uid: target.metadata.uid ?? '',
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            }
          : {}),
      },
    });
    return true;
  }

  /** The target VM still runs: wait, stop it, or fail, as `targetReadinessPolicy` says. */
  private async targetNotReady(
    restore: VmRestore,
    target: VirtualMachine,
    status: Status,
    now: string,
  ): Promise<ReconcileResult | undefined> {
    this.events.record(
      restore,
      'Normal',
      'RestoreTargetNotReady',
      'Restore target VMI still exists',
    );
    const reason = 'Waiting for target to be ready';
    const set = (c: ReturnType<typeof condition>): void => {
      status.conditions = updateCondition(status.conditions, c, now, true);
    };
    set(condition('Progressing', false, reason));
    set(condition('Ready', false, reason));
    const grace = this.runtime.timing.ms(RESTORE_GRACE_PERIOD_MS);
    const created = Date.parse(restore.metadata.creationTimestamp ?? '');
    const left = (Number.isNaN(created) ? Date.now() : created) + grace - Date.now();
    let requeue: number | undefined;
    switch (restore.spec.targetReadinessPolicy ?? 'WaitGracePeriod') {
      case 'WaitEventually':
        break;
      case 'StopTarget':
        await this.stopVm(target);
        break;
      case 'FailImmediate':
        set(condition('Progressing', false, 'Operation failed'));
        set(condition('Failure', true, 'Restore target not ready'));
        set(condition('Ready', false, 'Operation failed'));
        break;
      default:
        if (left < 0) {
          set(condition('Progressing', false, 'Operation failed'));
          set(
            condition(
              'Failure',
              true,
              `Restore target failed to be ready within ${formatGoDuration(RESTORE_GRACE_PERIOD_MS)}`,
            ),
          );
          set(condition('Ready', false, 'Operation failed'));
        } else requeue = left + 1;
    }
    await this.writeStatus(restore, status);
    return requeue === undefined ? undefined : { requeueAfterMs: requeue };
  }

  /** virtctl stop through virt-api, or the VM's run strategy when virt-api is not there. */
  private async stopVm(vm: VirtualMachine): Promise<void> {
    const path = objectPath(
      {
        apiVersion: 'subresources.kubevirt.io/v1',
        kind: 'VirtualMachine',
        plural: 'virtualmachines',
        namespaced: true,
      },
      vm.metadata.namespace,
      vm.metadata.name ?? '',
      'stop',
    );
    try {
      await this.client.request('PUT', path, {});
    } catch {
      await this.client.patch(VM, vm.metadata.namespace, vm.metadata.name ?? '', {
        spec: vm.spec.running !== undefined ? { running: false } : { runStrategy: 'Halted' },
      });
    }
  }

  private readySnapshot(restore: VmRestore): VmSnapshot {
    const ns = restore.metadata.namespace ?? '';
    const key = `${ns}/${restore.spec.virtualMachineSnapshotName}`;
    const snapshot = this.snapshots.get(ns, restore.spec.virtualMachineSnapshotName);
    if (!snapshot) throw new RestoreError(`VMSnapshot ${key} does not exist`);
    if (snapshot.status?.phase === 'Failed')
      throw new RestoreError(`VMSnapshot ${key} failed and is invalid to use`);
    if (!snapshot.status?.readyToUse) throw new RestoreError(`VMSnapshot ${key} not ready`);
    if (!snapshot.status.virtualMachineSnapshotContentName)
      throw new RestoreError(`no snapshot content name in ${key}`);
    return snapshot;
  }

  private readyContent(snapshot: VmSnapshot): VmSnapshotContent {
    const ns = snapshot.metadata.namespace ?? '';
    const name = snapshot.status?.virtualMachineSnapshotContentName ?? '';
    const content = this.contents.get(ns, name);
    if (!content) throw new RestoreError(`VMSnapshotContent ${ns}/${name} does not exist`);
    if (!content.status?.readyToUse)
      throw new RestoreError(`VMSnapshotContent ${ns}/${name} not ready`);
    return content;
  }

  private async markInProgress(restore: VmRestore, vm: VirtualMachine): Promise<void> {
    if (hasLastRestoreAnnotation(restore, vm)) return;
    const current = vm.status?.restoreInProgress;
    if (current && current !== restore.metadata.name)
      throw new RestoreError(`vm restore ${current} in progress`);
    if (!current) {
      await this.client.patchStatus(VM, vm.metadata.namespace, vm.metadata.name ?? '', {
        restoreInProgress: restore.metadata.name,
      });
    }
  }

  private async markDone(restore: VmRestore, vm: VirtualMachine): Promise<void> {
    if (vm.status?.restoreInProgress !== restore.metadata.name) return;
    await this.client
      .patchStatus(VM, vm.metadata.namespace, vm.metadata.name ?? '', {
        restoreInProgress: null,
        memoryDumpRequest: null,
      })
      .catch(ignoreNotFound);
  }

  /** Restored PVCs: created from the VolumeSnapshots, waited for when their class binds at once.
   * True when something changed or is still pending. */
  private async reconcileVolumeRestores(
    restore: VmRestore,
    target: VirtualMachine | undefined,
    content: VmSnapshotContent,
    status: Status,
  ): Promise<boolean> {
    const restores = volumeRestoresFor(restore, content);
    if (!sameJson(status.restores ?? [], restores)) {
      status.restores = restores;
      return true;
    }
    const ns = restore.metadata.namespace ?? '';
    let pending = false;
    for (const [i, vr] of restores.entries()) {
      const pvc = this.pvcs.get(ns, vr.persistentVolumeClaim);
      const backup = content.spec.volumeBackups?.find((b) => b.volumeName === vr.volumeName);
      if (!backup) throw new RestoreError(`volume backup for volume ${vr.volumeName} not found`);
      if (!pvc) {
        await this.createRestorePvc(restore, target, content, vr);
        pending = true;
      } else if (
        restore.spec.volumeRestorePolicy === 'InPlace' &&
        !hasLastRestoreAnnotation(restore, pvc)
      ) {
        // The original claim is replaced: keep its DataVolume from re-creating it meanwhile.
        const ownerDv = pvc.metadata.ownerReferences?.find(
          (o) => o.kind === 'DataVolume' && o.controller,
        );
        if (ownerDv) {
          status.restores = restores.map((r, j) =>
            j === i ? { ...r, dataVolumeName: ownerDv.name } : r,
          );
          await this.client.patch(DV, ns, ownerDv.name, {
            metadata: {
              annotations: {
                [ANNOTATIONS.restoreName]: restore.metadata.name ?? '',
                [ANNOTATIONS.prePopulated]: 'true',
              },
            },
          });
        }
        await this.client.delete(PVC, ns, pvc.metadata.name ?? '');
        pending = true;
      } else if (pvc.status?.phase !== 'Bound') {
        const sc = this.storageClasses.get(undefined, pvc.spec.storageClassName ?? '');
        if (!pvc.status?.phase || pvc.status.phase === 'Pending') {
          if (!sc?.volumeBindingMode || sc.volumeBindingMode === 'Immediate') pending = true;
        } else {
          throw new RestoreError(
            `PVC ${ns}/${pvc.metadata.name ?? ''} in status "${pvc.status.phase}"`,
          );
        }
      }
    }
    return pending;
  }

  private async createRestorePvc(
    restore: VmRestore,
    target: VirtualMachine | undefined,
    content: VmSnapshotContent,
    vr: V1beta1VolumeRestore,
  ): Promise<void> {
    const backup = content.spec.volumeBackups?.find((b) => b.volumeName === vr.volumeName);
    if (!backup?.volumeSnapshotName) throw new RestoreError('missing VolumeSnapshot name');
    const ns = restore.metadata.namespace ?? '';
    const vs = this.volumeSnapshots.get(ns, backup.volumeSnapshotName);
    if (!vs) throw new RestoreError(`missing volumeSnapshot ${backup.volumeSnapshotName}`);
    const sourceVm = content.spec.source.virtualMachine?.metadata;
    const pvc = restorePvcManifest({
      restore,
      pvcName: vr.persistentVolumeClaim,
      backup,
      volumeSnapshot: vs,
      sourceVm: { name: sourceVm?.name ?? '', namespace: sourceVm?.namespace ?? ns },
    });
    if (vr.dataVolumeName) {
      // CDI hands a PVC annotated this way to the DataVolume of that name.
      pvc.metadata.annotations = {
        ...pvc.metadata.annotations,
        [ANNOTATIONS.populatedFor]: vr.dataVolumeName,
      };
    } else if (target) {
      pvc.metadata.ownerReferences = [
        {
          apiVersion: VM.apiVersion,
          kind: VM.kind,
          name: target.metadata.name ?? '',
          uid: target.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ];
    }
    try {
      await this.client.create(PVC, ns, pvc);
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }

  /** Rewrites the target VM (or creates it) once its volumes are restored; true when it changed
   * something and must look again. */
  private async reconcileTarget(
    restore: VmRestore,
    target: VirtualMachine | undefined,
    content: VmSnapshotContent,
    status: Status,
  ): Promise<boolean> {
    if (target && hasLastRestoreAnnotation(restore, target)) return false;
    const snapshotVm = content.spec.source.virtualMachine;
    if (!snapshotVm) throw new RestoreError('unexpected snapshot source');
    const ns = restore.metadata.namespace ?? '';

    // Templated DataVolumes come back as DataVolumes named after the restored claim.
    const templates = new Set(
      (snapshotVm.spec.dataVolumeTemplates ?? []).map((t) => t.metadata?.name),
    );
    const restores = (status.restores ?? []).map((vr) => ({ ...vr }));
    let changed = false;
    for (const vr of restores) {
      const volume = (snapshotVm.spec.template.spec?.volumes ?? []).find(
        (v) => v.name === vr.volumeName,
      );
      if (!volume?.dataVolume || !templates.has(volume.dataVolume.name)) continue;
      const dvName = restoreVolumeName(restore, vr.volumeName, volume.dataVolume.name);
      const pvc = this.pvcs.get(ns, vr.persistentVolumeClaim);
      if (!pvc)
        throw new RestoreError(`pvc ${ns}/${vr.persistentVolumeClaim} does not exist and should`);
      if (pvc.metadata.annotations?.[ANNOTATIONS.populatedFor] !== dvName) {
        await this.client.patch(PVC, ns, pvc.metadata.name ?? '', {
          metadata: {
            annotations: { [ANNOTATIONS.populatedFor]: dvName },
            ownerReferences: null,
          },
        });
      }
      if (vr.dataVolumeName !== dvName) {
        vr.dataVolumeName = dvName;
        changed = true;
      }
    }
    if (changed) {
      status.restores = restores;
      return true;
    }

    const desired = restoredVm({ restore, snapshotVm, restores, existing: target });
    if (await this.reconcileDataVolumes(restore, desired)) return true;
    if (target) {
      const deleted = deletedDataVolumes(
        target.spec.dataVolumeTemplates,
        desired.spec.dataVolumeTemplates,
      );
      if (!sameJson(status.deletedDataVolumes ?? [], deleted)) {
        status.deletedDataVolumes = deleted;
        return true;
      }
    }
    await this.restoreRevisions(restore, desired);
    let written: VirtualMachine;
    if (!target) {
      let vm: VirtualMachine;
      try {
        vm = applyRestorePatches(desired, restore.spec.patches);
      } catch (err) {
        throw new RestoreError(err instanceof Error ? err.message : String(err));
      }
      written = await this.client.create<VirtualMachine>(VM, ns, vm);
    } else {
      written = await this.client.update<VirtualMachine>(VM, desired);
    }
    await this.adopt(restore, written);
    return true;
  }

  /** DataVolumes of the restored templates, created pre-populated so CDI adopts the restored PVC
   * instead of importing again; true while one is new or not done. */
  private async reconcileDataVolumes(
    restore: VmRestore,
    desired: VirtualMachine,
  ): Promise<boolean> {
    const ns = restore.metadata.namespace ?? '';
    let waiting = false;
    for (const template of desired.spec.dataVolumeTemplates ?? []) {
      const name = template.metadata?.name ?? '';
      const dv = this.dvs.get(ns, name);
      if (dv) {
        waiting ||= !['Succeeded', 'WaitForFirstConsumer', 'PendingPopulation'].includes(
          dv.status?.phase ?? '',
        );
        continue;
      }
      const pvc = this.pvcs.get(ns, name);
      if (!pvc)
        throw new RestoreError(
          `when creating restore dv pvc ${ns}/${name} does not exist and should`,
        );
      if (
        pvc.metadata.annotations?.[ANNOTATIONS.populatedFor] !== name ||
        pvc.metadata.ownerReferences?.length
      ) {
        continue;
      }
      try {
        await this.client.create(DV, ns, {
          metadata: {
            name,
            namespace: ns,
            labels: template.metadata?.labels,
            annotations: {
              ...(template.metadata?.annotations ?? {}),
              [ANNOTATIONS.restoreName]: restore.metadata.name ?? '',
              [ANNOTATIONS.prePopulated]: 'true',
            },
          },
          spec: template.spec,
        });
      } catch (err) {
        if (!isAlreadyExists(err)) {
          throw new RestoreError(
            `Failed to create restore DataVolume: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
      }
      waiting = true;
    }
    return waiting;
  }

  /** Instancetype/preference revisions captured under the snapshot's name come back under the VM's. */
  private async restoreRevisions(restore: VmRestore, vm: VirtualMachine): Promise<void> {
    const ns = restore.metadata.namespace ?? '';
    for (const matcher of [vm.spec.instancetype, vm.spec.preference]) {
      const revisionName = matcher?.revisionName;
      if (!matcher || !revisionName) continue;
      const captured = this.revisions.get(ns, revisionName);
      if (!captured) continue;
      const restoredName = revisionName.replace(
        restore.spec.virtualMachineSnapshotName,
        vm.metadata.name ?? '',
      );
      if (restoredName !== revisionName) {
        try {
          await this.client.create(CONTROLLER_REVISION, ns, {
            metadata: { name: restoredName, labels: captured.metadata.labels },
            data: captured.data,
            revision: captured.revision ?? 0,
          });
        } catch (err) {
          if (!isAlreadyExists(err)) throw err;
        }
      }
      matcher.revisionName = restoredName;
    }
  }

  /** The restored VM owns its restored revisions and DataVolumes, as KubeVirt's VM controller
   * adopts them. */
  private async adopt(restore: VmRestore, vm: VirtualMachine): Promise<void> {
    const ns = vm.metadata.namespace ?? '';
    const owner = {
      apiVersion: VM.apiVersion,
      kind: VM.kind,
      name: vm.metadata.name ?? '',
      uid: vm.metadata.uid ?? '',
      controller: true,
      blockOwnerDeletion: true,
    };
    const revisionNames = [vm.spec.instancetype?.revisionName, vm.spec.preference?.revisionName];
    for (const name of revisionNames) {
      const cr = name ? this.revisions.get(ns, name) : undefined;
      if (cr && !(cr.metadata.ownerReferences ?? []).some((o) => o.controller)) {
        await this.client.patch(CONTROLLER_REVISION, ns, name ?? '', {
          metadata: { ownerReferences: [owner] },
        });
      }
    }
    for (const t of vm.spec.dataVolumeTemplates ?? []) {
      const dv = this.dvs.get(ns, t.metadata?.name ?? '');
      if (
        dv &&
        dv.metadata.annotations?.[ANNOTATIONS.restoreName] === restore.metadata.name &&
        !(dv.metadata.ownerReferences ?? []).some((o) => o.controller)
      ) {
        await this.client.patch(DV, ns, dv.metadata.name ?? '', {
          metadata: { ownerReferences: [owner] },
        });
      }
    }
  }

  private async writeStatus(restore: VmRestore, status: Status): Promise<void> {
    if (sameJson(status, restore.status)) return;
    await this.client
      .patch(
        VM_RESTORE,
        restore.metadata.namespace,
        restore.metadata.name ?? '',
        { status, metadata: { resourceVersion: restore.metadata.resourceVersion } },
        { type: 'merge', subresource: 'status' },
      )
      .catch(ignoreNotFound);
  }
}

const ignoreNotFound = (err: unknown): void => {
  if (!isNotFound(err)) throw err;
};

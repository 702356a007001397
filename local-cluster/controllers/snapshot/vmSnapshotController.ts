import type { V1VirtualMachineSpec } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
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
  POD,
  PVC,
  STORAGE_CLASS,
  STORAGE_PROFILE,
  VM,
  VMI,
  VM_SNAPSHOT,
  VM_SNAPSHOT_CONTENT,
  VOLUME_SNAPSHOT,
  VOLUME_SNAPSHOT_CLASS,
  keyOf,
  splitKey,
} from '../runtime/resources';
import type { ResourceRef } from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import { computeContentStatus, volumeSnapshotStatusEntry } from './contentStatus';
import { parseGoDuration } from './goDuration';
import { volumeSnapshotClassFor } from './snapshotClass';
import { FINALIZERS, LABELS, vmSnapshotContentName } from './snapshotNames';
import {
  lockBlocker,
  simplifiedMeta,
  snapshotVolumeLists,
  sourceStateOf,
  vmVolumeClaims,
  vmVolumes,
  volumeBackupsFor,
} from './snapshotPlan';
import type { SnapshotSource } from './snapshotStatus';
import {
  computeSnapshotStatus,
  DEFAULT_FAILURE_DEADLINE_MS,
  snapshotDeadlineExceeded,
  timeUntilDeadline,
} from './snapshotStatus';
import type {
  ControllerRevision,
  DataVolume,
  Pod,
  Pvc,
  SnapshotVm,
  StorageClass,
  StorageProfile,
  VirtualMachine,
  Vmi,
  VmSnapshot,
  VmSnapshotContent,
  VolumeSnapshot,
  VolumeSnapshotClass,
  VolumeSnapshotStatusEntry,
} from './snapshotTypes';

const RETRY_MS = 5000;
const LOCKED = 'Source locked and operation in progress';
const NOT_LOCKED = 'Source not locked';

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const shouldDeleteContent = (snap: VmSnapshot, content: VmSnapshotContent): boolean =>
  (snap.spec.deletionPolicy ?? 'delete').toLowerCase() === 'delete' || !content.status?.readyToUse;

const progressing = (snap: VmSnapshot): boolean =>
  snap.status?.phase !== 'Failed' && snap.status?.phase !== 'Succeeded';

/**
 * KubeVirt's VirtualMachineSnapshot controller: locks the VM (status.snapshotInProgress and a
 * finalizer), records its spec and the PVCs to back up in a VirtualMachineSnapshotContent, has a
 * VolumeSnapshot cut of each (freezing the guest file systems through the agent while they are
 * taken), and reports phase, readiness, indications and included/excluded volumes.
 */
export class VmSnapshotController {
  private readonly client: ApiClient;
  private readonly events: EventRecorder;
  readonly snapshots: Informer<VmSnapshot>;
  readonly contents: Informer<VmSnapshotContent>;
  private readonly vms: Informer<VirtualMachine>;
  private readonly vmis: Informer<Vmi>;
  private readonly pvcs: Informer<Pvc>;
  private readonly dvs: Informer<DataVolume>;
  private readonly pods: Informer<Pod>;
  private readonly storageClasses: Informer<StorageClass>;
  private readonly profiles: Informer<StorageProfile>;
  private readonly snapshotClasses: Informer<VolumeSnapshotClass>;
  private readonly volumeSnapshots: Informer<VolumeSnapshot>;
  private readonly revisions: Informer<ControllerRevision>;
  private readonly snapshotQueue: Controller;
  private readonly contentQueue: Controller;
  /** VMIs this controller froze, in case the informer has not shown the freeze yet. */
  private readonly frozen = new Set<string>();

  constructor(private readonly runtime: ControllerRuntime) {
    this.client = runtime.clientFor('virt-controller');
    this.events = runtime.eventsFor('virt-controller');
    const inf = runtime.informers;
    this.snapshots = inf.for<VmSnapshot>(VM_SNAPSHOT);
    this.contents = inf.for<VmSnapshotContent>(VM_SNAPSHOT_CONTENT);
    this.vms = inf.for<VirtualMachine>(VM);
    this.vmis = inf.for<Vmi>(VMI);
    this.pvcs = inf.for<Pvc>(PVC);
    this.dvs = inf.for<DataVolume>(DV);
    this.pods = inf.for<Pod>(POD);
    this.storageClasses = inf.for<StorageClass>(STORAGE_CLASS);
    this.profiles = inf.for<StorageProfile>(STORAGE_PROFILE);
    this.snapshotClasses = inf.for<VolumeSnapshotClass>(VOLUME_SNAPSHOT_CLASS);
    this.volumeSnapshots = inf.for<VolumeSnapshot>(VOLUME_SNAPSHOT);
    this.revisions = inf.for<ControllerRevision>(CONTROLLER_REVISION);
    const opts = { log: runtime.log };
    this.snapshotQueue = new Controller('vm-snapshot', (k) => this.reconcileSnapshot(k), opts);
    this.contentQueue = new Controller(
      'vm-snapshot-content',
      (k) => this.reconcileContent(k),
      opts,
    );

    const keyOfObj = (o: KubeObject): string => keyOf(o.metadata.namespace, o.metadata.name ?? '');
    this.snapshotQueue.watch(this.snapshots);
    this.contentQueue.watch(this.contents);
    this.snapshotQueue.watch(this.contents, (c) =>
      c.spec.virtualMachineSnapshotName
        ? keyOf(c.metadata.namespace, c.spec.virtualMachineSnapshotName)
        : undefined,
    );
    // Content reacts to its snapshot's changes (deletion, deadline) too.
    this.contentQueue.watch(this.snapshots, (s) =>
      keyOf(
        s.metadata.namespace,
        s.status?.virtualMachineSnapshotContentName ?? vmSnapshotContentName(s.metadata.uid ?? ''),
      ),
    );
    const bySource = (o: KubeObject): string[] =>
      this.snapshots
        .list(o.metadata.namespace)
        .filter((s) => s.spec.source.name === o.metadata.name)
        .map(keyOfObj);
    this.snapshotQueue.watch(this.vms, bySource);
    this.snapshotQueue.watch(this.vmis, bySource);
    const inProgress = (o: KubeObject): string[] =>
      this.snapshots
        .list(o.metadata.namespace)
        .filter((s) => progressing(s))
        .map(keyOfObj);
    this.snapshotQueue.watch(this.pvcs, inProgress);
    this.snapshotQueue.watch(this.dvs, inProgress);
    this.contentQueue.watch(this.volumeSnapshots, (vs) =>
      this.contents
        .list(vs.metadata.namespace)
        .filter((c) =>
          (c.spec.volumeBackups ?? []).some((b) => b.volumeSnapshotName === vs.metadata.name),
        )
        .map(keyOfObj),
    );
  }

  synced(): Promise<unknown> {
    return Promise.all(
      [
        this.snapshots,
        this.contents,
        this.vms,
        this.vmis,
        this.pvcs,
        this.dvs,
        this.pods,
        this.storageClasses,
        this.profiles,
        this.snapshotClasses,
        this.volumeSnapshots,
        this.revisions,
      ].map((i) => i.synced),
    );
  }

  stop(): void {
    this.snapshotQueue.stop();
    this.contentQueue.stop();
  }

  private deadlineOf(snap: VmSnapshot): number {
    const ms = parseGoDuration(snap.spec.failureDeadline) ?? DEFAULT_FAILURE_DEADLINE_MS;
    return ms === 0 ? 0 : this.runtime.timing.ms(ms);
  }

  private snapshotClassOf = (storageClassName: string | undefined): string | undefined => {
    const r = volumeSnapshotClassFor(storageClassName, {
      storageClasses: this.storageClasses.list(),
      storageProfiles: this.profiles.list(),
      snapshotClasses: this.snapshotClasses.list(),
    });
    return r && 'name' in r ? r.name : undefined;
  };

  private contentOf(snap: VmSnapshot): VmSnapshotContent | undefined {
    return this.contents.get(
      snap.metadata.namespace,
      snap.status?.virtualMachineSnapshotContentName ??
        vmSnapshotContentName(snap.metadata.uid ?? ''),
    );
  }

  // ---------------------------------------------------------------- VirtualMachineSnapshot

  private async reconcileSnapshot(key: string): Promise<ReconcileResult | undefined> {
    const { namespace, name } = splitKey(key);
    let snap = this.snapshots.get(namespace, name);
    if (!snap || snap.spec.source.kind !== 'VirtualMachine') return undefined;
    const vm = this.vms.get(namespace, snap.spec.source.name);
    const vmi = this.vmis.get(namespace, snap.spec.source.name);
    const content = this.contentOf(snap);
    const deadline = this.deadlineOf(snap);
    const deleting = !!snap.metadata.deletionTimestamp;
    const terminating = deleting || snapshotDeadlineExceeded(snap, deadline, Date.now());
    let retry: number | undefined;

    if (!terminating && !(snap.metadata.finalizers ?? []).includes(FINALIZERS.vmSnapshot)) {
      snap = await this.setFinalizers(VM_SNAPSHOT, snap, [
        ...(snap.metadata.finalizers ?? []),
        FINALIZERS.vmSnapshot,
      ]);
    }

    let source: SnapshotSource | undefined;
    if (vm) {
      const state = sourceStateOf(vm, vmi, name, FINALIZERS.source);
      source = {
        ...state,
        uid: vm.metadata.uid ?? '',
        lockMessage: state.locked ? LOCKED : NOT_LOCKED,
      };
    }
    let canRemoveFinalizer = true;
    if (snap.status && vm && source) {
      if (progressing(snap) && !terminating) {
        if (!source.locked) {
          const blocker = lockBlocker({
            vm,
            snapshotName: name,
            online: source.online,
            claims: vmVolumeClaims(vm),
            pvcs: this.pvcs.list(namespace),
            dataVolumes: this.dvs.list(namespace),
            pods: this.pods.list(namespace),
          });
          if (blocker) source.lockMessage = `${NOT_LOCKED} ${blocker}`;
          else {
            await this.lock(vm, name);
            source.locked = true;
            source.lockMessage = LOCKED;
          }
          retry = this.runtime.timing.ms(RETRY_MS);
        } else if (!content) {
          await this.createContent(snap, vm, source.online, vmi);
        }
        canRemoveFinalizer = false;
      } else {
        const contentGone = !content || !shouldDeleteContent(snap, content);
        if (!progressing(snap) || (terminating && contentGone)) {
          if (await this.unlock(vm, name)) source.locked = false;
        }
        canRemoveFinalizer = !source.locked;
      }
    }

    if (terminating && content && shouldDeleteContent(snap, content)) {
      await this.client.delete(VM_SNAPSHOT_CONTENT, namespace, content.metadata.name ?? '');
    }

    const status = computeSnapshotStatus({
      snapshot: snap,
      content,
      source,
      volumeLists: content?.spec.source.virtualMachine
        ? snapshotVolumeLists(
            vmVolumes(content.spec.source.virtualMachine),
            content.spec.volumeBackups ?? [],
          )
        : undefined,
      deadlineMs: deadline,
      nowMs: Date.now(),
      now: nowIso(),
    });
    if (!sameJson(status, snap.status)) {
      await this.client
        .patchStatus(VM_SNAPSHOT, namespace, name, status as Record<string, unknown>)
        .catch(ignoreNotFound);
    }
    if (
      deleting &&
      canRemoveFinalizer &&
      (snap.metadata.finalizers ?? []).includes(FINALIZERS.vmSnapshot)
    ) {
      await this.setFinalizers(
        VM_SNAPSHOT,
        snap,
        (snap.metadata.finalizers ?? []).filter((f) => f !== FINALIZERS.vmSnapshot),
      );
    }
    if (retry !== undefined) return { requeueAfterMs: retry };
    const left = timeUntilDeadline(snap, deadline, Date.now());
    return progressing({ ...snap, status }) && Number.isFinite(left)
      ? { requeueAfterMs: Math.max(1, left + 1) }
      : undefined;
  }

  private async setFinalizers<T extends KubeObject>(
    ref: ResourceRef,
    obj: T,
    finalizers: string[],
  ): Promise<T> {
    try {
      return await this.client.patch<T>(ref, obj.metadata.namespace, obj.metadata.name ?? '', {
        metadata: { finalizers, resourceVersion: obj.metadata.resourceVersion },
      });
    } catch (err) {
      if (isNotFound(err)) return obj;
      throw err;
    }
  }

  /** Marks the VM as being snapshotted, so it cannot be deleted or restored meanwhile. */
  private async lock(vm: VirtualMachine, snapshotName: string): Promise<void> {
    if (vm.status?.snapshotInProgress !== snapshotName) {
      await this.client.patchStatus(VM, vm.metadata.namespace, vm.metadata.name ?? '', {
        snapshotInProgress: snapshotName,
      });
    }
    if (!(vm.metadata.finalizers ?? []).includes(FINALIZERS.source)) {
      await this.client.patch(VM, vm.metadata.namespace, vm.metadata.name ?? '', {
        metadata: {
          finalizers: [...(vm.metadata.finalizers ?? []), FINALIZERS.source],
          resourceVersion: vm.metadata.resourceVersion,
        },
      });
    }
  }

  private async unlock(vm: VirtualMachine, snapshotName: string): Promise<boolean> {
    if (vm.status?.snapshotInProgress !== snapshotName) return false;
    if ((vm.metadata.finalizers ?? []).includes(FINALIZERS.source)) {
      await this.client.patch(VM, vm.metadata.namespace, vm.metadata.name ?? '', {
        metadata: {
          finalizers: (vm.metadata.finalizers ?? []).filter((f) => f !== FINALIZERS.source),
          resourceVersion: vm.metadata.resourceVersion,
        },
      });
    }
    await this.client.patchStatus(VM, vm.metadata.namespace, vm.metadata.name ?? '', {
      snapshotInProgress: null,
    });
    return true;
  }

  /** The VM as the snapshot records it: the spec the VMI runs (its revision) when online, with
   * the VM's current volumes and disks, else the VM spec. */
  private sourceVm(vm: VirtualMachine, online: boolean, vmi: Vmi | undefined): SnapshotVm {
    let spec: V1VirtualMachineSpec = structuredClone(vm.spec);
    const revisionName = online ? vmi?.status?.virtualMachineRevisionName : undefined;
    const revision = revisionName
      ? this.revisions.get(vm.metadata.namespace, revisionName)
      : undefined;
    const data = revision?.data as { spec?: V1VirtualMachineSpec } | undefined;
    if (data?.spec?.template.spec) {
      spec = structuredClone(data.spec);
      if (spec.template.spec && vm.spec.template.spec) {
        spec.template.spec.volumes = vm.spec.template.spec.volumes;
        spec.template.spec.domain.devices.disks = vm.spec.template.spec.domain.devices.disks;
      }
      spec.dataVolumeTemplates = vm.spec.dataVolumeTemplates;
    }
    return { metadata: simplifiedMeta(vm.metadata), spec, status: {} };
  }

  /** Copies the VM's instancetype/preference ControllerRevisions under the snapshot's name, so the
   * snapshot keeps them after the VM is gone (KubeVirt's captureInstancetypeControllerRevisions). */
  private async captureRevisions(snap: VmSnapshot, vm: SnapshotVm): Promise<void> {
    for (const matcher of [vm.spec.instancetype, vm.spec.preference]) {
      const revisionName = matcher?.revisionName;
      if (!matcher || !revisionName) continue;
      const existing = this.revisions.get(snap.metadata.namespace, revisionName);
      if (!existing) continue;
      const copyName = revisionName.replace(snap.spec.source.name, snap.metadata.name ?? '');
      try {
        await this.client.create(CONTROLLER_REVISION, snap.metadata.namespace, {
          metadata: {
            name: copyName,
            labels: existing.metadata.labels,
            ownerReferences: [
              {
                apiVersion: VM_SNAPSHOT.apiVersion,
                kind: VM_SNAPSHOT.kind,
                name: snap.metadata.name ?? '',
                uid: snap.metadata.uid ?? '',
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          },
          data: existing.data,
          revision: existing.revision ?? 0,
        });
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
      }
      matcher.revisionName = copyName;
    }
  }

  private async createContent(
    snap: VmSnapshot,
    vm: VirtualMachine,
    online: boolean,
    vmi: Vmi | undefined,
  ): Promise<void> {
    const sourceVm = this.sourceVm(vm, online, vmi);
    await this.captureRevisions(snap, sourceVm);
    const backups = volumeBackupsFor(
      snap.metadata.uid ?? '',
      vmVolumeClaims(vm),
      this.pvcs.list(snap.metadata.namespace),
      (sc) => !!this.snapshotClassOf(sc),
    );
    const name = vmSnapshotContentName(snap.metadata.uid ?? '');
    try {
      await this.client.create(VM_SNAPSHOT_CONTENT, snap.metadata.namespace, {
        metadata: { name, namespace: snap.metadata.namespace, finalizers: [FINALIZERS.content] },
        spec: {
          virtualMachineSnapshotName: snap.metadata.name,
          source: { virtualMachine: sourceVm },
          volumeBackups: backups,
        },
      });
    } catch (err) {
      if (isAlreadyExists(err)) return;
      throw err;
    }
    this.events.record(
      snap,
      'Normal',
      'SuccessfulVirtualMachineSnapshotContentCreate',
      `Successfully created VirtualMachineSnapshotContent ${name}`,
    );
  }

  // ---------------------------------------------------------------- VirtualMachineSnapshotContent

  private async reconcileContent(key: string): Promise<ReconcileResult | undefined> {
    const { namespace, name } = splitKey(key);
    const content = this.contents.get(namespace, name);
    if (!content) return undefined;
    const snap = content.spec.virtualMachineSnapshotName
      ? this.snapshots.get(namespace, content.spec.virtualMachineSnapshotName)
      : undefined;
    const snapTerminating =
      !!snap &&
      (!!snap.metadata.deletionTimestamp ||
        snapshotDeadlineExceeded(snap, this.deadlineOf(snap), Date.now()));
    if (!snap || snapTerminating) {
      await this.unfreeze(snap);
      if ((content.metadata.finalizers ?? []).includes(FINALIZERS.content)) {
        await this.client
          .patch(VM_SNAPSHOT_CONTENT, namespace, name, {
            metadata: {
              finalizers: (content.metadata.finalizers ?? []).filter(
                (f) => f !== FINALIZERS.content,
              ),
              resourceVersion: content.metadata.resourceVersion,
            },
          })
          .catch(ignoreNotFound);
      }
      if (snap && shouldDeleteContent(snap, content)) return undefined;
    }
    if (content.metadata.deletionTimestamp) return undefined;

    const created = !!content.status?.creationTime;
    const entries: VolumeSnapshotStatusEntry[] = [];
    const missing: string[] = [];
    const skipped: string[] = [];
    let froze = false;
    for (const backup of content.spec.volumeBackups ?? []) {
      const vsName = backup.volumeSnapshotName;
      if (!vsName) continue;
      let vs = this.volumeSnapshots.get(namespace, vsName);
      if (!vs) {
        if (created) {
          this.events.record(
            content,
            'Warning',
            'VolumeSnapshotMissing',
            `VolumeSnapshot ${vsName} no longer exists`,
          );
          missing.push(vsName);
          continue;
        }
        if (!snap || snap.metadata.deletionTimestamp) {
          skipped.push(vsName);
          continue;
        }
        if (!froze) {
          await this.freeze(snap);
          froze = true;
        }
        vs = await this.createVolumeSnapshot(
          content,
          backup.volumeSnapshotName ?? '',
          backup.persistentVolumeClaim.metadata.name ?? '',
          backup.persistentVolumeClaim.spec.storageClassName,
        );
      }
      entries.push(volumeSnapshotStatusEntry(vs));
    }
    const { status, justCreated } = computeContentStatus({
      content,
      entries,
      missing,
      skipped,
      now: nowIso(),
    });
    if (justCreated) await this.unfreeze(snap);
    if (!sameJson(status, content.status)) {
      await this.client
        .patchStatus(VM_SNAPSHOT_CONTENT, namespace, name, status as Record<string, unknown>)
        .catch(ignoreNotFound);
    }
    return undefined;
  }

  private async createVolumeSnapshot(
    content: VmSnapshotContent,
    vsName: string,
    pvcName: string,
    storageClassName: string | undefined,
  ): Promise<VolumeSnapshot> {
    const vmMeta = content.spec.source.virtualMachine?.metadata;
    const manifest: VolumeSnapshot = {
      apiVersion: VOLUME_SNAPSHOT.apiVersion,
      kind: VOLUME_SNAPSHOT.kind,
      metadata: {
        name: vsName,
        namespace: content.metadata.namespace,
        labels: {
          [LABELS.snapshotSourceName]: vmMeta?.name ?? '',
          [LABELS.snapshotSourceNamespace]: vmMeta?.namespace ?? '',
        },
        ownerReferences: [
          {
            apiVersion: VM_SNAPSHOT_CONTENT.apiVersion,
            kind: VM_SNAPSHOT_CONTENT.kind,
            name: content.metadata.name ?? '',
            uid: content.metadata.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        source: { persistentVolumeClaimName: pvcName },
        volumeSnapshotClassName: this.snapshotClassOf(storageClassName),
      },
    };
    try {
      const created = await this.client.create<VolumeSnapshot>(
        VOLUME_SNAPSHOT,
        content.metadata.namespace,
        manifest,
      );
      this.events.record(
        content,
        'Normal',
        'SuccessfulVolumeSnapshotCreate',
        `Successfully created VolumeSnapshot ${vsName}`,
      );
      return created;
    } catch (err) {
      if (isAlreadyExists(err)) return manifest;
      throw err;
    }
  }

  private vmiOfSnapshot(snap: VmSnapshot | undefined): Vmi | undefined {
    return snap ? this.vmis.get(snap.metadata.namespace, snap.spec.source.name) : undefined;
  }

  /** virt-api's freeze → virt-handler asks the guest agent to freeze the file systems. Only a
   * running, unpaused VMI with a connected agent is frozen; others are snapshotted as they are. */
  private async freeze(snap: VmSnapshot): Promise<void> {
    const vmi = this.vmiOfSnapshot(snap);
    const vm = this.vms.get(snap.metadata.namespace, snap.spec.source.name);
    if (!vmi || !vm) return;
    const state = sourceStateOf(vm, vmi, snap.metadata.name ?? '', FINALIZERS.source);
    if (!state.guestAgent || state.paused || state.frozen) return;
    await this.client
      .patchStatus(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', {
        fsFreezeStatus: 'frozen',
      })
      .catch(ignoreNotFound);
    this.frozen.add(vmi.metadata.uid ?? '');
  }

  private async unfreeze(snap: VmSnapshot | undefined): Promise<void> {
    const vmi = this.vmiOfSnapshot(snap);
    if (!vmi) return;
    const uid = vmi.metadata.uid ?? '';
    if (vmi.status?.fsFreezeStatus !== 'frozen' && !this.frozen.has(uid)) return;
    this.frozen.delete(uid);
    await this.client
      .patchStatus(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', { fsFreezeStatus: null })
      .catch(ignoreNotFound);
  }
}

const ignoreNotFound = (err: unknown): void => {
  if (!isNotFound(err)) throw err;
};

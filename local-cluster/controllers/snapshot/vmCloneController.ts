import type { KubeObject } from '../../apiserver/core/types';
import type { ApiClient } from '../runtime/apiClient';
import { isAlreadyExists, isNotFound } from '../runtime/apiClient';
import type { ReconcileResult } from '../runtime/controller';
import { Controller } from '../runtime/controller';
import type { EventRecorder } from '../runtime/eventRecorder';
import type { Informer } from '../runtime/informer';
import {
  PVC,
  STORAGE_CLASS,
  VM,
  VM_CLONE,
  VM_RESTORE,
  VM_SNAPSHOT,
  VM_SNAPSHOT_CONTENT,
  keyOf,
  splitKey,
} from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import { clonePatches, generatedCloneName } from './clonePatches';
import { condition, updateCondition } from './snapshotConditions';
import { randomSuffix } from '../migration/targetPod';
import type {
  Pvc,
  StorageClass,
  VirtualMachine,
  VmClone,
  VmRestore,
  VmSnapshot,
  VmSnapshotContent,
} from './snapshotTypes';

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

type Status = NonNullable<VmClone['status']>;
type Phase = NonNullable<Status['phase']>;

export const cloneSnapshotName = (cloneUid: string): string => `tmp-snapshot-${cloneUid}`;
export const cloneRestoreName = (cloneUid: string): string => `tmp-restore-${cloneUid}`;

const restoreFailed = (r: VmRestore): boolean =>
  (r.status?.conditions ?? []).some((c) => c.type === 'Failure' && c.status === 'True');

/**
 * KubeVirt's VirtualMachineClone controller: clones a VM by snapshotting it (unless the source is
 * a snapshot already) and restoring that snapshot to a new VM with the clone's patches (new MACs,
 * SMBIOS serial, filtered labels and annotations), through SnapshotInProgress → RestoreInProgress
 * → CreatingTargetVM → Succeeded, then removes its temporary snapshot and restore.
 */
export class VmCloneController {
  private readonly client: ApiClient;
  private readonly events: EventRecorder;
  readonly clones: Informer<VmClone>;
  private readonly vms: Informer<VirtualMachine>;
  private readonly snapshots: Informer<VmSnapshot>;
  private readonly contents: Informer<VmSnapshotContent>;
  private readonly restores: Informer<VmRestore>;
  private readonly pvcs: Informer<Pvc>;
  private readonly storageClasses: Informer<StorageClass>;
  private readonly controller: Controller;

  constructor(private readonly runtime: ControllerRuntime) {
    this.client = runtime.clientFor('virt-controller');
    this.events = runtime.eventsFor('virt-controller');
    const inf = runtime.informers;
    this.clones = inf.for<VmClone>(VM_CLONE);
    this.vms = inf.for<VirtualMachine>(VM);
    this.snapshots = inf.for<VmSnapshot>(VM_SNAPSHOT);
    this.contents = inf.for<VmSnapshotContent>(VM_SNAPSHOT_CONTENT);
    this.restores = inf.for<VmRestore>(VM_RESTORE);
    this.pvcs = inf.for<Pvc>(PVC);
    this.storageClasses = inf.for<StorageClass>(STORAGE_CLASS);
    this.controller = new Controller('vm-clone', (k) => this.reconcile(k), { log: runtime.log });
    this.controller.watch(this.clones);
    const owningClone = (o: KubeObject): string | undefined => {
      const owner = o.metadata.ownerReferences?.find((r) => r.kind === 'VirtualMachineClone');
      return owner ? keyOf(o.metadata.namespace, owner.name) : undefined;
    };
    this.controller.watch(this.snapshots, owningClone);
    this.controller.watch(this.restores, owningClone);
    const inNamespace = (o: KubeObject): string[] =>
      this.clones
        .list(o.metadata.namespace)
        .filter((c) => c.status?.phase !== 'Failed')
        .map((c) => keyOf(c.metadata.namespace, c.metadata.name ?? ''));
    this.controller.watch(this.vms, inNamespace);
    this.controller.watch(this.pvcs, inNamespace);
    // A clone of a snapshot waits on that snapshot, which no owner reference ties to it.
    this.controller.watch(this.snapshots, inNamespace);
  }

  synced(): Promise<unknown> {
    return Promise.all(
      [
        this.clones,
        this.vms,
        this.snapshots,
        this.contents,
        this.restores,
        this.pvcs,
        this.storageClasses,
      ].map((i) => i.synced),
    );
  }

  stop(): void {
    this.controller.stop();
  }

  private async reconcile(key: string): Promise<ReconcileResult | undefined> {
    const { namespace, name } = splitKey(key);
    const clone = this.clones.get(namespace, name);
    if (!clone || clone.metadata.deletionTimestamp) return undefined;
    const phase = clone.status?.phase;
    if (phase === 'Failed') return undefined;
    if (
      phase === 'Succeeded' &&
      clone.status?.targetName &&
      !this.vms.get(namespace, clone.status.targetName)
    ) {
      // KubeVirt removes a finished clone whose VM was deleted.
      await this.client.delete(VM_CLONE, namespace, name);
      return undefined;
    }
    const status: Status = structuredClone(clone.status ?? {});
    const now = nowIso();
    const setConditions = (progressing: boolean, ready: boolean, reason: string): void => {
      status.conditions = updateCondition(
        status.conditions,
        condition('Progressing', progressing, reason),
        now,
      );
      status.conditions = updateCondition(
        status.conditions,
        condition('Ready', ready, reason),
        now,
      );
    };
    const record = (reason: string, message: string): void =>
      this.events.record(clone, 'Normal', reason, message);
    const fail = async (reason: string, message: string): Promise<undefined> => {
      this.events.record(clone, 'Warning', reason, message);
      status.phase = 'Failed';
      setConditions(false, false, 'Failed');
      await this.writeStatus(clone, status);
      return undefined;
    };
    const advance = (to: Phase): void => {
      status.phase = to;
    };

    const source = clone.spec.source;
    const fromVm = source.kind === 'VirtualMachine';
    if (!fromVm && source.kind !== 'VirtualMachineSnapshot') {
      return fail(
        'SourceDoesNotExist',
        `clone ${name} is defined with an unknown source type ${source.kind}`,
      );
    }
    const sourceVm = fromVm ? this.vms.get(namespace, source.name) : undefined;
    const sourceSnapshot = fromVm ? undefined : this.snapshots.get(namespace, source.name);
    if ((fromVm && !sourceVm) || (!fromVm && !sourceSnapshot)) {
      return fail(
        'SourceDoesNotExist',
        `${source.kind} ${source.name} does not exist in namespace ${namespace ?? ''}`,
      );
    }
    if (!phase) {
      setConditions(true, false, 'Still processing');
      if (!status.creationTime) status.creationTime = now;
    }

    let current: Phase = phase ?? 'SnapshotInProgress';
    if (current === 'SnapshotInProgress') {
      advance('SnapshotInProgress');
      let snapshotName = fromVm ? status.snapshotName : source.name;
      if (fromVm && !snapshotName) {
        snapshotName = await this.createSnapshot(clone, source.name);
        status.snapshotName = snapshotName;
        record('SnapshotCreated', `created snapshot ${snapshotName} for clone ${name}`);
        await this.writeStatus(clone, status);
        return undefined;
      }
      const snapshot = this.snapshots.get(namespace, snapshotName ?? '');
      if (!snapshot?.status?.readyToUse) {
        if (snapshot?.status?.phase === 'Failed') {
          return fail(
            'SnapshotDeleted',
            `snapshot ${snapshotName ?? ''} failed and cannot be cloned`,
          );
        }
        await this.writeStatus(clone, status);
        return undefined;
      }
      record('SnapshotReady', `snapshot ${snapshotName ?? ''} for clone ${name} is ready to use`);
      if (!fromVm) status.snapshotName = snapshotName;
      advance('RestoreInProgress');
      current = 'RestoreInProgress';
    }

    if (current === 'RestoreInProgress') {
      const snapshotName = status.snapshotName ?? source.name;
      const snapshot = this.snapshots.get(namespace, snapshotName);
      if (!snapshot)
        return fail('SnapshotDeleted', `snapshot ${snapshotName} does not exist anymore`);
      if (!status.restoreName) {
        const content = this.contents.get(
          namespace,
          snapshot.status?.virtualMachineSnapshotContentName ?? '',
        );
        const vm = content?.spec.source.virtualMachine;
        if (!vm) {
          await this.writeStatus(clone, status);
          return { requeueAfterMs: this.runtime.timing.ms(1000) };
        }
        const target =
          clone.spec.target?.name ||
          generatedCloneName(vm.metadata.name ?? source.name, randomSuffix());
        const restoreName = await this.createRestore(clone, snapshotName, target, [
          ...clonePatches(vm, clone.spec),
          ...(clone.spec.patches ?? []),
        ]);
        status.restoreName = restoreName;
        record('RestoreCreated', `created restore ${restoreName} for clone ${name}`);
        await this.writeStatus(clone, status);
        return undefined;
      }
      const restore = this.restores.get(namespace, status.restoreName);
      if (!restore) {
        await this.writeStatus(clone, status);
        return undefined;
      }
      if (restoreFailed(restore)) {
        return fail(
          'RestoreCreationFailed',
          `restore ${status.restoreName} for clone ${name} failed`,
        );
      }
      if (!restore.status?.complete) {
        await this.writeStatus(clone, status);
        return undefined;
      }
      record('RestoreReady', `restore ${status.restoreName} for clone ${name} is ready to use`);
      status.targetName = restore.spec.target.name;
      advance('CreatingTargetVM');
      current = 'CreatingTargetVM';
    }

    if (current === 'CreatingTargetVM') {
      const target = status.targetName ?? clone.spec.target?.name ?? '';
      if (!this.vms.get(namespace, target)) {
        await this.writeStatus(clone, status);
        return undefined;
      }
      record('TargetVMCreated', `created target VM ${target} for clone ${name}`);
      advance('Succeeded');
      current = 'Succeeded';
    }

    if (current === 'Succeeded') {
      setConditions(false, true, 'Ready');
      if (status.restoreName) {
        const restore = this.restores.get(namespace, status.restoreName);
        if (restore && !this.claimsBound(restore)) {
          await this.writeStatus(clone, status);
          return undefined;
        }
        await this.client.delete(VM_RESTORE, namespace, status.restoreName);
        if (fromVm && status.snapshotName)
          await this.client.delete(VM_SNAPSHOT, namespace, status.snapshotName);
        status.snapshotName = null;
        status.restoreName = null;
      }
    }
    await this.writeStatus(clone, status);
    return undefined;
  }

  /** The restored claims are bound (or wait, by their class, for the clone's first start). */
  private claimsBound(restore: VmRestore): boolean {
    return (restore.status?.restores ?? []).every((r) => {
      const pvc = this.pvcs.get(restore.metadata.namespace, r.persistentVolumeClaim);
      if (!pvc) return false;
      if (pvc.status?.phase === 'Bound') return true;
      const sc = this.storageClasses.get(undefined, pvc.spec.storageClassName ?? '');
      return sc?.volumeBindingMode === 'WaitForFirstConsumer';
    });
  }

  private ownerRef(clone: VmClone): NonNullable<KubeObject['metadata']['ownerReferences']>[number] {
    return {
      apiVersion: VM_CLONE.apiVersion,
      kind: VM_CLONE.kind,
      name: clone.metadata.name ?? '',
      uid: clone.metadata.uid ?? '',
      controller: true,
      blockOwnerDeletion: true,
    };
  }

  private async createSnapshot(clone: VmClone, vmName: string): Promise<string> {
    const name = cloneSnapshotName(clone.metadata.uid ?? '');
    try {
      await this.client.create(VM_SNAPSHOT, clone.metadata.namespace, {
        metadata: { name, ownerReferences: [this.ownerRef(clone)] },
        spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vmName } },
      });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    return name;
  }

  private async createRestore(
    clone: VmClone,
    snapshotName: string,
    target: string,
    patches: string[],
  ): Promise<string> {
    const name = cloneRestoreName(clone.metadata.uid ?? '');
    try {
      await this.client.create(VM_RESTORE, clone.metadata.namespace, {
        metadata: { name, ownerReferences: [this.ownerRef(clone)] },
        spec: {
          target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: target },
          virtualMachineSnapshotName: snapshotName,
          patches,
        },
      });
    } catch (err) {
      if (!isAlreadyExists(err)) {
        this.events.record(
          clone,
          'Warning',
          'RestoreCreationFailed',
          `failed creating restore ${name} for clone ${clone.metadata.name ?? ''}: ${String(err)}`,
        );
        throw err;
      }
    }
    return name;
  }

  private async writeStatus(clone: VmClone, status: Status): Promise<void> {
    if (sameJson(status, clone.status ?? {})) return;
    await this.client
      .patch(
        VM_CLONE,
        clone.metadata.namespace,
        clone.metadata.name ?? '',
        { status, metadata: { resourceVersion: clone.metadata.resourceVersion } },
        { type: 'merge', subresource: 'status' },
      )
      .catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
  }
}

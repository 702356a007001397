import { parseQuantity } from '../../apiserver/validation/quantity';
import type { ApiClient } from '../runtime/apiClient';
import { isAlreadyExists, isNotFound } from '../runtime/apiClient';
import type { ReconcileResult } from '../runtime/controller';
import { Controller } from '../runtime/controller';
import type { EventRecorder } from '../runtime/eventRecorder';
import type { Informer } from '../runtime/informer';
import { PVC, VOLUME_SNAPSHOT, VOLUME_SNAPSHOT_CLASS, keyOf, splitKey } from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import { ANNOTATIONS, VOLUME_SNAPSHOT_CONTENT } from './snapshotNames';
import type {
  Pvc,
  VolumeSnapshot,
  VolumeSnapshotClass,
  VolumeSnapshotContent,
} from './snapshotTypes';

/** A CSI snapshot of a volume takes this long (simulated) to be cut. */
export const SNAPSHOT_DURATION_MS = 2000;

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The external-snapshotter stand-in: binds each VolumeSnapshot of a PVC to a new
 * VolumeSnapshotContent (`snapcontent-<uid>`) of its class's driver, then after the snapshot
 * delay reports it created and ready to use with the PVC's size as restoreSize, with the events
 * the CSI snapshot controller records. Deleting a snapshot deletes its content (policy Delete).
 */
export class VolumeSnapshotController {
  private readonly client: ApiClient;
  private readonly events: EventRecorder;
  private readonly snapshots: Informer<VolumeSnapshot>;
  private readonly contents: Informer<VolumeSnapshotContent>;
  private readonly classes: Informer<VolumeSnapshotClass>;
  private readonly pvcs: Informer<Pvc>;
  private readonly controller: Controller;
  /** When each snapshot started being cut (ms precision for scaled time). */
  private readonly startedAt = new Map<string, number>();

  constructor(private readonly runtime: ControllerRuntime) {
    this.client = runtime.clientFor('snapshot-controller');
    this.events = runtime.eventsFor('snapshot-controller');
    this.snapshots = runtime.informers.for<VolumeSnapshot>(VOLUME_SNAPSHOT);
    this.contents = runtime.informers.for<VolumeSnapshotContent>(VOLUME_SNAPSHOT_CONTENT);
    this.classes = runtime.informers.for<VolumeSnapshotClass>(VOLUME_SNAPSHOT_CLASS);
    this.pvcs = runtime.informers.for<Pvc>(PVC);
    this.controller = new Controller('volume-snapshot', (key) => this.reconcile(key), {
      log: runtime.log,
    });
    this.snapshots.onChange((type, vs) => {
      if (type === 'DELETED') void this.releaseContent(vs);
      else this.controller.enqueue(keyOf(vs.metadata.namespace, vs.metadata.name ?? ''));
    });
    this.controller.watch(this.pvcs, (pvc) =>
      this.snapshots
        .list(pvc.metadata.namespace)
        .filter((vs) => vs.spec.source.persistentVolumeClaimName === pvc.metadata.name)
        .map((vs) => keyOf(vs.metadata.namespace, vs.metadata.name ?? '')),
    );
  }

  synced(): Promise<unknown> {
    return Promise.all(
      [this.snapshots, this.contents, this.classes, this.pvcs].map((i) => i.synced),
    );
  }

  stop(): void {
    this.controller.stop();
  }

  private classFor(vs: VolumeSnapshot): VolumeSnapshotClass | undefined {
    const named = vs.spec.volumeSnapshotClassName;
    const all = this.classes.list();
    if (named) return all.find((c) => c.metadata.name === named);
    return all.find((c) => c.metadata.annotations?.[ANNOTATIONS.defaultSnapshotClass] === 'true');
  }

  private async reconcile(key: string): Promise<ReconcileResult | undefined> {
    const { namespace, name } = splitKey(key);
    const vs = this.snapshots.get(namespace, name);
    if (!vs || vs.metadata.deletionTimestamp || vs.status?.readyToUse) return undefined;
    const pvcName = vs.spec.source.persistentVolumeClaimName;
    if (!pvcName) return undefined; // pre-provisioned snapshots are bound by their creator
    const pvc = this.pvcs.get(namespace, pvcName);
    const vsc = this.classFor(vs);
    const problem = !pvc
      ? `persistentvolumeclaims "${pvcName}" not found`
      : pvc.status?.phase !== 'Bound'
        ? `the source volume claim "${pvcName}" is not bound`
        : !vsc
          ? `volumesnapshotclasses.snapshot.storage.k8s.io "${vs.spec.volumeSnapshotClassName ?? ''}" not found`
          : undefined;
    if (problem || !pvc || !vsc) {
      await this.patchStatus(vs, {
        readyToUse: false,
        error: { message: `Failed to create snapshot: ${problem ?? ''}`, time: nowIso() },
      });
      return { requeueAfterMs: this.runtime.timing.ms(5000) };
    }
    const contentName = `snapcontent-${vs.metadata.uid ?? ''}`;
    if (!vs.status?.boundVolumeSnapshotContentName) {
      await this.createContent(vs, vsc, pvc, contentName);
      this.startedAt.set(vs.metadata.uid ?? '', Date.now());
      this.events.record(
        vs,
        'Normal',
        'CreatingSnapshot',
        `Waiting for a snapshot ${namespace ?? ''}/${name} to be created by the CSI driver.`,
      );
      await this.patchStatus(vs, {
        boundVolumeSnapshotContentName: contentName,
        readyToUse: false,
        error: null,
      });
      return { requeueAfterMs: this.runtime.timing.ms(SNAPSHOT_DURATION_MS) };
    }
    const started =
      this.startedAt.get(vs.metadata.uid ?? '') ??
      Date.now() - this.runtime.timing.ms(SNAPSHOT_DURATION_MS);
    const wait = started + this.runtime.timing.ms(SNAPSHOT_DURATION_MS) - Date.now();
    if (wait > 0) return { requeueAfterMs: wait };
    const size = pvc.status?.capacity?.storage ?? pvc.spec.resources?.requests?.storage ?? '0';
    const now = new Date();
    await this.client
      .patchStatus(VOLUME_SNAPSHOT_CONTENT, undefined, vs.status.boundVolumeSnapshotContentName, {
        creationTime: now.getTime() * 1_000_000,
        readyToUse: true,
        restoreSize: parseSize(size),
        snapshotHandle: `snapshot-${vs.metadata.uid ?? ''}`,
      })
      .catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    await this.patchStatus(vs, {
      creationTime: nowIso(),
      readyToUse: true,
      restoreSize: size,
      error: null,
    });
    this.startedAt.delete(vs.metadata.uid ?? '');
    this.events.record(
      vs,
      'Normal',
      'SnapshotCreated',
      `Snapshot ${namespace ?? ''}/${name} was successfully created by the CSI driver.`,
    );
    this.events.record(
      vs,
      'Normal',
      'SnapshotReady',
      `Snapshot ${namespace ?? ''}/${name} is ready to use.`,
    );
    return undefined;
  }

  private async createContent(
    vs: VolumeSnapshot,
    vsc: VolumeSnapshotClass,
    pvc: Pvc,
    name: string,
  ): Promise<void> {
    try {
      await this.client.create(VOLUME_SNAPSHOT_CONTENT, undefined, {
        metadata: { name },
        spec: {
          deletionPolicy: vsc.deletionPolicy ?? 'Delete',
          driver: vsc.driver ?? '',
          source: { volumeHandle: pvc.spec.volumeName ?? `pvc-${pvc.metadata.uid ?? ''}` },
          sourceVolumeMode: pvc.spec.volumeMode ?? 'Filesystem',
          volumeSnapshotClassName: vsc.metadata.name,
          volumeSnapshotRef: {
            apiVersion: 'snapshot.storage.k8s.io/v1',
            kind: 'VolumeSnapshot',
            name: vs.metadata.name,
            namespace: vs.metadata.namespace,
            uid: vs.metadata.uid,
          },
        },
      });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }

  /** The content of a deleted snapshot goes too when its policy says Delete. */
  private async releaseContent(vs: VolumeSnapshot): Promise<void> {
    this.startedAt.delete(vs.metadata.uid ?? '');
    const name = vs.status?.boundVolumeSnapshotContentName;
    if (!name) return;
    const content = this.contents.get(undefined, name);
    if (content && content.spec.deletionPolicy === 'Retain') return;
    await this.client
      .delete(VOLUME_SNAPSHOT_CONTENT, undefined, name)
      .catch((err: unknown) => this.runtime.log(`delete ${name}: ${String(err)}`));
  }

  private async patchStatus(vs: VolumeSnapshot, status: Record<string, unknown>): Promise<void> {
    await this.client
      .patchStatus(VOLUME_SNAPSHOT, vs.metadata.namespace, vs.metadata.name ?? '', status)
      .catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
  }
}

const parseSize = (q: string): number => {
  try {
    return Math.round(parseQuantity(q));
  } catch {
    return 0;
  }
};

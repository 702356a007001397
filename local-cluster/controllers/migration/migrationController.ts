import type { KubeObject } from '../../apiserver/core/types';
import type { ApiClient } from '../runtime/apiClient';
import { isNotFound } from '../runtime/apiClient';
import type { Condition } from '../runtime/conditions';
import { findCondition, setCondition } from '../runtime/conditions';
import type { ReconcileResult } from '../runtime/controller';
import { Controller } from '../runtime/controller';
import type { EventRecorder } from '../runtime/eventRecorder';
import type { Informer } from '../runtime/informer';
import {
  HYPERCONVERGED,
  KUBEVIRT,
  MIGRATION_POLICY,
  NAMESPACE,
  NODE,
  POD,
  VMI,
  VMIM,
  keyOf,
  splitKey,
} from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import { applyMigrationPolicy, clusterMigrationConfiguration } from './migrationConfig';
import { admitByLimits } from './migrationLimits';
import { migrationMethodOf, migrationModelParams } from './migrationParams';
import { clearMigrationProgress, reportMigrationProgress } from './migrationProgress';
import {
  HANDED_OFF_PHASES,
  isFinalPhase,
  isVmiFinal,
  migrationRefusal,
  migrationsToGarbageCollect,
  otherMigrationInProgress,
  withPhaseTransition,
} from './migrationRules';
import type {
  MigrationConfiguration,
  MigrationPhase,
  MigrationPolicy,
  MigrationState,
  Node,
  Pod,
  Vmi,
  Vmim,
  VmimStatus,
} from './migrationTypes';
import { LABELS, VMIM_FINALIZER } from './migrationTypes';
import { matchMigrationPolicy } from './policyMatch';
import type { MigrationModelParams, MigrationModelState } from './progressModel';
import { advanceMigration, effectiveDirtyRate, initialMigrationState } from './progressModel';
import { pickTargetNode } from './targetNode';
import { podIpFor, renderTargetPod } from './targetPod';

/** What a reconcile step answers: nothing, or when to look again. */
type Step = ReconcileResult | undefined;

/** Simulated durations (scaled by the runtime's timing). */
const TARGET_POD_START_MS = 1500;
const PREPARE_TARGET_MS = 500;
const PROGRESS_TICK_MS = 500;
const LIMIT_RETRY_MS = 5000;
const UNSCHEDULABLE_TIMEOUT_MS = 5 * 60_000;
/** Real milliseconds within which an object this controller created may still be missing from
 * an informer. */
const INFORMER_GRACE_MS = 2000;

/** Event reasons, as virt-controller and virt-handler record them. */
const REASON = {
  successfulCreate: 'SuccessfulCreate',
  successfulDelete: 'SuccessfulDelete',
  handOver: 'SuccessfulHandOver',
  succeeded: 'SuccessfulMigration',
  failed: 'FailedMigration',
  abort: 'SuccessfulAbortMigration',
  unschedulable: 'migrationTargetPodUnschedulable',
  preparingTarget: 'PreparingTarget',
  migrating: 'Migrating',
  migrated: 'Migrated',
} as const;

interface KubevirtConfig extends KubeObject {
  spec?: { configuration?: { migrations?: Record<string, unknown> } };
}
interface HyperConverged extends KubeObject {
  spec?: { liveMigrationConfig?: Record<string, unknown> };
}

/** What the controller remembers between reconciles, with millisecond precision (object
 * timestamps have seconds only, too coarse for scaled test time). */
interface Tracked {
  targetPodCreatedAt?: number;
  handedOffAt?: number;
  startedAt?: number;
  params?: MigrationModelParams;
  model?: MigrationModelState;
}

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A one-at-a-time lock: limit checks and target pod creation must not interleave. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * virt-controller's migration controller together with the parts of virt-handler that carry a
 * migration out (target preparation, the memory transfer, the final switch-over), driving a
 * VirtualMachineInstanceMigration through Pending → Scheduling → Scheduled → PreparingTarget →
 * TargetReady → Running → Succeeded/Failed with a real target virt-launcher pod.
 */
export class MigrationController {
  private readonly client: ApiClient;
  private readonly handlerClient: ApiClient;
  private readonly kubelet: ApiClient;
  private readonly events: EventRecorder;
  private readonly handlerEvents: EventRecorder;
  readonly vmims: Informer<Vmim>;
  readonly vmis: Informer<Vmi>;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly policies: Informer<MigrationPolicy>;
  private readonly namespaces: Informer;
  private readonly kubevirts: Informer<KubevirtConfig>;
  private readonly hcos: Informer<HyperConverged>;
  private readonly controller: Controller;
  private readonly tracked = new Map<string, Tracked>();
  /** Migrations given a target pod that the informer may not show yet. */
  private readonly starting = new Map<string, string | undefined>();
  private readonly startLock = new Mutex();

  constructor(private readonly runtime: ControllerRuntime) {
    this.client = runtime.clientFor('virt-controller');
    this.handlerClient = runtime.clientFor('virt-handler');
    this.kubelet = runtime.clientFor('kubelet');
    this.events = runtime.eventsFor('virt-controller');
    this.handlerEvents = runtime.eventsFor('virt-handler');
    const inf = runtime.informers;
    this.vmims = inf.for<Vmim>(VMIM);
    this.vmis = inf.for<Vmi>(VMI);
    this.pods = inf.for<Pod>(POD);
    this.nodes = inf.for<Node>(NODE);
    this.policies = inf.for<MigrationPolicy>(MIGRATION_POLICY);
    this.namespaces = inf.for(NAMESPACE);
    this.kubevirts = inf.for<KubevirtConfig>(KUBEVIRT);
    this.hcos = inf.for<HyperConverged>(HYPERCONVERGED);
    this.controller = new Controller('migration', (key) => this.reconcile(key), {
      log: runtime.log,
    });
    this.vmims.onChange((type, vmim) => {
      this.controller.enqueue(keyOf(vmim.metadata.namespace, vmim.metadata.name ?? ''));
      // A finished or removed migration frees a slot: look at the queued ones again.
      if (type === 'DELETED' || isFinalPhase(vmim.status?.phase)) this.enqueuePending();
    });
    this.controller.watch(this.vmis, (vmi) => this.migrationKeysOf(vmi));
    this.controller.watch(this.pods, (pod) => this.migrationKeyOfPod(pod));
    this.kubevirts.onChange(() => this.enqueuePending());
    this.hcos.onChange(() => this.enqueuePending());
  }

  async synced(): Promise<void> {
    await Promise.all(
      [
        this.vmims,
        this.vmis,
        this.pods,
        this.nodes,
        this.policies,
        this.namespaces,
        this.kubevirts,
        this.hcos,
      ].map((i) => i.synced),
    );
  }

  stop(): void {
    this.controller.stop();
  }

  private migrationKeysOf(vmi: Vmi): string[] {
    return this.vmims
      .list(vmi.metadata.namespace)
      .filter((m) => m.spec?.vmiName === vmi.metadata.name)
      .map((m) => keyOf(m.metadata.namespace, m.metadata.name ?? ''));
  }

  private migrationKeyOfPod(pod: Pod): string | undefined {
    const name = pod.metadata.annotations?.['kubevirt.io/migrationJobName'];
    if (name) return keyOf(pod.metadata.namespace, name);
    // A source launcher pod changing (e.g. completing) concerns the VMI's migrations too.
    const createdBy = pod.metadata.labels?.[LABELS.createdBy];
    if (!createdBy) return undefined;
    const vmi = this.vmis.list(pod.metadata.namespace).find((v) => v.metadata.uid === createdBy);
    return vmi ? this.migrationKeysOf(vmi)[0] : undefined;
  }

  private enqueuePending(): void {
    for (const m of this.vmims.list()) {
      if (!m.status?.phase || m.status.phase === 'Pending') {
        this.controller.enqueue(keyOf(m.metadata.namespace, m.metadata.name ?? ''));
      }
    }
  }

  private trackedOf(vmim: Vmim): Tracked {
    const uid = vmim.metadata.uid ?? '';
    let t = this.tracked.get(uid);
    if (!t) {
      t = {};
      this.tracked.set(uid, t);
    }
    return t;
  }

  // ---------------------------------------------------------------- reconcile

  private async reconcile(key: string): Promise<Step> {
    const { namespace, name } = splitKey(key);
    const vmim = this.vmims.get(namespace, name);
    if (!vmim) return;
    const phase = vmim.status?.phase;
    const deleting = !!vmim.metadata.deletionTimestamp;
    const vmi = this.vmis.get(namespace, vmim.spec?.vmiName ?? '');

    if (!vmi) {
      // KubeVirt deletes migrations of VMIs that are gone.
      if (!deleting) await this.client.delete(VMIM, namespace, name);
      else await this.removeFinalizer(vmim);
      return;
    }
    if (isFinalPhase(phase)) return this.finalize(vmim, vmi);
    if (!deleting && this.needsObservation(vmim)) return this.observe(vmim);

    if (phase && (isVmiFinal(vmi) || vmi.metadata.deletionTimestamp)) {
      return this.fail(vmim, vmi, 'Migration failed vmi shutdown during migration.');
    }
    if (deleting) return this.cancel(vmim, vmi);

    switch (phase) {
      case undefined:
        return this.accept(vmim, vmi);
      case 'Pending':
        return this.startIfAllowed(vmim, vmi);
      case 'Scheduling':
        return this.awaitTargetPod(vmim, vmi);
      case 'Scheduled':
        return this.handOff(vmim, vmi);
      case 'PreparingTarget':
        return this.prepareTarget(vmim, vmi);
      case 'TargetReady':
        return this.startTransfer(vmim, vmi);
      case 'Running':
        return this.transfer(vmim, vmi);
    }
  }

  private needsObservation(vmim: Vmim): boolean {
    return (
      vmim.metadata.labels?.[LABELS.vmiName] !== vmim.spec.vmiName ||
      !(vmim.metadata.finalizers ?? []).includes(VMIM_FINALIZER)
    );
  }

  /** First sight: the selector label KubeVirt adds and the finalizer that lets a delete cancel. */
  private async observe(vmim: Vmim): Promise<Step> {
    await this.client.patch(VMIM, vmim.metadata.namespace, vmim.metadata.name ?? '', {
      metadata: {
        labels: { [LABELS.vmiName]: vmim.spec.vmiName ?? '' },
        finalizers: [...new Set([...(vmim.metadata.finalizers ?? []), VMIM_FINALIZER])],
        resourceVersion: vmim.metadata.resourceVersion,
      },
    });
    return undefined;
  }

  private async accept(vmim: Vmim, vmi: Vmi): Promise<Step> {
    if (otherMigrationInProgress(vmim, vmi, this.vmims.list(vmim.metadata.namespace))) {
      return this.fail(
        vmim,
        vmi,
        'VMI is not eligible for migration because another migration job is in progress.',
      );
    }
    const refusal = migrationRefusal(vmi);
    if (refusal) return this.fail(vmim, vmi, refusal);
    await this.setPhase(vmim, 'Pending');
  }

  private targetPodOf(vmim: Vmim): Pod | undefined {
    return this.pods
      .list(vmim.metadata.namespace)
      .find(
        (p) =>
          p.metadata.labels?.[LABELS.migrationJob] === vmim.metadata.uid &&
          p.metadata.labels?.[LABELS.app] === 'virt-launcher',
      );
  }

  private sourcePodOf(vmi: Vmi, exclude?: string): Pod | undefined {
    const candidates = this.pods
      .list(vmi.metadata.namespace)
      .filter(
        (p) =>
          p.metadata.labels?.[LABELS.createdBy] === vmi.metadata.uid &&
          p.metadata.name !== exclude &&
          !p.metadata.deletionTimestamp &&
          p.status?.phase !== 'Succeeded' &&
          p.status?.phase !== 'Failed',
      );
    return (
      candidates.find((p) => p.spec.nodeName && p.spec.nodeName === vmi.status?.nodeName) ??
      candidates[0]
    );
  }

  private configuration(): MigrationConfiguration {
    const kv = this.kubevirts.list()[0];
    const hco = this.hcos.list()[0];
    return clusterMigrationConfiguration(
      kv?.spec?.configuration?.migrations,
      hco?.spec?.liveMigrationConfig,
    );
  }

  /** Migrations holding a slot, with the node each one leaves. */
  private inFlight(except: Vmim): { key: string; sourceNode?: string }[] {
    const out = new Map<string, string | undefined>();
    for (const m of this.vmims.list()) {
      if (m.metadata.uid === except.metadata.uid || isFinalPhase(m.status?.phase)) continue;
      const started = m.status?.phase && m.status.phase !== 'Pending';
      if (!started && !this.targetPodOf(m)) continue;
      const vmi = this.vmis.get(m.metadata.namespace, m.spec?.vmiName ?? '');
      out.set(
        m.metadata.uid ?? '',
        vmi?.status?.migrationState?.sourceNode ?? vmi?.status?.nodeName,
      );
    }
    for (const [uid, node] of this.starting) {
      if (uid !== except.metadata.uid && !out.has(uid)) out.set(uid, node);
    }
    return [...out].map(([key, sourceNode]) => ({ key, sourceNode }));
  }

  private async startIfAllowed(vmim: Vmim, vmi: Vmi): Promise<Step> {
    const refusal = migrationRefusal(vmi);
    if (refusal) return this.fail(vmim, vmi, refusal);
    // The informers may not show a target pod created a moment ago: remember it ourselves.
    if (this.targetPodOf(vmim) || this.starting.has(vmim.metadata.uid ?? '')) {
      return this.setPhase(vmim, 'Scheduling');
    }
    // virt-controller creates the target only for a running VMI; until then the migration waits.
    if (vmi.status?.phase !== 'Running') return { requeueAfterMs: this.runtime.timing.ms(1000) };
    return this.startLock.run(async () => {
      const config = this.configuration();
      const decision = admitByLimits(
        {
          namespace: vmi.metadata.namespace ?? '',
          name: vmi.metadata.name ?? '',
          nodeName: vmi.status?.nodeName,
        },
        this.inFlight(vmim),
        {
          parallelMigrationsPerCluster: config.parallelMigrationsPerCluster ?? 5,
          parallelOutboundMigrationsPerNode: config.parallelOutboundMigrationsPerNode ?? 2,
        },
      );
      if (this.starting.has(vmim.metadata.uid ?? '')) return undefined;
      if (!decision.admitted) {
        this.runtime.log(decision.message);
        return { requeueAfterMs: this.runtime.timing.ms(LIMIT_RETRY_MS) };
      }
      await this.createTargetPod(vmim, vmi);
      return undefined;
    });
  }

  private async createTargetPod(vmim: Vmim, vmi: Vmi): Promise<Step> {
    const source = this.sourcePodOf(vmi);
    const pod = renderTargetPod(vmi, vmim, source);
    const fit = pickTargetNode(
      { spec: pod.spec, sourceNode: vmi.status?.nodeName },
      this.nodes.list(),
      this.pods.list(),
    );
    // Bound at creation when a node fits (the scheduler's decision, taken here so no other
    // scheduler can put the target next to its source); left Unschedulable otherwise.
    if ('node' in fit) pod.spec.nodeName = fit.node;
    const created = await this.client.create<Pod>(POD, pod.metadata.namespace, pod);
    this.starting.set(vmim.metadata.uid ?? '', vmi.status?.nodeName);
    this.trackedOf(vmim).targetPodCreatedAt = Date.now();
    this.events.record(
      vmim,
      'Normal',
      REASON.successfulCreate,
      `Created migration target pod ${created.metadata.name ?? ''}`,
    );
    if ('message' in fit) {
      await this.kubelet.patchStatus(POD, created.metadata.namespace, created.metadata.name ?? '', {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: fit.message,
            lastTransitionTime: nowIso(),
            lastProbeTime: null,
          },
        ],
      });
    }
    await this.setPhase(vmim, 'Scheduling');
    return undefined;
  }

  private async awaitTargetPod(vmim: Vmim, vmi: Vmi): Promise<Step> {
    const pod = this.targetPodOf(vmim);
    const t = this.trackedOf(vmim);
    if (!pod) {
      // Just created: the pod informer has not seen it yet.
      if (t.targetPodCreatedAt && Date.now() - t.targetPodCreatedAt < INFORMER_GRACE_MS) {
        return { requeueAfterMs: 20 };
      }
      return this.fail(vmim, vmi, 'Migration target pod was removed during active migration.');
    }
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      return this.fail(vmim, vmi, 'Migration failed because target pod shutdown during migration');
    }
    if (
      pod.status?.phase === 'Running' &&
      findCondition(pod.status.conditions, 'Ready')?.status === 'True'
    ) {
      return this.setPhase(vmim, 'Scheduled');
    }
    const parsed = Date.parse(pod.metadata.creationTimestamp ?? '');
    const createdAt = t.targetPodCreatedAt ?? (Number.isNaN(parsed) ? Date.now() : parsed);
    const age = Date.now() - createdAt;
    if (!pod.spec.nodeName) {
      const { namespace = '', name = '' } = vmi.metadata;
      this.events.record(
        vmim,
        'Warning',
        REASON.unschedulable,
        `Migration target pod for VMI [${namespace}/${name}] is currently unschedulable.`,
      );
      const timeout = this.runtime.timing.ms(UNSCHEDULABLE_TIMEOUT_MS);
      if (age < timeout) return { requeueAfterMs: timeout - age };
      await this.client.delete(POD, pod.metadata.namespace, pod.metadata.name ?? '');
      this.events.record(
        vmim,
        'Normal',
        REASON.successfulDelete,
        `unschedulable pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} timeout period exceeded`,
      );
      return;
    }
    const startIn = this.runtime.timing.ms(TARGET_POD_START_MS) - age;
    if (startIn > 0) return { requeueAfterMs: startIn };
    await this.runPod(pod);
  }

  /** The kubelet's part for the target pod: containers started and ready. */
  private async runPod(pod: Pod): Promise<void> {
    const node = this.nodes.get(undefined, pod.spec.nodeName ?? '');
    const now = nowIso();
    const ready = (type: string): Condition => ({
      type,
      status: 'True',
      lastTransitionTime: now,
      lastProbeTime: null,
    });
    await this.kubelet.patchStatus(POD, pod.metadata.namespace, pod.metadata.name ?? '', {
      phase: 'Running',
      conditions: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map(ready),
      hostIP: node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address,
      podIP: podIpFor(node?.spec?.podCIDR, pod.metadata.name ?? ''),
      startTime: now,
      containerStatuses: pod.spec.containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: c.image,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: now } },
      })),
    });
  }

  /** The configuration this migration runs with, and the policy that shaped it. */
  private effectiveConfiguration(vmi: Vmi): {
    configuration: MigrationConfiguration;
    policyName?: string;
  } {
    const cluster = this.configuration();
    const ns = this.namespaces.get(undefined, vmi.metadata.namespace ?? '');
    const policy = matchMigrationPolicy(
      this.policies.list(),
      vmi.metadata.labels,
      ns?.metadata.labels,
    );
    if (!policy) return { configuration: cluster };
    const { configuration, changed } = applyMigrationPolicy(cluster, policy.spec);
    return changed
      ? { configuration, policyName: policy.metadata.name }
      : { configuration: cluster };
  }

  /** virt-controller hands the migration to virt-handler by writing the VMI's migration state. */
  private async handOff(vmim: Vmim, vmi: Vmi): Promise<Step> {
    const pod = this.targetPodOf(vmim);
    if (!pod?.spec.nodeName) {
      return this.fail(vmim, vmi, 'Migration target pod was removed during active migration.');
    }
    const { configuration, policyName } = this.effectiveConfiguration(vmi);
    const source = this.sourcePodOf(vmi, pod.metadata.name);
    const state: MigrationState = {
      migrationUid: vmim.metadata.uid,
      sourceNode: vmi.status?.nodeName,
      targetNode: pod.spec.nodeName,
      targetPod: pod.metadata.name,
      sourcePod: source?.metadata.name,
      migrationConfiguration: configuration,
      ...(policyName ? { migrationPolicyName: policyName } : {}),
      migrationNetworkType: configuration.network ? 'migration' : 'pod',
      completed: false,
      failed: false,
    };
    await this.client.patch(
      VMI,
      vmi.metadata.namespace,
      vmi.metadata.name ?? '',
      [
        { op: 'add', path: '/status/migrationState', value: state },
        { op: 'add', path: '/status/migrationMethod', value: migrationMethodOf(vmi) },
      ],
      { type: 'json', subresource: 'status' },
    );
    await this.client.patch(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', {
      metadata: { labels: { [LABELS.migrationTargetNode]: pod.spec.nodeName } },
    });
    this.trackedOf(vmim).handedOffAt = Date.now();
    this.starting.delete(vmim.metadata.uid ?? '');
    this.events.record(
      vmim,
      'Normal',
      REASON.handOver,
      'Migration target pod is ready for preparation by virt-handler.',
    );
    await this.setPhase(vmim, 'PreparingTarget');
  }

  /** The VMI does not carry this migration's state: the hand-off is not visible yet, or someone
   * cleared it (KubeVirt fails the migration then). */
  private lostState(vmim: Vmim, vmi: Vmi): Promise<Step> {
    const handedOffAt = this.trackedOf(vmim).handedOffAt;
    if (handedOffAt && Date.now() - handedOffAt < INFORMER_GRACE_MS) {
      return Promise.resolve({ requeueAfterMs: 20 });
    }
    return this.fail(vmim, vmi, "VMI's migration state was cleared during the active migration.");
  }

  /** virt-handler on the target node: domain prepared, migration proxy listening. */
  private async prepareTarget(vmim: Vmim, vmi: Vmi): Promise<Step> {
    const state = vmi.status?.migrationState;
    if (!state || state.migrationUid !== vmim.metadata.uid) return this.lostState(vmim, vmi);
    const t = this.trackedOf(vmim);
    const wait = (t.handedOffAt ?? 0) + this.runtime.timing.ms(PREPARE_TARGET_MS) - Date.now();
    if (t.handedOffAt && wait > 0) return { requeueAfterMs: wait };
    const node = this.nodes.get(undefined, state.targetNode ?? '');
    const address = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    const ports = { '38021': 0, '44717': 49152 };
    await this.handlerClient.patchStatus(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', {
      migrationState: { targetNodeAddress: address, targetDirectMigrationNodePorts: ports },
    });
    this.handlerEvents.record(
      vmi,
      'Normal',
      REASON.preparingTarget,
      `Migration Target is listening at ${address}, on ports: ${Object.keys(ports).join(',')}`,
    );
    await this.setPhase(vmim, 'TargetReady');
  }

  /** virt-handler on the source node starts the live migration. */
  private async startTransfer(vmim: Vmim, vmi: Vmi): Promise<Step> {
    this.trackedOf(vmim).startedAt = Date.now();
    await this.handlerClient.patchStatus(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', {
      migrationState: { startTimestamp: nowIso(), mode: 'PreCopy' },
    });
    this.handlerEvents.record(
      vmi,
      'Normal',
      REASON.migrating,
      'VirtualMachineInstance is migrating.',
    );
    await this.setPhase(vmim, 'Running');
    return undefined;
  }

  private modelOf(
    vmim: Vmim,
    vmi: Vmi,
  ): { params: MigrationModelParams; model: MigrationModelState } {
    const t = this.trackedOf(vmim);
    if (!t.params || !t.model) {
      const config = vmi.status?.migrationState?.migrationConfiguration ?? this.configuration();
      t.params = migrationModelParams(vmi, config);
      t.model = initialMigrationState(t.params);
    }
    if (!t.startedAt) {
      const parsed = Date.parse(vmi.status?.migrationState?.startTimestamp ?? '');
      t.startedAt = Number.isNaN(parsed) ? Date.now() : parsed;
    }
    const elapsed = this.runtime.timing.simulated(Date.now() - t.startedAt) / 1000;
    t.model = advanceMigration(t.params, t.model, Math.max(0, elapsed - t.model.elapsedSeconds));
    return { params: t.params, model: t.model };
  }

  private async transfer(vmim: Vmim, vmi: Vmi): Promise<Step> {
    const state = vmi.status?.migrationState;
    if (!state || state.migrationUid !== vmim.metadata.uid) return this.lostState(vmim, vmi);
    if (state.abortRequested) return this.abortTransfer(vmim, vmi);
    const { params, model } = this.modelOf(vmim, vmi);
    reportMigrationProgress({
      vmiUid: vmi.metadata.uid ?? '',
      vmiName: vmi.metadata.name ?? '',
      namespace: vmi.metadata.namespace ?? '',
      migrationName: vmim.metadata.name ?? '',
      migrationUid: vmim.metadata.uid ?? '',
      sourceNode: state.sourceNode,
      targetNode: state.targetNode,
      mode: model.mode,
      elapsedSeconds: model.elapsedSeconds,
      dataTotalBytes: params.dataTotalBytes,
      dataProcessedBytes: Math.round(model.processedBytes),
      dataRemainingBytes: Math.round(model.remainingBytes),
      memoryTransferRateBytes: model.outcome ? 0 : Math.round(params.linkBytesPerSecond),
      dirtyMemoryRateBytes: Math.round(effectiveDirtyRate(params, model)),
      iteration: model.iteration,
      autoConvergeThrottle: model.throttle,
      updatedAt: Date.now(),
    });
    if (model.outcome?.result === 'Completed') return this.complete(vmim, vmi);
    if (model.outcome?.result === 'Failed') {
      return this.failTransfer(vmim, vmi, model.outcome.reason);
    }
    if (model.mode !== state.mode) {
      await this.handlerClient.patchStatus(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', {
        migrationState: { mode: model.mode },
      });
    }
    return { requeueAfterMs: this.runtime.timing.ms(PROGRESS_TICK_MS) };
  }

  /** The switch-over: the VMI now runs on the target node; the source launcher exits. */
  private async complete(vmim: Vmim, vmi: Vmi): Promise<Step> {
    const state = vmi.status?.migrationState ?? {};
    const target = state.targetNode ?? '';
    const now = nowIso();
    await this.handlerClient.patchStatus(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', {
      nodeName: target,
      migrationState: {
        completed: true,
        failed: false,
        endTimestamp: now,
        targetNodeDomainDetected: true,
        targetNodeDomainReadyTimestamp: now,
      },
    });
    await this.handlerClient.patch(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', {
      metadata: { labels: { [LABELS.nodeName]: target } },
    });
    this.handlerEvents.record(
      vmi,
      'Normal',
      REASON.migrated,
      `The VirtualMachineInstance migrated to node ${target}.`,
    );
    const source = state.sourcePod
      ? this.pods.get(vmi.metadata.namespace, state.sourcePod)
      : undefined;
    if (source && source.status?.phase !== 'Succeeded') {
      await this.kubelet
        .patchStatus(POD, source.metadata.namespace, source.metadata.name ?? '', {
          phase: 'Succeeded',
          conditions: [
            { type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: now },
            {
              type: 'ContainersReady',
              status: 'False',
              reason: 'PodCompleted',
              lastTransitionTime: now,
            },
          ],
        })
        .catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
    }
    clearMigrationProgress(vmi.metadata.uid ?? '', vmim.metadata.uid);
    this.events.record(
      vmim,
      'Normal',
      REASON.succeeded,
      'Source node reported migration succeeded',
    );
    await this.setPhase(vmim, 'Succeeded', {
      migrationState: {
        ...state,
        completed: true,
        failed: false,
        endTimestamp: now,
        targetNodeDomainDetected: true,
        targetNodeDomainReadyTimestamp: now,
      },
    });
    return undefined;
  }

  /** virt-launcher aborted the transfer (timeout) or finished an abort: the VMI stays on the source. */
  private async failTransfer(
    vmim: Vmim,
    vmi: Vmi,
    reason: string,
    abortStatus?: 'Succeeded',
  ): Promise<Step> {
    const now = nowIso();
    const patch: MigrationState = {
      completed: true,
      failed: true,
      endTimestamp: now,
      failureReason: reason,
      ...(abortStatus ? { abortStatus } : {}),
    };
    await this.handlerClient.patchStatus(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', {
      migrationState: patch,
    });
    this.handlerEvents.record(
      vmi,
      'Warning',
      REASON.migrated,
      `VirtualMachineInstance migration uid ${vmim.metadata.uid ?? ''} failed. reason:${reason}`,
    );
    clearMigrationProgress(vmi.metadata.uid ?? '', vmim.metadata.uid);
    await this.deleteTargetPod(vmim);
    this.events.record(vmim, 'Warning', REASON.failed, 'source node reported migration failed');
    await this.setPhase(vmim, 'Failed', {
      migrationState: { ...(vmi.status?.migrationState ?? {}), ...patch },
    });
    return undefined;
  }

  private abortTransfer(vmim: Vmim, vmi: Vmi): Promise<Step> {
    return this.failTransfer(vmim, vmi, 'Live migration aborted ', 'Succeeded');
  }

  /** A delete of an unfinished migration cancels it, before or after the hand-off. */
  private async cancel(vmim: Vmim, vmi: Vmi): Promise<Step> {
    const phase = vmim.status?.phase;
    const handedOff =
      (phase && HANDED_OFF_PHASES.includes(phase)) ||
      vmi.status?.migrationState?.migrationUid === vmim.metadata.uid;
    const conditions = setCondition(
      vmim.status?.conditions,
      { type: 'AbortRequested', status: 'True', lastProbeTime: nowIso() },
      nowIso(),
    );
    if (!handedOff) {
      const pod = this.targetPodOf(vmim);
      if (pod) {
        await this.client.delete(POD, pod.metadata.namespace, pod.metadata.name ?? '');
        this.events.record(
          vmim,
          'Normal',
          REASON.successfulDelete,
          `migration canceled and pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} is deleted`,
        );
      }
      this.events.record(vmim, 'Warning', REASON.failed, 'Migration failed due to being canceled');
      this.starting.delete(vmim.metadata.uid ?? '');
      await this.setPhase(vmim, 'Failed', { conditions });
      return;
    }
    if (!vmi.status?.migrationState?.abortRequested) {
      await this.client.patchStatus(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', {
        migrationState: { abortRequested: true },
      });
      await this.patchVmimStatus(vmim, { conditions });
      this.events.record(
        vmim,
        'Normal',
        REASON.abort,
        'Migration is ready to be canceled by virt-handler.',
      );
      return;
    }
    // virt-handler on the source aborts the libvirt job; the guest keeps running where it was.
    return this.abortTransfer(vmim, vmi);
  }

  private async deleteTargetPod(vmim: Vmim): Promise<void> {
    const pod = this.targetPodOf(vmim);
    if (pod) await this.client.delete(POD, pod.metadata.namespace, pod.metadata.name ?? '');
  }

  private async fail(vmim: Vmim, vmi: Vmi, message: string): Promise<Step> {
    this.events.record(vmim, 'Warning', REASON.failed, message);
    const state = vmi.status?.migrationState;
    if (state && state.migrationUid === vmim.metadata.uid && !state.completed) {
      await this.handlerClient.patchStatus(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', {
        migrationState: {
          completed: true,
          failed: true,
          endTimestamp: nowIso(),
          failureReason: message,
        },
      });
    }
    clearMigrationProgress(vmi.metadata.uid ?? '', vmim.metadata.uid);
    this.starting.delete(vmim.metadata.uid ?? '');
    await this.deleteTargetPod(vmim);
    await this.setPhase(vmim, 'Failed');
    return undefined;
  }

  /** A finished migration: keeps the VMI's final migration state, releases its finalizer, and
   * garbage-collects old finished migrations of the VMI beyond the five newest. */
  private async finalize(vmim: Vmim, vmi: Vmi): Promise<Step> {
    this.tracked.delete(vmim.metadata.uid ?? '');
    this.starting.delete(vmim.metadata.uid ?? '');
    const state = vmi.status?.migrationState;
    if (state?.migrationUid === vmim.metadata.uid && !vmim.status?.migrationState) {
      await this.patchVmimStatus(vmim, { migrationState: state });
    }
    if ((vmim.metadata.finalizers ?? []).includes(VMIM_FINALIZER)) {
      await this.removeFinalizer(vmim);
    }
    const ofVmi = this.vmims
      .list(vmim.metadata.namespace)
      .filter((m) => m.spec?.vmiName === vmim.spec.vmiName);
    for (const name of migrationsToGarbageCollect(ofVmi)) {
      await this.client.delete(VMIM, vmim.metadata.namespace, name);
    }
    return undefined;
  }

  private async removeFinalizer(vmim: Vmim): Promise<void> {
    const finalizers = (vmim.metadata.finalizers ?? []).filter((f) => f !== VMIM_FINALIZER);
    if (finalizers.length === (vmim.metadata.finalizers ?? []).length) return;
    try {
      await this.client.patch(VMIM, vmim.metadata.namespace, vmim.metadata.name ?? '', {
        metadata: { finalizers, resourceVersion: vmim.metadata.resourceVersion },
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  private async setPhase(
    vmim: Vmim,
    phase: MigrationPhase,
    extra: Partial<VmimStatus> = {},
  ): Promise<Step> {
    const now = nowIso();
    await this.patchVmimStatus(vmim, {
      ...extra,
      phase,
      phaseTransitionTimestamps: withPhaseTransition(
        vmim.status?.phaseTransitionTimestamps,
        phase,
        now,
      ),
    });
    return undefined;
  }

  private async patchVmimStatus(vmim: Vmim, status: Partial<VmimStatus>): Promise<void> {
    try {
      await this.client.patch(
        VMIM,
        vmim.metadata.namespace,
        vmim.metadata.name ?? '',
        { status, metadata: { resourceVersion: vmim.metadata.resourceVersion } },
        { type: 'merge', subresource: 'status' },
      );
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

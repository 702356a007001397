import type { KubeObject } from '../../apiserver/core/types';
import { isAlreadyExists } from '../runtime/apiClient';
import { Controller } from '../runtime/controller';
import type { ReconcileResult } from '../runtime/controller';
import {
  CDI_CONFIG,
  DATA_SOURCE,
  DV,
  NODE,
  POD,
  PV,
  PVC,
  STORAGE_CLASS,
  STORAGE_PROFILE,
  VOLUME_SNAPSHOT,
  keyOf,
  splitKey,
} from '../runtime/resources';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { bytesOf, renderClaimSpec } from './claimSpec';
import type { ClaimResult } from './claimSpec';
import { ANN, FEATURE_GATE, K8S_ANN, PASSED_ON_LABELS } from './cdiNames';
import { CDI_CR, featureGatesOf, overheadFor } from './cdiSettings';
import type { CdiConfigLike, CdiCrLike } from './cdiSettings';
import type {
  CloneStrategy,
  DataSource,
  DataVolume,
  Node,
  PersistentVolume,
  Pod,
  Pvc,
  StorageClass,
  StorageProfile,
  VolumeSnapshot,
} from './cdiTypes';
import { cloneFallback, cloneSourceState } from './cloneReadiness';
import type { CloneFallback, CloneSourceState } from './cloneReadiness';
import { claimForDataVolume, dataVolumeOwnerRef, isControlledBy } from './dataVolumeClaim';
import { importFailureMessage, planTransfer } from './dataVolumeSource';
import type { TransferPlan } from './dataVolumeSource';
import { dataVolumeStatus, sameStatus } from './dataVolumeStatus';
import type { Blocker } from './dataVolumeStatus';
import { nodeForPod } from './nodeSelection';
import { isWaitForFirstConsumer } from './storageClasses';
import { effectiveCloneStrategy } from './storageProfileStatus';
import { nextTransferStep } from './transferSteps';
import type { PodEvent } from './transferSteps';
import type { UploadTracker } from './uploadTracker';
import { WriteExpectations } from './writeExpectations';
import { podsUsingClaim } from './volumeBinding';

const DV_COMPONENT: Record<TransferPlan['kind'], string> = {
  import: 'datavolume-import-controller',
  upload: 'datavolume-upload-controller',
  clone: 'datavolume-pvc-clone-controller',
  none: 'datavolume-import-controller',
};
const PVC_COMPONENT: Record<TransferPlan['kind'], string> = {
  import: 'import-controller',
  upload: 'upload-controller',
  clone: 'clone-controller',
  none: 'import-controller',
};

export interface DataVolumeController extends Stoppable {
  enqueue(key: string): void;
}

/**
 * CDI's DataVolume controllers (import, upload, clone) and the pods they run, in one loop per DV:
 * follow the source, render and create the claim, wait for a consumer when the class asks for one,
 * run the simulated transfer through the claim's annotations, and report status and events.
 */
export const startDataVolumeController = (
  runtime: ControllerRuntime,
  uploads: UploadTracker,
): DataVolumeController => {
  const client = runtime.clientFor('cdi-controller');
  const inf = runtime.informers;
  const dvs = inf.for<DataVolume>(DV);
  const pvcs = inf.for<Pvc>(PVC);
  const pvs = inf.for<PersistentVolume>(PV);
  const classes = inf.for<StorageClass>(STORAGE_CLASS);
  const profiles = inf.for<StorageProfile>(STORAGE_PROFILE);
  const dataSources = inf.for<DataSource>(DATA_SOURCE);
  const pods = inf.for<Pod>(POD);
  const nodes = inf.for<Node>(NODE);
  const snapshots = inf.for<VolumeSnapshot>(VOLUME_SNAPSHOT);
  const configs = inf.for<CdiConfigLike>(CDI_CONFIG);
  const cdis = inf.for<CdiCrLike>(CDI_CR);
  const expectations = new WriteExpectations();

  // Which DVs wait on which objects (clone sources, DataSources), to requeue them when those change.
  const dependents = new Map<string, Set<string>>();
  const dependencies = new Map<string, string[]>();
  const setDependencies = (dvKey: string, deps: string[]): void => {
    for (const d of dependencies.get(dvKey) ?? []) dependents.get(d)?.delete(dvKey);
    if (deps.length) dependencies.set(dvKey, deps);
    else dependencies.delete(dvKey);
    for (const d of deps) {
      let set = dependents.get(d);
      if (!set) dependents.set(d, (set = new Set()));
      set.add(dvKey);
    }
  };
  const dependentsOf = (dep: string): string[] => [...(dependents.get(dep) ?? [])];

  // Warnings about a state that lasts (source in use, invalid claim) are recorded once per state.
  const recorded = new Map<string, Set<string>>();
  const recordOnce = (dv: DataVolume, component: string, e: PodEvent): void => {
    const uid = dv.metadata.uid ?? '';
    let seen = recorded.get(uid);
    if (!seen) recorded.set(uid, (seen = new Set()));
    const k = `${e.reason}|${e.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    runtime.eventsFor(component).record(dv, e.type, e.reason, e.message);
  };

  /** CDI copies the default instance type and preference labels of a boot source onto the DV. */
  const passOnLabels = async (dv: DataVolume): Promise<void> => {
    const ref = dv.spec.sourceRef;
    if (!ref) return;
    const ds = dataSources.get(ref.namespace || dv.metadata.namespace, ref.name);
    const missing: Record<string, string> = {};
    for (const l of PASSED_ON_LABELS) {
      const v = ds?.metadata.labels?.[l];
      if (v && dv.metadata.labels?.[l] === undefined) missing[l] = v;
    }
    if (Object.keys(missing).length)
      expectations.wrote(
        `dv:${keyOf(dv.metadata.namespace, dv.metadata.name ?? '')}`,
        await client.patch(DV, dv.metadata.namespace, dv.metadata.name ?? '', {
          metadata: { labels: missing },
        }),
      );
  };

  const reconcile = async (key: string): Promise<ReconcileResult | undefined> => {
    const { namespace, name } = splitKey(key);
    const ns = namespace ?? '';
    const dv = dvs.get(ns, name);
    if (!dv || dv.metadata.deletionTimestamp) {
      setDependencies(key, []);
      uploads.forget(key);
      expectations.forget(`dv:${key}`);
      expectations.forget(`pvc:${key}`);
      if (dv) recorded.delete(dv.metadata.uid ?? '');
      return undefined;
    }
    // The transfer's state lives in the claim's annotations: never step it from a copy older than
    // our own last write.
    if (expectations.stale(`dv:${key}`, dv) || expectations.stale(`pvc:${key}`, pvcs.get(ns, name)))
      return { requeueAfterMs: 20 };
    const config = configs.get(undefined, 'config');
    const gates = featureGatesOf(cdis.list()[0], config);
    const deps: string[] = [];

    const planned = planTransfer(dv, (n, m) => {
      deps.push(`ds:${n}/${m}`);
      return dataSources.get(n, m);
    });
    let plan: TransferPlan | undefined = planned.ok ? planned.plan : undefined;
    let blocker: Blocker | undefined = planned.ok
      ? undefined
      : { phase: 'Pending', reason: 'NotFound', message: planned.message };
    const warnings: PodEvent[] = [];
    await passOnLabels(dv);

    let pvc = pvcs.get(ns, name);
    if (pvc && !isControlledBy(pvc, dv) && pvc.metadata.deletionTimestamp) {
      // A claim of the same name is still going away (an earlier DV's): wait for it.
      recordOnce(dv, DV_COMPONENT[plan?.kind ?? 'none'], {
        type: 'Warning',
        reason: 'ErrResourceMarkedForDeletion',
        message: `Resource "${name}" marked for deletion`,
      });
      return { requeueAfterMs: 500 };
    }
    if (pvc && !isControlledBy(pvc, dv)) {
      const adopt =
        pvc.metadata.annotations?.[ANN.populatedFor] === name ||
        gates.has(FEATURE_GATE.claimAdoption) ||
        dv.metadata.annotations?.[ANN.allowClaimAdoption] === 'true';
      if (!adopt) {
        recordOnce(dv, DV_COMPONENT[plan?.kind ?? 'none'], {
          type: 'Warning',
          reason: 'ErrResourceExists',
          message: `Resource "${name}" already exists and is not managed by DataVolume`,
        });
        setDependencies(key, deps);
        return undefined;
      }
      // The claim already holds the data (DataVolumeClaimAdoption): the DV takes it over as is.
      pvc = await client.patch<Pvc>(PVC, ns, name, {
        metadata: {
          ownerReferences: [...(pvc.metadata.ownerReferences ?? []), dataVolumeOwnerRef(dv)],
        },
      });
      expectations.wrote(`pvc:${key}`, pvc);
      expectations.wrote(
        `dv:${key}`,
        await client.patch(DV, ns, name, {
          metadata: { annotations: { [ANN.prePopulated]: name } },
        }),
      );
    }
    if (pvc && dv.metadata.annotations?.[ANN.prePopulated] === name) plan = { kind: 'none' };

    const podPhase = pvc?.metadata.annotations?.[ANN.podPhase];
    const started = podPhase === 'Running' || podPhase === 'Succeeded' || podPhase === 'Failed';
    let cloneState: CloneSourceState | undefined;
    if (plan?.kind === 'clone') {
      deps.push(`${plan.from.kind}:${plan.from.namespace}/${plan.from.name}`);
      cloneState = cloneSourceState(plan.from, {
        pvc: (n, m) => pvcs.get(n, m),
        dataVolume: (n, m) => dvs.get(n, m),
        snapshot: (n, m) => snapshots.get(n, m),
        volume: (n) => pvs.get(undefined, n),
        pods: () => pods.list(),
      });
      if (!started && cloneState.blocker) {
        blocker = cloneState.blocker;
        warnings.push(...cloneState.events);
        if (cloneState.blocker.reason === 'CloneWithoutSource')
          warnings.push({
            type: 'Warning',
            reason: 'CloneWithoutSource',
            message: cloneState.blocker.message,
          });
      }
    }
    setDependencies(key, podPhase === 'Succeeded' ? [] : deps);

    const profileStatus = new Map(
      profiles.list().map((p) => [p.metadata.name ?? '', p.status ?? {}] as const),
    );
    let claim: ClaimResult | undefined;
    if (plan && plan.kind !== 'none') {
      claim = renderClaimSpec({
        dv,
        storageClasses: classes.list(),
        profiles: profileStatus,
        overheadFor: (c) => overheadFor(config, c),
        sourceBytes: cloneState?.sourceBytes,
      });
      if (!claim.ok && !pvc && !blocker) {
        blocker = { phase: 'Pending', reason: 'ErrClaimNotValid', message: claim.message };
        warnings.push({ type: 'Warning', reason: 'ErrClaimNotValid', message: claim.message });
      }
    }
    const className =
      pvc?.spec.storageClassName ??
      (claim?.ok ? claim.spec.storageClassName : undefined) ??
      undefined;
    const sc = className ? classes.get(undefined, className) : undefined;
    const cloneStrategy: CloneStrategy =
      (pvc?.metadata.annotations?.[ANN.cloneType] as CloneStrategy | undefined) ??
      effectiveCloneStrategy(className ? profileStatus.get(className) : undefined);

    if (!pvc && plan && plan.kind !== 'none' && claim?.ok) {
      let fallback: CloneFallback | undefined;
      const source =
        plan.kind === 'clone' && plan.from.kind === 'pvc'
          ? pvcs.get(plan.from.namespace, plan.from.name)
          : undefined;
      if (source) {
        const sourceClass = source.spec.storageClassName
          ? classes.get(undefined, source.spec.storageClassName)
          : undefined;
        fallback = cloneFallback(
          cloneStrategy,
          { provisioner: sourceClass?.provisioner, volumeMode: source.spec.volumeMode },
          { provisioner: sc?.provisioner, volumeMode: claim.spec.volumeMode },
        );
        if (fallback.reason)
          warnings.push({
            type: 'Warning',
            reason: fallback.reason,
            message: fallback.message ?? '',
          });
      }
      try {
        pvc = await client.create<Pvc>(
          PVC,
          ns,
          claimForDataVolume(
            dv,
            claim.spec,
            plan,
            fallback?.strategy ?? cloneStrategy,
            fallback?.message,
          ),
        );
        expectations.wrote(`pvc:${key}`, pvc);
      } catch (err) {
        // The informer has not seen a claim created a moment ago: look again shortly.
        if (isAlreadyExists(err)) return { requeueAfterMs: 50 };
        throw err;
      }
    }

    // The first consumer is a scheduled pod that mounts the claim (a virt-launcher pod, or the
    // temporary pod KubeVirt creates for it); its node is where the volume must be.
    const consumerNode =
      pvc?.metadata.annotations?.[K8S_ANN.selectedNode] ??
      (pvc
        ? podsUsingClaim(pvc, pods.list()).find((p) => p.spec.nodeName)?.spec.nodeName
        : undefined);
    const waitingForConsumer = Boolean(
      pvc &&
      plan &&
      plan.kind !== 'none' &&
      gates.has(FEATURE_GATE.honorWaitForFirstConsumer) &&
      isWaitForFirstConsumer(sc) &&
      pvc.status?.phase !== 'Bound' &&
      podPhase === undefined &&
      dv.metadata.annotations?.[ANN.immediateBinding] === undefined &&
      !consumerNode,
    );

    let progress: string | undefined;
    let requeueAfter: number | undefined;
    if (
      pvc &&
      plan &&
      plan.kind !== 'none' &&
      !pvc.metadata.deletionTimestamp &&
      !waitingForConsumer &&
      !(blocker && !started)
    ) {
      const node =
        consumerNode ??
        (plan.kind === 'clone' ? cloneState?.sourceNode : undefined) ??
        nodeForPod(nodes.list(), pvc.metadata.uid ?? name);
      const step = nextTransferStep({
        plan,
        pvc,
        now: Date.now(),
        simulated: (ms) => runtime.timing.simulated(ms),
        real: (ms) => runtime.timing.ms(ms),
        sizeBytes:
          bytesOf(pvc.spec.resources?.requests?.storage) ?? (claim?.ok ? claim.sizeBytes : 0),
        failureMessage:
          plan.kind === 'import' ? importFailureMessage(plan.source, plan.endpoint) : undefined,
        preallocation: dv.spec.preallocation === true,
        cloneStrategy:
          (pvc.metadata.annotations?.[ANN.cloneType] as CloneStrategy | undefined) ?? cloneStrategy,
        selectedNode: isWaitForFirstConsumer(sc) ? node : undefined,
        upload: uploads.get(key),
      });
      if (Object.keys(step.annotations).length)
        expectations.wrote(
          `pvc:${key}`,
          (pvc = await client.patch<Pvc>(PVC, ns, name, {
            metadata: { annotations: step.annotations },
          })),
        );
      for (const e of step.pvcEvents)
        runtime.eventsFor(PVC_COMPONENT[plan.kind]).record(pvc, e.type, e.reason, e.message);
      progress = step.progress;
      requeueAfter = step.requeueAfterMs;
    }

    const result = dataVolumeStatus({
      dv,
      pvc,
      plan,
      waitingForConsumer,
      blocker,
      progress,
      now: runtime.timing.nowIso(),
    });
    if (!sameStatus(dv.status, result.status))
      expectations.wrote(`dv:${key}`, await client.patchStatus(DV, ns, name, { ...result.status }));
    const component = DV_COMPONENT[plan?.kind ?? 'none'];
    for (const e of result.events)
      runtime.eventsFor(component).record(dv, e.type, e.reason, e.message);
    for (const e of warnings) recordOnce(dv, component, e);
    if (result.status.phase === 'Succeeded') recorded.delete(dv.metadata.uid ?? '');
    return requeueAfter !== undefined
      ? { requeueAfterMs: runtime.timing.ms(requeueAfter) }
      : undefined;
  };

  const unfinished = (): string[] =>
    dvs
      .list()
      .filter((d) => d.status?.phase !== 'Succeeded')
      .map((d) => keyOf(d.metadata.namespace, d.metadata.name ?? ''));
  const existing = (ns: string | undefined, names: string[]): string[] =>
    names.filter((n) => dvs.get(ns, n)).map((n) => keyOf(ns, n));
  const claimKeys = (obj: KubeObject, claims: string[]): string[] => {
    const ns = obj.metadata.namespace;
    return [
      ...existing(ns, claims),
      ...claims.flatMap((c) => dependentsOf(`pvc:${ns ?? ''}/${c}`)),
    ];
  };

  const controller = new Controller('datavolume', reconcile, { log: runtime.log, concurrency: 8 })
    .watch(dvs)
    .watch(pvcs, (pvc) => claimKeys(pvc, [pvc.metadata.name ?? '']))
    .watch(pods, (pod) =>
      claimKeys(
        pod,
        (pod.spec.volumes ?? [])
          .map((v) => v.persistentVolumeClaim?.claimName)
          .filter((n): n is string => Boolean(n)),
      ),
    )
    .watch(dataSources, (ds) =>
      dependentsOf(`ds:${ds.metadata.namespace ?? ''}/${ds.metadata.name ?? ''}`),
    )
    .watch(snapshots, (s) =>
      dependentsOf(`snapshot:${s.metadata.namespace ?? ''}/${s.metadata.name ?? ''}`),
    )
    .watch(classes, unfinished)
    .watch(profiles, unfinished)
    .watch(configs, unfinished)
    .watch(cdis, unfinished);
  uploads.onChange((key) => controller.enqueue(key));
  for (const d of dvs.list())
    controller.enqueue(keyOf(d.metadata.namespace, d.metadata.name ?? ''));
  return { stop: () => controller.stop(), enqueue: (key) => controller.enqueue(key) };
};

import { isNotFound, isAlreadyExists } from '../runtime/apiClient';
import { Controller } from '../runtime/controller';
import type { ReconcileResult } from '../runtime/controller';
import {
  PV,
  PVC,
  POD,
  STORAGE_CLASS,
  VOLUME_SNAPSHOT,
  keyOf,
  splitKey,
} from '../runtime/resources';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { K8S_ANN } from './cdiNames';
import type { PersistentVolume, Pod, Pvc, StorageClass, VolumeSnapshot } from './cdiTypes';
import { SIMULATED_CSI_DRIVERS } from './storageClasses';
import { PROVISION_MS } from './transferTiming';
import type { PodEvent } from './transferSteps';
import { bindingDecision, podsUsingClaim, provisionedVolume, volumeNameFor } from './volumeBinding';

/**
 * Stand-in for Kubernetes' PV controller and the CSI external-provisioners of the simulated drivers:
 * binds pending claims (at once for Immediate classes, once a node is chosen for WaitForFirstConsumer
 * ones), creates their PersistentVolumes, and deletes or releases volumes whose claim is gone.
 */
export const startPvProvisioner = (runtime: ControllerRuntime): Stoppable => {
  const client = runtime.clientFor('persistentvolume-controller');
  const pvcs = runtime.informers.for<Pvc>(PVC);
  const pvs = runtime.informers.for<PersistentVolume>(PV);
  const classes = runtime.informers.for<StorageClass>(STORAGE_CLASS);
  const pods = runtime.informers.for<Pod>(POD);
  const snapshots = runtime.informers.for<VolumeSnapshot>(VOLUME_SNAPSHOT);
  const pvEvents = runtime.eventsFor('persistentvolume-controller');
  const lastWait = new Map<string, string>();
  const provisioningSince = new Map<string, number>();
  // One identity per start, like a provisioner pod's: `<start ms>-<random>-<driver>`.
  const identity = `${Date.now()}-${Math.floor(Math.random() * 10_000)}`;

  const pendingClaimKeys = (): string[] =>
    pvcs
      .list()
      .filter((c) => (c.status?.phase ?? 'Pending') === 'Pending')
      .map((c) => keyOf(c.metadata.namespace, c.metadata.name ?? ''));

  const dataSourceReady = (pvc: Pvc): boolean => {
    const ref = pvc.spec.dataSourceRef ?? pvc.spec.dataSource;
    if (!ref) return true;
    const ns = ref.namespace ?? pvc.metadata.namespace;
    if (ref.kind === 'VolumeSnapshot')
      return snapshots.get(ns, ref.name)?.status?.readyToUse === true;
    if (ref.kind === 'PersistentVolumeClaim' && !ref.apiGroup)
      return pvcs.get(ns, ref.name)?.status?.phase === 'Bound';
    return true;
  };

  const recordOnce = (pvc: Pvc, event: PodEvent | undefined): void => {
    if (!event) return;
    const uid = pvc.metadata.uid ?? '';
    const key = `${event.reason}|${event.message}`;
    if (lastWait.get(uid) === key) return;
    lastWait.set(uid, key);
    pvEvents.record(pvc, event.type, event.reason, event.message);
  };

  const bindClaim = async (pvc: Pvc, pv: PersistentVolume): Promise<void> => {
    const ns = pvc.metadata.namespace;
    const name = pvc.metadata.name ?? '';
    if (pv.status?.phase !== 'Bound')
      await client.patchStatus(PV, undefined, pv.metadata.name ?? '', { phase: 'Bound' });
    await client.patch(PVC, ns, name, {
      metadata: {
        annotations: { [K8S_ANN.bindCompleted]: 'yes', [K8S_ANN.boundByController]: 'yes' },
      },
      spec: { volumeName: pv.metadata.name },
    });
    await client.patchStatus(PVC, ns, name, {
      phase: 'Bound',
      accessModes: pv.spec.accessModes,
      capacity: pv.spec.capacity,
    });
  };

  const reconcileClaim = async (key: string): Promise<ReconcileResult | undefined> => {
    const { namespace, name } = splitKey(key);
    const pvc = pvcs.get(namespace, name);
    if (!pvc) return;
    const uid = pvc.metadata.uid ?? '';
    if (pvc.spec.volumeName && (pvc.status?.phase ?? 'Pending') === 'Pending') {
      // A bind that stopped half way (volume named, status not yet written) is finished.
      const pv = pvs.get(undefined, pvc.spec.volumeName);
      if (pv && pv.spec.claimRef?.uid === uid) await bindClaim(pvc, pv);
      return;
    }
    const decision = bindingDecision({
      pvc,
      storageClasses: classes.list(),
      volumes: pvs.list(),
      consumers: podsUsingClaim(pvc, pods.list()),
      dataSourceReady: dataSourceReady(pvc),
    });
    switch (decision.kind) {
      case 'ignore':
        provisioningSince.delete(uid);
        lastWait.delete(uid);
        return;
      case 'assignDefaultClass':
        await client.patch(PVC, namespace, name, {
          spec: { storageClassName: decision.className },
        });
        return;
      case 'wait':
        recordOnce(pvc, decision.event);
        return;
      case 'bindStatic': {
        const pv = decision.volume;
        await client.patch(PV, undefined, pv.metadata.name ?? '', {
          spec: {
            claimRef: {
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              name,
              namespace,
              uid,
              resourceVersion: pvc.metadata.resourceVersion,
            },
          },
        });
        await bindClaim(pvc, pv);
        return;
      }
      case 'provision': {
        const sc = decision.storageClass;
        const ann = pvc.metadata.annotations ?? {};
        const annotations: Record<string, string> = {};
        if (decision.node && !ann[K8S_ANN.selectedNode])
          annotations[K8S_ANN.selectedNode] = decision.node;
        if (!ann[K8S_ANN.storageProvisioner]) {
          annotations[K8S_ANN.storageProvisioner] = sc.provisioner;
          annotations[K8S_ANN.betaStorageProvisioner] = sc.provisioner;
        }
        if (Object.keys(annotations).length) {
          await client.patch(PVC, namespace, name, { metadata: { annotations } });
          recordOnce(pvc, {
            type: 'Normal',
            reason: 'ExternalProvisioning',
            message: `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
          });
          runtime
            .eventsFor(`${sc.provisioner}_csi-provisioner`)
            .record(
              pvc,
              'Normal',
              'Provisioning',
              `External provisioner is provisioning volume for claim "${namespace ?? ''}/${name}"`,
            );
          provisioningSince.set(uid, Date.now());
          return { requeueAfterMs: runtime.timing.ms(PROVISION_MS) };
        }
        const started = provisioningSince.get(uid);
        if (started !== undefined) {
          const left = PROVISION_MS - runtime.timing.simulated(Date.now() - started);
          if (left > 0) return { requeueAfterMs: runtime.timing.ms(left) };
        }
        let pv = pvs.get(undefined, volumeNameFor(pvc));
        if (!pv) {
          try {
            pv = await client.create<PersistentVolume>(
              PV,
              undefined,
              provisionedVolume(pvc, sc, decision.node, `${identity}-${sc.provisioner}`),
            );
          } catch (err) {
            if (!isAlreadyExists(err)) throw err;
            pv = await client.get<PersistentVolume>(PV, undefined, volumeNameFor(pvc));
          }
          runtime
            .eventsFor(`${sc.provisioner}_csi-provisioner`)
            .record(
              pvc,
              'Normal',
              'ProvisioningSucceeded',
              `Successfully provisioned volume ${volumeNameFor(pvc)}`,
            );
        }
        await bindClaim(pvc, pv);
        provisioningSince.delete(uid);
        lastWait.delete(uid);
        return;
      }
    }
  };

  /** A volume whose claim is gone is deleted (reclaim policy Delete) or released (Retain). */
  const reconcileVolume = async (name: string): Promise<void> => {
    const pv = pvs.get(undefined, name);
    const ref = pv?.spec.claimRef;
    if (!pv || !ref || pv.metadata.deletionTimestamp) return;
    const claim = pvcs.get(ref.namespace, ref.name);
    if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) return;
    if (pv.status?.phase !== 'Bound' && pv.status?.phase !== 'Released') return;
    const ours = SIMULATED_CSI_DRIVERS.has(pv.spec.csi?.driver ?? '');
    if (pv.spec.persistentVolumeReclaimPolicy !== 'Retain' && ours) {
      await client.delete(PV, undefined, name);
      return;
    }
    if (pv.status.phase !== 'Released')
      await client.patchStatus(PV, undefined, name, { phase: 'Released' }).catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
  };

  const log = { log: runtime.log };
  const claimController = new Controller('pv-binder', reconcileClaim, log)
    .watch(pvcs)
    .watch(pods, (pod) =>
      (pod.spec.volumes ?? [])
        .map((v) => v.persistentVolumeClaim?.claimName)
        .filter((n): n is string => Boolean(n))
        .map((n) => keyOf(pod.metadata.namespace, n)),
    )
    .watch(classes, () => pendingClaimKeys())
    .watch(snapshots, () => pendingClaimKeys())
    .watch(pvs, (pv) =>
      pv.spec.claimRef
        ? keyOf(pv.spec.claimRef.namespace, pv.spec.claimRef.name)
        : pendingClaimKeys(),
    );
  const volumeController = new Controller('pv-reclaimer', reconcileVolume, log)
    .watch(pvs, (pv) => pv.metadata.name)
    .watch(pvcs, (pvc) =>
      pvs
        .list()
        .filter(
          (pv) =>
            pv.spec.claimRef?.name === pvc.metadata.name &&
            pv.spec.claimRef?.namespace === pvc.metadata.namespace,
        )
        .map((pv) => pv.metadata.name ?? ''),
    );
  for (const k of pendingClaimKeys()) claimController.enqueue(k);
  for (const pv of pvs.list()) volumeController.enqueue(pv.metadata.name ?? '');
  return {
    stop: () => {
      claimController.stop();
      volumeController.stop();
    },
  };
};

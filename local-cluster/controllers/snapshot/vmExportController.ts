import { randomBytes } from 'node:crypto';
import { generate } from 'selfsigned';
import type { KubeObject } from '../../apiserver/core/types';
import type { ApiClient } from '../runtime/apiClient';
import { isAlreadyExists, isNotFound } from '../runtime/apiClient';
import type { Condition } from '../runtime/conditions';
import { findCondition } from '../runtime/conditions';
import type { ReconcileResult } from '../runtime/controller';
import { Controller } from '../runtime/controller';
import type { EventRecorder } from '../runtime/eventRecorder';
import type { Informer } from '../runtime/informer';
import {
  DV,
  NODE,
  POD,
  PVC,
  SECRET,
  SERVICE,
  VM,
  VMI,
  VM_EXPORT,
  VM_SNAPSHOT,
  VM_SNAPSHOT_CONTENT,
  VOLUME_SNAPSHOT,
  keyOf,
  splitKey,
} from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import type { ExportSourceKind, ExportVolume } from './exportPlan';
import {
  defaultTokenSecretName,
  exporterPodName,
  exportExpiry,
  exportLinks,
  exportServiceName,
  exportSourceKind,
} from './exportPlan';
import { restorePvcManifest } from './restorePlan';
import { updateCondition } from './snapshotConditions';
import { ANNOTATIONS, LABELS } from './snapshotNames';
import { isPvcPopulated, vmVolumeClaims } from './snapshotPlan';
import type {
  DataVolume,
  Pod,
  Pvc,
  VirtualMachine,
  Vmi,
  VmExport,
  VmSnapshot,
  VmSnapshotContent,
  VolumeSnapshot,
} from './snapshotTypes';

/** The exporter pod starts like any pod: scheduling + start (simulated). */
const EXPORTER_START_MS = 1500;
const REQUEUE_MS = 3000;
const EXPORTER_IMAGE =
  'registry.redhat.io/container-native-virtualization/virt-exportserver-rhel9:v4.22.0';

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

type Status = NonNullable<VmExport['status']>;

interface SourceVolumes {
  volumes: ExportVolume[];
  available: boolean;
  /** Ready condition while the source is not available. */
  reason: string;
  message: string;
  hasManifests: boolean;
  vmName?: string;
  /** No volumes to export at all (phase Skipped). */
  skipped?: boolean;
}

interface NodeObj extends KubeObject {
  metadata: KubeObject['metadata'];
  spec?: { unschedulable?: boolean; taints?: unknown[] };
}

/**
 * KubeVirt's VirtualMachineExport controller: a `virt-export-<name>` Service, a token Secret
 * (`export-token-<name>`) unless one is given, and an exporter pod serving the source's volumes
 * once nothing else uses them (a running VM or a PVC in use keeps the export Pending); Ready with
 * internal and external links (raw/gzip images, manifests for VMs), and deleted at its TTL.
 */
export class VmExportController {
  private readonly client: ApiClient;
  private readonly kubelet: ApiClient;
  private readonly events: EventRecorder;
  readonly exports: Informer<VmExport>;
  private readonly vms: Informer<VirtualMachine>;
  private readonly vmis: Informer<Vmi>;
  private readonly pvcs: Informer<Pvc>;
  private readonly dvs: Informer<DataVolume>;
  private readonly pods: Informer<Pod>;
  private readonly services: Informer;
  private readonly secrets: Informer;
  private readonly nodes: Informer<NodeObj>;
  private readonly snapshots: Informer<VmSnapshot>;
  private readonly contents: Informer<VmSnapshotContent>;
  private readonly volumeSnapshots: Informer<VolumeSnapshot>;
  private readonly controller: Controller;
  private readonly podCreatedAt = new Map<string, number>();
  /** When this controller first saw each export: creation timestamps have whole seconds only,
   * too coarse for a TTL under a small time scale. */
  private readonly firstSeen = new Map<string, number>();
  private caCert: Promise<string> | undefined;

  constructor(private readonly runtime: ControllerRuntime) {
    this.client = runtime.clientFor('virt-controller');
    this.kubelet = runtime.clientFor('kubelet');
    this.events = runtime.eventsFor('virt-controller');
    const inf = runtime.informers;
    this.exports = inf.for<VmExport>(VM_EXPORT);
    this.vms = inf.for<VirtualMachine>(VM);
    this.vmis = inf.for<Vmi>(VMI);
    this.pvcs = inf.for<Pvc>(PVC);
    this.dvs = inf.for<DataVolume>(DV);
    this.pods = inf.for<Pod>(POD);
    this.services = inf.for(SERVICE);
    this.secrets = inf.for(SECRET);
    this.nodes = inf.for<NodeObj>(NODE);
    this.snapshots = inf.for<VmSnapshot>(VM_SNAPSHOT);
    this.contents = inf.for<VmSnapshotContent>(VM_SNAPSHOT_CONTENT);
    this.volumeSnapshots = inf.for<VolumeSnapshot>(VOLUME_SNAPSHOT);
    this.controller = new Controller('vm-export', (k) => this.reconcile(k), { log: runtime.log });
    this.controller.watch(this.exports);
    const owningExport = (o: KubeObject): string | undefined => {
      const owner = o.metadata.ownerReferences?.find((r) => r.kind === 'VirtualMachineExport');
      return owner ? keyOf(o.metadata.namespace, owner.name) : undefined;
    };
    this.controller.watch(this.services, owningExport);
    this.controller.watch(this.pods, (p) => {
      const name = p.metadata.labels?.[LABELS.exportService];
      return name ? keyOf(p.metadata.namespace, name) : this.allIn(p.metadata.namespace);
    });
    const all = (o: KubeObject): string[] => this.allIn(o.metadata.namespace);
    this.controller.watch(this.vms, all);
    this.controller.watch(this.vmis, all);
    this.controller.watch(this.pvcs, all);
    this.controller.watch(this.dvs, all);
    this.controller.watch(this.snapshots, all);
  }

  /** Drops first-seen times of exports that are gone. */
  private forget(): void {
    const live = new Set(this.exports.list().map((e) => e.metadata.uid));
    for (const uid of this.firstSeen.keys()) if (!live.has(uid)) this.firstSeen.delete(uid);
  }

  private allIn(namespace: string | undefined): string[] {
    return this.exports
      .list(namespace)
      .map((e) => keyOf(e.metadata.namespace, e.metadata.name ?? ''));
  }

  synced(): Promise<unknown> {
    return Promise.all(
      [
        this.exports,
        this.vms,
        this.vmis,
        this.pvcs,
        this.dvs,
        this.pods,
        this.services,
        this.secrets,
        this.nodes,
        this.snapshots,
        this.contents,
        this.volumeSnapshots,
      ].map((i) => i.synced),
    );
  }

  stop(): void {
    this.controller.stop();
  }

  /** The export CA bundle the links carry (one per controller run, like KubeVirt's export CA). */
  private cert(): Promise<string> {
    this.caCert ??= generate([{ name: 'commonName', value: 'export.kubevirt.io@local-cluster' }], {
      keyType: 'ec',
      curve: 'P-256',
      notBeforeDate: new Date(Date.now() - 60_000),
      notAfterDate: new Date(Date.now() + 7 * 86_400_000),
      extensions: [{ name: 'basicConstraints', cA: true, critical: true }],
    }).then((p) => p.cert.trim());
    return this.caCert;
  }

  private async reconcile(key: string): Promise<ReconcileResult | undefined> {
    const { namespace, name } = splitKey(key);
    const vmExport = this.exports.get(namespace, name);
    if (!vmExport || vmExport.metadata.deletionTimestamp) {
      if (!vmExport) this.forget();
      return undefined;
    }
    const ns = namespace ?? '';
    const expiry = exportExpiry(vmExport);
    const ttlLeft = this.scaledTtlLeft(vmExport, expiry);
    if (ttlLeft <= 0) {
      // The TTL passed: the export removes itself (its service, secret and pod go with it).
      await this.client.delete(VM_EXPORT, ns, name);
      return undefined;
    }
    const serviceName = await this.ensureService(vmExport);
    const now = nowIso();
    const status: Status = structuredClone(
      vmExport.status ?? {
        phase: 'Pending',
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'Initializing',
            message: '',
            lastProbeTime: null,
            lastTransitionTime: now,
          },
          {
            type: 'PVCReady',
            status: 'False',
            reason: 'Unknown',
            message: '',
            lastProbeTime: null,
            lastTransitionTime: now,
          },
        ],
        ttlExpirationTime: new Date(expiry).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
    );
    const kind = exportSourceKind(vmExport);
    if (!kind) return undefined;
    const source = await this.sourceVolumes(vmExport, kind);
    if (source.vmName) status.virtualMachineName = source.vmName;

    // The token every link needs: the user's secret, or one made for this export.
    if (vmExport.spec.tokenSecretRef) status.tokenSecretRef = vmExport.spec.tokenSecretRef;
    else if (source.available && source.volumes.length) {
      status.tokenSecretRef ??= defaultTokenSecretName(name);
      await this.ensureTokenSecret(vmExport, status.tokenSecretRef);
    }

    let pod = this.pods.get(ns, exporterPodName(name));
    if (!pod && source.available && source.volumes.length) {
      pod = await this.createExporterPod(vmExport, source, status.tokenSecretRef ?? '');
    } else if (pod && !source.available) {
      this.events.record(vmExport, 'Warning', 'ExportPaused', source.message);
      await this.client.delete(POD, ns, pod.metadata.name ?? '');
      pod = undefined;
    }
    let requeue: number | undefined;
    if (pod && pod.status?.phase !== 'Running') requeue = await this.startExporter(pod);
    if (pod?.status?.phase === 'Succeeded' || pod?.status?.phase === 'Failed') {
      this.events.record(
        vmExport,
        'Warning',
        'ExporterPodFailedOrCompleted',
        `Exporter pod ${ns}/${pod.metadata.name ?? ''} is in phase ${pod.status.phase}`,
      );
      await this.client.delete(POD, ns, pod.metadata.name ?? '');
      pod = undefined;
    }

    const set = (c: Omit<Condition, 'lastTransitionTime'>): void => {
      status.conditions = updateCondition(status.conditions, { message: '', ...c }, now, true);
    };
    status.serviceName = serviceName;
    const ready =
      pod?.status?.phase === 'Running' &&
      findCondition(pod.status.conditions, 'Ready')?.status === 'True';
    if (!pod) {
      set({ type: 'Ready', status: 'False', reason: source.reason, message: source.message });
      status.phase = source.skipped ? 'Skipped' : 'Pending';
      status.links = null;
    } else if (ready) {
      set({ type: 'Ready', status: 'True', reason: 'PodReady', message: '' });
      status.phase = 'Ready';
      status.links = exportLinks({
        vmExport,
        serviceName,
        volumes: source.volumes,
        hasManifests: source.hasManifests,
        cert: await this.cert(),
      });
    } else {
      set({ type: 'Ready', status: 'False', reason: 'PodPending', message: '' });
      status.phase = 'Pending';
      status.links = null;
    }
    if (source.volumes.length) {
      const phases = source.volumes.map((v) => v.pvc.status?.phase);
      const bound = phases.every((p) => p === 'Bound');
      const pending = phases.some((p) => !p || p === 'Pending');
      set({
        type: 'PVCReady',
        status: bound ? 'True' : 'False',
        reason: bound ? 'PVCBound' : pending ? 'PVCPending' : 'Unknown',
        message: '',
      });
    }
    if (!sameJson(status, vmExport.status)) {
      await this.client
        .patch(
          VM_EXPORT,
          ns,
          name,
          { status, metadata: { resourceVersion: vmExport.metadata.resourceVersion } },
          { type: 'merge', subresource: 'status' },
        )
        .catch(ignoreNotFound);
    }
    const again = Math.min(
      ttlLeft + 1,
      requeue ?? Infinity,
      source.available ? Infinity : this.runtime.timing.ms(REQUEUE_MS),
    );
    return Number.isFinite(again) ? { requeueAfterMs: again } : undefined;
  }

  /** Real ms until the TTL, with the TTL scaled like every simulated duration. */
  private scaledTtlLeft(vmExport: VmExport, expiry: number): number {
    const parsed = Date.parse(vmExport.metadata.creationTimestamp ?? '');
    const created = Number.isNaN(parsed) ? Date.now() : parsed;
    const uid = vmExport.metadata.uid ?? '';
    let start = this.firstSeen.get(uid);
    if (start === undefined) {
      // Seen within a second of its creation: count from now rather than the truncated stamp.
      start = Date.now() - created < 1000 ? Date.now() : created;
      this.firstSeen.set(uid, start);
    }
    return start + this.runtime.timing.ms(expiry - created) - Date.now();
  }

  private ownerRef(
    vmExport: VmExport,
  ): NonNullable<KubeObject['metadata']['ownerReferences']>[number] {
    return {
      apiVersion: VM_EXPORT.apiVersion,
      kind: VM_EXPORT.kind,
      name: vmExport.metadata.name ?? '',
      uid: vmExport.metadata.uid ?? '',
      controller: true,
      blockOwnerDeletion: true,
    };
  }

  private async ensureService(vmExport: VmExport): Promise<string> {
    const name = exportServiceName(vmExport.metadata.name ?? '');
    const ns = vmExport.metadata.namespace ?? '';
    if (this.services.get(ns, name)) return name;
    try {
      await this.client.create(SERVICE, ns, {
        metadata: {
          name,
          namespace: ns,
          labels: { [LABELS.app]: 'virt-exporter' },
          ownerReferences: [this.ownerRef(vmExport)],
        },
        spec: {
          ports: [{ name: 'export', protocol: 'TCP', port: 443, targetPort: 8443 }],
          selector: { [LABELS.exportService]: vmExport.metadata.name ?? '' },
          type: 'ClusterIP',
        },
      });
      this.events.record(vmExport, 'Normal', 'ServiceCreated', `Created service ${ns}/${name}`);
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    return name;
  }

  private async ensureTokenSecret(vmExport: VmExport, name: string): Promise<void> {
    const ns = vmExport.metadata.namespace ?? '';
    if (this.secrets.get(ns, name)) return;
    const token = randomBytes(15).toString('base64url').slice(0, 20);
    try {
      await this.client.create(SECRET, ns, {
        metadata: { name, namespace: ns, ownerReferences: [this.ownerRef(vmExport)] },
        type: 'Opaque',
        data: { token: Buffer.from(token).toString('base64') },
      });
      this.events.record(
        vmExport,
        'Normal',
        'SecretCreated',
        `Created default secret ${ns}/${name}`,
      );
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }

  private isKubevirtContent(pvc: Pvc): boolean {
    if (pvc.spec.volumeMode === 'Block') return true;
    const ct = pvc.metadata.annotations?.[ANNOTATIONS.contentType];
    if (ct !== undefined) return ct === 'kubevirt' || ct === '';
    const owner = pvc.metadata.ownerReferences?.find(
      (o) => o.kind === 'DataVolume' && o.controller,
    );
    if (!owner) return false;
    const dv = this.dvs.get(pvc.metadata.namespace, owner.name);
    const contentType = (dv?.spec as { contentType?: string } | undefined)?.contentType;
    return !!dv && (!contentType || contentType === 'kubevirt');
  }

  /** Whether a pod other than an exporter mounts the claim. */
  private pvcInUse(pvc: Pvc): boolean {
    return this.pods
      .list(pvc.metadata.namespace)
      .some(
        (p) =>
          !p.metadata.labels?.[LABELS.exportService] &&
          p.status?.phase !== 'Succeeded' &&
          p.status?.phase !== 'Failed' &&
          (p.spec.volumes ?? []).some(
            (v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name,
          ),
      );
  }

  private async sourceVolumes(vmExport: VmExport, kind: ExportSourceKind): Promise<SourceVolumes> {
    const ns = vmExport.metadata.namespace ?? '';
    const sourceName = vmExport.spec.source.name;
    const toVolume = (pvc: Pvc, name = pvc.metadata.name ?? ''): ExportVolume => ({
      pvc,
      name,
      kubevirtContent: this.isKubevirtContent(pvc),
    });
    if (kind === 'PersistentVolumeClaim') {
      const pvc = this.pvcs.get(ns, sourceName);
      if (!pvc) {
        return {
          volumes: [],
          available: false,
          reason: 'PVCNotFound',
          message: `pvc ${ns}/${sourceName} not found`,
          hasManifests: false,
        };
      }
      const populated = isPvcPopulated(pvc, this.dvs.list(ns));
      const inUse = this.pvcInUse(pvc);
      return {
        volumes: [toVolume(pvc)],
        available: populated && !inUse,
        reason: inUse ? 'InUse' : 'Initializing',
        message: inUse ? `pvc ${ns}/${sourceName} is in use` : '',
        hasManifests: false,
      };
    }
    if (kind === 'VirtualMachine') {
      const vm = this.vms.get(ns, sourceName);
      if (!vm) {
        return {
          volumes: [],
          available: false,
          reason: 'VMNotFound',
          message: `Virtual Machine ${ns}/${sourceName} not found`,
          hasManifests: true,
          vmName: sourceName,
        };
      }
      const pvcs = vmVolumeClaims(vm)
        .map((c) => this.pvcs.get(ns, c.claimName))
        .filter((p): p is Pvc => !!p);
      const dvs = this.dvs.list(ns);
      const populated =
        pvcs.length === vmVolumeClaims(vm).length && pvcs.every((p) => isPvcPopulated(p, dvs));
      const vmi = this.vmis.get(ns, sourceName);
      const running = !!vmi && vmi.status?.phase !== 'Succeeded' && vmi.status?.phase !== 'Failed';
      if (!pvcs.length) {
        return {
          volumes: [],
          available: false,
          skipped: true,
          reason: 'VMNoVolumes',
          message: `Virtual Machine ${ns}/${sourceName} has no volumes`,
          hasManifests: true,
          vmName: sourceName,
        };
      }
      return {
        volumes: pvcs.map((p) => toVolume(p)),
        available: populated && !running,
        reason: !populated ? 'VolumesNotPopulated' : running ? 'InUse' : 'Initializing',
        message: !populated
          ? `Not all volumes in the Virtual Machine ${ns}/${sourceName} are populated`
          : running
            ? `Virtual Machine ${ns}/${sourceName} is running`
            : '',
        hasManifests: true,
        vmName: sourceName,
      };
    }
    // A VM snapshot: its volume snapshots are restored to `<export>-<pvc>` claims and served.
    const snapshot = this.snapshots.get(ns, sourceName);
    if (!snapshot) {
      return {
        volumes: [],
        available: false,
        reason: 'VMSnapshotNotFound',
        message: `VirtualMachineSnapshot ${ns}/${sourceName} not found`,
        hasManifests: true,
      };
    }
    const vmName = snapshot.spec.source.name;
    const content = this.contents.get(ns, snapshot.status?.virtualMachineSnapshotContentName ?? '');
    if (!snapshot.status?.readyToUse || !content) {
      return {
        volumes: [],
        available: false,
        reason: 'NotAllPVCsCreated',
        message: `VirtualMachineSnapshot ${ns}/${sourceName} does not contain any volume snapshots`,
        hasManifests: true,
        vmName,
      };
    }
    const volumes: ExportVolume[] = [];
    for (const backup of content.spec.volumeBackups ?? []) {
      const claim = `${vmExport.metadata.name ?? ''}-${backup.persistentVolumeClaim.metadata.name ?? ''}`;
      let pvc = this.pvcs.get(ns, claim);
      const vs = this.volumeSnapshots.get(ns, backup.volumeSnapshotName ?? '');
      if (!pvc && vs) {
        const manifest = restorePvcManifest({
          restore: {
            metadata: { name: '', namespace: ns },
            spec: {
              target: { kind: 'VirtualMachine', name: vmName },
              virtualMachineSnapshotName: sourceName,
            },
          },
          pvcName: claim,
          backup,
          volumeSnapshot: vs,
          sourceVm: { name: vmName, namespace: ns },
        });
        delete manifest.metadata.annotations?.[ANNOTATIONS.restoreName];
        delete manifest.metadata.annotations?.[ANNOTATIONS.lastRestore];
        manifest.metadata.annotations = {
          ...manifest.metadata.annotations,
          [ANNOTATIONS.contentType]: 'kubevirt',
        };
        manifest.metadata.ownerReferences = [this.ownerRef(vmExport)];
        try {
          pvc = await this.client.create<Pvc>(PVC, ns, manifest);
        } catch (err) {
          if (!isAlreadyExists(err)) throw err;
        }
      }
      if (pvc) volumes.push(toVolume(pvc, backup.persistentVolumeClaim.metadata.name ?? ''));
    }
    if (!volumes.length) {
      return {
        volumes,
        available: false,
        skipped: true,
        reason: 'NoVolumeSnapshot',
        message: `VirtualMachineSnapshot ${ns}/${sourceName} does not contain any volume snapshots`,
        hasManifests: true,
        vmName,
      };
    }
    return {
      volumes,
      available: true,
      reason: 'Initializing',
      message: '',
      hasManifests: true,
      vmName,
    };
  }

  private pickNode(): string | undefined {
    return this.nodes
      .list()
      .filter(
        (n) =>
          n.metadata.labels?.['node-role.kubernetes.io/worker'] !== undefined &&
          !n.spec?.unschedulable,
      )
      .map((n) => n.metadata.name ?? '')
      .sort()[0];
  }

  private async createExporterPod(
    vmExport: VmExport,
    source: SourceVolumes,
    tokenSecret: string,
  ): Promise<Pod | undefined> {
    const ns = vmExport.metadata.namespace ?? '';
    const name = exporterPodName(vmExport.metadata.name ?? '');
    const env: { name: string; value: string }[] = [];
    const volumes: Record<string, unknown>[] = [];
    const mounts: Record<string, unknown>[] = [];
    source.volumes.forEach((v, i) => {
      const claim = v.pvc.metadata.name ?? '';
      const volName = claim.replaceAll('.', '-');
      const mount = `${v.pvc.spec.volumeMode === 'Block' ? '/dev/export-volumes' : '/export-volumes'}/${volName}`;
      volumes.push({ name: volName, persistentVolumeClaim: { claimName: claim } });
      mounts.push({ name: volName, mountPath: mount, readOnly: true });
      env.push({ name: `VOLUME${i}_EXPORT_PATH`, value: mount });
    });
    if (source.hasManifests) {
      env.push(
        { name: 'EXPORT_VM_DEF_URI', value: '/manifests/all' },
        { name: 'EXPORT_SECRET_DEF_URI', value: '/manifests/secret' },
      );
    }
    env.push({ name: 'TOKEN_FILE', value: '/token/token' });
    try {
      const pod = await this.client.create<Pod>(POD, ns, {
        metadata: {
          name,
          namespace: ns,
          labels: {
            [LABELS.exportService]: vmExport.metadata.name ?? '',
            [LABELS.app]: 'virt-exporter',
          },
          ownerReferences: [this.ownerRef(vmExport)],
        },
        spec: {
          nodeName: this.pickNode(),
          restartPolicy: 'Never',
          containers: [
            {
              name: 'exporter',
              image: EXPORTER_IMAGE,
              env,
              ports: [{ containerPort: 8443, name: 'export', protocol: 'TCP' }],
              volumeMounts: [...mounts, { name: 'token', mountPath: '/token' }],
            },
          ],
          volumes: [...volumes, { name: 'token', secret: { secretName: tokenSecret } }],
        },
      });
      this.podCreatedAt.set(pod.metadata.uid ?? '', Date.now());
      this.events.record(
        vmExport,
        'Normal',
        'ExporterPodCreated',
        `Created exporter pod ${ns}/${name}`,
      );
      return pod;
    } catch (err) {
      if (isAlreadyExists(err)) return this.pods.get(ns, name);
      throw err;
    }
  }

  /** Plays the kubelet for the exporter pod: running and ready after the start delay. */
  private async startExporter(pod: Pod): Promise<number | undefined> {
    if (pod.status?.phase && pod.status.phase !== 'Pending') return undefined;
    const parsed = Date.parse(pod.metadata.creationTimestamp ?? '');
    const created =
      this.podCreatedAt.get(pod.metadata.uid ?? '') ?? (Number.isNaN(parsed) ? Date.now() : parsed);
    const wait = created + this.runtime.timing.ms(EXPORTER_START_MS) - Date.now();
    if (wait > 0) return wait;
    const now = nowIso();
    await this.kubelet
      .patchStatus(POD, pod.metadata.namespace, pod.metadata.name ?? '', {
        phase: 'Running',
        startTime: now,
        conditions: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({
          type,
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: now,
        })),
        containerStatuses: [
          {
            name: 'exporter',
            image: EXPORTER_IMAGE,
            imageID: EXPORTER_IMAGE,
            ready: true,
            started: true,
            restartCount: 0,
            state: { running: { startedAt: now } },
          },
        ],
      })
      .catch(ignoreNotFound);
    this.podCreatedAt.delete(pod.metadata.uid ?? '');
    return undefined;
  }
}

const ignoreNotFound = (err: unknown): void => {
  if (!isNotFound(err)) throw err;
};

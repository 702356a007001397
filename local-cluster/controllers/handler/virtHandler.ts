import type { KubeObject } from '../../apiserver/core/types';
import { parseQuantity } from '../../apiserver/validation/quantity';
import { closeConsoleSessions } from '../../guests/consoleSession';
import type { Guest, GuestExitReason, GuestSpec } from '../../guests/guestTypes';
import { ApiError } from '../runtime/apiClient';
import { Controller } from '../runtime/controller';
import type { Informer } from '../runtime/informer';
import { keyOf, NODE, POD, PVC, SECRET, splitKey, VMI } from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import { simulatedGuestBehaviour } from '../runtime/simulation';
import type { CloudInitLogin } from './cloudInit';
import { parseCloudInit, userDataSourceOf } from './cloudInit';
import type { AgentFacts } from './guestAgentData';
import { guardedPatch, isFailedTest } from './guardedPatch';
import type { GuestRecord } from './guestRecord';
import { disposeRecord, later, newGuestRecord } from './guestRecord';
import { guestSpecOf } from './guestSpec';
import type { Vmi } from './kubevirtObjects';
import { isFinal, phaseOf, vmiUid } from './kubevirtObjects';
import { NodeApiError } from './nodeApi';
import type { VmiRef } from './nodeApi';
import { podInterfacesOf } from '../network/multusNetworks';
import { podIpIn } from './podNetwork';
import { finalStatus, runningStatus } from './vmiStatus';

/** The part of the guests layer's GuestManager virt-handler uses. */
export interface GuestHost {
  start(spec: GuestSpec): Promise<Guest>;
}

type Pod = KubeObject & {
  spec?: { nodeName?: string };
  status?: { phase?: string; podIP?: string };
};
type Node = KubeObject & { spec?: { podCIDR?: string } };
type Pvc = KubeObject & {
  spec?: { resources?: { requests?: { storage?: string } } };
  status?: { capacity?: { storage?: string } };
};
type Secret = KubeObject & { data?: Record<string, string> };

/** Simulated durations (scaled by the runtime's time scale). */
const SIMULATED_MS = {
  /** The guest agent connects this long after the login prompt appears. */
  agentConnect: 2000,
  /** A guest powers off this long after the ACPI shutdown (never longer than its grace period). */
  gracefulShutdown: 2000,
  /** A `crash` simulation dies this long after boot. */
  crashAfterBoot: 1500,
};

/** KubeVirt's default `terminationGracePeriodSeconds`. */
const DEFAULT_GRACE_SECONDS = 30;
const DEFAULT_ROOT_DISK_BYTES = 30 * 2 ** 30;
const CREATED_BY = 'kubevirt.io/created-by';

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * virt-handler: runs the guest of every VMI placed on a node (all nodes of the local cluster are
 * served by this one process) and reports it in the VMI's status. It takes a VMI from Scheduled
 * to Running, connects the guest agent after boot, shuts the guest down gracefully when the VMI
 * is deleted and marks it Succeeded (or Failed when the guest crashed or its pod went away).
 */
export class VirtHandler {
  /** Guests by VMI uid. */
  readonly records = new Map<string, GuestRecord>();
  /** The guest last started for each VMI key (a VMI re-created under the same name has a new uid). */
  private readonly byKey = new Map<string, GuestRecord>();
  private readonly client;
  private readonly events;
  private readonly vmis: Informer<Vmi>;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly controller: Controller;
  private stopped = false;

  constructor(
    private readonly runtime: ControllerRuntime,
    private readonly guests: GuestHost,
  ) {
    this.client = runtime.clientFor('virt-handler');
    this.events = runtime.eventsFor('virt-handler');
    this.vmis = runtime.informers.for<Vmi>(VMI);
    this.pods = runtime.informers.for<Pod>(POD);
    this.nodes = runtime.informers.for<Node>(NODE);
    this.controller = new Controller('virt-handler', (key) => this.reconcile(key), {
      log: (m) => runtime.log(m),
    })
      .watch(this.vmis)
      .watch(this.pods, (pod) => {
        const uid = pod.metadata.labels?.[CREATED_BY];
        return uid ? this.records.get(uid)?.key : undefined;
      });
    // The informers may be shared and already synced: their past ADDED events are gone, so a
    // (re)started virt-handler looks at every VMI once.
    void this.vmis.synced.then(() => {
      for (const vmi of this.vmis.list()) {
        this.controller.enqueue(keyOf(vmi.metadata.namespace, vmi.metadata.name ?? ''));
      }
    });
  }

  stop(): void {
    this.stopped = true;
    this.controller.stop();
    for (const record of this.records.values()) disposeRecord(record);
  }

  private ms(simulated: number): number {
    return this.runtime.timing.ms(simulated);
  }

  private enqueue(record: GuestRecord): void {
    if (!this.stopped) this.controller.enqueue(record.key);
  }

  private async reconcile(key: string): Promise<void> {
    if (this.stopped) return;
    const { namespace, name } = splitKey(key);
    const vmi = this.vmis.get(namespace, name);
    // A VMI deleted, or replaced by a new one of the same name: its guest has no reason to run.
    const previous = this.byKey.get(key);
    if (previous && previous.uid !== vmi?.metadata.uid) await this.forget(previous, true);
    if (!vmi) return;
    const record = this.records.get(vmiUid(vmi));
    if (isFinal(vmi)) {
      if (record) await this.forget(record, true);
      return;
    }
    const phase = phaseOf(vmi);
    if ((phase !== 'Scheduled' && phase !== 'Running') || !vmi.status?.nodeName) return;
    if (record?.exit) {
      await this.finish(vmi, record.exit.phase, record);
      return;
    }
    if (vmi.metadata.deletionTimestamp) {
      if (!record) await this.finish(vmi, 'Succeeded');
      else if (record.guest && !record.shuttingDown) this.beginShutdown(vmi, record);
      // A force stop (grace period cut to 0) during a graceful one kills the guest now.
      else if (record.guest && !record.killedNow && vmi.spec.terminationGracePeriodSeconds === 0) {
        record.killedNow = true;
        void record.guest.stop().catch((err: unknown) => this.runtime.log(errorText(err)));
      }
      return;
    }
    const current = record ?? (await this.startGuest(vmi));
    if (!current.guest || current.killed) return;
    if (this.launcherPodGone(vmi, current)) {
      this.kill(current, 'podGone');
      return;
    }
    await this.writeRunningStatus(vmi, current);
  }

  /** Starts the guest; a VMI found Running without one is a node that rebooted: a fresh boot. */
  private async startGuest(vmi: Vmi): Promise<GuestRecord> {
    const uid = vmiUid(vmi);
    const key = keyOf(vmi.metadata.namespace, vmi.metadata.name ?? '');
    const simulation = simulatedGuestBehaviour(vmi.metadata.annotations);
    const spec = {
      ...guestSpecOf(vmi, await this.loginOf(vmi)),
      builtinOnly: simulation === 'crash',
    };
    const record = newGuestRecord(uid, key, spec, simulation);
    this.records.set(uid, record);
    this.byKey.set(key, record);
    let guest: Guest;
    try {
      guest = await this.guests.start(spec);
    } catch (err) {
      this.records.delete(uid);
      if (this.byKey.get(key) === record) this.byKey.delete(key);
      this.events.record(vmi, 'Warning', 'SyncFailed', errorText(err));
      throw err;
    }
    if (this.stopped || this.records.get(uid) !== record) return record;
    record.guest = guest;
    record.unsubscribe.push(
      guest.onBooted(() => this.onBooted(record)),
      guest.onExit((reason) => this.onExit(record, reason)),
    );
    if (phaseOf(vmi) === 'Scheduled') {
      this.events.record(vmi, 'Normal', 'Created', 'VirtualMachineInstance defined.');
      if (vmi.spec.startStrategy === 'Paused') {
        await guest.pause();
        record.paused = 'PausedStartStrategy';
      }
    }
    return record;
  }

  private onBooted(record: GuestRecord): void {
    if (this.stopped || record.exit) return;
    record.bootedAtMs = Date.now();
    if (record.simulation === 'crash') {
      later(record, this.ms(SIMULATED_MS.crashAfterBoot), () => this.kill(record, 'crash'));
    } else if (record.simulation !== 'no-agent') {
      later(record, this.ms(SIMULATED_MS.agentConnect), () => {
        if (!record.guest?.booted) return;
        record.agentConnected = true;
        this.enqueue(record);
      });
    }
  }

  private onExit(record: GuestRecord, reason: GuestExitReason): void {
    disposeRecord(record);
    record.agentConnected = false;
    if (this.stopped) return;
    const failed =
      !record.shuttingDown && (record.killed !== undefined || reason.startsWith('crashed'));
    record.exit = { phase: failed ? 'Failed' : 'Succeeded' };
    this.enqueue(record);
  }

  /** Ends the guest without a shutdown: a crash, or the launcher pod being killed. */
  private kill(record: GuestRecord, why: 'crash' | 'podGone'): void {
    if (record.killed || record.exit) return;
    record.killed = why;
    void record.guest?.stop().catch((err: unknown) => this.runtime.log(errorText(err)));
  }

  /** Graceful shutdown: ACPI power button, then off within the grace period. */
  private beginShutdown(vmi: Vmi, record: GuestRecord): void {
    record.shuttingDown = true;
    this.events.record(vmi, 'Normal', 'ShuttingDown', 'Signaled Graceful Shutdown');
    // virt-handler's grace is the VMI's own (a force stop patches it to 0); the VMI object's
    // deletionGracePeriodSeconds is 0 for any custom resource with finalizers and says nothing.
    const grace = vmi.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    const graceMs = Math.max(0, grace) * 1000;
    const delay =
      record.simulation === 'ignore-shutdown'
        ? graceMs
        : Math.min(graceMs, SIMULATED_MS.gracefulShutdown);
    const stop = () =>
      void record.guest?.stop().catch((err: unknown) => this.runtime.log(errorText(err)));
    if (delay === 0) stop();
    else later(record, this.ms(delay), stop);
  }

  /** Writes the final phase, records why, and forgets the guest. */
  private async finish(
    vmi: Vmi,
    phase: 'Succeeded' | 'Failed',
    record?: GuestRecord,
  ): Promise<void> {
    await this.patchStatus(vmi, finalStatus(vmi, phase, this.runtime.timing.nowIso()));
    if (phase === 'Succeeded') {
      this.events.record(vmi, 'Normal', 'Stopped', 'The VirtualMachineInstance was shut down.');
    } else {
      this.events.record(vmi, 'Warning', 'Stopped', 'The VirtualMachineInstance crashed.');
    }
    if (record) await this.forget(record, false);
  }

  private async forget(record: GuestRecord, stopGuest: boolean): Promise<void> {
    disposeRecord(record);
    if (this.records.get(record.uid) === record) this.records.delete(record.uid);
    if (this.byKey.get(record.key) === record) this.byKey.delete(record.key);
    closeConsoleSessions(`${record.uid}/`);
    if (stopGuest && record.guest && !record.guest.exited) await record.guest.stop();
  }

  private launcherPods(vmi: Vmi): Pod[] {
    return this.pods
      .list(vmi.metadata.namespace)
      .filter((p) => p.metadata.labels?.[CREATED_BY] === vmi.metadata.uid);
  }

  /** The launcher pod that hosts the guest now (on the VMI's node, not terminating). */
  private activePod(vmi: Vmi): Pod | undefined {
    return this.launcherPods(vmi).find(
      (p) =>
        !p.metadata.deletionTimestamp &&
        (!p.spec?.nodeName || p.spec.nodeName === vmi.status?.nodeName) &&
        p.status?.phase !== 'Succeeded' &&
        p.status?.phase !== 'Failed',
    );
  }

  /**
   * A guest lives in its virt-launcher pod: when that pod is deleted (a force restart) the guest
   * dies with it. Only a pod seen before counts, and never during a migration (the source pod
   * goes away by design).
   */
  private launcherPodGone(vmi: Vmi, record: GuestRecord): boolean {
    if (this.launcherPods(vmi).length) record.sawLauncherPod = true;
    if (!record.sawLauncherPod) return false;
    const migration = vmi.status?.migrationState;
    if (migration && !migration.completed) return false;
    return this.activePod(vmi) === undefined;
  }

  /** The pod's IP, or one from the node's pod CIDR when the kubelet has not reported it. */
  private podIpOf(vmi: Vmi): string {
    const fromPod = this.activePod(vmi)?.status?.podIP;
    if (fromPod) return fromPod;
    const cidr = this.nodes.get(undefined, vmi.status?.nodeName ?? '')?.spec?.podCIDR;
    return podIpIn(cidr ?? '10.128.0.0/14', vmiUid(vmi));
  }

  private async writeRunningStatus(vmi: Vmi, record: GuestRecord): Promise<void> {
    const pod = this.activePod(vmi);
    const desired = runningStatus(
      vmi,
      {
        osName: record.spec.osName,
        agentConnected: record.agentConnected,
        paused: record.paused,
      },
      this.podIpOf(vmi),
      this.runtime.timing.nowIso(),
      pod && podInterfacesOf(pod),
    );
    const wasRunning = phaseOf(vmi) === 'Running';
    const changed = await this.patchStatus(vmi, desired);
    if (changed && !wasRunning) {
      this.events.record(vmi, 'Normal', 'Started', 'VirtualMachineInstance started.');
    } else if (wasRunning && !record.announced) {
      // The VMI was already Running: its guest came back after a node (local cluster) restart.
      this.events.record(vmi, 'Normal', 'Started', 'VirtualMachineInstance started.');
    }
    record.announced = true;
  }

  /**
   * Writes the status fields that differ, each replaced whole and tested against the value read
   * (a concurrent change of one of them makes it a conflict, and the work queue retries).
   * Returns whether it wrote.
   */
  private async patchStatus(vmi: Vmi, fields: Record<string, unknown>): Promise<boolean> {
    const status = (vmi.status ?? {}) as Record<string, unknown>;
    const ops = guardedPatch(
      vmi,
      Object.entries(fields).map(([k, value]) => ({
        path: `/status/${k}`,
        value,
        current: status[k],
      })),
    );
    if (!ops.length) return false;
    try {
      await this.client.patch(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', ops, {
        subresource: 'status',
      });
    } catch (err) {
      // A field changed since the informer's copy: retry soon, as for any conflict.
      if (isFailedTest(err)) throw new ApiError(409, { ...err.status, reason: 'Conflict' });
      throw err;
    }
    return true;
  }

  /** Who can log in, from the cloud-init user data (inline or in a Secret). */
  private async loginOf(vmi: Vmi): Promise<CloudInitLogin> {
    const source = userDataSourceOf(vmi);
    if (!source) return {};
    if ('inline' in source) return parseCloudInit(source.inline);
    try {
      const secret = await this.client.find<Secret>(
        SECRET,
        vmi.metadata.namespace,
        source.secretName,
      );
      const data = secret?.data?.userdata ?? secret?.data?.userData;
      return data ? parseCloudInit(Buffer.from(data, 'base64').toString()) : {};
    } catch {
      return {};
    }
  }

  // ---- the node API virt-api calls -------------------------------------------------------------

  /** The record of a VMI whose guest is up, or the error virt-api turns into a 500. */
  live(ref: VmiRef): GuestRecord & { guest: Guest } {
    const record = this.records.get(ref.uid);
    if (!record?.guest || record.exit || record.guest.exited) {
      throw new NodeApiError(`the guest of VMI ${ref.namespace}/${ref.name} is not running`);
    }
    return record as GuestRecord & { guest: Guest };
  }

  /** Re-reads the guest's state into the VMI status soon. */
  touch(record: GuestRecord): void {
    this.enqueue(record);
  }

  /** What the agent knows, for guestosinfo, userlist and filesystemlist. */
  async agentFacts(ref: VmiRef): Promise<AgentFacts> {
    const record = this.live(ref);
    if (!record.agentConnected) throw new NodeApiError('Guest agent is not connected');
    return {
      spec: record.spec,
      bootedAtMs: record.bootedAtMs ?? Date.now(),
      frozen: record.frozen,
      rootDiskBytes: await this.rootDiskBytes(ref),
    };
  }

  /** The capacity of the VMI's first disk's claim (30 GiB when it cannot be told). */
  private async rootDiskBytes(ref: VmiRef): Promise<number> {
    const vmi = this.vmis.get(ref.namespace, ref.name);
    const firstDisk = vmi?.spec.domain.devices.disks?.[0]?.name;
    const volume = vmi?.spec.volumes?.find((v) => v.name === firstDisk);
    const claim = volume?.dataVolume?.name ?? volume?.persistentVolumeClaim?.claimName;
    if (!claim) return volume?.containerDisk ? 10 * 2 ** 30 : DEFAULT_ROOT_DISK_BYTES;
    try {
      const pvc = await this.client.find<Pvc>(PVC, ref.namespace, claim);
      const size = pvc?.status?.capacity?.storage ?? pvc?.spec?.resources?.requests?.storage;
      return size ? parseQuantity(size) : DEFAULT_ROOT_DISK_BYTES;
    } catch {
      return DEFAULT_ROOT_DISK_BYTES;
    }
  }
}

import { isAlreadyExists } from '../runtime/apiClient';
import type { ApiClient, JsonPatchOp } from '../runtime/apiClient';
import { Controller } from '../runtime/controller';
import type { ReconcileResult } from '../runtime/controller';
import type { EventRecorder } from '../runtime/eventRecorder';
import { CONTROLLER_REVISION, DV, VM, VMI, keyOf, splitKey } from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import { dataVolumeFromTemplate } from './dataVolumeTemplates';
import { sameJson } from './equality';
import {
  buildRevision,
  findInstancetype,
  findPreference,
  ownerReferenceTo,
  statusRefFor,
} from './instancetypeSource';
import type { Found } from './instancetypeSource';
import {
  ANNOTATION_LATEST_API,
  ANNOTATION_STORAGE_API,
  ANNOTATION_VM_GENERATION,
  REASON,
  VM_CONTROLLER_FINALIZER,
} from './kubevirtNames';
import { planNicSync } from './nicHotplug';
import { planTemplateChange } from './restartRequired';
import { decideRun, isFinal } from './runStrategy';
import type { VirtualMachine, VirtualMachineInstance, VirtualMachineStatus } from './types';
import type { VirtInformers } from './virtInformers';
import { buildVmi } from './vmiBuilder';
import { nextVmStatus } from './vmStatus';
import { unlessStale } from './staleWrites';
import type { Failure } from './vmTemplate';
import { expandedTemplate, pinnedSpec, startRevisionName } from './vmTemplate';

/**
 * KubeVirt's VirtualMachine controller: creates the VM's DataVolumes, stores its instance type
 * and preference revisions, starts and stops its VMI as the run strategy and start/stop requests
 * say (with crash-loop backoff), applies live-updatable template edits to the running VMI, and
 * writes the VM status (printableStatus, conditions, RestartRequired, snapshot support…) once per
 * change. Everything is read from informers; only writes go to the API server.
 */

const DV_READY_PHASES = ['Succeeded', 'WaitForFirstConsumer', 'PendingPopulation'];

class VmReconciler {
  private readonly client: ApiClient;
  private readonly events: EventRecorder;
  /** DataVolumes already reported failed, so the warning is not repeated on every pass. */
  private readonly reportedFailedDvs = new Set<string>();

  constructor(
    private readonly runtime: ControllerRuntime,
    private readonly inf: VirtInformers,
  ) {
    this.client = runtime.client;
    this.events = runtime.eventsFor('virtualmachine-controller');
  }

  async reconcile(key: string): Promise<ReconcileResult | undefined> {
    await this.inf.synced;
    const { namespace, name } = splitKey(key);
    let vm = this.inf.vms.get(namespace, name);
    if (!vm) return;
    let vmi: VirtualMachineInstance | undefined = this.inf.vmis.get(namespace, name);
    const owner = vmi?.metadata.ownerReferences?.find((o) => o.controller);
    if (vmi && owner && owner.uid !== vm.metadata.uid) vmi = undefined;
    let failure: Failure | undefined;
    let stopExpected = false;
    let restartRequired: string | undefined | 'keep' = 'keep';
    let requeueAfterMs: number | undefined;
    const status: VirtualMachineStatus = structuredClone(vm.status ?? {});

    if (vm.metadata.deletionTimestamp) {
      // Without a VMI left to stop, the VM may go (its status no longer matters once it does).
      if (!vmi && vm.metadata.finalizers?.includes(VM_CONTROLLER_FINALIZER)) {
        await this.removeVmFinalizer(vm);
        return undefined;
      }
      if (vmi && !vmi.metadata.deletionTimestamp) {
        await this.stopVmi(vm, vmi);
        stopExpected = true;
      }
    } else {
      // KubeVirt puts its finalizer on every VM; here only VMs that have (or get) a VMI carry it,
      // which is when it matters, sparing a write per halted VM at scale.
      if (vmi) vm = await this.ensureFinalizer(vm);
      const revisions = await this.storeRevisions(vm, status);
      if ('error' in revisions) failure = revisions.error;
      const dvs = await this.ensureDataVolumes(vm);
      if (dvs.error) failure ??= dvs.error;
      const decision = decideRun({ ...vm, status }, vmi, this.runtime.timing.now().getTime());
      switch (decision.kind) {
        case 'start':
          if (failure || !dvs.ready) break;
          try {
            vm = await this.ensureFinalizer(vm);
            const created = await this.startVmi(vm, status, decision.paused);
            if ('error' in created) failure = created.error;
            else {
              vmi = created.vmi;
              restartRequired = undefined;
            }
          } catch (err) {
            failure = {
              reason: REASON.failedCreate,
              message: `Failure while starting VMI: ${String(err)}`,
            };
            this.events.record(
              vm,
              'Warning',
              REASON.failedCreate,
              `Error creating virtual machine instance: ${String(err)}`,
            );
          }
          break;
        case 'stop':
        case 'stopAndRequestStart':
          if (!vmi) break;
          await this.stopVmi(vm, vmi);
          stopExpected = true;
          restartRequired = undefined;
          if (decision.kind === 'stopAndRequestStart')
            status.stateChangeRequests = [
              ...(status.stateChangeRequests ?? []),
              { action: 'Start' },
            ];
          break;
        case 'switchToAlways':
          await this.client.patch(
            VM,
            namespace,
            name,
            vm.spec.running !== undefined
              ? { spec: { running: true } }
              : { spec: { runStrategy: 'Always' } },
          );
          return;
        case 'backoff':
          requeueAfterMs = decision.retryInMs;
          break;
        default:
          break;
      }
      if (restartRequired === 'keep' && vmi && !stopExpected) {
        const live = await this.syncLiveChanges(vm, vmi);
        restartRequired = live.restartRequired;
        vmi = live.vmi;
      }
    }
    await this.writeStatus(vm, vmi, status, { failure, stopExpected, restartRequired });
    if (vmi && isFinal(vmi) && vmi.metadata.finalizers?.includes(VM_CONTROLLER_FINALIZER))
      await this.removeVmiFinalizer(vmi);
    return requeueAfterMs !== undefined ? { requeueAfterMs } : undefined;
  }

  private async ensureFinalizer(vm: VirtualMachine): Promise<VirtualMachine> {
    const annotations = vm.metadata.annotations ?? {};
    const hasFinalizer = vm.metadata.finalizers?.includes(VM_CONTROLLER_FINALIZER);
    if (hasFinalizer && annotations[ANNOTATION_LATEST_API] && annotations[ANNOTATION_STORAGE_API])
      return vm;
    const ops: JsonPatchOp[] = [];
    if (!hasFinalizer)
      ops.push(
        vm.metadata.finalizers
          ? { op: 'add', path: '/metadata/finalizers/-', value: VM_CONTROLLER_FINALIZER }
          : { op: 'add', path: '/metadata/finalizers', value: [VM_CONTROLLER_FINALIZER] },
      );
    const nextAnnotations = {
      ...annotations,
      [ANNOTATION_LATEST_API]: 'v1',
      [ANNOTATION_STORAGE_API]: 'v1',
    };
    if (!sameJson(nextAnnotations, annotations))
      ops.push({ op: 'add', path: '/metadata/annotations', value: nextAnnotations });
    return this.client.patch<VirtualMachine>(
      VM,
      vm.metadata.namespace,
      vm.metadata.name ?? '',
      ops,
    );
  }

  private async removeVmFinalizer(vm: VirtualMachine): Promise<void> {
    const finalizers = vm.metadata.finalizers ?? [];
    await unlessStale(
      this.client.patch(VM, vm.metadata.namespace, vm.metadata.name ?? '', [
        { op: 'test', path: '/metadata/finalizers', value: finalizers },
        {
          op: 'replace',
          path: '/metadata/finalizers',
          value: finalizers.filter((f) => f !== VM_CONTROLLER_FINALIZER),
        },
      ]),
    );
  }

  private async removeVmiFinalizer(vmi: VirtualMachineInstance): Promise<void> {
    const finalizers = vmi.metadata.finalizers ?? [];
    await unlessStale(
      this.client.patch(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '', [
        { op: 'test', path: '/metadata/finalizers', value: finalizers },
        {
          op: 'replace',
          path: '/metadata/finalizers',
          value: finalizers.filter((f) => f !== VM_CONTROLLER_FINALIZER),
        },
      ]),
    );
  }

  /** Snapshots the referenced instance type and preference into ControllerRevisions once. */
  private async storeRevisions(
    vm: VirtualMachine,
    status: VirtualMachineStatus,
  ): Promise<{ ok: true } | { error: Failure }> {
    const pairs: [Found<unknown> | undefined, 'instancetypeRef' | 'preferenceRef', string][] = [
      [
        findInstancetype({ ...vm, status }, this.inf.lookup),
        'instancetypeRef',
        'FailedFindInstancetype',
      ],
      [findPreference({ ...vm, status }, this.inf.lookup), 'preferenceRef', 'FailedFindPreference'],
    ];
    for (const [found, field, reason] of pairs) {
      if (!found) {
        status[field] = undefined;
        continue;
      }
      if ('error' in found) return { error: { reason, message: found.error } };
      if (found.revisionName) {
        status[field] = statusRefFor(found, found.revisionName);
        continue;
      }
      if (!found.live) continue;
      const revision = buildRevision(vm, found.live);
      try {
        await this.client.create(CONTROLLER_REVISION, vm.metadata.namespace, revision);
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
      }
      status[field] = statusRefFor(found, revision.metadata.name ?? '');
    }
    return { ok: true };
  }

  /** Creates missing DataVolumes from the templates; ready when all have populated (or wait for a consumer). */
  private async ensureDataVolumes(
    vm: VirtualMachine,
  ): Promise<{ ready: boolean; error?: Failure }> {
    let ready = true;
    for (const template of vm.spec.dataVolumeTemplates ?? []) {
      const dvName = template.metadata?.name ?? '';
      const existing = this.inf.dataVolumes.get(vm.metadata.namespace, dvName);
      if (existing) {
        const phase = existing.status?.phase ?? '';
        const dvKey = `${existing.metadata.uid ?? ''}`;
        if (phase === 'Failed' && !this.reportedFailedDvs.has(dvKey)) {
          this.reportedFailedDvs.add(dvKey);
          this.events.record(
            vm,
            'Warning',
            REASON.failedDataVolumeImport,
            `DataVolume ${dvName} failed to import disk image`,
          );
        }
        if (phase !== 'Failed') this.reportedFailedDvs.delete(dvKey);
        if (!DV_READY_PHASES.includes(phase)) ready = false;
        continue;
      }
      ready = false;
      const built = dataVolumeFromTemplate(vm, template, (ns, n) =>
        this.inf.dataSources.get(ns, n),
      );
      if ('error' in built) {
        return {
          ready,
          error: {
            reason: REASON.failedCreate,
            message: `Error encountered while creating DataVolumes: unable to create DataVolume manifest: ${built.error}`,
          },
        };
      }
      try {
        await this.client.create(DV, vm.metadata.namespace, built.dataVolume);
        this.events.record(
          vm,
          'Normal',
          REASON.successfulDataVolumeCreate,
          `Created DataVolume ${dvName}`,
        );
      } catch (err) {
        if (isAlreadyExists(err)) continue;
        this.events.record(
          vm,
          'Warning',
          REASON.failedDataVolumeCreate,
          `Error creating DataVolume ${dvName}: ${String(err)}`,
        );
        return {
          ready,
          error: {
            reason: REASON.failedCreate,
            message: `Error encountered while creating DataVolumes: failed to create DataVolume: ${String(err)}`,
          },
        };
      }
    }
    return { ready };
  }

  private async startVmi(
    vm: VirtualMachine,
    status: VirtualMachineStatus,
    paused: boolean,
  ): Promise<{ vmi: VirtualMachineInstance } | { error: Failure }> {
    const withStatus = { ...vm, status };
    const expanded = expandedTemplate(withStatus, this.inf.lookup);
    if ('error' in expanded) {
      this.events.record(vm, 'Warning', REASON.failedCreate, expanded.error.message);
      return { error: expanded.error };
    }
    const revisionName = await this.storeStartRevision(withStatus);
    const vmi = buildVmi({
      vm,
      spec: expanded.spec,
      annotations: expanded.annotations,
      config: this.inf.config(),
      paused,
      instancetype:
        expanded.instancetype && 'kind' in expanded.instancetype
          ? expanded.instancetype
          : undefined,
      preference:
        expanded.preference && 'kind' in expanded.preference ? expanded.preference : undefined,
    });
    let created: VirtualMachineInstance;
    try {
      created = await this.client.create<VirtualMachineInstance>(VMI, vm.metadata.namespace, vmi);
    } catch (err) {
      this.events.record(
        vm,
        'Warning',
        REASON.failedCreate,
        `Error creating virtual machine instance: ${String(err)}`,
      );
      throw err;
    }
    this.events.record(
      vm,
      'Normal',
      REASON.successfulCreate,
      `Started the virtual machine by creating the new virtual machine instance ${created.metadata.name ?? ''}`,
    );
    try {
      created = await this.client.patchStatus<VirtualMachineInstance>(
        VMI,
        vm.metadata.namespace,
        created.metadata.name ?? '',
        {
          virtualMachineRevisionName: revisionName,
        },
      );
    } catch (err) {
      this.runtime.log(
        `virt-controller: recording the start revision of ${created.metadata.name ?? ''}: ${String(err)}`,
      );
    }
    return { vmi: created };
  }

  /** KubeVirt keeps one `revision-start-vm-<uid>-<generation>` holding the spec the VMI started from. */
  private async storeStartRevision(vm: VirtualMachine): Promise<string> {
    const name = startRevisionName(vm);
    const prefix = `revision-start-vm-${vm.metadata.uid ?? ''}-`;
    for (const rev of this.inf.revisions.list(vm.metadata.namespace))
      if (rev.metadata.name?.startsWith(prefix) && rev.metadata.name !== name)
        await this.client.delete(CONTROLLER_REVISION, vm.metadata.namespace, rev.metadata.name);
    if (this.inf.revisions.get(vm.metadata.namespace, name)) return name;
    try {
      await this.client.create(CONTROLLER_REVISION, vm.metadata.namespace, {
        metadata: {
          name,
          namespace: vm.metadata.namespace,
          ownerReferences: [ownerReferenceTo(vm)],
        },
        data: { spec: pinnedSpec(vm) },
        revision: vm.metadata.generation ?? 1,
      });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    return name;
  }

  private async stopVmi(vm: VirtualMachine, vmi: VirtualMachineInstance): Promise<void> {
    if (vmi.metadata.deletionTimestamp) return;
    try {
      await this.client.delete(VMI, vmi.metadata.namespace, vmi.metadata.name ?? '');
    } catch (err) {
      this.events.record(
        vm,
        'Warning',
        REASON.failedDelete,
        `Error deleting virtual machine instance ${vmi.metadata.name ?? ''}: ${String(err)}`,
      );
      throw err;
    }
    this.events.record(
      vm,
      'Normal',
      REASON.successfulDelete,
      `Stopped the virtual machine by deleting the virtual machine instance ${vmi.metadata.uid ?? ''}`,
    );
  }

  /** Template edits on a running VM: RestartRequired, or applied to the VMI when live-updatable. */
  private async syncLiveChanges(
    vm: VirtualMachine,
    vmi: VirtualMachineInstance,
  ): Promise<{ restartRequired: string | undefined | 'keep'; vmi: VirtualMachineInstance }> {
    if (vmi.metadata.deletionTimestamp || isFinal(vmi)) return { restartRequired: 'keep', vmi };
    const revName =
      vmi.status?.virtualMachineRevisionName ??
      `revision-start-vm-${vm.metadata.uid ?? ''}-${vmi.metadata.annotations?.[ANNOTATION_VM_GENERATION] ?? ''}`;
    const started = (
      this.inf.revisions.get(vm.metadata.namespace, revName)?.data as
        { spec?: VirtualMachine['spec'] } | undefined
    )?.spec;
    if (!started) return { restartRequired: 'keep', vmi };
    const last = expandedTemplate({ ...vm, spec: started }, this.inf.lookup);
    const current = expandedTemplate(vm, this.inf.lookup);
    if ('error' in last || 'error' in current) return { restartRequired: 'keep', vmi };
    const plan = planTemplateChange(last.spec, current.spec, vmi, this.inf.config().liveUpdate);
    const nics = planNicSync(vm.spec.template?.spec, current.spec, vmi);
    if (nics.vmPatch.length)
      await unlessStale(
        this.client.patch(VM, vm.metadata.namespace, vm.metadata.name ?? '', nics.vmPatch),
      );
    let updated = vmi;
    /** Patches the VMI, keeping the last answer (a stale write keeps what we had). */
    const patchVmi = async (patch: JsonPatchOp[] | Record<string, unknown>) => {
      updated =
        (await unlessStale(
          this.client.patch<VirtualMachineInstance>(
            VMI,
            vmi.metadata.namespace,
            vmi.metadata.name ?? '',
            patch,
          ),
        )) ?? updated;
    };
    if (nics.vmiPatch.length) await patchVmi(nics.vmiPatch);
    if (plan.vmiPatch.length) await patchVmi(plan.vmiPatch);
    // Edits that do not touch the template (run strategy, labels) still mean the VMI is current.
    const generation = String(vm.metadata.generation ?? 1);
    if (
      updated.metadata.annotations?.[ANNOTATION_VM_GENERATION] !== generation &&
      sameJson(started.template, vm.spec.template)
    )
      await patchVmi({ metadata: { annotations: { [ANNOTATION_VM_GENERATION]: generation } } });
    return { restartRequired: plan.restartRequired, vmi: updated };
  }

  private async writeStatus(
    vm: VirtualMachine,
    vmi: VirtualMachineInstance | undefined,
    status: VirtualMachineStatus,
    opts: {
      failure?: Failure;
      stopExpected: boolean;
      restartRequired: string | undefined | 'keep';
    },
  ): Promise<void> {
    const ns = vm.metadata.namespace;
    const next = nextVmStatus({
      vm,
      vmi,
      base: status,
      ...opts,
      now: this.runtime.timing.now(),
      backoffMs: (s) => this.runtime.timing.ms(s * 1000),
      dataVolume: (n) => this.inf.dataVolumes.get(ns, n),
      pvc: (n) => this.inf.pvcs.get(ns, n),
      storageClass: (n) => this.inf.storageClasses.get(undefined, n),
      snapshotDrivers: new Set(this.inf.snapshotClasses.list().map((c) => c.driver ?? '')),
    });
    if (sameJson(vm.status ?? {}, next)) return;
    await unlessStale(this.client.update<VirtualMachine>(VM, { ...vm, status: next }, 'status'));
  }
}

export const startVmController = (runtime: ControllerRuntime, inf: VirtInformers): Controller => {
  const reconciler = new VmReconciler(runtime, inf);
  const vmKey = (o: { metadata: { namespace?: string; name?: string } }) =>
    keyOf(o.metadata.namespace, o.metadata.name ?? '');
  const claimUsers = (o: { metadata: { namespace?: string; name?: string } }) =>
    inf.vmsByClaim.get(vmKey(o));
  const controller: Controller = new Controller(
    'virtualmachine',
    (key) => reconciler.reconcile(key),
    {
      concurrency: 8,
      log: runtime.log,
    },
  );
  controller
    .watch(inf.vms)
    .watch(inf.vmis)
    .watch(inf.dataVolumes, (dv) => [
      ...claimUsers(dv),
      ...(dv.metadata.ownerReferences ?? [])
        .filter((o) => o.kind === 'VirtualMachine')
        .map((o) => keyOf(dv.metadata.namespace, o.name)),
    ])
    .watch(inf.pvcs, claimUsers);
  const all = () => inf.vms.list().map(vmKey);
  inf.snapshotClasses.onChange(() => all().forEach((k) => controller.enqueue(k)));
  inf.storageClasses.onChange(() => all().forEach((k) => controller.enqueue(k)));
  return controller;
};

import type { KubeObject } from '../../apiserver/core/types';
import type { ApiClient } from '../runtime/apiClient';
import { isConditionTrue } from '../runtime/conditions';
import type { ReconcileResult } from '../runtime/controller';
import { Controller } from '../runtime/controller';
import type { Informer } from '../runtime/informer';
import { KUBEVIRT, VMI, VMIM, keyOf, splitKey } from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import { isFinalPhase } from './migrationRules';
import type { Vmi, Vmim } from './migrationTypes';

/**
 * KubeVirt's workload updater, for the one reason the local cluster has: a VMI whose
 * MigrationRequired condition is True (its NICs changed) is live-migrated, once, when the
 * KubeVirt CR's `workloadUpdateStrategy.workloadUpdateMethods` allows LiveMigrate and the VMI is
 * migratable and not migrating already.
 */

/** Real milliseconds within which a migration created here may still be missing from the informer. */
const INFORMER_GRACE_MS = 2000;

export const WORKLOAD_UPDATE_ANNOTATION = 'kubevirt.io/workloadUpdateMigration';

interface KubevirtWorkloadStrategy extends KubeObject {
  spec?: { workloadUpdateStrategy?: { workloadUpdateMethods?: string[] } };
}

/** Whether the updater should create a migration for `vmi` now. */
export const needsWorkloadMigration = (
  vmi: Vmi,
  migrations: readonly Vmim[],
  methods: readonly string[],
): boolean =>
  methods.includes('LiveMigrate') &&
  !vmi.metadata.deletionTimestamp &&
  vmi.status?.phase === 'Running' &&
  isConditionTrue(vmi.status?.conditions, 'MigrationRequired') &&
  isConditionTrue(vmi.status?.conditions, 'LiveMigratable') &&
  !migrations.some((m) => m.spec?.vmiName === vmi.metadata.name && !isFinalPhase(m.status?.phase));

/** The migration the updater creates, named like KubeVirt's. */
export const workloadUpdateMigration = (vmi: Vmi): Vmim => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstanceMigration',
  metadata: {
    generateName: 'kubevirt-workload-update-',
    namespace: vmi.metadata.namespace,
    annotations: { [WORKLOAD_UPDATE_ANNOTATION]: '' },
  },
  spec: { vmiName: vmi.metadata.name ?? '' },
});

export class WorkloadUpdater {
  private readonly vmis: Informer<Vmi>;
  private readonly vmims: Informer<Vmim>;
  private readonly kubevirts: Informer<KubevirtWorkloadStrategy>;
  private readonly controller: Controller;
  private readonly client: ApiClient;
  /** Migrations created here the informer may not show yet: VMI uid → when (wall ms). */
  private readonly created = new Map<string, number>();

  constructor(runtime: ControllerRuntime) {
    this.client = runtime.clientFor('virt-controller');
    const inf = runtime.informers;
    this.vmis = inf.for<Vmi>(VMI);
    this.vmims = inf.for<Vmim>(VMIM);
    this.kubevirts = inf.for<KubevirtWorkloadStrategy>(KUBEVIRT);
    this.controller = new Controller('workload-updater', (key) => this.reconcile(key), {
      log: runtime.log,
    });
    this.controller.watch(this.vmis);
    this.controller.watch(this.vmims, (m) => keyOf(m.metadata.namespace, m.spec?.vmiName ?? ''));
  }

  async synced(): Promise<void> {
    await Promise.all([this.vmis.synced, this.vmims.synced, this.kubevirts.synced]);
  }

  stop(): void {
    this.controller.stop();
  }

  private async reconcile(key: string): Promise<ReconcileResult | undefined> {
    const { namespace, name } = splitKey(key);
    const vmi = this.vmis.get(namespace, name);
    if (!vmi) return;
    const methods =
      this.kubevirts.list()[0]?.spec?.workloadUpdateStrategy?.workloadUpdateMethods ?? [];
    if (!needsWorkloadMigration(vmi, this.vmims.list(namespace), methods)) return;
    const uid = vmi.metadata.uid ?? '';
    const createdAt = this.created.get(uid);
    if (createdAt !== undefined && Date.now() - createdAt < INFORMER_GRACE_MS)
      return { requeueAfterMs: INFORMER_GRACE_MS };
    await this.client.create(VMIM, namespace, workloadUpdateMigration(vmi));
    this.created.set(uid, Date.now());
    return undefined;
  }
}

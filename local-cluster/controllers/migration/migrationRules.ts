import { findCondition } from '../runtime/conditions';
import type { MigrationPhase, Vmi, Vmim } from './migrationTypes';

/** Small decisions of the migration flow, kept pure so each has one test table. */

export const isFinalPhase = (phase: string | undefined): boolean =>
  phase === 'Succeeded' || phase === 'Failed';

export const isVmiFinal = (vmi: Vmi): boolean =>
  vmi.status?.phase === 'Succeeded' || vmi.status?.phase === 'Failed';

/** Phases after virt-controller handed the migration to virt-handler (the VMI knows about it). */
export const HANDED_OFF_PHASES: readonly MigrationPhase[] = [
  'PreparingTarget',
  'TargetReady',
  'Running',
];

/** Why a VMI cannot be migrated now (KubeVirt's admission messages), or undefined. */
export const migrationRefusal = (vmi: Vmi): string | undefined => {
  if (isVmiFinal(vmi)) return 'Cannot migrate VMI in finalized state.';
  const migratable = findCondition(vmi.status?.conditions, 'LiveMigratable');
  if (migratable?.status === 'False') {
    return `Cannot migrate VMI, Reason: ${migratable.reason ?? ''}, Message: ${migratable.message ?? ''}`;
  }
  return undefined;
};

/** virt-api's migration-create admitter: the denial message for a new VMIM, or undefined. */
export const admissionDenial = (
  vmim: Vmim,
  vmi: Vmi | undefined,
  existing: readonly Vmim[],
): string | undefined => {
  const vmiName = vmim.spec?.vmiName ?? '';
  if (!vmiName) return 'vmiName is missing';
  if (!vmi) return `the VMI "${vmim.metadata.namespace ?? ''}/${vmiName}" does not exist`;
  const refusal = migrationRefusal(vmi);
  if (refusal) return refusal;
  const active = existing.find(
    (m) =>
      m.spec?.vmiName === vmiName &&
      m.metadata.namespace === vmim.metadata.namespace &&
      !isFinalPhase(m.status?.phase) &&
      !m.metadata.deletionTimestamp,
  );
  if (active) {
    return `in-flight migration detected. Active migration job (${active.metadata.uid ?? ''}) is currently already in progress for VMI ${vmiName}.`;
  }
  return undefined;
};

/** KubeVirt's canMigrateVMI: another unfinished migration owning the VMI's migration state. */
export const otherMigrationInProgress = (
  vmim: Vmim,
  vmi: Vmi,
  migrations: readonly Vmim[],
): boolean => {
  const uid = vmi.status?.migrationState?.migrationUid;
  if (!uid || uid === vmim.metadata.uid) return false;
  const owner = migrations.find((m) => m.metadata.uid === uid);
  return !!owner && !isFinalPhase(owner.status?.phase);
};

/** KubeVirt keeps the five newest finalized migrations of a VMI and deletes older ones. */
export const FINALIZED_MIGRATIONS_KEPT = 5;

export const migrationsToGarbageCollect = (migrations: readonly Vmim[]): string[] => {
  const finalized = migrations
    .filter((m) => isFinalPhase(m.status?.phase) && !m.metadata.deletionTimestamp)
    .sort((a, b) =>
      (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''),
    );
  return finalized
    .slice(0, Math.max(0, finalized.length - FINALIZED_MIGRATIONS_KEPT))
    .map((m) => m.metadata.name ?? '');
};

/** Appends a phase transition timestamp when the phase changes. */
export const withPhaseTransition = (
  timestamps: { phase: string; phaseTransitionTimestamp: string }[] | undefined,
  phase: MigrationPhase,
  now: string,
): { phase: string; phaseTransitionTimestamp: string }[] => {
  const list = timestamps ?? [];
  return list.some((t) => t.phase === phase)
    ? list
    : [...list, { phase, phaseTransitionTimestamp: now }];
};

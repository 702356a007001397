import { VirtualMachineCloneModel } from '../models/snapshot';
import type { VirtualMachineClone } from '../models/types';
import { fitName } from './snapshots';

/** The name the Clone dialog proposes for the new VM: `<vm>-clone`. */
export const defaultCloneName = (vmName: string): string => fitName(vmName, '-clone');

/** What a clone copies: a VM, or one of its snapshots. */
export type CloneSource = { kind: 'VirtualMachine' | 'VirtualMachineSnapshot'; name: string };

const SOURCE_API_GROUPS: Record<CloneSource['kind'], string> = {
  VirtualMachine: 'kubevirt.io',
  VirtualMachineSnapshot: 'snapshot.kubevirt.io',
};

/**
 * The VirtualMachineClone that creates VM `targetName` from a VM or a VM snapshot. The clone
 * object's own name is the target's with `-clone-<suffix>`, so repeated clones never collide.
 */
export const buildVMClone = ({
  namespace,
  source,
  targetName,
  suffix,
}: {
  namespace: string;
  source: CloneSource;
  targetName: string;
  suffix: string;
}): VirtualMachineClone => ({
  apiVersion: `${VirtualMachineCloneModel.apiGroup}/${VirtualMachineCloneModel.apiVersion}`,
  kind: VirtualMachineCloneModel.kind,
  metadata: { name: fitName(targetName, `-clone-${suffix}`), namespace },
  spec: {
    source: { apiGroup: SOURCE_API_GROUPS[source.kind], kind: source.kind, name: source.name },
    target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: targetName },
  },
});

/** The phases of a clone in the order they happen (KubeVirt's `VirtualMachineClonePhase`). */
export const CLONE_STEPS = [
  'SnapshotInProgress',
  'RestoreInProgress',
  'CreatingTargetVM',
  'Succeeded',
] as const;

/** Where a clone stands. */
export type CloneProgress = {
  /** `status.phase` as the API spells it; empty until the controller starts. */
  phase: string;
  /** 0..1 along `CLONE_STEPS` (1 when Succeeded). */
  fraction: number;
  done: boolean;
  succeeded: boolean;
  failed: boolean;
  /** A failed clone's reason from its conditions, when they carry one. */
  reason?: string;
};

export const getCloneProgress = (clone: VirtualMachineClone | undefined): CloneProgress => {
  const phase = clone?.status?.phase ?? '';
  const failed = phase === 'Failed';
  const succeeded = phase === 'Succeeded';
  const step = CLONE_STEPS.indexOf(phase as (typeof CLONE_STEPS)[number]);
  const condition = clone?.status?.conditions?.find(
    (c) => c.type === 'Ready' && c.status === 'False',
  );
  const reason = failed ? condition?.message || condition?.reason : undefined;
  return {
    phase,
    fraction: succeeded ? 1 : step < 0 ? 0 : step / CLONE_STEPS.length,
    done: failed || succeeded,
    succeeded,
    failed,
    ...(reason ? { reason } : {}),
  };
};

/** The console path of a VM's details page. */
export const vmDetailsPath = (namespace: string, name: string): string =>
  `/k8s/ns/${namespace}/kubevirt.io~v1~VirtualMachine/${name}`;

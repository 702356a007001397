import type {
  V1VirtualMachine,
  V1VirtualMachineInstance,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { KubeObject } from '../../apiserver/core/types';
import type { Condition } from '../runtime/conditions';
import { findCondition } from '../runtime/conditions';

/** KubeVirt's generated types, with the local server's object metadata. */
export type Vm = KubeObject & Omit<V1VirtualMachine, 'metadata' | 'apiVersion' | 'kind'>;
export type Vmi = KubeObject & Omit<V1VirtualMachineInstance, 'metadata' | 'apiVersion' | 'kind'>;

export type VmiPhase =
  '' | 'Pending' | 'Scheduling' | 'Scheduled' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export const phaseOf = (vmi: Vmi | undefined): VmiPhase => (vmi?.status?.phase ?? '') as VmiPhase;

/** A VMI that ended for good (KubeVirt's `IsFinal`). */
export const isFinal = (vmi: Vmi): boolean =>
  phaseOf(vmi) === 'Succeeded' || phaseOf(vmi) === 'Failed';

export const isRunning = (vmi: Vmi): boolean => phaseOf(vmi) === 'Running';

export const conditionsOf = (obj: Vm | Vmi | undefined): Condition[] =>
  (obj?.status?.conditions ?? []) as Condition[];

/** KubeVirt's `HasCondition`: the condition is present, whatever its status. */
export const hasCondition = (obj: Vm | Vmi, type: string): boolean =>
  findCondition(conditionsOf(obj), type) !== undefined;

export const hasConditionTrue = (obj: Vm | Vmi, type: string): boolean =>
  findCondition(conditionsOf(obj), type)?.status === 'True';

/** The VMI's key in the guest manager and the console sessions. */
export const vmiUid = (vmi: Vmi): string => vmi.metadata.uid ?? '';

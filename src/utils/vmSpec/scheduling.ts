import { load } from 'js-yaml';
import type { VirtualMachine } from '../../models/types';
import type { ValidationIssue } from '../validation';
import type { Recipe } from '../vmPatch';
import type { VMAffinity, VMToleration } from './types';
import { draftTemplateMetadata, draftTemplateSpec, removeMapKey } from './types';

/** The template annotation the descheduler honours. */
export const DESCHEDULER_ANNOTATION = 'descheduler.alpha.kubernetes.io/evict';

export const setNodeSelector =
  (selector: Record<string, string>): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    if (Object.keys(selector).length) spec.nodeSelector = selector;
    else delete spec.nodeSelector;
  };

export type TolerationOperator = 'Equal' | 'Exists';
export type TolerationEffect = '' | 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

/** Tolerations as the editor edits them (`value` ignored with Exists). */
export const setTolerations =
  (tolerations: VMToleration[]): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    const clean = tolerations.map((t) => {
      const next: VMToleration = { ...t };
      if (!next.key) delete next.key;
      if (next.operator === 'Exists' || !next.value) delete next.value;
      if (!next.effect) delete next.effect;
      return next;
    });
    if (clean.length) spec.tolerations = clean;
    else delete spec.tolerations;
  };

/**
 * Affinity from the YAML the editor holds: empty = none; otherwise a mapping whose keys are
 * nodeAffinity / podAffinity / podAntiAffinity. Returns the affinity or the issue.
 */
export const parseAffinity = (text: string): { affinity?: VMAffinity; issue?: ValidationIssue } => {
  if (!text.trim()) return {};
  let doc: unknown;
  try {
    doc = load(text);
  } catch (e) {
    return {
      issue: { code: 'yaml', detail: e instanceof Error ? e.message.split('\n')[0] : String(e) },
    };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return { issue: { code: 'cloud-init-mapping' } };
  const allowed = ['nodeAffinity', 'podAffinity', 'podAntiAffinity'];
  const unknown = Object.keys(doc).filter((k) => !allowed.includes(k));
  if (unknown.length)
    return { issue: { code: 'yaml', detail: `unknown field ${unknown.join(', ')}` } };
  return { affinity: doc as VMAffinity };
};

export const setAffinity =
  (affinity: VMAffinity | undefined): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    if (affinity && Object.keys(affinity).length) spec.affinity = affinity;
    else delete spec.affinity;
  };

export const isDedicatedCPU = (vm: VirtualMachine): boolean =>
  Boolean(vm.spec?.template?.spec?.domain?.cpu?.dedicatedCpuPlacement);

export const setDedicatedCPU =
  (dedicated: boolean): Recipe<VirtualMachine> =>
  (vm) => {
    const domain = draftTemplateSpec(vm as VirtualMachine).domain;
    if (dedicated) domain.cpu = { ...(domain.cpu ?? {}), dedicatedCpuPlacement: true };
    else if (domain.cpu) {
      delete domain.cpu.dedicatedCpuPlacement;
      if (!Object.keys(domain.cpu).length) delete domain.cpu;
    }
  };

export const EVICTION_STRATEGIES = [
  'LiveMigrate',
  'LiveMigrateIfPossible',
  'External',
  'None',
] as const;
export type EvictionStrategy = (typeof EVICTION_STRATEGIES)[number];

/** Sets the eviction strategy; `undefined` = the cluster default (field removed). */
export const setEvictionStrategy =
  (strategy: EvictionStrategy | undefined): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    if (strategy) spec.evictionStrategy = strategy;
    else delete spec.evictionStrategy;
  };

export const isDeschedulerEnabled = (vm: VirtualMachine): boolean =>
  vm.spec?.template?.metadata?.annotations?.[DESCHEDULER_ANNOTATION] === 'true';

export const setDescheduler =
  (enabled: boolean): Recipe<VirtualMachine> =>
  (vm) => {
    const metadata = draftTemplateMetadata(vm as VirtualMachine);
    if (enabled) {
      metadata.annotations = { ...(metadata.annotations ?? {}), [DESCHEDULER_ANNOTATION]: 'true' };
    } else removeMapKey(metadata, 'annotations', DESCHEDULER_ANNOTATION);
  };

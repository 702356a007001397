import type { VirtualMachine } from '../../models/types';

type VMSpec = NonNullable<VirtualMachine['spec']>;
type TemplateSpec = NonNullable<NonNullable<VMSpec['template']>['spec']>;
type Devices = NonNullable<TemplateSpec['domain']>['devices'];

/** The VM's template spec (`spec.template.spec`). */
export type VMTemplateSpec = TemplateSpec;
/** One disk device (`domain.devices.disks[]`). */
export type VMDisk = NonNullable<Devices['disks']>[number];
/** One volume (`spec.template.spec.volumes[]`). */
export type VMVolume = NonNullable<TemplateSpec['volumes']>[number];
/** One interface (`domain.devices.interfaces[]`). */
export type VMInterface = NonNullable<Devices['interfaces']>[number];
/** One network (`spec.template.spec.networks[]`). */
export type VMNetwork = NonNullable<TemplateSpec['networks']>[number];
/** One DataVolume template (`spec.dataVolumeTemplates[]`). */
export type VMDataVolumeTemplate = NonNullable<VMSpec['dataVolumeTemplates']>[number];
/** A toleration of the template spec. */
export type VMToleration = NonNullable<TemplateSpec['tolerations']>[number];
/** The affinity of the template spec. */
export type VMAffinity = NonNullable<TemplateSpec['affinity']>;

/**
 * The template spec of a VM draft, created on the way when missing (recipes only: it writes
 * into the draft).
 */
export const draftTemplateSpec = (vm: VirtualMachine): TemplateSpec => {
  const spec = (vm.spec ??= { template: {} } as VMSpec);
  const template = (spec.template ??= {});
  const templateSpec = (template.spec ??= { domain: { devices: {} } } as TemplateSpec);
  templateSpec.domain ??= { devices: {} } as TemplateSpec['domain'];
  templateSpec.domain.devices ??= {};
  return templateSpec;
};

/** Deletes `key` from `obj` when its value is empty (undefined, empty array or empty object). */
export const pruneEmpty = <T extends object>(obj: T | undefined, key: keyof T): void => {
  if (!obj) return;
  const value = obj[key] as unknown;
  if (
    value === undefined ||
    (Array.isArray(value) && value.length === 0) ||
    (value && typeof value === 'object' && !Array.isArray(value) && !Object.keys(value).length)
  )
    Reflect.deleteProperty(obj, key);
};

/** The VM spec of a draft, created when missing (recipes only). */
export const draftVMSpec = (vm: VirtualMachine): VMSpec => {
  draftTemplateSpec(vm);
  return vm.spec as VMSpec;
};

/** The template's metadata of a draft, created when missing (recipes only). */
export const draftTemplateMetadata = (
  vm: VirtualMachine,
): NonNullable<VMSpec['template']['metadata']> => {
  const spec = draftVMSpec(vm);
  return (spec.template.metadata ??= {});
};

/** Removes one key of a string map (annotations, labels); the map goes when it is left empty. */
export const removeMapKey = <O extends object, K extends keyof O>(
  owner: O,
  mapKey: K,
  key: string,
): void => {
  const map = owner[mapKey] as Record<string, string> | undefined;
  if (!map) return;
  Reflect.deleteProperty(map, key);
  pruneEmpty(owner, mapKey);
};

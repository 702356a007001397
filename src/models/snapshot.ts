import { i18nKey } from '../utils/i18n';
import type { PluginModel } from './types';

/** `snapshot.kubevirt.io`, `clone.kubevirt.io`, `export.kubevirt.io` (all v1beta1): VM copies. */
export const VirtualMachineSnapshotModel: PluginModel = {
  apiGroup: 'snapshot.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'VirtualMachineSnapshot',
  plural: 'virtualmachinesnapshots',
  abbr: 'VMS',
  label: 'VirtualMachineSnapshot',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachineSnapshot'),
  labelPlural: 'VirtualMachineSnapshots',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachineSnapshots'),
  namespaced: true,
  crd: true,
  shortNames: ['vmsnapshot', 'vmsnapshots'],
};

export const VirtualMachineSnapshotContentModel: PluginModel = {
  apiGroup: 'snapshot.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'VirtualMachineSnapshotContent',
  plural: 'virtualmachinesnapshotcontents',
  abbr: 'VMSC',
  label: 'VirtualMachineSnapshotContent',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachineSnapshotContent'),
  labelPlural: 'VirtualMachineSnapshotContents',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachineSnapshotContents'),
  namespaced: true,
  crd: true,
  shortNames: ['vmsnapshotcontent', 'vmsnapshotcontents'],
};

export const VirtualMachineRestoreModel: PluginModel = {
  apiGroup: 'snapshot.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'VirtualMachineRestore',
  plural: 'virtualmachinerestores',
  abbr: 'VMR',
  label: 'VirtualMachineRestore',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachineRestore'),
  labelPlural: 'VirtualMachineRestores',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachineRestores'),
  namespaced: true,
  crd: true,
  shortNames: ['vmrestore', 'vmrestores'],
};

export const VirtualMachineCloneModel: PluginModel = {
  apiGroup: 'clone.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'VirtualMachineClone',
  plural: 'virtualmachineclones',
  abbr: 'VMC',
  label: 'VirtualMachineClone',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachineClone'),
  labelPlural: 'VirtualMachineClones',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachineClones'),
  namespaced: true,
  crd: true,
  shortNames: ['vmclone', 'vmclones'],
};

export const VirtualMachineExportModel: PluginModel = {
  apiGroup: 'export.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'VirtualMachineExport',
  plural: 'virtualmachineexports',
  abbr: 'VMEX',
  label: 'VirtualMachineExport',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachineExport'),
  labelPlural: 'VirtualMachineExports',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachineExports'),
  namespaced: true,
  crd: true,
  shortNames: ['vmexport', 'vmexports'],
};

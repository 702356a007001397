import { i18nKey } from '../utils/i18n';
import type { PluginModel } from './types';

/** `instancetype.kubevirt.io/v1beta1`: instance types and preferences, per namespace and cluster-wide. */
export const VirtualMachineInstancetypeModel: PluginModel = {
  apiGroup: 'instancetype.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'VirtualMachineInstancetype',
  plural: 'virtualmachineinstancetypes',
  abbr: 'VMIT',
  label: 'VirtualMachineInstancetype',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachineInstancetype'),
  labelPlural: 'VirtualMachineInstancetypes',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachineInstancetypes'),
  namespaced: true,
  crd: true,
  shortNames: ['vminstancetype', 'vminstancetypes', 'vmf', 'vmfs'],
};

export const VirtualMachineClusterInstancetypeModel: PluginModel = {
  apiGroup: 'instancetype.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'VirtualMachineClusterInstancetype',
  plural: 'virtualmachineclusterinstancetypes',
  abbr: 'VMCIT',
  label: 'VirtualMachineClusterInstancetype',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachineClusterInstancetype'),
  labelPlural: 'VirtualMachineClusterInstancetypes',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachineClusterInstancetypes'),
  namespaced: false,
  crd: true,
  shortNames: ['vmclusterinstancetype', 'vmclusterinstancetypes', 'vmcf', 'vmcfs'],
};

export const VirtualMachinePreferenceModel: PluginModel = {
  apiGroup: 'instancetype.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'VirtualMachinePreference',
  plural: 'virtualmachinepreferences',
  abbr: 'VMP',
  label: 'VirtualMachinePreference',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachinePreference'),
  labelPlural: 'VirtualMachinePreferences',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachinePreferences'),
  namespaced: true,
  crd: true,
  shortNames: ['vmpref', 'vmprefs', 'vmp', 'vmps'],
};

export const VirtualMachineClusterPreferenceModel: PluginModel = {
  apiGroup: 'instancetype.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'VirtualMachineClusterPreference',
  plural: 'virtualmachineclusterpreferences',
  abbr: 'VMCP',
  label: 'VirtualMachineClusterPreference',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachineClusterPreference'),
  labelPlural: 'VirtualMachineClusterPreferences',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachineClusterPreferences'),
  namespaced: false,
  crd: true,
  shortNames: ['vmcp', 'vmcps'],
};

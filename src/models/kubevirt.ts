import { i18nKey } from '../utils/i18n';
import type { PluginModel } from './types';

/** `kubevirt.io/v1`: virtual machines, their instances and live migrations. */
export const VirtualMachineModel: PluginModel = {
  apiGroup: 'kubevirt.io',
  apiVersion: 'v1',
  kind: 'VirtualMachine',
  plural: 'virtualmachines',
  abbr: 'VM',
  label: 'VirtualMachine',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachine'),
  labelPlural: 'VirtualMachines',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachines'),
  namespaced: true,
  crd: true,
  shortNames: ['vm', 'vms'],
  color: '#0066CC',
};

export const VirtualMachineInstanceModel: PluginModel = {
  apiGroup: 'kubevirt.io',
  apiVersion: 'v1',
  kind: 'VirtualMachineInstance',
  plural: 'virtualmachineinstances',
  abbr: 'VMI',
  label: 'VirtualMachineInstance',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachineInstance'),
  labelPlural: 'VirtualMachineInstances',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachineInstances'),
  namespaced: true,
  crd: true,
  shortNames: ['vmi', 'vmis'],
};

export const VirtualMachineInstanceMigrationModel: PluginModel = {
  apiGroup: 'kubevirt.io',
  apiVersion: 'v1',
  kind: 'VirtualMachineInstanceMigration',
  plural: 'virtualmachineinstancemigrations',
  abbr: 'VMIM',
  label: 'VirtualMachineInstanceMigration',
  labelKey: i18nKey('plugin__virt-console-plugin~VirtualMachineInstanceMigration'),
  labelPlural: 'VirtualMachineInstanceMigrations',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VirtualMachineInstanceMigrations'),
  namespaced: true,
  crd: true,
  shortNames: ['vmim', 'vmims'],
};

export const KubeVirtModel: PluginModel = {
  apiGroup: 'kubevirt.io',
  apiVersion: 'v1',
  kind: 'KubeVirt',
  plural: 'kubevirts',
  abbr: 'KV',
  label: 'KubeVirt',
  labelKey: i18nKey('plugin__virt-console-plugin~KubeVirt'),
  labelPlural: 'KubeVirts',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~KubeVirts'),
  namespaced: true,
  crd: true,
  shortNames: ['kv', 'kvs'],
};

/** `migrations.kubevirt.io/v1alpha1`: cluster-wide live-migration policies. */
export const MigrationPolicyModel: PluginModel = {
  apiGroup: 'migrations.kubevirt.io',
  apiVersion: 'v1alpha1',
  kind: 'MigrationPolicy',
  plural: 'migrationpolicies',
  abbr: 'MP',
  label: 'MigrationPolicy',
  labelKey: i18nKey('plugin__virt-console-plugin~MigrationPolicy'),
  labelPlural: 'MigrationPolicies',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~MigrationPolicies'),
  namespaced: false,
  crd: true,
};

/** `hco.kubevirt.io/v1beta1`: the operator's cluster settings (`kubevirt-hyperconverged`). */
export const HyperConvergedModel: PluginModel = {
  apiGroup: 'hco.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'HyperConverged',
  plural: 'hyperconvergeds',
  abbr: 'HCO',
  label: 'HyperConverged',
  labelKey: i18nKey('plugin__virt-console-plugin~HyperConverged'),
  labelPlural: 'HyperConvergeds',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~HyperConvergeds'),
  namespaced: true,
  crd: true,
  shortNames: ['hco', 'hcos'],
};

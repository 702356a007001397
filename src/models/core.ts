import { i18nKey } from '../utils/i18n';
import type { PluginModel } from './types';

/** Core `v1` kinds the plugin reads, writes or links to. */
export const PodModel: PluginModel = {
  apiVersion: 'v1',
  kind: 'Pod',
  plural: 'pods',
  abbr: 'P',
  label: 'Pod',
  labelKey: i18nKey('plugin__virt-console-plugin~Pod'),
  labelPlural: 'Pods',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~Pods'),
  namespaced: true,
  shortNames: ['po'],
};

export const PersistentVolumeClaimModel: PluginModel = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  abbr: 'PVC',
  label: 'PersistentVolumeClaim',
  labelKey: i18nKey('plugin__virt-console-plugin~PersistentVolumeClaim'),
  labelPlural: 'PersistentVolumeClaims',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~PersistentVolumeClaims'),
  namespaced: true,
  shortNames: ['pvc'],
};

export const ServiceModel: PluginModel = {
  apiVersion: 'v1',
  kind: 'Service',
  plural: 'services',
  abbr: 'S',
  label: 'Service',
  labelKey: i18nKey('plugin__virt-console-plugin~Service'),
  labelPlural: 'Services',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~Services'),
  namespaced: true,
  shortNames: ['svc'],
};

export const SecretModel: PluginModel = {
  apiVersion: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  abbr: 'S',
  label: 'Secret',
  labelKey: i18nKey('plugin__virt-console-plugin~Secret'),
  labelPlural: 'Secrets',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~Secrets'),
  namespaced: true,
};

export const ConfigMapModel: PluginModel = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  abbr: 'CM',
  label: 'ConfigMap',
  labelKey: i18nKey('plugin__virt-console-plugin~ConfigMap'),
  labelPlural: 'ConfigMaps',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~ConfigMaps'),
  namespaced: true,
  shortNames: ['cm'],
};

export const ServiceAccountModel: PluginModel = {
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  abbr: 'SA',
  label: 'ServiceAccount',
  labelKey: i18nKey('plugin__virt-console-plugin~ServiceAccount'),
  labelPlural: 'ServiceAccounts',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~ServiceAccounts'),
  namespaced: true,
  shortNames: ['sa'],
};

export const EventModel: PluginModel = {
  apiVersion: 'v1',
  kind: 'Event',
  plural: 'events',
  abbr: 'E',
  label: 'Event',
  labelKey: i18nKey('plugin__virt-console-plugin~Event'),
  labelPlural: 'Events',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~Events'),
  namespaced: true,
  shortNames: ['ev'],
};

export const NamespaceModel: PluginModel = {
  apiVersion: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  abbr: 'NS',
  label: 'Namespace',
  labelKey: i18nKey('plugin__virt-console-plugin~Namespace'),
  labelPlural: 'Namespaces',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~Namespaces'),
  namespaced: false,
  shortNames: ['ns'],
};

export const NodeModel: PluginModel = {
  apiVersion: 'v1',
  kind: 'Node',
  plural: 'nodes',
  abbr: 'N',
  label: 'Node',
  labelKey: i18nKey('plugin__virt-console-plugin~Node'),
  labelPlural: 'Nodes',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~Nodes'),
  namespaced: false,
  shortNames: ['no'],
};

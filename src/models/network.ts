import { i18nKey } from '../utils/i18n';
import type { PluginModel } from './types';

/** Networking kinds: Multus `NetworkAttachmentDefinition` and NMState policies. */
export const NetworkAttachmentDefinitionModel: PluginModel = {
  apiGroup: 'k8s.cni.cncf.io',
  apiVersion: 'v1',
  kind: 'NetworkAttachmentDefinition',
  plural: 'network-attachment-definitions',
  abbr: 'NAD',
  label: 'NetworkAttachmentDefinition',
  labelKey: i18nKey('plugin__virt-console-plugin~NetworkAttachmentDefinition'),
  labelPlural: 'NetworkAttachmentDefinitions',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~NetworkAttachmentDefinitions'),
  namespaced: true,
  crd: true,
  shortNames: ['net-attach-def'],
};

export const NodeNetworkConfigurationPolicyModel: PluginModel = {
  apiGroup: 'nmstate.io',
  apiVersion: 'v1',
  kind: 'NodeNetworkConfigurationPolicy',
  plural: 'nodenetworkconfigurationpolicies',
  abbr: 'NNCP',
  label: 'NodeNetworkConfigurationPolicy',
  labelKey: i18nKey('plugin__virt-console-plugin~NodeNetworkConfigurationPolicy'),
  labelPlural: 'NodeNetworkConfigurationPolicies',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~NodeNetworkConfigurationPolicies'),
  namespaced: false,
  crd: true,
  shortNames: ['nncp'],
};

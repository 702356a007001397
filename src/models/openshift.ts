import { i18nKey } from '../utils/i18n';
import type { PluginModel } from './types';

/** OpenShift kinds: `template.openshift.io/v1` Template and `project.openshift.io/v1` Project. */
export const TemplateModel: PluginModel = {
  apiGroup: 'template.openshift.io',
  apiVersion: 'v1',
  kind: 'Template',
  plural: 'templates',
  abbr: 'T',
  label: 'Template',
  labelKey: i18nKey('plugin__virt-console-plugin~Template'),
  labelPlural: 'Templates',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~Templates'),
  namespaced: true,
  crd: true,
};

export const ProjectModel: PluginModel = {
  apiGroup: 'project.openshift.io',
  apiVersion: 'v1',
  kind: 'Project',
  plural: 'projects',
  abbr: 'PR',
  label: 'Project',
  labelKey: i18nKey('plugin__virt-console-plugin~Project'),
  labelPlural: 'Projects',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~Projects'),
  namespaced: false,
};

import { i18nKey } from '../utils/i18n';
import type { PluginModel } from './types';

/** `batch/v1` Job: checkups run as Jobs. */
export const JobModel: PluginModel = {
  apiGroup: 'batch',
  apiVersion: 'v1',
  kind: 'Job',
  plural: 'jobs',
  abbr: 'J',
  label: 'Job',
  labelKey: i18nKey('plugin__virt-console-plugin~Job'),
  labelPlural: 'Jobs',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~Jobs'),
  namespaced: true,
};

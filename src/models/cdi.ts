import { i18nKey } from '../utils/i18n';
import type { PluginModel } from './types';

/** `cdi.kubevirt.io/v1beta1`: disk import, boot sources and storage defaults. */
export const DataVolumeModel: PluginModel = {
  apiGroup: 'cdi.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'DataVolume',
  plural: 'datavolumes',
  abbr: 'DV',
  label: 'DataVolume',
  labelKey: i18nKey('plugin__virt-console-plugin~DataVolume'),
  labelPlural: 'DataVolumes',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~DataVolumes'),
  namespaced: true,
  crd: true,
  shortNames: ['dv', 'dvs'],
};

export const DataSourceModel: PluginModel = {
  apiGroup: 'cdi.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'DataSource',
  plural: 'datasources',
  abbr: 'DS',
  label: 'DataSource',
  labelKey: i18nKey('plugin__virt-console-plugin~DataSource'),
  labelPlural: 'DataSources',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~DataSources'),
  namespaced: true,
  crd: true,
  shortNames: ['das'],
};

export const DataImportCronModel: PluginModel = {
  apiGroup: 'cdi.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'DataImportCron',
  plural: 'dataimportcrons',
  abbr: 'DIC',
  label: 'DataImportCron',
  labelKey: i18nKey('plugin__virt-console-plugin~DataImportCron'),
  labelPlural: 'DataImportCrons',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~DataImportCrons'),
  namespaced: true,
  crd: true,
  shortNames: ['dic', 'dics'],
};

export const StorageProfileModel: PluginModel = {
  apiGroup: 'cdi.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'StorageProfile',
  plural: 'storageprofiles',
  abbr: 'SP',
  label: 'StorageProfile',
  labelKey: i18nKey('plugin__virt-console-plugin~StorageProfile'),
  labelPlural: 'StorageProfiles',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~StorageProfiles'),
  namespaced: false,
  crd: true,
};

export const CDIModel: PluginModel = {
  apiGroup: 'cdi.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'CDI',
  plural: 'cdis',
  abbr: 'CDI',
  label: 'CDI',
  labelKey: i18nKey('plugin__virt-console-plugin~CDI'),
  labelPlural: 'CDIs',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~CDIs'),
  namespaced: false,
  crd: true,
};

/** CDI's cluster settings; its status names the upload proxy's address. */
export const CDIConfigModel: PluginModel = {
  apiGroup: 'cdi.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'CDIConfig',
  plural: 'cdiconfigs',
  abbr: 'CDIC',
  label: 'CDIConfig',
  labelKey: i18nKey('plugin__virt-console-plugin~CDIConfig'),
  labelPlural: 'CDIConfigs',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~CDIConfigs'),
  namespaced: false,
  crd: true,
};

/** A short-lived token that lets its holder upload an image into one PVC through the proxy. */
export const UploadTokenRequestModel: PluginModel = {
  apiGroup: 'upload.cdi.kubevirt.io',
  apiVersion: 'v1beta1',
  kind: 'UploadTokenRequest',
  plural: 'uploadtokenrequests',
  abbr: 'UTR',
  label: 'UploadTokenRequest',
  labelKey: i18nKey('plugin__virt-console-plugin~UploadTokenRequest'),
  labelPlural: 'UploadTokenRequests',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~UploadTokenRequests'),
  namespaced: true,
  crd: true,
};

import { i18nKey } from '../utils/i18n';
import type { PluginModel } from './types';

/** Storage kinds: `storage.k8s.io/v1` StorageClass and `snapshot.storage.k8s.io/v1` volume snapshots. */
export const StorageClassModel: PluginModel = {
  apiGroup: 'storage.k8s.io',
  apiVersion: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  abbr: 'SC',
  label: 'StorageClass',
  labelKey: i18nKey('plugin__virt-console-plugin~StorageClass'),
  labelPlural: 'StorageClasses',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~StorageClasses'),
  namespaced: false,
  shortNames: ['sc'],
};

export const VolumeSnapshotModel: PluginModel = {
  apiGroup: 'snapshot.storage.k8s.io',
  apiVersion: 'v1',
  kind: 'VolumeSnapshot',
  plural: 'volumesnapshots',
  abbr: 'VS',
  label: 'VolumeSnapshot',
  labelKey: i18nKey('plugin__virt-console-plugin~VolumeSnapshot'),
  labelPlural: 'VolumeSnapshots',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VolumeSnapshots'),
  namespaced: true,
  crd: true,
  shortNames: ['vs'],
};

export const VolumeSnapshotClassModel: PluginModel = {
  apiGroup: 'snapshot.storage.k8s.io',
  apiVersion: 'v1',
  kind: 'VolumeSnapshotClass',
  plural: 'volumesnapshotclasses',
  abbr: 'VSC',
  label: 'VolumeSnapshotClass',
  labelKey: i18nKey('plugin__virt-console-plugin~VolumeSnapshotClass'),
  labelPlural: 'VolumeSnapshotClasses',
  labelPluralKey: i18nKey('plugin__virt-console-plugin~VolumeSnapshotClasses'),
  namespaced: false,
  crd: true,
  shortNames: ['vsclass', 'vsclasses'],
};

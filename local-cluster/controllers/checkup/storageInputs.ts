import type { KubeObject } from '../../apiserver/core/types';
import type { ApiClient } from '../runtime/apiClient';
import { isNotFound } from '../runtime/apiClient';
import type { ResourceRef } from '../runtime/resources';
import {
  DATA_IMPORT_CRON,
  DATA_SOURCE,
  NAMESPACE,
  NODE,
  PV,
  PVC,
  STORAGE_CLASS,
  STORAGE_PROFILE,
  VMI,
  VOLUME_SNAPSHOT,
  VOLUME_SNAPSHOT_CLASS,
} from '../runtime/resources';
import type {
  DataImportCron,
  DataSource,
  Pv,
  Pvc,
  StorageClass,
  StorageInputs,
  StorageProfile,
  StorageVmi,
  VolumeSnapshotClass,
} from './storageCheckup';

const CDI: ResourceRef = {
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'CDI',
  plural: 'cdis',
  namespaced: false,
};
const CLUSTER_VERSION: ResourceRef = {
  apiVersion: 'config.openshift.io/v1',
  kind: 'ClusterVersion',
  plural: 'clusterversions',
  namespaced: false,
};
const CSI_DRIVER: ResourceRef = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'CSIDriver',
  plural: 'csidrivers',
  namespaced: false,
};

/** Lists a kind, or undefined when the cluster does not serve it (404 on the collection). */
const listIfServed = async <T extends KubeObject>(
  client: ApiClient,
  ref: ResourceRef,
): Promise<T[] | undefined> => {
  try {
    return (await client.list<T>(ref)).items;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
};

const list = async <T extends KubeObject>(client: ApiClient, ref: ResourceRef): Promise<T[]> =>
  (await listIfServed<T>(client, ref)) ?? [];

/**
 * Reads everything the storage checkup looks at through the API, as the checkup's service
 * account (bound to cluster-reader) would.
 */
export const readStorageInputs = async (
  client: ApiClient,
  params: Record<string, string>,
  seed: string,
): Promise<StorageInputs> => {
  const [
    cdis,
    clusterVersions,
    storageClasses,
    storageProfiles,
    volumeSnapshotClasses,
    csiDrivers,
    namespaces,
    dataImportCrons,
    dataSources,
    pvcs,
    volumeSnapshots,
    vmis,
    pvs,
    nodes,
  ] = await Promise.all([
    list(client, CDI),
    listIfServed<KubeObject & { status?: { history?: { state?: string; version?: string }[] } }>(
      client,
      CLUSTER_VERSION,
    ),
    list<StorageClass>(client, STORAGE_CLASS),
    list<StorageProfile>(client, STORAGE_PROFILE),
    list<VolumeSnapshotClass>(client, VOLUME_SNAPSHOT_CLASS),
    listIfServed(client, CSI_DRIVER),
    list(client, NAMESPACE),
    list<DataImportCron>(client, DATA_IMPORT_CRON),
    list<DataSource>(client, DATA_SOURCE),
    list<Pvc>(client, PVC),
    list(client, VOLUME_SNAPSHOT),
    list<StorageVmi>(client, VMI),
    list<Pv>(client, PV),
    list(client, NODE),
  ]);
  return {
    cdis,
    clusterVersionHistory: clusterVersions?.find((v) => v.metadata.name === 'version')?.status
      ?.history,
    storageClasses,
    storageProfiles,
    volumeSnapshotClasses,
    csiDrivers: csiDrivers?.map((d) => d.metadata.name ?? ''),
    namespaces: namespaces.map((n) => n.metadata.name ?? ''),
    dataImportCrons,
    dataSources,
    pvcs,
    volumeSnapshots,
    vmis,
    pvs,
    nodeCount: nodes.length,
    storageClassParam: params.storageClass?.trim() || undefined,
    seed,
  };
};

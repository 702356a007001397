import type { KubeObject } from '../../apiserver/core/types';
import type { Informer } from '../runtime/informer';
import {
  CLUSTER_INSTANCETYPE,
  CLUSTER_PREFERENCE,
  CONTROLLER_REVISION,
  DATA_SOURCE,
  DV,
  INSTANCETYPE,
  KUBEVIRT,
  NODE,
  POD,
  PREFERENCE,
  PV,
  PVC,
  STORAGE_CLASS,
  VM,
  VMI,
  VOLUME_SNAPSHOT_CLASS,
  keyOf,
} from '../runtime/resources';
import type { ControllerRuntime } from '../runtime/runtime';
import type { InstancetypeLookup } from './instancetypeSource';
import { LABEL_CREATED_BY } from './kubevirtNames';
import { ReverseIndex } from './reverseIndex';
import type { PersistentVolume } from './scheduler';
import type {
  ControllerRevision,
  DataSource,
  DataVolume,
  InstancetypeObject,
  Node,
  PersistentVolumeClaim,
  Pod,
  PreferenceObject,
  StorageClass,
  VirtualMachine,
  VirtualMachineInstance,
  VolumeSnapshotClass,
} from './types';
import type { VirtConfig } from './virtConfig';
import { virtConfigFrom } from './virtConfig';
import { claimNameOf } from './volumes';

/** The shared caches virt-controller reads (never the API server in its hot path), plus indexes. */
export interface VirtInformers {
  vms: Informer<VirtualMachine>;
  vmis: Informer<VirtualMachineInstance>;
  pods: Informer<Pod>;
  dataVolumes: Informer<DataVolume>;
  pvcs: Informer<PersistentVolumeClaim>;
  pvs: Informer<KubeObject & PersistentVolume>;
  nodes: Informer<Node>;
  storageClasses: Informer<StorageClass>;
  snapshotClasses: Informer<VolumeSnapshotClass>;
  dataSources: Informer<DataSource>;
  revisions: Informer<ControllerRevision>;
  kubevirts: Informer<KubeObject>;
  /** ns/claim → VMs whose template mounts it. */
  vmsByClaim: ReverseIndex;
  /** ns/claim → VMIs that mount it. */
  vmisByClaim: ReverseIndex;
  /** ns/claim → pods that mount it. */
  podsByClaim: ReverseIndex;
  /** VMI uid → its pods. */
  podsByVmi: ReverseIndex;
  lookup: InstancetypeLookup;
  config(): VirtConfig;
  /** Resolves once every cache has listed. */
  synced: Promise<void>;
  /** True once `synced` resolved (for synchronous callers such as admission). */
  isSynced(): boolean;
}

const claimKeys = (namespace: string | undefined, names: (string | undefined)[]): string[] =>
  names.filter((n): n is string => Boolean(n)).map((n) => keyOf(namespace, n));

export const createVirtInformers = (runtime: ControllerRuntime): VirtInformers => {
  const f = runtime.informers;
  const vms = f.for<VirtualMachine>(VM);
  const vmis = f.for<VirtualMachineInstance>(VMI);
  const pods = f.for<Pod>(POD);
  const instancetypes = f.for<InstancetypeObject>(INSTANCETYPE);
  const clusterInstancetypes = f.for<InstancetypeObject>(CLUSTER_INSTANCETYPE);
  const preferences = f.for<PreferenceObject>(PREFERENCE);
  const clusterPreferences = f.for<PreferenceObject>(CLUSTER_PREFERENCE);
  const revisions = f.for<ControllerRevision>(CONTROLLER_REVISION);
  const informers = {
    vms,
    vmis,
    pods,
    dataVolumes: f.for<DataVolume>(DV),
    pvcs: f.for<PersistentVolumeClaim>(PVC),
    pvs: f.for<KubeObject & PersistentVolume>(PV),
    nodes: f.for<Node>(NODE),
    storageClasses: f.for<StorageClass>(STORAGE_CLASS),
    snapshotClasses: f.for<VolumeSnapshotClass>(VOLUME_SNAPSHOT_CLASS),
    dataSources: f.for<DataSource>(DATA_SOURCE),
    revisions,
    kubevirts: f.for<KubeObject>(KUBEVIRT),
  };
  const all: Informer[] = [
    ...Object.values(informers),
    instancetypes,
    clusterInstancetypes,
    preferences,
    clusterPreferences,
  ] as Informer[];
  let ready = false;
  const synced = Promise.all(all.map((i) => i.synced)).then(() => {
    ready = true;
  });
  return {
    ...informers,
    vmsByClaim: ReverseIndex.over(vms, (vm) =>
      claimKeys(vm.metadata.namespace, [
        ...(vm.spec.template.spec?.volumes ?? []).map(claimNameOf),
        ...(vm.spec.dataVolumeTemplates ?? []).map((t) => t.metadata?.name),
      ]),
    ),
    vmisByClaim: ReverseIndex.over(vmis, (vmi) =>
      claimKeys(vmi.metadata.namespace, (vmi.spec.volumes ?? []).map(claimNameOf)),
    ),
    podsByClaim: ReverseIndex.over(pods, (pod) =>
      claimKeys(
        pod.metadata.namespace,
        (pod.spec.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName),
      ),
    ),
    podsByVmi: ReverseIndex.over(pods, (pod) => {
      const uid = pod.metadata.labels?.[LABEL_CREATED_BY];
      return uid ? [uid] : [];
    }),
    lookup: {
      instancetype: (ns, name) => instancetypes.get(ns, name),
      clusterInstancetype: (name) => clusterInstancetypes.get(undefined, name),
      preference: (ns, name) => preferences.get(ns, name),
      clusterPreference: (name) => clusterPreferences.get(undefined, name),
      revision: (ns, name) => revisions.get(ns, name),
    },
    config: () => virtConfigFrom(informers.kubevirts.list()[0]),
    synced,
    isSynced: () => ready,
  };
};

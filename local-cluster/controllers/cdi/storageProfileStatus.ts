import type {
  ClaimPropertySet,
  CloneStrategy,
  SourceFormat,
  StorageClass,
  StorageProfile,
  StorageProfileStatus,
  VolumeSnapshotClass,
} from './cdiTypes';
import { ANN } from './cdiNames';
import { snapshotClassFor } from './storageClasses';

const RWO_BLOCK: ClaimPropertySet = { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' };
const RWO_FS: ClaimPropertySet = { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' };
const RWX_BLOCK: ClaimPropertySet = { accessModes: ['ReadWriteMany'], volumeMode: 'Block' };
const RWX_FS: ClaimPropertySet = { accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' };

interface ProvisionerDefaults {
  claimPropertySets: ClaimPropertySet[];
  cloneStrategy?: CloneStrategy;
  sourceFormat?: SourceFormat;
}

/**
 * What CDI knows about well-known provisioners (its storagecapabilities table, for the drivers an
 * OpenShift Virtualization cluster commonly has) plus the two simulated drivers. A class whose
 * provisioner is missing here gets an empty profile status: the user must fill `spec`, exactly the
 * state CDI's `CDIStorageProfilesIncomplete` alert is about.
 */
const KNOWN_PROVISIONERS: Record<string, ProvisionerDefaults> = {
  'local.csi.virt-console.dev': {
    claimPropertySets: [RWO_BLOCK, RWO_FS],
    cloneStrategy: 'csi-clone',
    sourceFormat: 'snapshot',
  },
  'shared.csi.virt-console.dev': {
    claimPropertySets: [RWX_BLOCK, RWX_FS, RWO_FS],
    cloneStrategy: 'csi-clone',
    sourceFormat: 'pvc',
  },
  'kubevirt.io.hostpath-provisioner': { claimPropertySets: [RWO_FS] },
  'kubevirt.io/hostpath-provisioner': { claimPropertySets: [RWO_FS] },
  'openshift-storage.rbd.csi.ceph.com': {
    claimPropertySets: [RWX_BLOCK, RWO_BLOCK, RWO_FS],
    cloneStrategy: 'csi-clone',
    sourceFormat: 'snapshot',
  },
  'rook-ceph.rbd.csi.ceph.com': {
    claimPropertySets: [RWX_BLOCK, RWO_BLOCK, RWO_FS],
    cloneStrategy: 'csi-clone',
    sourceFormat: 'snapshot',
  },
  'openshift-storage.cephfs.csi.ceph.com': {
    claimPropertySets: [RWX_FS],
    cloneStrategy: 'csi-clone',
  },
  'nfs.csi.k8s.io': { claimPropertySets: [RWX_FS] },
  'ebs.csi.aws.com': { claimPropertySets: [RWO_BLOCK] },
  'efs.csi.aws.com': { claimPropertySets: [RWX_FS, RWO_FS] },
  'disk.csi.azure.com': { claimPropertySets: [RWO_BLOCK] },
  'file.csi.azure.com': { claimPropertySets: [RWX_FS] },
  'pd.csi.storage.gke.io': {
    claimPropertySets: [RWO_BLOCK],
    cloneStrategy: 'snapshot',
    sourceFormat: 'snapshot',
  },
  'csi.vsphere.vmware.com': { claimPropertySets: [RWO_BLOCK, RWO_FS] },
  'topolvm.io': { claimPropertySets: [RWO_BLOCK, RWO_FS], cloneStrategy: 'copy' },
  'driver.longhorn.io': { claimPropertySets: [RWO_BLOCK] },
};

const CLONE_STRATEGIES: ReadonlySet<string> = new Set(['copy', 'snapshot', 'csi-clone']);

/**
 * A StorageProfile's status, as CDI's storage profile controller computes it: the spec wins, then
 * the class's clone-strategy annotation, then the provisioner's known defaults.
 */
export const storageProfileStatus = (
  sc: StorageClass,
  profile: StorageProfile | undefined,
  snapshotClasses: VolumeSnapshotClass[],
): StorageProfileStatus => {
  const spec = profile?.spec ?? {};
  const known = KNOWN_PROVISIONERS[sc.provisioner];
  const annotated = sc.metadata.annotations?.[ANN.cloneStrategyOverride];
  const cloneStrategy =
    spec.cloneStrategy ??
    (annotated && CLONE_STRATEGIES.has(annotated) ? (annotated as CloneStrategy) : undefined) ??
    known?.cloneStrategy;
  const snapshotClass =
    spec.snapshotClass ?? snapshotClassFor(snapshotClasses, sc.provisioner)?.metadata.name;
  const claimPropertySets = spec.claimPropertySets?.length
    ? spec.claimPropertySets
    : known?.claimPropertySets;
  return {
    provisioner: sc.provisioner,
    storageClass: sc.metadata.name,
    ...(claimPropertySets ? { claimPropertySets } : {}),
    ...(cloneStrategy ? { cloneStrategy } : {}),
    dataImportCronSourceFormat: spec.dataImportCronSourceFormat ?? known?.sourceFormat ?? 'pvc',
    ...(snapshotClass ? { snapshotClass } : {}),
  };
};

/** The clone a DV gets when neither profile nor class says: a snapshot if the driver has a snapshot
 * class, else a host-assisted copy (CDI's planner). */
export const effectiveCloneStrategy = (status: StorageProfileStatus | undefined): CloneStrategy =>
  status?.cloneStrategy ?? (status?.snapshotClass ? 'snapshot' : 'copy');

import type { ResourceRef } from '../runtime/resources';

/** Names KubeVirt's snapshot, restore, clone and export controllers put on objects. */
export const FINALIZERS = {
  vmSnapshot: 'snapshot.kubevirt.io/vmsnapshot-protection',
  content: 'snapshot.kubevirt.io/vmsnapshotcontent-protection',
  source: 'snapshot.kubevirt.io/snapshot-source-protection',
  restore: 'snapshot.kubevirt.io/vmrestore-protection',
} as const;

export const LABELS = {
  snapshotSourceName: 'snapshot.kubevirt.io/source-vm-name',
  snapshotSourceNamespace: 'snapshot.kubevirt.io/source-vm-namespace',
  restoreSourceName: 'restore.kubevirt.io/source-vm-name',
  restoreSourceNamespace: 'restore.kubevirt.io/source-vm-namespace',
  exportService: 'kubevirt.io.virt-export-service',
  app: 'kubevirt.io',
} as const;

export const ANNOTATIONS = {
  restoreName: 'restore.kubevirt.io/name',
  lastRestore: 'restore.kubevirt.io/lastRestoreUID',
  populatedFor: 'cdi.kubevirt.io/storage.populatedFor',
  prePopulated: 'cdi.kubevirt.io/storage.prePopulated',
  contentType: 'cdi.kubevirt.io/storage.contentType',
  defaultSnapshotClass: 'snapshot.storage.kubernetes.io/is-default-class',
} as const;

/** The CSI snapshot controller's cluster-scoped kind (not in the shared resource list). */
export const VOLUME_SNAPSHOT_CONTENT: ResourceRef = {
  apiVersion: 'snapshot.storage.k8s.io/v1',
  kind: 'VolumeSnapshotContent',
  plural: 'volumesnapshotcontents',
  namespaced: false,
};

export const vmSnapshotContentName = (snapshotUid: string): string =>
  `vmsnapshot-content-${snapshotUid}`;

export const volumeSnapshotName = (snapshotUid: string, volumeName: string): string =>
  `vmsnapshot-${snapshotUid}-volume-${volumeName}`;

export const DNS1035_LABEL_MAX = 63;

/** FNV-1a, 32 bits, as hex without padding (Go's `fmt.Sprintf("%x", fnv32a.Sum32())`). */
const fnv32a = (text: string): string => {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
};

/**
 * openshift/library-go's `naming.GetName`: `<base>-<suffix>` when it fits; otherwise the base is
 * shortened and a hash keeps long names unique (`<base…>-<hash(base)>-<suffix>`, or
 * `<base…>-<hash(name)>` when even the suffix is too long).
 */
export const getName = (base: string, suffix: string, maxLength = DNS1035_LABEL_MAX): string => {
  const name = `${base}-${suffix}`;
  if (name.length <= maxLength) return name;
  const baseLength = maxLength - 10 - suffix.length;
  if (baseLength < 0) {
    const prefix = base.slice(0, Math.max(0, maxLength - 9));
    return `${prefix}-${fnv32a(name)}`.slice(0, maxLength);
  }
  return `${base.slice(0, baseLength)}-${fnv32a(base)}-${suffix}`;
};

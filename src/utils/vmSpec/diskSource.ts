import { parseQuantity } from '../validation';
import type { DiskForm, DiskSourceKind } from './disks';

/** A DataVolume's `spec.source` as the Add disk dialog writes it. */
export type DiskDataVolumeSource =
  | { blank: Record<string, never> }
  | { http: { url: string } }
  | { registry: { url: string } }
  | { pvc: { name: string; namespace: string } }
  | { upload: Record<string, never> };

const DOCKER = 'docker://';

/** The registry import URL of an image reference: `docker://` is added when missing. */
export const registryURL = (image: string): string => {
  const text = image.trim();
  return text.startsWith(DOCKER) ? text : `${DOCKER}${text}`;
};

/**
 * The DataVolume source for a form (not for `pvc`, which uses the claim as it is): an HTTP(S)
 * import, a registry import, a clone of a PVC (in the VM's namespace unless another is chosen),
 * an upload from the browser, or a blank volume.
 */
export const dataVolumeSource = (form: DiskForm, vmNamespace: string): DiskDataVolumeSource => {
  switch (form.source) {
    case 'http':
      return { http: { url: (form.url ?? '').trim() } };
    case 'registry':
      return { registry: { url: registryURL(form.image ?? '') } };
    case 'pvcClone':
      return { pvc: { name: form.pvcName ?? '', namespace: form.pvcNamespace || vmNamespace } };
    case 'upload':
      return { upload: {} };
    default:
      return { blank: {} };
  }
};

/** Which fields of the Add disk dialog a source uses. */
export type DiskSourceFields = {
  url: boolean;
  image: boolean;
  /** The PVC's project (clone only: an existing PVC must be in the VM's namespace). */
  project: boolean;
  pvc: boolean;
  /** The image file to upload. */
  file: boolean;
  /** Size and storage class of the new DataVolume. */
  storage: boolean;
};

/** The fields each source shows; a new DataVolume (every source but `pvc`) gets size and class. */
export const diskSourceFields = (source: DiskSourceKind): DiskSourceFields => ({
  url: source === 'http',
  image: source === 'registry',
  project: source === 'pvcClone',
  pvc: source === 'pvc' || source === 'pvcClone',
  file: source === 'upload',
  storage: source !== 'pvc',
});

/**
 * Whether a clone's size is smaller than its source PVC's requested size (CDI cannot clone into a
 * smaller volume). Unknown or unparsable sizes are not judged here.
 */
export const isCloneTooSmall = (
  size: string | undefined,
  sourceSize: string | undefined,
): boolean => {
  const target = parseQuantity(size?.trim() || undefined);
  const source = parseQuantity(sourceSize);
  return target !== undefined && source !== undefined && target < source;
};

type ClaimSizes = {
  spec?: { resources?: { requests?: { storage?: string } } };
  status?: { capacity?: { storage?: string } };
};

/** The size a clone of the claim must at least have: what the claim requested, else its capacity. */
export const claimSize = (claim: ClaimSizes | undefined): string | undefined =>
  claim?.spec?.resources?.requests?.storage ?? claim?.status?.capacity?.storage;

/**
 * Whether the disk is smaller than the file to upload. CDI converts the image into the volume, so
 * the volume must hold at least the file (a qcow2 or compressed image needs its full virtual
 * size, which only CDI reads).
 */
export const isSmallerThanUpload = (
  size: string | undefined,
  uploadBytes: number | undefined,
): boolean => {
  const target = parseQuantity(size?.trim() || undefined);
  return target !== undefined && uploadBytes !== undefined && target < uploadBytes;
};

/** A disk size for an image file: its size rounded up to whole GiB. */
export const uploadDiskSize = (bytes: number): string =>
  `${Math.max(1, Math.ceil(bytes / 2 ** 30))}Gi`;

/**
 * Annotations of a new disk's DataVolume. An upload binds its claim at once (as `virtctl
 * image-upload --force-bind` does): on a WaitForFirstConsumer class the claim would otherwise wait
 * for the VM to start, and CDI's upload server, which needs the claim, would never come up.
 */
export const dataVolumeAnnotations = (form: DiskForm): Record<string, string> | undefined =>
  form.source === 'upload'
    ? { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' }
    : undefined;

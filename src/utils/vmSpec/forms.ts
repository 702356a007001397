import type { VirtualMachine } from '../../models/types';
import {
  validateDNSLabel,
  validateHTTPURL,
  validateImageReference,
  validateLabelKey,
  validateLabelValue,
  validateQuantity,
  type ValidationIssue,
} from '../validation';
import { isDiskNameTaken, type DiskForm } from './disks';
import { diskSourceFields, isCloneTooSmall, isSmallerThanUpload } from './diskSource';
import { hasPodNetwork, isNICNameTaken, isValidMAC, type NICForm } from './nics';
import type { VMToleration } from './types';

/** A clone smaller than its source PVC; `min` is the source's requested size as written. */
export type CloneSizeIssue = { code: 'clone-size'; min: string };
/** A disk smaller than the file to upload into it; `bytes` is the file's size. */
export type UploadSizeIssue = { code: 'upload-size'; bytes: number };

/** Issues of a form's fields, by field name (only the invalid ones). */
export type FormIssues<F extends string> = Partial<
  Record<F, ValidationIssue | CloneSizeIssue | UploadSizeIssue | 'taken' | 'mac'>
>;

/** The Add disk dialog's fields that can be invalid. */
export type DiskFormField = 'name' | 'size' | 'pvcName' | 'url' | 'image' | 'file';

/** The smallest disk the Add disk dialog accepts (1 MiB). */
const MIN_DISK_SIZE = 2 ** 20;

/**
 * The Add disk dialog's rules: a DNS-1123 label not used by another disk or volume; a size for
 * every source that creates a DataVolume (for a clone at least the source PVC's requested size,
 * `cloneSourceSize`; for an upload at least the file's size); an absolute http(s) URL for a URL
 * import, an image reference for a registry import, a PVC for the PVC sources, a file to upload.
 */
export const validateDiskForm = (
  vm: VirtualMachine,
  form: DiskForm,
  cloneSourceSize?: string,
): FormIssues<DiskFormField> => {
  const issues: FormIssues<DiskFormField> = {};
  const fields = diskSourceFields(form.source);
  const name = validateDNSLabel(form.name);
  if (name) issues.name = name;
  else if (isDiskNameTaken(vm, form.name)) issues.name = 'taken';
  if (fields.storage) {
    const size = validateQuantity(form.size ?? '', MIN_DISK_SIZE);
    if (size) issues.size = size;
    else if (
      form.source === 'pvcClone' &&
      cloneSourceSize &&
      isCloneTooSmall(form.size, cloneSourceSize)
    )
      issues.size = { code: 'clone-size', min: cloneSourceSize };
    else if (form.source === 'upload' && isSmallerThanUpload(form.size, form.uploadBytes))
      issues.size = { code: 'upload-size', bytes: form.uploadBytes ?? 0 };
  }
  if (fields.url) {
    const url = validateHTTPURL(form.url ?? '');
    if (url) issues.url = url;
  }
  if (fields.image) {
    const image = validateImageReference(form.image ?? '');
    if (image) issues.image = image;
  }
  if (fields.pvc && !form.pvcName) issues.pvcName = { code: 'required' };
  if (fields.file && !form.uploadBytes) issues.file = { code: 'required' };
  return issues;
};

/**
 * The network interface dialog's rules: a DNS-1123 label not used by another NIC, a MAC address
 * when one is given, a NAD for a Multus network, and at most one pod network.
 */
export const validateNICForm = (
  vm: VirtualMachine,
  form: NICForm,
  originalName?: string,
): FormIssues<'name' | 'macAddress' | 'network'> => {
  const issues: FormIssues<'name' | 'macAddress' | 'network'> = {};
  const name = validateDNSLabel(form.name);
  if (name) issues.name = name;
  else if (isNICNameTaken(vm, form.name, originalName)) issues.name = 'taken';
  if (!isValidMAC(form.macAddress)) issues.macAddress = 'mac';
  if (form.network.kind === 'multus' && !form.network.networkName)
    issues.network = { code: 'required' };
  if (form.network.kind === 'pod' && hasPodNetwork(vm, originalName)) issues.network = 'taken';
  return issues;
};

/**
 * One toleration's rules: the key is a label key (empty only with `Exists`, which then matches
 * every taint); with `Equal` the value is a label value; `Exists` takes no value.
 */
export const validateToleration = (toleration: VMToleration): FormIssues<'key' | 'value'> => {
  const issues: FormIssues<'key' | 'value'> = {};
  const operator = toleration.operator ?? 'Equal';
  if (toleration.key) {
    const key = validateLabelKey(toleration.key);
    if (key) issues.key = key;
  } else if (operator !== 'Exists') issues.key = { code: 'required' };
  if (operator === 'Equal') {
    const value = validateLabelValue(toleration.value ?? '');
    if (value) issues.value = value;
  }
  return issues;
};

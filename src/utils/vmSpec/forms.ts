import type { VirtualMachine } from '../../models/types';
import {
  validateDNSLabel,
  validateLabelKey,
  validateLabelValue,
  validateQuantity,
  type ValidationIssue,
} from '../validation';
import { isDiskNameTaken, type DiskForm } from './disks';
import { hasPodNetwork, isNICNameTaken, isValidMAC, type NICForm } from './nics';
import type { VMToleration } from './types';

/** Issues of a form's fields, by field name (only the invalid ones). */
export type FormIssues<F extends string> = Partial<Record<F, ValidationIssue | 'taken' | 'mac'>>;

/** The smallest disk the Add disk dialog accepts (1 MiB). */
const MIN_DISK_SIZE = 2 ** 20;

/**
 * The Add disk dialog's rules: a DNS-1123 label not used by another disk or volume, a size for
 * every source that creates a DataVolume, a PVC name for the PVC sources.
 */
export const validateDiskForm = (
  vm: VirtualMachine,
  form: DiskForm,
): FormIssues<'name' | 'size' | 'pvcName'> => {
  const issues: FormIssues<'name' | 'size' | 'pvcName'> = {};
  const name = validateDNSLabel(form.name);
  if (name) issues.name = name;
  else if (isDiskNameTaken(vm, form.name)) issues.name = 'taken';
  if (form.source !== 'pvc') {
    const size = validateQuantity(form.size ?? '', MIN_DISK_SIZE);
    if (size) issues.size = size;
  }
  if ((form.source === 'pvc' || form.source === 'pvcClone') && !form.pvcName)
    issues.pvcName = { code: 'required' };
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

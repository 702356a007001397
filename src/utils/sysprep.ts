import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine } from '../models/types';

/** The answer files KubeVirt's sysprep volume reads, by their key in the ConfigMap. */
export const SYSPREP_FILES = ['Autounattend.xml', 'Unattend.xml'] as const;
export type SysprepFile = (typeof SYSPREP_FILES)[number];
export type SysprepFiles = Record<SysprepFile, string>;

export type ConfigMap = K8sResourceCommon & { data?: Record<string, string> };

/** The ConfigMap the console keeps a VM's answer files in. */
export const sysprepConfigMapName = (vmName: string): string => `${vmName}-sysprep`;

/** The answer files of a ConfigMap (empty text for a missing key). */
export const readSysprepFiles = (configMap: ConfigMap | undefined): SysprepFiles => ({
  'Autounattend.xml': configMap?.data?.['Autounattend.xml'] ?? '',
  'Unattend.xml': configMap?.data?.['Unattend.xml'] ?? '',
});

/** Whether at least one answer file has content (one is required). */
export const hasSysprepFile = (files: SysprepFiles): boolean =>
  SYSPREP_FILES.some((file) => files[file].trim() !== '');

/** What an XML parser returns, as far as the check needs it (a DOM `Document`). */
export type ParsedXML = {
  getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
};
export type ParseXML = (text: string) => ParsedXML;

const parseWithDOM: ParseXML = (text) => new DOMParser().parseFromString(text, 'application/xml');

/**
 * Why the text is not well-formed XML (the parser's first message line, possibly empty), or
 * undefined when it is. Browsers' `DOMParser` reports errors as a `parsererror` element.
 */
export const xmlError = (text: string, parse: ParseXML = parseWithDOM): string | undefined => {
  if (!text.trimStart().startsWith('<')) return '';
  const error = parse(text).getElementsByTagName('parsererror')[0];
  if (!error) return undefined;
  return (
    (error.textContent ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  );
};

/**
 * The `<vm>-sysprep` ConfigMap holding the non-empty answer files: a new one, or `existing` with
 * its sysprep keys replaced (other keys kept; its resourceVersion makes the update fail when it
 * changed in the meantime). It is not owned by the VM: clones and snapshots may refer to it.
 */
export const buildSysprepConfigMap = (
  vm: VirtualMachine,
  files: SysprepFiles,
  existing?: ConfigMap,
): ConfigMap => {
  const data: Record<string, string> = Object.fromEntries(
    Object.entries(existing?.data ?? {}).filter(
      ([key]) => !(SYSPREP_FILES as readonly string[]).includes(key),
    ),
  );
  for (const file of SYSPREP_FILES) if (files[file].trim()) data[file] = files[file];
  if (existing) return { ...existing, data };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: sysprepConfigMapName(vm.metadata?.name ?? ''),
      namespace: vm.metadata?.namespace,
    },
    data,
  };
};

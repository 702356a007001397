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
 * Why an answer file is not well-formed XML, as far as the form can say it in the user's language:
 * `notMarkup` when the text does not start with markup (it was not parsed), else where the
 * parser stopped, when its message names a line (and column).
 */
export type XMLIssue = { notMarkup?: boolean; line?: number; column?: number };

/**
 * The line and column a parser's message names (pure): Chromium and WebKit write "error on line 3
 * at column 7", Firefox "Line Number 3, Column 7", others "3:7".
 */
export const xmlErrorPosition = (message: string): { line?: number; column?: number } => {
  const words = /line(?:\s+number)?\s+(\d+)(?:\D{1,12}?column\s+(\d+))?/i.exec(message);
  const pair = words ? undefined : /\b(\d+):(\d+)\b/.exec(message);
  const line = Number(words?.[1] ?? pair?.[1]);
  const column = Number(words?.[2] ?? pair?.[2]);
  return {
    ...(line > 0 ? { line } : {}),
    ...(line > 0 && column > 0 ? { column } : {}),
  };
};

/**
 * Why the text is not well-formed XML, or undefined when it is. Browsers' `DOMParser` reports
 * errors as a `parsererror` element, in English: only the position is taken from it, so the form
 * shows its own translated message.
 */
export const xmlError = (text: string, parse: ParseXML = parseWithDOM): XMLIssue | undefined => {
  if (!text.trimStart().startsWith('<')) return { notMarkup: true };
  const error = parse(text).getElementsByTagName('parsererror')[0];
  if (!error) return undefined;
  return xmlErrorPosition(error.textContent ?? '');
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

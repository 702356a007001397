import type { KubeObject } from '../../apiserver/core/types';
import type { ResourceRef } from '../runtime/resources';

/** The CDI operator's CR (cluster-scoped, one per cluster) — not among the shared refs. */
export const CDI_CR: ResourceRef = {
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'CDI',
  plural: 'cdis',
  namespaced: false,
};

/** CDI's global filesystem overhead when nothing configures one. */
export const DEFAULT_FILESYSTEM_OVERHEAD = '0.055';

export interface CdiConfigLike extends KubeObject {
  spec?: Record<string, unknown> & {
    featureGates?: string[];
    filesystemOverhead?: { global?: string; storageClass?: Record<string, string> };
  };
  status?: {
    filesystemOverhead?: { global?: string; storageClass?: Record<string, string> };
    uploadProxyURL?: string;
  };
}

export interface CdiCrLike extends KubeObject {
  spec?: { config?: CdiConfigLike['spec'] };
}

/** Feature gates from the CDI CR's `spec.config` (what the operator copies into CDIConfig). */
export const featureGatesOf = (cdi: CdiCrLike | undefined, config?: CdiConfigLike): Set<string> =>
  new Set([...(cdi?.spec?.config?.featureGates ?? []), ...(config?.spec?.featureGates ?? [])]);

const parseOverhead = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n < 1 ? n : undefined;
};

/** The filesystem overhead for a class: CDIConfig status per class, then global, then 5.5%. */
export const overheadFor = (
  config: CdiConfigLike | undefined,
  className: string | undefined,
): number => {
  const fo = config?.status?.filesystemOverhead;
  return (
    (className ? parseOverhead(fo?.storageClass?.[className]) : undefined) ??
    parseOverhead(fo?.global) ??
    Number(DEFAULT_FILESYSTEM_OVERHEAD)
  );
};

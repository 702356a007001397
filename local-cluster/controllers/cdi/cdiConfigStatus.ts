import type { StorageClass } from './cdiTypes';
import { DEFAULT_FILESYSTEM_OVERHEAD } from './cdiSettings';
import type { CdiConfigLike } from './cdiSettings';
import { defaultStorageClass } from './storageClasses';

/** CDI's defaults for its importer, uploader and cloner pods. */
export const DEFAULT_POD_RESOURCES = {
  limits: { cpu: '750m', memory: '600M' },
  requests: { cpu: '100m', memory: '60M' },
};

/**
 * The spec the CDI operator keeps in `cdiconfigs/config`: the CDI CR's `spec.config`, with
 * DataVolume garbage collection off (`dataVolumeTTLSeconds: -1`) as OpenShift Virtualization sets it.
 */
export const cdiConfigSpec = (
  fromCr: Record<string, unknown> | undefined,
): Record<string, unknown> => ({
  dataVolumeTTLSeconds: -1,
  ...fromCr,
});

/** CDIConfig's status as CDI's config controller computes it. */
export const cdiConfigStatus = (
  spec: CdiConfigLike['spec'],
  classes: StorageClass[],
  defaultUploadProxyUrl: string,
): Record<string, unknown> => {
  const fo = spec?.filesystemOverhead;
  const global = fo?.global ?? DEFAULT_FILESYSTEM_OVERHEAD;
  const perClass = Object.fromEntries(
    classes
      .map((c) => c.metadata.name ?? '')
      .sort()
      .map((n) => [n, fo?.storageClass?.[n] ?? global]),
  );
  const scratchWanted =
    typeof spec?.scratchSpaceStorageClass === 'string' ? spec.scratchSpaceStorageClass : '';
  const scratch = classes.some((c) => c.metadata.name === scratchWanted)
    ? scratchWanted
    : (defaultStorageClass(classes)?.metadata.name ?? '');
  return {
    uploadProxyURL:
      typeof spec?.uploadProxyURLOverride === 'string' && spec.uploadProxyURLOverride
        ? spec.uploadProxyURLOverride
        : defaultUploadProxyUrl,
    importProxy: { HTTPProxy: '', HTTPSProxy: '', noProxy: '', trustedCAProxy: '' },
    scratchSpaceStorageClass: scratch,
    defaultPodResourceRequirements: spec?.podResourceRequirements ?? DEFAULT_POD_RESOURCES,
    filesystemOverhead: { global, storageClass: perClass },
    preallocation: spec?.preallocation === true,
  };
};

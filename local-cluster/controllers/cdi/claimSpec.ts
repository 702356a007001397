import { parseQuantity } from '../../apiserver/validation/quantity';
import type {
  AccessMode,
  DataVolume,
  PvcSpec,
  StorageClass,
  StorageProfileStatus,
  VolumeMode,
} from './cdiTypes';
import { resolveStorageClass } from './storageClasses';

const MiB = 2 ** 20;
const BINARY_SUFFIXES: [string, number][] = [
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];

/** A byte count as Kubernetes would print it: the largest exact binary suffix, else plain bytes. */
export const formatBytes = (bytes: number): string => {
  for (const [suffix, unit] of BINARY_SUFFIXES)
    if (bytes >= unit && bytes % unit === 0) return `${bytes / unit}${suffix}`;
  return String(bytes);
};

/** Bytes of a quantity string; undefined when absent or malformed. */
export const bytesOf = (quantity: string | number | undefined): number | undefined => {
  if (quantity === undefined) return undefined;
  try {
    return parseQuantity(quantity);
  } catch {
    return undefined;
  }
};

/**
 * The claim size CDI asks for so that an image of `requested` bytes fits on a filesystem volume:
 * aligned up to 1 MiB, then enlarged by the filesystem overhead (CDI's GetRequiredSpace).
 */
export const sizeWithOverhead = (requested: number, overhead: number): number => {
  const aligned = Math.ceil(requested / MiB) * MiB;
  return Math.ceil(aligned / (1 - overhead));
};

export interface ClaimInputs {
  dv: DataVolume;
  storageClasses: StorageClass[];
  /** StorageProfile status by class name. */
  profiles: Map<string, StorageProfileStatus>;
  /** Filesystem overhead (0.055 = 5.5%) for a class name; CDIConfig's per-class map or global. */
  overheadFor: (className: string | undefined) => number;
  /** Size of the clone source, used when the DV asks for none. */
  sourceBytes?: number;
}

export type ClaimResult =
  | { ok: true; spec: PvcSpec; storageClass?: StorageClass; sizeBytes: number }
  | { ok: false; message: string };

const pickPropertySet = (
  profile: StorageProfileStatus | undefined,
  accessModes: AccessMode[] | undefined,
  volumeMode: VolumeMode | undefined,
): { accessModes?: AccessMode[]; volumeMode?: VolumeMode } | undefined => {
  const sets = profile?.claimPropertySets ?? [];
  if (!sets.length) return undefined;
  if (accessModes?.length)
    return (
      sets.find((s) => accessModes.every((m) => s.accessModes?.includes(m))) ?? {
        accessModes,
        volumeMode: sets[0].volumeMode,
      }
    );
  if (volumeMode) return sets.find((s) => s.volumeMode === volumeMode);
  return sets[0];
};

/**
 * The PVC spec CDI renders for a DataVolume. `spec.pvc` is taken as written; `spec.storage` is
 * completed from the StorageProfile of the (default) class: access modes and volume mode from its
 * claimPropertySets, the size from the DV (or the clone source) plus the filesystem overhead.
 */
export const renderClaimSpec = (inputs: ClaimInputs): ClaimResult => {
  const { dv } = inputs;
  const requestedOf = (spec: PvcSpec | undefined): number | undefined =>
    bytesOf(spec?.resources?.requests?.storage);

  if (dv.spec.pvc) {
    const pvc = dv.spec.pvc;
    const size = requestedOf(pvc) ?? inputs.sourceBytes;
    if (size === undefined) return { ok: false, message: 'missing storage size' };
    const storageClass =
      pvc.storageClassName === undefined || pvc.storageClassName === null
        ? undefined
        : inputs.storageClasses.find((c) => c.metadata.name === pvc.storageClassName);
    return {
      ok: true,
      storageClass,
      sizeBytes: size,
      spec: {
        ...pvc,
        resources: {
          ...pvc.resources,
          requests: { ...pvc.resources?.requests, storage: formatBytes(size) },
        },
      },
    };
  }

  const storage = dv.spec.storage ?? {};
  const sc = resolveStorageClass(inputs.storageClasses, storage.storageClassName, {
    forVirt: dv.spec.contentType !== 'archive',
  });
  if (!sc && storage.storageClassName)
    return {
      ok: false,
      message: `storageclass.storage.k8s.io "${storage.storageClassName}" not found`,
    };
  const className = sc?.metadata.name;
  const profile = className ? inputs.profiles.get(className) : undefined;
  let accessModes = storage.accessModes?.length ? storage.accessModes : undefined;
  let volumeMode = storage.volumeMode;
  if (!accessModes || !volumeMode) {
    const set = pickPropertySet(profile, accessModes, volumeMode);
    if (!accessModes) {
      if (!set?.accessModes?.length)
        return {
          ok: false,
          message: className
            ? `no accessMode specified in StorageProfile ${className}`
            : 'DataVolume.storage spec is missing accessMode and no storageClass to choose profile',
        };
      accessModes = set.accessModes;
    }
    volumeMode ??= set?.volumeMode ?? 'Filesystem';
  }
  const requested = requestedOf(storage);
  const base = requested ?? inputs.sourceBytes;
  if (base === undefined) return { ok: false, message: 'missing storage size' };
  // A clone that names no size takes the source's size as is; a size the user wrote is the
  // image size, which needs room for the filesystem around it.
  const size =
    volumeMode === 'Filesystem' && requested !== undefined
      ? sizeWithOverhead(base, inputs.overheadFor(className))
      : base;
  return {
    ok: true,
    storageClass: sc,
    sizeBytes: size,
    spec: {
      accessModes,
      volumeMode,
      resources: { requests: { storage: formatBytes(size) } },
      ...(className ? { storageClassName: className } : {}),
    },
  };
};

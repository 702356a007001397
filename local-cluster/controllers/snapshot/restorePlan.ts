import type {
  V1beta1VolumeRestore,
  V1DataVolumeTemplateSpec,
  V1Volume,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { applyPatch } from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { parseQuantity } from '../../apiserver/validation/quantity';
import { ANNOTATIONS, LABELS } from './snapshotNames';
import { vmVolumes } from './snapshotPlan';
import type {
  Pvc,
  SnapshotVm,
  VirtualMachine,
  VmRestore,
  VmSnapshotContent,
  VolumeBackup,
  VolumeSnapshot,
} from './snapshotTypes';

/** What a VirtualMachineRestore produces, kept pure: restored volume names, the restored PVCs,
 * the restored VM and the DataVolumes that go away. */

/** `name-uid` of the restore, written on everything it restored. */
export const lastRestoreValue = (restore: VmRestore): string =>
  `${restore.metadata.name ?? ''}-${restore.metadata.uid ?? ''}`;

export const hasLastRestoreAnnotation = (
  restore: VmRestore,
  obj: { metadata: { annotations?: Record<string, string> } },
): boolean => obj.metadata.annotations?.[ANNOTATIONS.lastRestore] === lastRestoreValue(restore);

/** KubeVirt's restoreVolumeName: an override's name, the original name for InPlace restores,
 * else `restore-<restore uid>-<volume>`. */
export const restoreVolumeName = (
  restore: VmRestore,
  volumeName: string,
  claimName: string,
): string => {
  const override = restore.spec.volumeRestoreOverrides?.find(
    (o) => o.volumeName === volumeName && o.restoreName,
  );
  if (override?.restoreName) return override.restoreName;
  if (restore.spec.volumeRestorePolicy === 'InPlace') return claimName;
  return `restore-${restore.metadata.uid ?? ''}-${volumeName}`;
};

/** One VolumeRestore per volume backup (memory dumps are never restored). */
export const volumeRestoresFor = (
  restore: VmRestore,
  content: VmSnapshotContent,
): V1beta1VolumeRestore[] => {
  const memoryDumps = new Set(
    vmVolumes(content.spec.source.virtualMachine ?? {})
      .filter((v) => v.memoryDump)
      .map((v) => v.name),
  );
  return (content.spec.volumeBackups ?? [])
    .filter((b) => !memoryDumps.has(b.volumeName) && b.volumeSnapshotName)
    .map((b) => {
      const existing = restore.status?.restores?.find((r) => r.volumeName === b.volumeName);
      return (
        existing ?? {
          volumeName: b.volumeName,
          persistentVolumeClaim: restoreVolumeName(
            restore,
            b.volumeName,
            b.persistentVolumeClaim.metadata.name ?? '',
          ),
          volumeSnapshotName: b.volumeSnapshotName ?? '',
        }
      );
    });
};

/** Annotations a restored PVC must not inherit (binding and CDI state of the original). */
const STRIPPED_ANNOTATION_PREFIXES = [
  'pv.kubernetes.io',
  'volume.beta.kubernetes.io',
  'cdi.kubevirt.io',
  'volume.kubernetes.io',
  'k8s.io/CloneRequest',
  'k8s.io/CloneOf',
];

const quantityBytes = (q: string | undefined): number => {
  try {
    return q ? parseQuantity(q) : 0;
  } catch {
    return 0;
  }
};

/**
 * The PVC restored from a volume backup: the original claim's class, modes and size (grown to the
 * snapshot's restoreSize when that is larger), populated from the VolumeSnapshot.
 */
export const restorePvcManifest = (input: {
  restore: VmRestore;
  pvcName: string;
  backup: VolumeBackup;
  volumeSnapshot: VolumeSnapshot;
  sourceVm: { name: string; namespace: string };
}): Pvc => {
  const { restore, backup, volumeSnapshot } = input;
  const source = backup.persistentVolumeClaim;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(source.metadata.annotations ?? {})) {
    if (!STRIPPED_ANNOTATION_PREFIXES.some((p) => k.startsWith(p))) annotations[k] = v;
  }
  annotations[ANNOTATIONS.restoreName] = restore.metadata.name ?? '';
  annotations[ANNOTATIONS.lastRestore] = lastRestoreValue(restore);
  const override = restore.spec.volumeRestoreOverrides?.find(
    (o) => o.volumeName === backup.volumeName,
  );
  Object.assign(annotations, override?.annotations ?? {});
  const requested = source.spec.resources?.requests?.storage;
  const restoreSize = volumeSnapshot.status?.restoreSize;
  const storage =
    restoreSize && quantityBytes(restoreSize) > quantityBytes(requested) ? restoreSize : requested;
  const dataSource = {
    apiGroup: 'snapshot.storage.k8s.io',
    kind: 'VolumeSnapshot',
    name: backup.volumeSnapshotName ?? '',
  };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: input.pvcName,
      namespace: restore.metadata.namespace,
      labels: {
        ...(source.metadata.labels ?? {}),
        ...(override?.labels ?? {}),
        [LABELS.restoreSourceName]: input.sourceVm.name,
        [LABELS.restoreSourceNamespace]: input.sourceVm.namespace,
      },
      annotations,
    },
    spec: {
      accessModes: source.spec.accessModes,
      resources: { requests: { ...(storage ? { storage } : {}) } },
      storageClassName: source.spec.storageClassName,
      volumeMode: source.spec.volumeMode,
      dataSource,
      dataSourceRef: dataSource,
    },
  };
};

/** DataVolume templates of the current VM that the restored VM no longer has. */
export const deletedDataVolumes = (
  oldTemplates: readonly V1DataVolumeTemplateSpec[] | undefined,
  newTemplates: readonly V1DataVolumeTemplateSpec[] | undefined,
): string[] =>
  (oldTemplates ?? [])
    .map((t) => t.metadata?.name ?? '')
    .filter((name) => name && !(newTemplates ?? []).some((n) => n.metadata?.name === name));

/**
 * The restored VM (KubeVirt's generateRestoredVMSpec): the snapshot's spec with every restored
 * volume pointed at its restored claim (templated DataVolumes renamed with their template, other
 * DataVolumes turned into PVC volumes), memory dumps dropped, the run strategy kept for an
 * existing VM and Halted for a new one, and the last-restore annotation set.
 */
export const restoredVm = (input: {
  restore: VmRestore;
  snapshotVm: SnapshotVm;
  restores: readonly V1beta1VolumeRestore[];
  existing?: VirtualMachine;
}): VirtualMachine => {
  const { restore, snapshotVm, restores, existing } = input;
  const spec = structuredClone(snapshotVm.spec);
  const templates = [...(spec.dataVolumeTemplates ?? [])];
  const volumes: V1Volume[] = [];
  for (const volume of vmVolumes(snapshotVm)) {
    if (volume.memoryDump) continue;
    const vr = restores.find((r) => r.volumeName === volume.name);
    if (!vr || (!volume.dataVolume && !volume.persistentVolumeClaim)) {
      volumes.push(volume);
      continue;
    }
    if (volume.persistentVolumeClaim) {
      volumes.push({
        ...volume,
        persistentVolumeClaim: {
          ...volume.persistentVolumeClaim,
          claimName: vr.persistentVolumeClaim,
        },
      });
      continue;
    }
    const index = templates.findIndex((t) => t.metadata?.name === volume.dataVolume?.name);
    if (index >= 0) {
      const dvName = vr.dataVolumeName ?? vr.persistentVolumeClaim;
      templates[index] = {
        ...templates[index],
        metadata: { ...templates[index].metadata, name: dvName },
      };
      volumes.push({ ...volume, dataVolume: { ...volume.dataVolume, name: dvName } });
    } else {
      volumes.push({
        name: volume.name,
        persistentVolumeClaim: { claimName: vr.persistentVolumeClaim },
      });
    }
  }
  spec.dataVolumeTemplates = templates;
  if (spec.template.spec) spec.template.spec.volumes = volumes;

  let vm: VirtualMachine;
  if (!existing) {
    vm = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: {
        name: restore.spec.target.name,
        namespace: restore.metadata.namespace,
        labels: snapshotVm.metadata.labels,
        annotations: { ...(snapshotVm.metadata.annotations ?? {}) },
      },
      spec,
    };
    if (spec.running !== undefined) vm.spec.running = false;
    else vm.spec.runStrategy = 'Halted';
  } else {
    vm = { ...existing, metadata: { ...existing.metadata }, spec };
    if (existing.spec.running !== undefined) {
      vm.spec.running = false;
      delete vm.spec.runStrategy;
    } else {
      vm.spec.runStrategy = existing.spec.runStrategy ?? existing.status?.runStrategy ?? 'Halted';
      delete vm.spec.running;
    }
  }
  vm.metadata.annotations = {
    ...(vm.metadata.annotations ?? {}),
    [ANNOTATIONS.lastRestore]: lastRestoreValue(restore),
  };
  return vm;
};

/** Applies a restore's JSON patches (each a JSON-encoded operation) to a new VM, as KubeVirt's
 * patchVM does; throws the way KubeVirt words a bad patch. */
export const applyRestorePatches = (
  vm: VirtualMachine,
  patches: readonly string[] | undefined,
): VirtualMachine => {
  if (!patches?.length) return vm;
  let ops: Operation[];
  try {
    ops = JSON.parse(`[${patches.join(',')}]`) as Operation[];
  } catch (err) {
    throw new Error(`cannot decode vm patches [${patches.join(',')}]: ${String(err)}`, {
      cause: err,
    });
  }
  try {
    return applyPatch(structuredClone(vm), ops, true, false).newDocument;
  } catch (err) {
    throw new Error(`error patching VM ${vm.metadata.name ?? ''}: ${String(err)}`, { cause: err });
  }
};

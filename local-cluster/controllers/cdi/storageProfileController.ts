import { isDeepStrictEqual } from 'node:util';
import { isAlreadyExists } from '../runtime/apiClient';
import { Controller } from '../runtime/controller';
import { STORAGE_CLASS, STORAGE_PROFILE, VOLUME_SNAPSHOT_CLASS } from '../runtime/resources';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { cdiControllerLabels } from './cdiNames';
import type {
  StorageClass,
  StorageProfile,
  StorageProfileStatus,
  VolumeSnapshotClass,
} from './cdiTypes';
import { storageProfileStatus } from './storageProfileStatus';

/** A merge patch turning `old` into `next`: keys that disappear are nulled. */
export const statusPatch = (
  old: Record<string, unknown> | undefined,
  next: Record<string, unknown>,
): Record<string, unknown> => {
  const patch: Record<string, unknown> = { ...next };
  for (const k of Object.keys(old ?? {})) if (!(k in next)) patch[k] = null;
  return patch;
};

/** CDI's storage profile controller: one StorageProfile per StorageClass, its status computed. */
export const startStorageProfileController = (runtime: ControllerRuntime): Stoppable => {
  const client = runtime.clientFor('cdi-controller');
  const classes = runtime.informers.for<StorageClass>(STORAGE_CLASS);
  const profiles = runtime.informers.for<StorageProfile>(STORAGE_PROFILE);
  const snapshotClasses = runtime.informers.for<VolumeSnapshotClass>(VOLUME_SNAPSHOT_CLASS);

  const reconcile = async (name: string): Promise<undefined> => {
    const sc = classes.get(undefined, name);
    let profile = profiles.get(undefined, name);
    if (!sc) {
      // The class is gone; so is the profile CDI made for it.
      if (profile?.metadata.labels?.['app.kubernetes.io/managed-by'] === 'cdi-controller')
        await client.delete(STORAGE_PROFILE, undefined, name);
      return undefined;
    }
    if (!profile) {
      try {
        profile = await client.create<StorageProfile>(STORAGE_PROFILE, undefined, {
          metadata: { name, labels: { ...cdiControllerLabels(), 'cdi.kubevirt.io': '' } },
          spec: {},
        });
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
        return undefined;
      }
    }
    const status: StorageProfileStatus = storageProfileStatus(sc, profile, snapshotClasses.list());
    if (!isDeepStrictEqual(profile.status ?? {}, status))
      await client.patchStatus(
        STORAGE_PROFILE,
        undefined,
        name,
        statusPatch(profile.status as Record<string, unknown> | undefined, { ...status }),
      );
    return undefined;
  };

  const allClasses = (): string[] => classes.list().map((c) => c.metadata.name ?? '');
  const controller = new Controller('storageprofile', reconcile, { log: runtime.log })
    .watch(classes, (c) => c.metadata.name)
    .watch(profiles, (p) => p.metadata.name)
    .watch(snapshotClasses, allClasses);
  for (const n of allClasses()) controller.enqueue(n);
  for (const p of profiles.list()) controller.enqueue(p.metadata.name ?? '');
  return { stop: () => controller.stop() };
};

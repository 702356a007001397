import { randomBytes } from 'node:crypto';
import {
  CDI_CONFIG,
  DATA_IMPORT_CRON,
  DATA_SOURCE,
  DV,
  NODE,
  POD,
  PV,
  PVC,
  STORAGE_CLASS,
  STORAGE_PROFILE,
  VOLUME_SNAPSHOT,
  VOLUME_SNAPSHOT_CLASS,
} from '../runtime/resources';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import type { Pvc } from './cdiTypes';
import { CDI_CR } from './cdiSettings';
import { startCdiConfigController } from './cdiConfigController';
import { startDataImportCronController } from './dataImportCronController';
import { startDataSourceController } from './dataSourceController';
import { startDataVolumeController } from './dataVolumeController';
import { startPvProvisioner } from './pvProvisioner';
import { startStorageProfileController } from './storageProfileController';
import { uploadProxyRoute } from './uploadProxy';
import { uploadTokenHandler } from './uploadTokenHandler';
import { UploadTracker } from './uploadTracker';

const UPLOAD_TOKEN_KIND = 'upload.cdi.kubevirt.io/uploadtokenrequests';

/**
 * CDI and the storage plumbing under it: the PV provisioner of the simulated CSI drivers,
 * StorageProfiles, CDIConfig, DataVolumes (import, upload, clone), DataSources, DataImportCrons,
 * the `uploadtokenrequests` API and the upload proxy on the API server's port.
 */
export const startCdi = async (runtime: ControllerRuntime): Promise<Stoppable> => {
  // Every controller below decides from its caches: they must have listed once, or a volume whose
  // claim is merely not loaded yet would look orphaned.
  for (const ref of [
    DV,
    PVC,
    PV,
    STORAGE_CLASS,
    STORAGE_PROFILE,
    VOLUME_SNAPSHOT,
    VOLUME_SNAPSHOT_CLASS,
    DATA_SOURCE,
    DATA_IMPORT_CRON,
    CDI_CONFIG,
    CDI_CR,
    POD,
    NODE,
  ])
    runtime.informers.for(ref);
  await runtime.informers.synced();

  const uploads = new UploadTracker();
  const tokenKey = randomBytes(32);
  const pvcs = runtime.informers.for<Pvc>(PVC);
  const apiHost = new URL(runtime.client.baseUrl).host;

  const parts: Stoppable[] = [
    startStorageProfileController(runtime),
    startCdiConfigController(runtime, apiHost),
    startPvProvisioner(runtime),
    startDataVolumeController(runtime, uploads),
    startDataSourceController(runtime),
    startDataImportCronController(runtime),
  ];

  runtime.server.virtualHandlers.set(
    UPLOAD_TOKEN_KIND,
    uploadTokenHandler(tokenKey, pvcs, () => Math.floor(Date.now() / 1000)),
  );
  const route = uploadProxyRoute({
    key: tokenKey,
    pvcs,
    uploads,
    timing: runtime.timing,
    log: runtime.log,
  });
  runtime.server.routes.push(route);

  return {
    stop: async () => {
      runtime.server.virtualHandlers.delete(UPLOAD_TOKEN_KIND);
      const i = runtime.server.routes.indexOf(route);
      if (i >= 0) runtime.server.routes.splice(i, 1);
      for (const p of parts) await p.stop();
    },
  };
};

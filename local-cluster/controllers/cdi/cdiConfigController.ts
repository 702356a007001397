import { isDeepStrictEqual } from 'node:util';
import { isAlreadyExists } from '../runtime/apiClient';
import { Controller } from '../runtime/controller';
import { CDI_CONFIG, STORAGE_CLASS } from '../runtime/resources';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { cdiControllerLabels } from './cdiNames';
import { cdiConfigSpec, cdiConfigStatus } from './cdiConfigStatus';
import { CDI_CR } from './cdiSettings';
import type { CdiConfigLike, CdiCrLike } from './cdiSettings';
import type { StorageClass } from './cdiTypes';
import { statusPatch } from './storageProfileController';

const CONFIG_NAME = 'config';

/**
 * CDI's config controller (and the part of the CDI operator that fills `cdiconfigs/config`): the
 * spec mirrors the CDI CR's `spec.config`; the status holds what the other controllers and the
 * console read (upload proxy URL, scratch class, filesystem overhead, pod resources).
 * `uploadProxyUrl` is the API server's host:port, which serves the upload proxy routes.
 */
export const startCdiConfigController = (
  runtime: ControllerRuntime,
  uploadProxyUrl: string,
): Stoppable => {
  const client = runtime.clientFor('cdi-operator');
  const cdis = runtime.informers.for<CdiCrLike>(CDI_CR);
  const configs = runtime.informers.for<CdiConfigLike>(CDI_CONFIG);
  const classes = runtime.informers.for<StorageClass>(STORAGE_CLASS);

  const reconcile = async (): Promise<undefined> => {
    const spec = cdiConfigSpec(cdis.list()[0]?.spec?.config);
    let config = configs.get(undefined, CONFIG_NAME);
    if (!config) {
      try {
        config = await client.create<CdiConfigLike>(CDI_CONFIG, undefined, {
          metadata: {
            name: CONFIG_NAME,
            labels: { ...cdiControllerLabels(), 'cdi.kubevirt.io': '' },
          },
          spec,
        });
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
        return undefined;
      }
    } else if (!isDeepStrictEqual(config.spec ?? {}, spec)) {
      config = await client.patch<CdiConfigLike>(CDI_CONFIG, undefined, CONFIG_NAME, {
        spec: statusPatch(config.spec, spec),
      });
    }
    const status = cdiConfigStatus(spec, classes.list(), uploadProxyUrl);
    if (!isDeepStrictEqual(config.status ?? {}, status))
      await client.patchStatus(
        CDI_CONFIG,
        undefined,
        CONFIG_NAME,
        statusPatch(config.status as Record<string, unknown> | undefined, status),
      );
    return undefined;
  };

  const controller = new Controller('cdiconfig', reconcile, { log: runtime.log })
    .watch(cdis, () => CONFIG_NAME)
    .watch(configs, () => CONFIG_NAME)
    .watch(classes, () => CONFIG_NAME);
  controller.enqueue(CONFIG_NAME);
  return { stop: () => controller.stop() };
};

/** The PluginStore, configured like console 4.22's (console-runtime.md §3, §5). */
import { PluginStore, type PluginManifest } from '@openshift/dynamic-plugin-sdk';
import { createShareScope } from './shareScope';
import type { ServerFlags } from './serverFlags';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

declare global {
  interface Window {
    __load_plugin_entry__?: (pluginName: string, entryModule: unknown) => void;
    loadPluginEntry?: (pluginID: string, entryModule: unknown) => void;
  }
}

export const createPluginStore = (flags: ServerFlags): PluginStore => {
  const store = new PluginStore({
    loaderOptions: {
      entryCallbackSettings: { name: '__load_plugin_entry__', registerCallback: true },
      sharedScope: createShareScope(),
      fetchImpl: (url, init) => fetch(url, { credentials: 'same-origin', ...init }),
      canLoadPlugin: (manifest) => flags.consolePlugins.includes(manifest.name),
      customDependencyResolutions: { '@console/pluginAPI': flags.releaseVersion },
      isDependencyResolvable: (name, isOptional) =>
        !isOptional || flags.consolePlugins.includes(name),
      transformPluginManifest: <T extends PluginManifest>(manifest: T): T => {
        if (!DNS_SUBDOMAIN.test(manifest.name)) {
          throw new Error(`Plugin name "${manifest.name}" is not a valid DNS subdomain name`);
        }
        if ('registrationMethod' in manifest && manifest.registrationMethod !== 'callback') {
          throw new Error(`Plugin "${manifest.name}" must use the "callback" registration method`);
        }
        return manifest;
      },
      getPluginEntryModule: () => {
        throw new Error('Only the "callback" plugin registration method is supported');
      },
    },
  });
  // 4.21 and older plugins call loadPluginEntry('name@version', container).
  window.loadPluginEntry = (pluginID, entryModule) => {
    console.warn(`Plugin ${pluginID} uses the deprecated loadPluginEntry callback`);
    window.__load_plugin_entry__?.(pluginID.split('@')[0], entryModule);
  };
  return store;
};

export const loadPlugins = async (store: PluginStore, flags: ServerFlags): Promise<void> => {
  await Promise.all(
    flags.consolePlugins.map((name) =>
      store
        .loadPlugin(`${flags.basePath}api/plugins/${name}/plugin-manifest.json`)
        .catch((e: unknown) => {
          console.error(`Failed to load plugin ${name}`, e);
        }),
    ),
  );
  for (const info of store.getPluginInfo()) {
    if (info.status === 'failed') {
      console.error(`Plugin ${info.manifest.name} failed: ${info.errorMessage}`, info.errorCause);
    }
  }
};

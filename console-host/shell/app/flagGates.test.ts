/**
 * The shell feeds every flag (console.flag/model, console.flag, console.flag/hookProvider) into
 * PluginStore.setFeatureFlags; the store then hides extensions whose `flags` gates fail, which is
 * what nav, routes, templates and action providers read.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  PluginStore,
  type LoadedExtension,
  type PluginManifest,
} from '@openshift/dynamic-plugin-sdk';

class TestStore extends PluginStore {
  add(manifest: PluginManifest, extensions: LoadedExtension[]) {
    this.addLoadedPlugin(manifest, extensions);
  }
}

const manifest = {
  name: 'p',
  version: '1.0.0',
  extensions: [],
  registrationMethod: 'callback',
  baseURL: '/api/plugins/p/',
  loadScripts: ['plugin-entry.js'],
} as unknown as PluginManifest;

const ext = (id: string, flags?: { required?: string[]; disallowed?: string[] }): LoadedExtension =>
  ({
    type: 'console.navigation/href',
    properties: { id },
    flags,
    pluginName: 'p',
    uid: id,
  }) as LoadedExtension;

describe('flag gates', () => {
  it('hides extensions until required flags are true and while disallowed flags are true', () => {
    vi.stubGlobal('window', {}); // the loader registers its entry callback on window
    const store = new TestStore();
    store.add(manifest, [
      ext('always'),
      ext('kubevirt', { required: ['KUBEVIRT'] }),
      ext('no-kubevirt', { disallowed: ['KUBEVIRT'] }),
    ]);
    store.enablePlugins(['p']);
    const ids = () => store.getExtensions().map((e) => e.properties.id);
    expect(ids()).toEqual(['always', 'no-kubevirt']);
    store.setFeatureFlags({ KUBEVIRT: true });
    expect(ids()).toEqual(['always', 'kubevirt']);
    store.setFeatureFlags({ KUBEVIRT: false });
    expect(ids()).toEqual(['always', 'no-kubevirt']);
  });
});

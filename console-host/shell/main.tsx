/**
 * The console host's browser entry: i18n, PluginStore with the console's share scope, discovery,
 * then the app inside PluginStoreProvider and BrowserRouter (console-runtime.md §5).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { PluginStoreProvider } from '@openshift/dynamic-plugin-sdk';
import { loadDiscovery } from '../sdk/k8s/discovery';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { applyStoredTheme } from './app/ThemeToggle';
import { i18n, initI18n } from './i18n';
import { createPluginStore, loadPlugins } from './pluginStore';
import { serverFlags } from './serverFlags';

const start = async () => {
  applyStoredTheme();
  const flags = serverFlags();
  await initI18n(flags.basePath, flags.i18nNamespaces);
  const store = createPluginStore(flags);
  void loadDiscovery();
  void loadPlugins(store, flags).then(() =>
    i18n.loadNamespaces(flags.consolePlugins.map((name) => `plugin__${name}`)),
  );
  // For tests and debugging, as the console does.
  Object.assign(window, { pluginStore: store });
  const container =
    document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
  createRoot(container).render(
    <StrictMode>
      <PluginStoreProvider store={store}>
        <BrowserRouter basename={flags.basePath.replace(/\/$/, '') || undefined}>
          <ErrorBoundary>
            <App />
          </ErrorBoundary>
        </BrowserRouter>
      </PluginStoreProvider>
    </StrictMode>,
  );
};

start().catch((e: unknown) => {
  console.error('Console host failed to start', e);
  document.body.textContent = `Console host failed to start: ${(e as Error).message}`;
});

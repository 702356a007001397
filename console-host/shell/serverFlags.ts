/** `window.SERVER_FLAGS`, injected by the host server into index.html. */
export type ServerFlags = {
  basePath: string;
  consolePlugins: string[];
  releaseVersion: string;
  i18nNamespaces: string[];
  prometheusBaseURL?: string;
  loginUser?: string;
  loginUsers?: unknown[];
};

declare global {
  interface Window {
    SERVER_FLAGS?: Partial<ServerFlags>;
  }
}

export const serverFlags = (): ServerFlags => ({
  basePath: '/',
  consolePlugins: [],
  releaseVersion: '4.22.0',
  i18nNamespaces: [],
  ...window.SERVER_FLAGS,
});

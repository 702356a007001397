/**
 * Monaco, bundled locally (never from a CDN): the editor core with its features, the basic `yaml`
 * language, the editor worker served at `/static/editor.worker.js`, and `@monaco-editor/react`'s
 * loader pointed at this instance. Imported only by the lazily loaded editor chunk.
 */
import 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import { loader } from '@monaco-editor/react';

declare global {
  interface Window {
    monaco?: typeof monaco;
  }
}

const STATIC = '/static/';

window.MonacoEnvironment = { getWorkerUrl: () => `${STATIC}editor.worker.js` };
loader.config({ monaco });
// The OpenShift console exposes its Monaco instance to plugins the same way.
window.monaco = monaco;

/** Links Monaco's stylesheet (editor CSS and codicon font) once; resolves when it has loaded. */
let stylesheet: Promise<void> | undefined;
export const loadMonacoStyles = (): Promise<void> => {
  stylesheet ??= new Promise<void>((done) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `${STATIC}monaco.css`;
    // An unstyled editor still works, so a failed load does not block it.
    link.onload = () => done();
    link.onerror = () => done();
    document.head.appendChild(link);
  });
  return stylesheet;
};

export { monaco };

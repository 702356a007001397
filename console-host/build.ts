/**
 * `npm run build:host`: bundles the console host's browser app (console-host/shell/main.tsx) with
 * esbuild into `.host-build/` (served as `/static/`), next to PatternFly 6.4's global CSS and fonts.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, '.host-build');
const require = createRequire(join(root, 'package.json'));

/** Version of an installed package, read from its package.json. */
const versionOf = (name: string): string => {
  const pkgPath = join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
};

const SHARED = [
  'react',
  'react-dom',
  'react-router',
  'react-i18next',
  'react-redux',
  'redux',
  'redux-thunk',
  '@openshift/dynamic-plugin-sdk',
  '@openshift-console/dynamic-plugin-sdk',
];

/** Copies PatternFly's global CSS and the assets it references, and writes main.css importing them. */
const copyPatternFly = (): void => {
  const pf = dirname(require.resolve('@patternfly/patternfly/package.json'));
  for (const file of ['patternfly.css', 'patternfly-addons.css']) {
    cpSync(join(pf, file), join(outdir, file));
  }
  for (const dir of ['fonts', 'pficon']) {
    const target = join(outdir, 'assets', dir);
    if (!existsSync(target)) cpSync(join(pf, 'assets', dir), target, { recursive: true });
  }
};

/**
 * Monaco's editor worker (a classic worker script, `/static/editor.worker.js`) and its stylesheet with
 * the codicon font (`/static/monaco.css`, linked when the first editor mounts). YAML uses Monaco's
 * basic `yaml` language, which needs no language worker.
 */
const buildMonacoAssets = async (): Promise<void> => {
  const common = {
    absWorkingDir: root,
    outdir,
    bundle: true,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  } as const;
  await build({
    ...common,
    entryPoints: { 'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js' },
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  });
  await build({
    ...common,
    // The min build's single stylesheet holds every editor feature's CSS and the codicon font.
    entryPoints: { monaco: 'monaco-editor/min/vs/editor/editor.main.css' },
    loader: { '.ttf': 'file' },
    assetNames: 'assets/[name]-[hash]',
  });
};

const main = async (): Promise<void> => {
  const started = Date.now();
  mkdirSync(outdir, { recursive: true });
  // Chunk names carry content hashes: drop the previous build's.
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
  copyPatternFly();
  const versions = Object.fromEntries(SHARED.map((name) => [name, versionOf(name)]));
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'console-host/shell/main.tsx' },
    outdir,
    bundle: true,
    format: 'esm',
    // Monaco (the SDK's CodeEditor) is imported dynamically: it lands in its own chunk, fetched only
    // when an editor mounts.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'warning',
    // PatternFly component CSS comes from the global patternfly.css (as in the console); the SDK's
    // pure components import .scss files that the console build compiles and we do not need.
    // Monaco's per-module CSS is covered by monaco.css below.
    loader: { '.css': 'empty', '.scss': 'empty', '.woff2': 'file', '.svg': 'file' },
    define: {
      'process.env.NODE_ENV': '"production"',
      __SHARED_VERSIONS__: JSON.stringify(versions),
    },
  });
  await buildMonacoAssets();
  const hostCss = readFileSync(join(root, 'console-host/shell/host.css'), 'utf8');
  writeFileSync(
    join(outdir, 'main.css'),
    `@import url('./patternfly.css');\n@import url('./patternfly-addons.css');\n${hostCss}`,
  );
  console.log(`console host built into ${outdir} in ${Date.now() - started} ms`);
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

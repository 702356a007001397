// Bundle benchmark: production build time and peak memory, the plugin JavaScript a browser
// downloads for the VirtualMachines list route, and the plugin JavaScript added to every console
// page — gzipped, as the console serves it. Prints figures and the DESIGN.md budgets; asserts nothing.
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../playwright.config';
import { startInMemoryStack } from '../../console-host/server/inMemoryStack';

const PLUGIN_PREFIX = '/api/plugins/virt-console-plugin/';

const measuredBuild = (): Promise<{ seconds: number; peakMiB: number }> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/bundle/measuredBuild.mjs',
        '--disable-interpret',
        '--mode=production',
        '--node-env=production',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      const kb = Number(/BUILD_MAX_RSS_KB (\d+)/.exec(err)?.[1] ?? NaN);
      if (code !== 0) reject(new Error(`build failed (${code}): ${err.slice(-2000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMiB: kb / 1024 });
    });
  });

/** Plugin JS files a page fetches, with their gzipped size. */
const pluginScriptsOf = async (url: string): Promise<Map<string, number>> => {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage();
  const scripts = new Map<string, number>();
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (!path.startsWith(PLUGIN_PREFIX) || !path.endsWith('.js')) return;
    void res
      .body()
      .then((body) => scripts.set(path.slice(PLUGIN_PREFIX.length), gzipSync(body).length));
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await browser.close();
  return scripts;
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

const main = async (): Promise<void> => {
  const build = await measuredBuild();
  console.log(
    `production build: ${build.seconds.toFixed(1)} s, peak ${build.peakMiB.toFixed(0)} MiB (budget 60 s, 1536 MiB)`,
  );

  const { host, close } = await startInMemoryStack();
  try {
    // The home page loads only what the plugin adds everywhere: entry, flags, context providers.
    const everyPage = await pluginScriptsOf(`${host.url}/`);
    console.log(
      `plugin JS on every console page: ${kb(total(everyPage))} gz in ${everyPage.size} files (budget 30 KB)`,
    );
    const vmList = await pluginScriptsOf(
      `${host.url}/k8s/all-namespaces/kubevirt.io~v1~VirtualMachine`,
    );
    console.log(
      `plugin JS for the VirtualMachines list route: ${kb(total(vmList))} gz in ${vmList.size} files (budget 300 KB)`,
    );
    for (const [file, size] of [...vmList].sort((a, b) => b[1] - a[1]).slice(0, 5))
      console.log(`  ${kb(size).padStart(9)}  ${file}`);
    console.log(
      'for scale, the leading KubeVirt plugin: 1,971 KB gz for its VM list, 1,006 KB gz on every page, build 141 s at 3.3 GiB',
    );
  } finally {
    await close();
  }
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

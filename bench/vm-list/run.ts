// VM list benchmark at scale: seeds N VMs (10,000 by default, in 100 projects) into an in-memory
// local cluster, opens the all-projects VM list in Chromium through the console host, and prints
// time to first rows, filter keystroke latency, long tasks while scrolling, rendered rows and JS heap.
// Prints figures; asserts nothing. Needs the builds: `npm run bench:vm-list` runs them first.
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { startInMemoryStack } from '../../console-host/server/inMemoryStack';
import {
  scaleNamespace,
  scaleVirtualMachine,
} from '../../local-cluster/seed/kubevirt/scaleVirtualMachines';
import { chromiumLaunchOptions } from '../../playwright.config';
import { toVMListEntry } from '../../src/utils/vmList/entries';
import { filterVMListEntries, parseVMListFilters } from '../../src/utils/vmList/filters';
import type { VirtualMachine } from '../../src/models/types';

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '10000' },
    namespaces: { type: 'string', default: '100' },
    loads: { type: 'string', default: '3' },
    // Prints where the browser's CPU time goes during the last load (top self-time functions).
    profile: { type: 'boolean', default: false },
  },
});
const VMS = Number(values.vms);
const NAMESPACES = Number(values.namespaces);
const LOADS = Number(values.loads);
const LIST = '/k8s/all-namespaces/kubevirt.io~v1~VirtualMachine';

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs: number[]) => percentile(xs, 50);
const ms = (n: number) => `${n.toFixed(1)} ms`;

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
};

/** The functions with the most self time in a CPU profile, with their share of the samples. */
const printTopFunctions = (profile: CpuProfile, top = 15) => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id);
    const name = f
      ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`
      : '?';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`  CPU profile of the last load (${ms(total)} sampled), top self time:`);
  for (const [name, t] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `    ${ms(t).padStart(10)} ${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`,
    );
};

const pool = async (total: number, limit: number, work: (i: number) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, total) }, async () => {
      while (next < total) await work(next++);
    }),
  );
};

const main = async () => {
  const stack = await startInMemoryStack();
  const token = stack.cluster.tokenOf('admin');
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${stack.cluster.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201 && res.status !== 409)
      throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  };

  const seedStart = performance.now();
  await pool(NAMESPACES, 16, (n) => post('/api/v1/namespaces', scaleNamespace(n)));
  // All Halted: the figures are about the list, not about guests booting.
  const vms: VirtualMachine[] = [];
  await pool(VMS, 32, async (i) => {
    const vm = scaleVirtualMachine(i, { namespaces: NAMESPACES, runningPercent: 0 });
    vms.push(vm as unknown as VirtualMachine);
    await post(`/apis/kubevirt.io/v1/namespaces/${vm.metadata.namespace}/virtualmachines`, vm);
  });
  console.log(
    `seeded ${VMS} VMs in ${NAMESPACES} projects in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  // The pure filter the list runs per keystroke, without the browser.
  const entries = vms.map((vm) => toVMListEntry(vm));
  const filterTimes: number[] = [];
  for (const query of ['name=vm-01', 'status=Stopped&name=vm', 'labels=app%3Dweb', 'name=zzz']) {
    const filters = parseVMListFilters(new URLSearchParams(query));
    for (let r = 0; r < 20; r++) {
      const t0 = performance.now();
      filterVMListEntries(entries, filters);
      filterTimes.push(performance.now() - t0);
    }
  }

  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  const firstRows: number[] = [];
  // Where the time to first rows goes: the page until the plugin has loaded, the VM list request
  // (the server's answer, then its transfer), and what follows in the browser.
  const phases: {
    plugin: number;
    listStart: number;
    listFirstByte: number;
    listEnd: number;
    size: number;
  }[] = [];
  for (let load = 0; load < LOADS; load++) {
    const profiling = values.profile && load === LOADS - 1;
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await page.goto(`${stack.host.url}${LIST}`);
    await page.waitForFunction(() => document.querySelector('tbody tr[data-index]'), null, {
      polling: 'raf',
      timeout: 120_000,
    });
    firstRows.push(await page.evaluate(() => performance.now()));
    if (profiling) printTopFunctions((await cdp.send('Profiler.stop')).profile);
    phases.push(
      await page.evaluate(() => {
        const all = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const plugin = all.filter((e) => e.name.includes('plugin-entry'));
        const list = all.find((e) => /\/virtualmachines(\?|$)/.test(e.name));
        return {
          plugin: plugin[0]?.responseEnd ?? 0,
          listStart: list?.startTime ?? 0,
          listFirstByte: list?.responseStart ?? 0,
          listEnd: list?.responseEnd ?? 0,
          size: list?.decodedBodySize ?? 0,
        };
      }),
    );
  }
  const renderedRows = await page.evaluate(
    () => document.querySelectorAll('tr[data-index]').length,
  );

  // Keystroke latency: from keydown to the frame after React has rendered the filtered list.
  await page.evaluate(() => {
    const w = window as unknown as { __latencies: number[] };
    w.__latencies = [];
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() =>
          setTimeout(() => w.__latencies.push(performance.now() - start)),
        );
      },
      true,
    );
  });
  const search = page
    .getByRole('searchbox', { name: 'Search by name...' })
    .or(page.getByRole('textbox', { name: 'Search by name...' }));
  await search.click();
  for (const key of [
    ...'vm-012',
    ...Array(6).fill('Backspace'),
    ...'vm-00',
    ...Array(5).fill('Backspace'),
  ]) {
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
  }
  const latencies = await page.evaluate(
    () => (window as unknown as { __latencies: number[] }).__latencies,
  );

  // Long tasks while scrolling the whole list down and back.
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.__long.push(e.duration)),
    ).observe({
      type: 'longtask',
    });
  });
  await page.waitForTimeout(5000);
  const idleLongTasks = await page.evaluate(() =>
    (window as unknown as { __long: number[] }).__long.splice(0),
  );
  await page.mouse.move(800, 600);
  const scrollStart = performance.now();
  // A fast flick: 600 px per 50 ms (12,000 px/s), down then back up.
  for (let i = 0; i < 100; i++) {
    await page.mouse.wheel(0, i < 50 ? 600 : -600);
    await page.waitForTimeout(50);
  }
  const scrollSeconds = (performance.now() - scrollStart) / 1000;
  const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const rowsWhileScrolled = await page.evaluate(
    () => document.querySelectorAll('tr[data-index]').length,
  );

  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;

  console.log(`VM list, all projects, ${VMS} VMs (Chromium, ${LOADS} loads):`);
  console.log(
    `  time to first rows: median ${ms(median(firstRows))} (all: ${firstRows.map((x) => x.toFixed(0)).join(', ')} ms)`,
  );
  const mid = phases[firstRows.indexOf(median(firstRows))] ?? phases[0];
  console.log(
    `    plugin entry loaded at ${ms(mid.plugin)}; VM list request sent at ${ms(mid.listStart)}, first byte after ${ms(mid.listFirstByte - mid.listStart)}, body (${(mid.size / 1024 / 1024).toFixed(1)} MiB) after ${ms(mid.listEnd - mid.listFirstByte)} more; first rows ${ms(median(firstRows) - mid.listEnd)} after the body`,
  );
  console.log(
    `  rendered rows: ${renderedRows} at the top, ${rowsWhileScrolled} after scrolling (of ${VMS})`,
  );
  console.log(
    `  filter keystroke latency (${latencies.length} keys): p50 ${ms(median(latencies))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}`,
  );
  console.log(
    `  pure filter over ${VMS} entries: p50 ${ms(median(filterTimes))}, p95 ${ms(percentile(filterTimes, 95))}`,
  );
  console.log(
    `  scrolling ${scrollSeconds.toFixed(1)} s: ${longTasks.length} long tasks, total ${ms(longTasks.reduce((a, b) => a + b, 0))}, max ${ms(Math.max(0, ...longTasks))}`,
  );
  console.log(
    `  idle 5 s before scrolling: ${idleLongTasks.length} long tasks, total ${ms(idleLongTasks.reduce((a, b) => a + b, 0))}`,
  );
  console.log(`  JS heap after GC: ${(heap / 1024 / 1024).toFixed(1)} MiB`);

  await browser.close();
  await stack.close();
};

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

// Start-to-Running time of VMs backed by real QEMU guests (TCG), N at a time: from the start
// request to printableStatus Running (guest process up) and to AgentConnected (the guest booted to
// its login prompt). Real time (no time scale). Prints medians; asserts nothing.
// Needs `npm run setup:guests`. `npm run bench:guests [-- --concurrent 1,2,4 --rounds 2]`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { apiCaller, haltedVm, inPool, median, startClusterProcess } from '../clusterProcess';

const { values } = parseArgs({
  options: {
    concurrent: { type: 'string', default: '1,2,4' },
    rounds: { type: 'string', default: '2' },
  },
});
const LEVELS = values.concurrent.split(',').map(Number);
const ROUNDS = Number(values.rounds);
const NS = 'bench-guests';

interface Vm {
  metadata: { name: string; namespace: string };
  spec: { runStrategy?: string };
  status?: { printableStatus?: string; conditions?: { type: string; status: string }[] };
}

const main = async (): Promise<void> => {
  const max = Math.max(...LEVELS);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-guests-'));
  const cluster = await startClusterProcess(dataDir, ['--max-real-guests', String(max)]);
  const api = apiCaller(cluster);
  const listVms = async (ns?: string): Promise<Vm[]> =>
    (
      (await api(
        'GET',
        `/apis/kubevirt.io/v1${ns ? `/namespaces/${ns}` : ''}/virtualmachines`,
      )) as {
        items: Vm[];
      }
    ).items;
  /** VMIs that hold (or will hold) a guest; a finished standalone VMI does not. */
  const activeVmis = async (): Promise<number> =>
    (
      (await api('GET', '/apis/kubevirt.io/v1/virtualmachineinstances')) as {
        items: { status?: { phase?: string } }[];
      }
    ).items.filter((v) => !['Succeeded', 'Failed'].includes(v.status?.phase ?? '')).length;
  const sub = (vm: string, action: string) =>
    api(
      'PUT',
      `/apis/subresources.kubevirt.io/v1/namespaces/${NS}/virtualmachines/${vm}/${action}`,
      {},
    );
  try {
    // The demo VMs would hold the real-guest slots: stop them and wait until their guests are gone.
    const demo = (await listVms()).filter((v) => v.spec.runStrategy !== 'Halted');
    await inPool(demo, 4, (v) =>
      api(
        'PATCH',
        `/apis/kubevirt.io/v1/namespaces/${v.metadata.namespace}/virtualmachines/${v.metadata.name}`,
        {
          spec: { runStrategy: 'Halted' },
        },
      ),
    );
    await api('POST', '/api/v1/namespaces', { metadata: { name: NS } });
    while ((await activeVmis()) > 0) await new Promise((r) => setTimeout(r, 500));
    const names = Array.from({ length: max }, (_, i) => `guest-${i}`);
    await inPool(names, 4, (n) =>
      api(
        'POST',
        `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`,
        haltedVm(NS, n, '256Mi'),
      ),
    );

    for (const n of LEVELS) {
      const toRunning: number[] = [];
      const toBooted: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const batch = names.slice(0, n);
        const t0 = performance.now();
        await Promise.all(batch.map((vm) => sub(vm, 'start')));
        const pending = new Set(batch);
        const running = new Set<string>();
        while (pending.size) {
          for (const vm of await listVms(NS)) {
            const name = vm.metadata.name;
            if (!pending.has(name)) continue;
            if (!running.has(name) && vm.status?.printableStatus === 'Running') {
              running.add(name);
              toRunning.push(performance.now() - t0);
            }
            if (
              vm.status?.conditions?.some((c) => c.type === 'AgentConnected' && c.status === 'True')
            ) {
              pending.delete(name);
              toBooted.push(performance.now() - t0);
            }
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        await Promise.all(batch.map((vm) => sub(vm, 'stop')));
        while ((await activeVmis()) > 0) await new Promise((r) => setTimeout(r, 250));
      }
      console.log(
        `${n} concurrent QEMU guest(s): start → Running median ${(median(toRunning) / 1000).toFixed(1)} s, start → booted (AgentConnected) median ${(median(toBooted) / 1000).toFixed(1)} s, max ${(Math.max(...toBooted) / 1000).toFixed(1)} s (${ROUNDS} rounds)`,
      );
    }
  } finally {
    cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

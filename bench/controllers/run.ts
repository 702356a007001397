// Controller throughput at scale: how fast the local cluster's KubeVirt controllers settle 10,000
// VMs and start a batch of them. The cluster runs in its own process with every controller,
// simulated durations at 1/100 and built-in guests only, so what is timed is the controllers' own
// work over the API, not simulated boot time. Prints figures; asserts nothing.
// `npm run bench:controllers [-- --vms N --namespaces N --start N]`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { apiCaller, haltedVm, inPool, startClusterProcess } from '../clusterProcess';

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '10000' },
    namespaces: { type: 'string', default: '100' },
    start: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '32' },
  },
});
const VMS = Number(values.vms);
const NAMESPACES = Number(values.namespaces);
const START = Number(values.start);
const CONCURRENCY = Number(values.concurrency);

interface VmList {
  items: { metadata: { namespace: string }; status?: { printableStatus?: string } }[];
}

const nsName = (i: number): string => `scale-${String(i % NAMESPACES).padStart(3, '0')}`;
const vmName = (i: number): string => `vm-${String(i).padStart(5, '0')}`;

const main = async (): Promise<void> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-controllers-'));
  const cluster = await startClusterProcess(dataDir, [
    '--time-scale',
    '0.01',
    '--max-real-guests',
    '0',
  ]);
  const api = apiCaller(cluster);
  const scaleCount = async (status: string): Promise<number> => {
    const list = (await api('GET', '/apis/kubevirt.io/v1/virtualmachines')) as VmList;
    return list.items.filter(
      (v) => v.metadata.namespace.startsWith('scale-') && v.status?.printableStatus === status,
    ).length;
  };
  const waitFor = async (status: string, n: number): Promise<void> => {
    while ((await scaleCount(status)) < n) await new Promise((r) => setTimeout(r, 500));
  };
  const seconds = (ms: number): string => (ms / 1000).toFixed(1);
  const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000);
  try {
    await inPool([...Array(NAMESPACES).keys()], CONCURRENCY, (i) =>
      api('POST', '/api/v1/namespaces', { metadata: { name: nsName(i) } }),
    );
    const t0 = performance.now();
    await inPool([...Array(VMS).keys()], CONCURRENCY, (i) =>
      api(
        'POST',
        `/apis/kubevirt.io/v1/namespaces/${nsName(i)}/virtualmachines`,
        haltedVm(nsName(i), vmName(i), '1Gi'),
      ),
    );
    const created = performance.now() - t0;
    await waitFor('Stopped', VMS);
    const settled = performance.now() - t0;
    console.log(
      `${VMS} VMs in ${NAMESPACES} namespaces created in ${seconds(created)} s (${rate(VMS, created)}/s)`,
    );
    console.log(
      `all ${VMS} reported Stopped by virt-controller ${seconds(settled)} s after the first create (${rate(VMS, settled)} VMs/s end to end)`,
    );

    const t1 = performance.now();
    await inPool([...Array(START).keys()], CONCURRENCY, (i) =>
      api(
        'PUT',
        `/apis/subresources.kubevirt.io/v1/namespaces/${nsName(i)}/virtualmachines/${vmName(i)}/start`,
        {},
      ),
    );
    await waitFor('Running', START);
    const running = performance.now() - t1;
    console.log(
      `${START} VMs started through virt-api reached Running in ${seconds(running)} s (${rate(START, running)} VMs/s: VM → VMI → pod → scheduler → kubelet → virt-handler → built-in guest)`,
    );
  } finally {
    cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

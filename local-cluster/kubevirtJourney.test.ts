import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, CustomObjectsApi, KubeConfig, Watch } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './controllers/runtime/testCluster';
import type { VirtualCluster } from './virtualCluster';
import { startVirtualCluster } from './virtualCluster';

// The lifecycle a user drives from the console, through a real client (@kubernetes/client-node)
// against the whole local cluster: API server, seed, every controller, built-in guests.

interface Obj {
  metadata: { name: string; namespace?: string; uid?: string };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown> & {
    printableStatus?: string;
    phase?: string;
    progress?: string;
    nodeName?: string;
    conditions?: { type: string; status: string }[];
  };
}

const NS = 'demo-apps';

/** PUT on a KubeVirt subresource as virtctl does, with the kubeconfig's credentials and CA;
 * resolves to the HTTP status. */
const putSubresource = async (kc: KubeConfig, path: string): Promise<number> => {
  const options: https.RequestOptions = {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
  };
  await kc.applyToHTTPSOptions(options);
  const url = new URL(
    `/apis/subresources.kubevirt.io/v1/namespaces/${path}`,
    kc.getCurrentCluster()?.server,
  );
  return new Promise((resolve, reject) => {
    const req = https.request(url, options, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });
};
const VM = 'journey-vm';

describe('a VM from a boot source through its whole lifecycle (client-node)', () => {
  let cluster: VirtualCluster;
  let kc: KubeConfig;
  let custom: CustomObjectsApi;
  let core: CoreV1Api;
  let guestDir: string;

  const kv = (plural: string, name: string, group = 'kubevirt.io', version = 'v1') =>
    custom.getNamespacedCustomObject({
      group,
      version,
      namespace: NS,
      plural,
      name,
    }) as Promise<Obj>;
  const vm = () => kv('virtualmachines', VM);
  const vmi = () => kv('virtualmachineinstances', VM);
  const vmStatus = async () => (await vm()).status?.printableStatus;
  const untilVmStatus = (status: string) =>
    eventually(vmStatus, (s) => s === status, 20_000, `VM ${status}`);
  const subresource = (kind: string, name: string, action: string) =>
    putSubresource(kc, `${NS}/${kind}/${name}/${action}`);

  beforeAll(async () => {
    guestDir = mkdtempSync(join(tmpdir(), 'g-'));
    cluster = await startVirtualCluster({
      inMemory: true,
      timeScale: 0.02,
      maxRealGuests: 0,
      guestWorkDir: guestDir,
      log: () => {},
    });
    kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfig);
    kc.setCurrentContext('admin');
    custom = kc.makeApiClient(CustomObjectsApi);
    core = kc.makeApiClient(CoreV1Api);
  }, 60_000);
  afterAll(async () => {
    await cluster.close();
    rmSync(guestDir, { recursive: true, force: true });
  });

  it('imports the root disk with progress and runs', async () => {
    const dvUpdates: { phase?: string; progress?: string }[] = [];
    const watch = new Watch(kc);
    const req = await watch.watch(
      `/apis/cdi.kubevirt.io/v1beta1/namespaces/${NS}/datavolumes`,
      {},
      (_type, obj: Obj) => {
        if (obj.metadata.name === `${VM}-rootdisk`) dvUpdates.push({ ...obj.status });
      },
      () => {},
    );
    await custom.createNamespacedCustomObject({
      group: 'kubevirt.io',
      version: 'v1',
      namespace: NS,
      plural: 'virtualmachines',
      body: {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: VM, namespace: NS, labels: { app: 'journey' } },
        spec: {
          runStrategy: 'Always',
          instancetype: { kind: 'VirtualMachineClusterInstancetype', name: 'u1.small' },
          preference: { kind: 'VirtualMachineClusterPreference', name: 'fedora' },
          dataVolumeTemplates: [
            {
              metadata: { name: `${VM}-rootdisk` },
              spec: {
                sourceRef: {
                  kind: 'DataSource',
                  name: 'fedora',
                  namespace: 'openshift-virtualization-os-images',
                },
                storage: {
                  storageClassName: 'shared-rwx',
                  resources: { requests: { storage: '30Gi' } },
                },
              },
            },
          ],
          template: {
            spec: {
              domain: { devices: { interfaces: [{ name: 'default', masquerade: {} }] } },
              networks: [{ name: 'default', pod: {} }],
              volumes: [{ name: 'rootdisk', dataVolume: { name: `${VM}-rootdisk` } }],
            },
          },
        },
      },
    });
    await untilVmStatus('Running');
    req.abort();
    const phases = dvUpdates.map((u) => u.phase);
    expect(phases).toContain('Succeeded');
    expect(phases.some((p) => p === 'CloneInProgress' || p === 'ImportInProgress')).toBe(true);
    expect(
      dvUpdates.some((u) => /^\d+(\.\d+)?%$/.test(u.progress ?? '') && u.progress !== '100.0%'),
    ).toBe(true);
    const running = await vmi();
    expect(running.status?.phase).toBe('Running');
    // The instance type was expanded into the VMI.
    expect(running.spec).toMatchObject({ domain: { cpu: { sockets: 1 } } });
    const agent = await eventually(
      vmi,
      (o) =>
        !!o.status?.conditions?.some((c) => c.type === 'AgentConnected' && c.status === 'True'),
      20_000,
      'guest agent',
    );
    expect(agent.status?.interfaces).toBeDefined();
  });

  it('stops, starts, pauses and unpauses through the subresources', async () => {
    expect(await subresource('virtualmachines', VM, 'stop')).toBe(202);
    await untilVmStatus('Stopped');
    expect(await subresource('virtualmachines', VM, 'stop')).toBe(409);
    expect(await subresource('virtualmachines', VM, 'start')).toBe(202);
    await untilVmStatus('Running');
    expect(await subresource('virtualmachineinstances', VM, 'pause')).toBe(200);
    await untilVmStatus('Paused');
    expect(await subresource('virtualmachineinstances', VM, 'unpause')).toBe(200);
    await untilVmStatus('Running');
  });

  it('migrates live to another node', async () => {
    const before = (await vmi()).status?.nodeName;
    await eventually(
      vmi,
      (o) =>
        !!o.status?.conditions?.some((c) => c.type === 'LiveMigratable' && c.status === 'True'),
      20_000,
      'LiveMigratable',
    );
    expect(await subresource('virtualmachines', VM, 'migrate')).toBe(202);
    const after = await eventually(
      vmi,
      (o) => !!(o.status?.migrationState as { completed?: boolean } | undefined)?.completed,
      20_000,
      'migration completed',
    );
    expect(after.status?.nodeName).not.toBe(before);
    const vmims = (await custom.listNamespacedCustomObject({
      group: 'kubevirt.io',
      version: 'v1',
      namespace: NS,
      plural: 'virtualmachineinstancemigrations',
    })) as { items: Obj[] };
    expect(vmims.items.map((m) => m.status?.phase)).toContain('Succeeded');
  });

  it('hot-plugs a bridge NIC through a migration and unplugs it', { timeout: 60_000 }, async () => {
    type Nic = { name: string; state?: string; bridge?: object };
    const template = (o: Obj) =>
      (o.spec?.template as { spec: { domain: { devices: { interfaces: Nic[] } } } }).spec;
    const replaceVm = async (edit: (o: Obj) => void) => {
      const current = await vm();
      edit(current);
      await custom.replaceNamespacedCustomObject({
        group: 'kubevirt.io',
        version: 'v1',
        namespace: NS,
        plural: 'virtualmachines',
        name: VM,
        body: current,
      });
    };
    const reported = (o: Obj) =>
      ((o.status?.interfaces ?? []) as { name: string; infoSource?: string }[]).map((i) => i.name);
    const nodeBefore = (await vmi()).status?.nodeName;
    await replaceVm((o) => {
      const spec = template(o) as unknown as {
        domain: { devices: { interfaces: Nic[] } };
        networks: object[];
      };
      spec.domain.devices.interfaces.push({ name: 'office', bridge: {} });
      spec.networks.push({ name: 'office', multus: { networkName: 'bridge-network' } });
    });
    // The VMI gets the NIC at once; the guest only after the migration to a pod that has it.
    const pending = await eventually(
      vmi,
      (o) =>
        !!o.status?.conditions?.some((c) => c.type === 'MigrationRequired') &&
        JSON.stringify(o.spec).includes('bridge-network'),
      20_000,
      'MigrationRequired',
    );
    expect(reported(pending)).not.toContain('office');
    const plugged = await eventually(vmi, (o) => reported(o).includes('office'), 20_000, 'NIC');
    expect(plugged.status?.nodeName).not.toBe(nodeBefore);
    await eventually(
      vmi,
      (o) => !o.status?.conditions?.some((c) => c.type === 'MigrationRequired'),
      20_000,
      'MigrationRequired cleared',
    );
    const vmims = (await custom.listNamespacedCustomObject({
      group: 'kubevirt.io',
      version: 'v1',
      namespace: NS,
      plural: 'virtualmachineinstancemigrations',
    })) as { items: (Obj & { metadata: { annotations?: Record<string, string> } })[] };
    expect(
      vmims.items.filter(
        (m) => m.metadata.annotations?.['kubevirt.io/workloadUpdateMigration'] !== undefined,
      ),
    ).toHaveLength(1);
    expect((await vm()).status?.conditions?.map((c) => c.type)).not.toContain('RestartRequired');

    await replaceVm((o) => {
      const nic = template(o).domain.devices.interfaces.find((i) => i.name === 'office');
      if (nic) nic.state = 'absent';
    });
    // Out of the domain at once, out of the pod with the next migration, then out of both specs.
    await eventually(vmi, (o) => !reported(o).includes('office'), 40_000, 'NIC unplugged');
    const cleaned = await eventually(
      vm,
      (o) => !template(o).domain.devices.interfaces.some((i) => i.name === 'office'),
      20_000,
      'NIC dropped from the VM',
    );
    expect(JSON.stringify(cleaned.spec)).not.toContain('bridge-network');
    expect(cleaned.status?.conditions?.map((c) => c.type)).not.toContain('RestartRequired');
  });

  it('snapshots, restores when stopped and clones', async () => {
    await custom.createNamespacedCustomObject({
      group: 'snapshot.kubevirt.io',
      version: 'v1beta1',
      namespace: NS,
      plural: 'virtualmachinesnapshots',
      body: {
        apiVersion: 'snapshot.kubevirt.io/v1beta1',
        kind: 'VirtualMachineSnapshot',
        metadata: { name: `${VM}-snap` },
        spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: VM } },
      },
    });
    const snap = await eventually(
      () => kv('virtualmachinesnapshots', `${VM}-snap`, 'snapshot.kubevirt.io', 'v1beta1'),
      (o) => o.status?.phase === 'Succeeded',
      20_000,
      'snapshot',
    );
    expect(snap.status?.indications).toEqual(expect.arrayContaining(['Online', 'GuestAgent']));

    expect(await subresource('virtualmachines', VM, 'stop')).toBe(202);
    await untilVmStatus('Stopped');
    await custom.createNamespacedCustomObject({
      group: 'snapshot.kubevirt.io',
      version: 'v1beta1',
      namespace: NS,
      plural: 'virtualmachinerestores',
      body: {
        apiVersion: 'snapshot.kubevirt.io/v1beta1',
        kind: 'VirtualMachineRestore',
        metadata: { name: `${VM}-restore` },
        spec: {
          target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: VM },
          virtualMachineSnapshotName: `${VM}-snap`,
        },
      },
    });
    await eventually(
      () => kv('virtualmachinerestores', `${VM}-restore`, 'snapshot.kubevirt.io', 'v1beta1'),
      (o) => o.status?.complete === true,
      20_000,
      'restore',
    );

    await custom.createNamespacedCustomObject({
      group: 'clone.kubevirt.io',
      version: 'v1beta1',
      namespace: NS,
      plural: 'virtualmachineclones',
      body: {
        apiVersion: 'clone.kubevirt.io/v1beta1',
        kind: 'VirtualMachineClone',
        metadata: { name: `${VM}-clone` },
        spec: {
          source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: VM },
          target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: `${VM}-copy` },
        },
      },
    });
    await eventually(
      () => kv('virtualmachineclones', `${VM}-clone`, 'clone.kubevirt.io', 'v1beta1'),
      (o) => o.status?.phase === 'Succeeded',
      20_000,
      'clone',
    );
    expect((await kv('virtualmachines', `${VM}-copy`)).metadata.name).toBe(`${VM}-copy`);
  });

  it('recorded the transitions as Events', async () => {
    const events = await core.listNamespacedEvent({
      namespace: NS,
      fieldSelector: `involvedObject.name=${VM}`,
    });
    const reasons = new Set(events.items.map((e) => e.reason));
    for (const r of ['SuccessfulCreate', 'SuccessfulDelete', 'Started', 'ShuttingDown'])
      expect(reasons).toContain(r);
  });

  it('refuses migration to a project admin without the migrate role', async () => {
    const dev = new KubeConfig();
    dev.loadFromString(cluster.kubeconfig);
    dev.setCurrentContext('developer');
    expect(await putSubresource(dev, 'demo-dev/virtualmachines/dev-fedora/migrate')).toBe(403);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Condition } from '../runtime/conditions';
import { findCondition } from '../runtime/conditions';
import type { ApiClient } from '../runtime/apiClient';
import { VM, VMI } from '../runtime/resources';
import { eventually } from '../runtime/testCluster';
import type { Vm, Vmi } from './kubevirtObjects';

/** Test fixtures for the virt-handler and virt-api tests (no test of its own). */

export const NS = 'demo-apps';

export const CLOUD_INIT =
  '#cloud-config\nuser: fedora\npassword: s3cret-pass\nchpasswd: { expire: False }\n';

/** A Fedora VMI as a VM created from the console's catalog would produce it. */
export const vmiManifest = (
  name: string,
  extra: { annotations?: Record<string, string>; spec?: Record<string, unknown> } = {},
) => ({
  metadata: {
    name,
    namespace: NS,
    annotations: { 'vm.kubevirt.io/os': 'fedora', ...extra.annotations },
    labels: { 'kubevirt.io/domain': name },
  },
  spec: {
    domain: {
      cpu: { sockets: 2, cores: 1, threads: 1 },
      resources: { requests: { memory: '2Gi' } },
      machine: { type: 'q35' },
      devices: {
        disks: [
          { name: 'rootdisk', disk: { bus: 'virtio' } },
          { name: 'cloudinitdisk', disk: { bus: 'virtio' } },
        ],
        interfaces: [{ name: 'default', masquerade: {} }],
      },
    },
    networks: [{ name: 'default', pod: {} }],
    terminationGracePeriodSeconds: 180,
    volumes: [
      { name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } },
      { name: 'cloudinitdisk', cloudInitNoCloud: { userData: CLOUD_INIT } },
    ],
    ...extra.spec,
  },
});

/** What virt-controller does before virt-handler takes over: the VMI is placed on a node. */
export const createScheduledVmi = async (
  admin: ApiClient,
  name: string,
  extra?: Parameters<typeof vmiManifest>[1],
  nodeName = 'worker-0',
): Promise<Vmi> => {
  await admin.create(VMI, NS, vmiManifest(name, extra));
  return admin.patchStatus<Vmi>(VMI, NS, name, { phase: 'Scheduled', nodeName });
};

export const vmManifest = (
  name: string,
  spec: { runStrategy?: string; running?: boolean } = { runStrategy: 'Halted' },
) => {
  const vmi = vmiManifest(name);
  return {
    metadata: { name, namespace: NS },
    spec: {
      ...spec,
      template: { metadata: { annotations: vmi.metadata.annotations }, spec: vmi.spec },
    },
  };
};

export const createVm = (
  admin: ApiClient,
  name: string,
  spec?: Parameters<typeof vmManifest>[1],
): Promise<Vm> => admin.create<Vm>(VM, NS, vmManifest(name, spec));

export const getVmi = (admin: ApiClient, name: string): Promise<Vmi> =>
  admin.get<Vmi>(VMI, NS, name);

export const conditionOf = (vmi: Vmi, type: string): Condition | undefined =>
  findCondition(vmi.status?.conditions as Condition[] | undefined, type);

/** Polls the VMI until `done` holds. */
export const waitForVmi = (
  admin: ApiClient,
  name: string,
  done: (vmi: Vmi) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<Vmi> => eventually(() => getVmi(admin, name), done, timeoutMs, what);

/** A scratch folder for a GuestManager, removed by the returned function. */
export const scratchDir = (): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'virt-handler-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

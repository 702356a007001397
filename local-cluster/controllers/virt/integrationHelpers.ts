import type { ApiClient } from '../runtime/apiClient';
import { isConflict, isNotFound } from '../runtime/apiClient';
import type { Condition } from '../runtime/conditions';
import { setCondition } from '../runtime/conditions';
import { EVENT, POD, VM, VMI } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually } from '../runtime/testCluster';
import type { Pod, VirtualMachine, VirtualMachineInstance, VmiSpec } from './types';

/** Helpers for this folder's integration tests: fixtures, waits, and a stand-in virt-handler. */

export const NS = 'demo-apps';

/** Generous: tests share two cores with other work; they check what happens, not how fast. */
export const WAIT_MS = 30_000;
export const TEST_TIMEOUT_MS = 90_000;

export const vmSpec = (
  name: string,
  extra: Partial<VirtualMachine['spec']> = {},
  template: Record<string, unknown> = {},
): VirtualMachine => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name, namespace: NS },
  spec: {
    runStrategy: 'Always',
    template: {
      metadata: { labels: { 'kubevirt.io/domain': name } },
      spec: {
        domain: {
          cpu: { cores: 1, sockets: 1, threads: 1 },
          resources: { requests: { memory: '1Gi' } },
          devices: {
            disks: [{ name: 'containerdisk', disk: { bus: 'virtio' } }],
            interfaces: [{ name: 'default', masquerade: {} }],
          },
        },
        networks: [{ name: 'default', pod: {} }],
        volumes: [
          { name: 'containerdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } },
        ],
        ...template,
      },
    },
    ...extra,
  },
});

/** The VM's template spec, which every fixture here has. */
export const templateSpecOf = (vm: VirtualMachine): VmiSpec => {
  const spec = vm.spec.template.spec;
  if (!spec) throw new Error(`${vm.metadata.name ?? ''} has no template spec`);
  return spec;
};

export const getVm = (t: TestCluster, name: string) => t.admin.get<VirtualMachine>(VM, NS, name);
export const findVmi = (t: TestCluster, name: string) =>
  t.admin.find<VirtualMachineInstance>(VMI, NS, name);

export const waitForVm = (
  t: TestCluster,
  name: string,
  done: (vm: VirtualMachine) => boolean,
  what: string,
) => eventually(() => getVm(t, name), done, WAIT_MS, what);

export const waitForVmi = (
  t: TestCluster,
  name: string,
  done: (vmi: VirtualMachineInstance | undefined) => boolean,
  what: string,
) => eventually(() => findVmi(t, name), done, WAIT_MS, what);

/**
 * Every printableStatus the VM goes through, as the watch delivers them: transient states
 * (CrashLoopBackOff between retries, Stopping) can be shorter than a poll at scaled time.
 */
export const printableHistory = (t: TestCluster, name: string): string[] => {
  const seen: string[] = [];
  t.runtime.informers.for<VirtualMachine>(VM).onChange((_type, vm) => {
    const s = vm.status?.printableStatus;
    if (vm.metadata.name === name && vm.metadata.namespace === NS && s && seen.at(-1) !== s)
      seen.push(s);
  });
  return seen;
};

export const printable = (status: string) => (vm: VirtualMachine) =>
  vm.status?.printableStatus === status;

export const launcherPods = async (t: TestCluster, vmi: VirtualMachineInstance): Promise<Pod[]> =>
  (
    await t.admin.list<Pod>(POD, NS, {
      labelSelector: `kubevirt.io/created-by=${vmi.metadata.uid ?? ''}`,
    })
  ).items;

export const eventsFor = async (admin: ApiClient, name: string) =>
  (
    await admin.list<{ metadata: { name?: string }; reason?: string; message?: string }>(
      EVENT,
      NS,
      {
        fieldSelector: `involvedObject.name=${name}`,
      },
    )
  ).items;

/** What virt-handler would write: a phase, and Ready while the guest runs (retried on conflicts). */
export const setVmiPhase = async (
  t: TestCluster,
  name: string,
  phase: 'Running' | 'Succeeded' | 'Failed',
  uid?: string,
): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await writeVmiPhase(t, name, phase, uid);
    } catch (err) {
      if (!isConflict(err) || attempt > 20) throw err;
    }
  }
};

const writeVmiPhase = async (
  t: TestCluster,
  name: string,
  phase: 'Running' | 'Succeeded' | 'Failed',
  uid: string | undefined,
): Promise<void> => {
  const vmi = await t.admin.get<VirtualMachineInstance>(VMI, NS, name);
  // Only the VMI meant: an Always VM may already have replaced it.
  if (uid && vmi.metadata.uid !== uid) return;
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ready: Condition =
    phase === 'Running'
      ? { type: 'Ready', status: 'True', lastProbeTime: null }
      : {
          type: 'Ready',
          status: 'False',
          reason: 'GuestNotRunning',
          message: 'Guest VM is not reported as running',
          lastProbeTime: null,
        };
  await t.admin.update(
    VMI,
    {
      ...vmi,
      status: {
        ...vmi.status,
        phase,
        conditions: setCondition(vmi.status?.conditions, ready, now),
        phaseTransitionTimestamps: [
          ...(vmi.status?.phaseTransitionTimestamps ?? []),
          { phase, phaseTransitionTimestamp: now },
        ],
      },
    },
    'status',
  );
};

/** Waits for the VMI to be handed to virt-handler, then plays the guest coming up. */
export const bootVmi = async (t: TestCluster, name: string): Promise<VirtualMachineInstance> => {
  await waitForVmi(t, name, (v) => v?.status?.phase === 'Scheduled', `${name} Scheduled`);
  await setVmiPhase(t, name, 'Running');
  return waitForVmi(
    t,
    name,
    (v) => v?.status?.phase === 'Running',
    `${name} Running`,
  ) as Promise<VirtualMachineInstance>;
};

/** Plays virt-handler's graceful shutdown of a deleted VMI. */
export const shutDownDeletedVmi = async (t: TestCluster, name: string): Promise<void> => {
  const deleted = await waitForVmi(
    t,
    name,
    (v) => Boolean(v?.metadata.deletionTimestamp),
    `${name} deletion`,
  );
  // The kubelet kills a guest that outlives the (scaled) grace period: it may be gone already.
  await setVmiPhase(t, name, 'Succeeded', deleted?.metadata.uid).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
  });
  // Gone, or already replaced by the next VMI of an Always VM.
  await waitForVmi(t, name, (v) => v?.metadata.uid !== deleted?.metadata.uid, `${name} gone`);
};

import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import { getCloudInit } from './vmSpec/cloudInit';

/** One change of the VM spec that the running instance does not have yet (applies at restart). */
export type PendingChange =
  | { kind: 'cpu'; from: string; to: string }
  | { kind: 'memory'; from: string; to: string }
  | { kind: 'disk-added' | 'disk-removed' | 'nic-added' | 'nic-removed'; name: string }
  | {
      kind:
        | 'boot-order'
        | 'hostname'
        | 'headless'
        | 'guest-log'
        | 'boot-mode'
        | 'node-selector'
        | 'tolerations'
        | 'affinity'
        | 'eviction-strategy'
        | 'dedicated-cpu'
        | 'cloud-init'
        | 'ssh-keys';
    };

/** Stable JSON (sorted keys), so field order does not make a difference. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  ) ?? 'null';

const same = (a: unknown, b: unknown): boolean =>
  stable(a ?? null) === stable(b ?? null) || (isEmpty(a) && isEmpty(b));

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (Array.isArray(v) && !v.length) ||
  (typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length);

type Domain = NonNullable<NonNullable<VirtualMachineInstance['spec']>['domain']>;

const topology = (cpu: Domain['cpu'] | undefined): string =>
  `${cpu?.sockets ?? 1}/${cpu?.cores ?? 1}/${cpu?.threads ?? 1}`;

const memoryOf = (domain: Partial<Domain> | undefined): string | undefined => {
  const m = domain?.memory?.guest ?? domain?.resources?.requests?.memory;
  return m === undefined ? undefined : String(m);
};

const bootOrders = (domain: Partial<Domain> | undefined): string =>
  stable(
    [
      ...(domain?.devices?.disks ?? [])
        .filter((d) => d.bootOrder !== undefined)
        .map((d) => `disk:${d.name}:${d.bootOrder}`),
      ...(domain?.devices?.interfaces ?? [])
        .filter((i) => i.bootOrder !== undefined)
        .map((i) => `nic:${i.name}:${i.bootOrder}`),
    ].sort(),
  );

const hotplugged = (volume: {
  dataVolume?: { hotpluggable?: boolean };
  persistentVolumeClaim?: { hotpluggable?: boolean };
}): boolean =>
  Boolean(volume.dataVolume?.hotpluggable || volume.persistentVolumeClaim?.hotpluggable);

/**
 * The interfaces the instance gets: without any, virt-api adds the pod network one, named
 * `default`, unless `autoattachPodInterface` is false.
 */
const effectiveInterfaces = (domain: Partial<Domain> | undefined): { name: string }[] => {
  const interfaces = domain?.devices?.interfaces ?? [];
  if (interfaces.length || domain?.devices?.autoattachPodInterface === false) return interfaces;
  return [{ name: 'default' }];
};

/**
 * What changes when the running VM restarts: the VM's template spec against the instance's spec,
 * in the fields a restart applies. Empty without an instance. CPU and memory are not compared for
 * VMs with an instance type (the instance carries the expanded figures). Hot-plugged disks are
 * live, so they are not pending.
 */
export const getPendingChanges = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
): PendingChange[] => {
  const spec = vm.spec?.template?.spec;
  const live = vmi?.spec;
  if (!spec || !live) return [];
  const changes: PendingChange[] = [];
  const domain = spec.domain;
  const liveDomain = live.domain;

  if (!vm.spec?.instancetype) {
    if (topology(domain?.cpu) !== topology(liveDomain?.cpu))
      changes.push({ kind: 'cpu', from: topology(liveDomain?.cpu), to: topology(domain?.cpu) });
    const memory = memoryOf(domain);
    const liveMemory = memoryOf(liveDomain);
    if (memory && liveMemory && memory !== liveMemory)
      changes.push({ kind: 'memory', from: liveMemory, to: memory });
  }

  const liveVolumes = live.volumes ?? [];
  const vmVolumes = spec.volumes ?? [];
  const vmDisks = (domain?.devices?.disks ?? []).map((d) => d.name);
  const liveDisks = (liveDomain?.devices?.disks ?? []).map((d) => d.name);
  const isHotplug = (name: string) =>
    [...vmVolumes, ...liveVolumes].some((v) => v.name === name && hotplugged(v));
  for (const name of vmDisks)
    if (!liveDisks.includes(name) && !isHotplug(name)) changes.push({ kind: 'disk-added', name });
  for (const name of liveDisks)
    if (!vmDisks.includes(name) && !isHotplug(name)) changes.push({ kind: 'disk-removed', name });

  const vmNICs = effectiveInterfaces(domain).map((i) => i.name);
  const liveNICs = (liveDomain?.devices?.interfaces ?? []).map((i) => i.name);
  for (const name of vmNICs)
    if (!liveNICs.includes(name)) changes.push({ kind: 'nic-added', name });
  for (const name of liveNICs)
    if (!vmNICs.includes(name)) changes.push({ kind: 'nic-removed', name });

  if (bootOrders(domain) !== bootOrders(liveDomain)) changes.push({ kind: 'boot-order' });
  if ((spec.hostname ?? '') !== (live.hostname ?? '')) changes.push({ kind: 'hostname' });
  if (
    (domain?.devices?.autoattachGraphicsDevice === false) !==
    (liveDomain?.devices?.autoattachGraphicsDevice === false)
  )
    changes.push({ kind: 'headless' });
  // Unset follows the cluster default, so unset and an explicit value differ too.
  if (
    (domain?.devices?.logSerialConsole ?? null) !== (liveDomain?.devices?.logSerialConsole ?? null)
  )
    changes.push({ kind: 'guest-log' });
  if (
    Boolean(domain?.firmware?.bootloader?.efi) !== Boolean(liveDomain?.firmware?.bootloader?.efi) ||
    (domain?.firmware?.bootloader?.efi?.secureBoot ?? true) !==
      (liveDomain?.firmware?.bootloader?.efi?.secureBoot ?? true)
  )
    changes.push({ kind: 'boot-mode' });
  if (
    Boolean(domain?.cpu?.dedicatedCpuPlacement) !== Boolean(liveDomain?.cpu?.dedicatedCpuPlacement)
  )
    changes.push({ kind: 'dedicated-cpu' });
  if (!same(spec.nodeSelector, live.nodeSelector)) changes.push({ kind: 'node-selector' });
  if (!same(spec.tolerations, live.tolerations)) changes.push({ kind: 'tolerations' });
  if (!same(spec.affinity, live.affinity)) changes.push({ kind: 'affinity' });
  // Unset, the instance gets the cluster-wide default, which is not a change.
  if (spec.evictionStrategy && spec.evictionStrategy !== live.evictionStrategy)
    changes.push({ kind: 'eviction-strategy' });
  const cloudInit = getCloudInit(vm);
  const liveCloudInit = getCloudInit({ spec: { template: { spec: live } } } as VirtualMachine);
  if (
    (cloudInit?.userData ?? '') !== (liveCloudInit?.userData ?? '') ||
    (cloudInit?.networkData ?? '') !== (liveCloudInit?.networkData ?? '')
  )
    changes.push({ kind: 'cloud-init' });
  if (!same(spec.accessCredentials, live.accessCredentials)) changes.push({ kind: 'ssh-keys' });
  return changes;
};

/** Whether KubeVirt says the VM needs a restart (`RestartRequired` condition True). */
export const isRestartRequired = (vm: VirtualMachine): boolean =>
  (vm.status?.conditions ?? []).some((c) => c.type === 'RestartRequired' && c.status === 'True');

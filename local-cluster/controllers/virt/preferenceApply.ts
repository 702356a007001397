import type { V1Disk, V1Interface } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { PreferenceSpec, VmiSpec } from './types';

/**
 * A preference only fills in what the VM left unset (KubeVirt's preference appliers): disk and
 * interface models, firmware, features, machine type, clock, grace period, devices to attach.
 * `spec` is mutated; callers pass a copy.
 */

const hasInterfaceBinding = (iface: V1Interface): boolean =>
  Boolean(
    iface.bridge ||
    iface.masquerade ||
    iface.sriov ||
    iface.slirp ||
    iface.macvtap ||
    iface.passt ||
    iface.binding,
  );

const applyDiskPreferences = (pref: PreferenceSpec, spec: VmiSpec): void => {
  const d = pref.devices;
  if (!d) return;
  for (const disk of spec.domain.devices.disks ?? []) {
    const target: V1Disk = disk;
    if (!target.disk && !target.cdrom && !target.lun) target.disk = {};
    if (target.disk) {
      if (d.preferredDiskBus && !target.disk.bus) target.disk.bus = d.preferredDiskBus;
      if (d.preferredDiskBlockSize && !target.blockSize)
        target.blockSize = structuredClone(d.preferredDiskBlockSize);
      if (d.preferredDiskCache && !target.cache) target.cache = d.preferredDiskCache;
      if (d.preferredDiskIO && !target.io) target.io = d.preferredDiskIO;
      if (
        d.preferredDiskDedicatedIoThread !== undefined &&
        target.dedicatedIOThread === undefined &&
        target.disk.bus === 'virtio'
      )
        target.dedicatedIOThread = d.preferredDiskDedicatedIoThread;
    } else if (target.cdrom) {
      if (d.preferredCdromBus && !target.cdrom.bus) target.cdrom.bus = d.preferredCdromBus;
    } else if (target.lun) {
      if (d.preferredLunBus && !target.lun.bus) target.lun.bus = d.preferredLunBus;
    }
  }
};

const applyInterfacePreferences = (pref: PreferenceSpec, spec: VmiSpec): void => {
  const d = pref.devices;
  if (!d) return;
  for (const iface of spec.domain.devices.interfaces ?? []) {
    if (d.preferredInterfaceModel && !iface.model) iface.model = d.preferredInterfaceModel;
    const onPodNetwork = spec.networks?.find((n) => n.name === iface.name)?.pod !== undefined;
    if (d.preferredInterfaceMasquerade && !hasInterfaceBinding(iface) && onPodNetwork)
      iface.masquerade = structuredClone(d.preferredInterfaceMasquerade);
  }
};

const applyDevicePreferences = (pref: PreferenceSpec, spec: VmiSpec): void => {
  const d = pref.devices;
  if (!d) return;
  const devices = spec.domain.devices;
  if (d.preferredUseVirtioTransitional !== undefined && devices.useVirtioTransitional === undefined)
    devices.useVirtioTransitional = d.preferredUseVirtioTransitional;
  if (d.preferredBlockMultiQueue !== undefined && devices.blockMultiQueue === undefined)
    devices.blockMultiQueue = d.preferredBlockMultiQueue;
  if (
    d.preferredNetworkInterfaceMultiQueue !== undefined &&
    devices.networkInterfaceMultiqueue === undefined
  )
    devices.networkInterfaceMultiqueue = d.preferredNetworkInterfaceMultiQueue;
  if (d.preferredDisableHotplug !== undefined) devices.disableHotplug = d.preferredDisableHotplug;
  if (d.preferredSoundModel && devices.sound && !devices.sound.model)
    devices.sound.model = d.preferredSoundModel;
  if (d.preferredRng && !devices.rng) devices.rng = structuredClone(d.preferredRng);
  if (d.preferredTPM && !devices.tpm) devices.tpm = structuredClone(d.preferredTPM);
  const autoattach: [boolean | undefined, keyof typeof devices][] = [
    [d.preferredAutoattachGraphicsDevice, 'autoattachGraphicsDevice'],
    [d.preferredAutoattachMemBalloon, 'autoattachMemBalloon'],
    [d.preferredAutoattachPodInterface, 'autoattachPodInterface'],
    [d.preferredAutoattachSerialConsole, 'autoattachSerialConsole'],
    [d.preferredAutoattachInputDevice, 'autoattachInputDevice'],
  ];
  for (const [preferred, field] of autoattach)
    if (preferred !== undefined && devices[field] === undefined)
      (devices as Record<string, unknown>)[field] = preferred;
  applyDiskPreferences(pref, spec);
  applyInterfacePreferences(pref, spec);
  for (const input of devices.inputs ?? []) {
    if (d.preferredInputBus && !input.bus) input.bus = d.preferredInputBus;
    if (d.preferredInputType && !input.type) input.type = d.preferredInputType;
  }
};

const applyFeaturePreferences = (pref: PreferenceSpec, spec: VmiSpec): void => {
  const f = pref.features;
  if (!f) return;
  const features = (spec.domain.features ??= {});
  if (f.preferredAcpi) features.acpi = structuredClone(f.preferredAcpi);
  if (f.preferredApic && !features.apic) features.apic = structuredClone(f.preferredApic);
  if (f.preferredHyperv && !features.hypervPassthrough?.enabled) {
    const hyperv = (features.hyperv ??= {});
    for (const [key, value] of Object.entries(f.preferredHyperv))
      if ((hyperv as Record<string, unknown>)[key] === undefined)
        (hyperv as Record<string, unknown>)[key] = structuredClone(value);
  }
  if (f.preferredKvm && !features.kvm) features.kvm = structuredClone(f.preferredKvm);
  if (f.preferredPvspinlock && !features.pvspinlock)
    features.pvspinlock = structuredClone(f.preferredPvspinlock);
  if (f.preferredSmm && !features.smm) features.smm = structuredClone(f.preferredSmm);
};

const applyFirmwarePreferences = (pref: PreferenceSpec, spec: VmiSpec): void => {
  const f = pref.firmware;
  if (!f) return;
  const firmware = (spec.domain.firmware ??= {});
  const boot = (firmware.bootloader ??= {});
  if (f.preferredUseBios && !boot.bios && !boot.efi) boot.bios = {};
  if (f.preferredUseBiosSerial !== undefined && boot.bios && boot.bios.useSerial === undefined)
    boot.bios.useSerial = f.preferredUseBiosSerial;
  if (!boot.efi && !boot.bios && f.preferredEfi) {
    boot.efi = structuredClone(f.preferredEfi);
    return;
  }
  if (f.preferredUseEfi && !boot.efi && !boot.bios) boot.efi = {};
  if (f.preferredUseSecureBoot !== undefined && boot.efi && boot.efi.secureBoot === undefined)
    boot.efi.secureBoot = f.preferredUseSecureBoot;
};

const applyCpuFeaturePreferences = (pref: PreferenceSpec, spec: VmiSpec): void => {
  const preferred = pref.cpu?.preferredCPUFeatures;
  if (!preferred?.length) return;
  const cpu = (spec.domain.cpu ??= {});
  const names = new Set((cpu.features ?? []).map((f) => f.name));
  for (const feature of preferred)
    if (!names.has(feature.name)) (cpu.features ??= []).push(structuredClone(feature));
};

const applyClockPreferences = (pref: PreferenceSpec, spec: VmiSpec): void => {
  const c = pref.clock;
  if (!c) return;
  const clock = (spec.domain.clock ??= {});
  if (c.preferredClockOffset && !clock.utc && !clock.timezone)
    Object.assign(clock, structuredClone(c.preferredClockOffset));
  if (c.preferredTimer && !clock.timer) clock.timer = structuredClone(c.preferredTimer);
};

export const applyPreference = (
  pref: PreferenceSpec,
  spec: VmiSpec,
  annotations: Record<string, string>,
): void => {
  applyCpuFeaturePreferences(pref, spec);
  applyDevicePreferences(pref, spec);
  applyFeaturePreferences(pref, spec);
  applyFirmwarePreferences(pref, spec);
  if (pref.machine?.preferredMachineType && !spec.domain.machine?.type)
    spec.domain.machine = { ...spec.domain.machine, type: pref.machine.preferredMachineType };
  applyClockPreferences(pref, spec);
  if (pref.preferredSubdomain && !spec.subdomain) spec.subdomain = pref.preferredSubdomain;
  if (
    pref.preferredTerminationGracePeriodSeconds !== undefined &&
    spec.terminationGracePeriodSeconds === undefined
  )
    spec.terminationGracePeriodSeconds = pref.preferredTerminationGracePeriodSeconds;
  if (pref.preferredArchitecture && !spec.architecture)
    spec.architecture = pref.preferredArchitecture;
  for (const [key, value] of Object.entries(pref.annotations ?? {}))
    if (annotations[key] === undefined) annotations[key] = value;
};

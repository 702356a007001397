import type { VirtualMachine, VirtualMachineInstance } from '../models/types';

/** KubeVirt's run strategies (`spec.runStrategy`). */
export type RunStrategy = 'Always' | 'RerunOnFailure' | 'Manual' | 'Halted' | 'Once';

/** The run strategy, from `spec.runStrategy` or the older `spec.running` boolean. */
export const getRunStrategy = (vm: VirtualMachine): RunStrategy => {
  if (vm.spec?.runStrategy) return vm.spec.runStrategy as RunStrategy;
  return vm.spec?.running ? 'Always' : 'Halted';
};

/** Labels the create-from-template flows leave on a VM. */
export const TEMPLATE_NAME_LABEL = 'vm.kubevirt.io/template';
export const TEMPLATE_NAMESPACE_LABEL = 'vm.kubevirt.io/template.namespace';
/** Annotation on the VM template naming the guest OS (common templates set it). */
export const OS_ANNOTATION = 'vm.kubevirt.io/os';
/** Annotation with the VM's free-text description. */
export const DESCRIPTION_ANNOTATION = 'description';

export const getTemplateName = (vm: VirtualMachine): string | undefined =>
  vm.metadata?.labels?.[TEMPLATE_NAME_LABEL];

export const getInstanceTypeName = (vm: VirtualMachine): string | undefined =>
  vm.spec?.instancetype?.name;

export const getPreferenceName = (vm: VirtualMachine): string | undefined =>
  vm.spec?.preference?.name;

/**
 * The guest OS: what the guest agent reports when the VM runs, otherwise the OS annotation of the
 * template, otherwise the preference (instance-type VMs name their OS there).
 */
export const getOperatingSystem = (
  vm: VirtualMachine,
  vmi?: VirtualMachineInstance,
): string | undefined =>
  vmi?.status?.guestOSInfo?.prettyName ||
  vmi?.status?.guestOSInfo?.name ||
  vm.spec?.template?.metadata?.annotations?.[OS_ANNOTATION] ||
  getPreferenceName(vm);

/** Label prefix of the common templates' OS labels (`os.template.kubevirt.io/win2k22: "true"`). */
const OS_TEMPLATE_LABEL_PREFIX = 'os.template.kubevirt.io/';

const WINDOWS_OS = /^(win|microsoft windows)/i;

/**
 * Whether the guest is Windows: the guest agent's OS id (`mswindows`) or name, the template's OS
 * annotation or the preference (`windows2k22`, `windows.2k22.virtio`), or an OS label of the
 * template the VM was made from.
 */
export const isWindowsVM = (vm: VirtualMachine, vmi?: VirtualMachineInstance): boolean => {
  if (vmi?.status?.guestOSInfo?.id === 'mswindows') return true;
  if (WINDOWS_OS.test(getOperatingSystem(vm, vmi) ?? '')) return true;
  const labels = { ...vm.metadata?.labels, ...vm.spec?.template?.metadata?.labels };
  return Object.entries(labels).some(
    ([key, value]) =>
      key.startsWith(OS_TEMPLATE_LABEL_PREFIX) &&
      value === 'true' &&
      WINDOWS_OS.test(key.slice(OS_TEMPLATE_LABEL_PREFIX.length)),
  );
};

/** Every IP address of the VMI's interfaces, primary first, without duplicates. */
export const getIPAddresses = (vmi?: VirtualMachineInstance): string[] => {
  const addresses = new Set<string>();
  for (const nic of vmi?.status?.interfaces ?? []) {
    if (nic.ipAddress) addresses.add(nic.ipAddress);
    for (const ip of nic.ipAddresses ?? []) addresses.add(ip);
  }
  return [...addresses];
};

/** The VM's node: where its instance runs. */
export const getNodeName = (vmi?: VirtualMachineInstance): string | undefined =>
  vmi?.status?.nodeName;

/**
 * vCPUs (sockets × cores × threads) from the running instance when there is one (it carries the
 * instance type's figures), else from the VM's own domain; `undefined` when an instance type
 * decides and nothing runs.
 */
export const getVCPUs = (vm?: VirtualMachine, vmi?: VirtualMachineInstance): number | undefined => {
  const cpu = vmi?.spec?.domain?.cpu ?? vm?.spec?.template?.spec?.domain?.cpu;
  if (!cpu) return vm && getInstanceTypeName(vm) ? undefined : 1;
  return (cpu.sockets ?? 1) * (cpu.cores ?? 1) * (cpu.threads ?? 1);
};

/** Guest memory as a quantity: `memory.guest`, else the memory request (instance first). */
export const getMemory = (
  vm?: VirtualMachine,
  vmi?: VirtualMachineInstance,
): string | undefined => {
  for (const domain of [vmi?.spec?.domain, vm?.spec?.template?.spec?.domain]) {
    const memory = domain?.memory?.guest ?? domain?.resources?.requests?.memory;
    if (memory !== undefined) return String(memory);
  }
  return undefined;
};

export const getDescription = (vm: VirtualMachine): string | undefined =>
  vm.metadata?.annotations?.[DESCRIPTION_ANNOTATION];

/** `namespace/name`, the key VMs and their VMIs are matched by. */
export const resourceKey = (obj: { metadata?: { namespace?: string; name?: string } }): string =>
  `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;

/** The guest's user from the cloud-init user data (`user:` line), for SSH commands. */
export const getCloudInitUser = (vm: VirtualMachine): string | undefined => {
  for (const volume of vm.spec?.template?.spec?.volumes ?? []) {
    const userData = volume.cloudInitNoCloud?.userData ?? volume.cloudInitConfigDrive?.userData;
    const match = userData && /^user:\s*["']?([^\s"']+)/m.exec(userData);
    if (match) return match[1];
  }
  return undefined;
};

/** The `virtctl ssh` command that reaches the VM (the console's "Copy SSH command"). */
export const getVirtctlSSHCommand = (vm: VirtualMachine): string => {
  const user = getCloudInitUser(vm);
  const target = `vm/${vm.metadata?.name ?? ''}`;
  return `virtctl -n ${vm.metadata?.namespace ?? ''} ssh ${user ? `${user}@` : ''}${target}`;
};

import type { KubeObject } from '../../apiserver/core/types';

/**
 * The parts of the KubeVirt CR's `spec.configuration` the controller honours, with KubeVirt's
 * defaults (and OpenShift Virtualization's, where HCO sets them).
 */
export interface VirtConfig {
  /** `vmRolloutStrategy: LiveUpdate` makes CPU sockets, node placement and tolerations live. */
  liveUpdate: boolean;
  cpuAllocationRatio: number;
  maxHotplugRatio: number;
  /** Percentage of guest memory the pod requests (HCO's higherWorkloadDensity). */
  memoryOvercommit: number;
  machineType: string;
  cpuModel: string;
  defaultNetworkInterface: string;
  evictionStrategy?: string;
  /** `virtualMachineOptions.disableSerialConsoleLog` is set: no `guest-console-log` container
   * unless the VMI asks for one (`devices.logSerialConsole: true`). */
  disableSerialConsoleLog: boolean;
}

export const DEFAULT_VIRT_CONFIG: VirtConfig = {
  liveUpdate: true,
  cpuAllocationRatio: 10,
  maxHotplugRatio: 4,
  memoryOvercommit: 100,
  machineType: 'pc-q35-rhel9.6.0',
  cpuModel: 'host-model',
  defaultNetworkInterface: 'masquerade',
  evictionStrategy: 'LiveMigrate',
  disableSerialConsoleLog: false,
};

interface KubeVirtConfiguration {
  vmRolloutStrategy?: string;
  cpuModel?: string;
  evictionStrategy?: string;
  developerConfiguration?: { cpuAllocationRatio?: number; memoryOvercommit?: number };
  liveUpdateConfiguration?: { maxHotplugRatio?: number };
  architectureConfiguration?: { amd64?: { machineType?: string } };
  network?: { defaultNetworkInterface?: string };
  /** KubeVirt's `disableSerialConsoleLog` is an empty struct: present means disabled. */
  virtualMachineOptions?: { disableSerialConsoleLog?: object | boolean | null };
}

const serialConsoleLogDisabled = (c: KubeVirtConfiguration): boolean => {
  const v = c.virtualMachineOptions?.disableSerialConsoleLog;
  return v !== undefined && v !== null && v !== false;
};

export const virtConfigFrom = (kubevirt: KubeObject | undefined): VirtConfig => {
  const c = (kubevirt?.spec as { configuration?: KubeVirtConfiguration } | undefined)
    ?.configuration;
  if (!c) return DEFAULT_VIRT_CONFIG;
  const d = DEFAULT_VIRT_CONFIG;
  return {
    liveUpdate: (c.vmRolloutStrategy ?? 'LiveUpdate') === 'LiveUpdate',
    cpuAllocationRatio: c.developerConfiguration?.cpuAllocationRatio || d.cpuAllocationRatio,
    maxHotplugRatio: c.liveUpdateConfiguration?.maxHotplugRatio || d.maxHotplugRatio,
    memoryOvercommit: c.developerConfiguration?.memoryOvercommit || d.memoryOvercommit,
    machineType: c.architectureConfiguration?.amd64?.machineType || d.machineType,
    cpuModel: c.cpuModel || d.cpuModel,
    defaultNetworkInterface: c.network?.defaultNetworkInterface || d.defaultNetworkInterface,
    evictionStrategy: c.evictionStrategy ?? d.evictionStrategy,
    disableSerialConsoleLog: serialConsoleLogDisabled(c),
  };
};

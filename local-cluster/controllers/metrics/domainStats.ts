/**
 * The statistics virt-handler reads from libvirt for one running domain (virDomainGetStats plus
 * the guest agent's filesystem list), in the units KubeVirt exports them: seconds and bytes.
 */

export interface VcpuStats {
  /** Time the vCPU ran (cpu_time without hypervisor time). */
  seconds: number;
  waitSeconds: number;
  delaySeconds: number;
}

export interface MemoryStats {
  /** Memory given to the domain (`<memory>` of the domain XML). */
  domainBytes: number;
  /** MemTotal as the guest sees it. */
  availableBytes: number;
  /** MemAvailable as the guest sees it. */
  usableBytes: number;
  unusedBytes: number;
  cachedBytes: number;
  /** RSS of the QEMU process. */
  residentBytes: number;
  actualBalloonBytes: number;
  swapInBytes: number;
  swapOutBytes: number;
  majorFaults: number;
  minorFaults: number;
}

export interface NetStats {
  /** The interface name of the VMI spec (libvirt alias without `ua-`). */
  iface: string;
  rxBytes: number;
  txBytes: number;
  rxPackets: number;
  txPackets: number;
  rxErrors: number;
  txErrors: number;
  rxDropped: number;
  txDropped: number;
}

export interface BlockStats {
  /** The disk name of the VMI spec (libvirt alias without `ua-`). */
  drive: string;
  readOps: number;
  writeOps: number;
  readBytes: number;
  writeBytes: number;
  readSeconds: number;
  writeSeconds: number;
  flushOps: number;
  flushSeconds: number;
}

export interface FilesystemStats {
  diskName: string;
  mountPoint: string;
  fileSystemType: string;
  capacityBytes: number;
  usedBytes: number;
}

export interface DomainStats {
  cpuSeconds: number;
  cpuUserSeconds: number;
  cpuSystemSeconds: number;
  vcpus: VcpuStats[];
  memory: MemoryStats;
  nets: NetStats[];
  blocks: BlockStats[];
  /** Empty unless a guest agent reports filesystems. */
  filesystems: FilesystemStats[];
}

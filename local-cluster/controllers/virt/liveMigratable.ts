import type { Condition } from '../runtime/conditions';
import { ANNOTATION_ALLOW_BRIDGE_MIGRATION } from './kubevirtNames';
import type { PersistentVolumeClaim, VirtualMachineInstance } from './types';
import { claimNameOf } from './volumes';

/**
 * The VMI's LiveMigratable condition and migration method, with the reasons and messages
 * virt-handler reports: shared (RWX) storage, a masquerade (or allowed bridge) pod NIC, no host
 * devices, no SEV, no host-passthrough CPU, no virtiofs. Local, non-PVC disks (container disks,
 * empty disks) are copied over: BlockMigration.
 */

export interface Migratability {
  condition: Condition;
  migrationMethod: 'LiveMigration' | 'BlockMigration';
}

const notMigratable = (reason: string, message: string): Condition => ({
  type: 'LiveMigratable',
  status: 'False',
  reason,
  message,
});

const CONFIG_VOLUMES = [
  'cloudInitNoCloud',
  'cloudInitConfigDrive',
  'configMap',
  'secret',
  'serviceAccount',
  'downwardAPI',
  'downwardMetrics',
  'sysprep',
];

const interfaceProblem = (vmi: VirtualMachineInstance): string | undefined => {
  const podNetwork = vmi.spec.networks?.find((n) => n.pod);
  if (!podNetwork) return undefined;
  const iface = vmi.spec.domain.devices.interfaces?.find((i) => i.name === podNetwork.name);
  if (!iface || iface.masquerade || iface.binding || iface.passt) return undefined;
  if (iface.bridge && vmi.metadata.annotations?.[ANNOTATION_ALLOW_BRIDGE_MIGRATION] !== undefined)
    return undefined;
  return 'cannot migrate VMI which does not use masquerade, bridge with kubevirt.io/allow-pod-bridge-network-live-migration VM annotation or a migratable plugin to connect to the pod network';
};

const volumeProblem = (
  vmi: VirtualMachineInstance,
  pvc: (name: string) => PersistentVolumeClaim | undefined,
): { message?: string; block: boolean } => {
  let block = false;
  for (const v of vmi.spec.volumes ?? []) {
    const claim = claimNameOf(v);
    if (claim) {
      const found = pvc(claim);
      const modes = found?.status?.accessModes ?? found?.spec?.accessModes;
      if (!modes)
        return {
          message: `cannot migrate VMI: Unable to determine if PVC ${claim} is shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)`,
          block,
        };
      if (!modes.includes('ReadWriteMany'))
        return {
          message: `cannot migrate VMI: PVC ${claim} is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)`,
          block,
        };
    } else if (v.hostDisk) {
      if (!v.hostDisk.shared)
        return { message: 'cannot migrate VMI with non-shared HostDisk', block };
    } else if (!CONFIG_VOLUMES.some((k) => k in v)) {
      block = true;
    }
  }
  return { block };
};

export const migratability = (
  vmi: VirtualMachineInstance,
  pvc: (name: string) => PersistentVolumeClaim | undefined,
): Migratability => {
  const volumes = volumeProblem(vmi, pvc);
  const migrationMethod = volumes.block ? 'BlockMigration' : 'LiveMigration';
  const iface = interfaceProblem(vmi);
  if (iface)
    return { condition: notMigratable('InterfaceNotLiveMigratable', iface), migrationMethod };
  if (volumes.message)
    return { condition: notMigratable('DisksNotLiveMigratable', volumes.message), migrationMethod };
  const devices = vmi.spec.domain.devices;
  if (devices.hostDevices?.length || devices.gpus?.length)
    return {
      condition: notMigratable('HostDeviceNotLiveMigratable', 'VMI uses a PCI host devices'),
      migrationMethod,
    };
  if (vmi.spec.domain.launchSecurity?.sev)
    return { condition: notMigratable('SEVNotLiveMigratable', 'VMI uses SEV'), migrationMethod };
  if (vmi.spec.domain.cpu?.model === 'host-passthrough')
    return {
      condition: notMigratable('CPUModeLiveMigratable', 'VMI uses host-passthrough CPU model'),
      migrationMethod,
    };
  if (devices.filesystems?.length)
    return {
      condition: notMigratable('VirtIOFSNotLiveMigratable', 'VMI uses virtiofs'),
      migrationMethod,
    };
  return { condition: { type: 'LiveMigratable', status: 'True' }, migrationMethod };
};

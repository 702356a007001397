import type { MetricFamily, MetricType } from './exposition';

/**
 * Every metric family the local cluster exports, with the names, types and help texts of the
 * components that export them in a real cluster (virt-handler, virt-controller, HCO,
 * kube-state-metrics, kube-scheduler, cAdvisor). Declared in one place so the output order is
 * stable and a test can check that every family the console queries exists.
 */

const fam = (name: string, type: MetricType, help: string): MetricFamily => ({ name, type, help });
const counter = (name: string, help: string) => fam(name, 'counter', help);
const gauge = (name: string, help: string) => fam(name, 'gauge', help);

/** virt-handler: statistics of running domains (labels node, namespace, name, …). */
export const DOMAIN = {
  cpuUsage: counter(
    'kubevirt_vmi_cpu_usage_seconds_total',
    'Total CPU time spent in all modes (sum of both vcpu and hypervisor usage).',
  ),
  cpuUser: counter(
    'kubevirt_vmi_cpu_user_usage_seconds_total',
    'Total CPU time spent in user mode.',
  ),
  cpuSystem: counter(
    'kubevirt_vmi_cpu_system_usage_seconds_total',
    'Total CPU time spent in system mode.',
  ),
  vcpuSeconds: counter(
    'kubevirt_vmi_vcpu_seconds_total',
    'Total amount of time spent in each state by each vcpu (cpu_time excluding hypervisor time). Where `id` is the vcpu identifier and `state` can be one of the following: [`OFFLINE`, `RUNNING`, `BLOCKED`].',
  ),
  vcpuWait: counter(
    'kubevirt_vmi_vcpu_wait_seconds_total',
    'Amount of time spent by each vcpu while waiting on I/O.',
  ),
  vcpuDelay: counter(
    'kubevirt_vmi_vcpu_delay_seconds_total',
    'Amount of time spent by each vcpu waiting in the queue instead of running.',
  ),
  memResident: gauge(
    'kubevirt_vmi_memory_resident_bytes',
    'Resident set size of the process running the domain.',
  ),
  memAvailable: gauge(
    'kubevirt_vmi_memory_available_bytes',
    'Amount of usable memory as seen by the domain. This value may not be accurate if a balloon driver is in use or if the guest OS does not initialize all assigned pages',
  ),
  memUnused: gauge(
    'kubevirt_vmi_memory_unused_bytes',
    'The amount of memory left completely unused by the system. Memory that is available but used for reclaimable caches should NOT be reported as free.',
  ),
  memCached: gauge(
    'kubevirt_vmi_memory_cached_bytes',
    'The amount of memory that is being used to cache I/O and is available to be reclaimed, corresponds to the sum of `Buffers` + `Cached` + `SwapCached` in `/proc/meminfo`.',
  ),
  memSwapIn: gauge(
    'kubevirt_vmi_memory_swap_in_traffic_bytes',
    'The total amount of data read from swap space of the guest in bytes.',
  ),
  memSwapOut: gauge(
    'kubevirt_vmi_memory_swap_out_traffic_bytes',
    'The total amount of memory written out to swap space of the guest in bytes.',
  ),
  memMajFault: counter(
    'kubevirt_vmi_memory_pgmajfault_total',
    'The number of page faults when disk IO was required. Page faults occur when a process makes a valid access to virtual memory that is not available. When servicing the page fault, if disk IO is required, it is considered as major fault.',
  ),
  memMinFault: counter(
    'kubevirt_vmi_memory_pgminfault_total',
    'The number of other page faults, when disk IO was not required. Page faults occur when a process makes a valid access to virtual memory that is not available. When servicing the page fault, if disk IO is NOT required, it is considered as minor fault.',
  ),
  memBalloon: gauge('kubevirt_vmi_memory_actual_balloon_bytes', 'Current balloon size in bytes.'),
  memUsable: gauge(
    'kubevirt_vmi_memory_usable_bytes',
    "The amount of memory which can be reclaimed by balloon without pushing the guest system to swap, corresponds to 'Available' in /proc/meminfo.",
  ),
  memDomain: gauge(
    'kubevirt_vmi_memory_domain_bytes',
    'The amount of memory in bytes allocated to the domain. The `memory` value in domain xml file.',
  ),
  memUsed: gauge(
    'kubevirt_vmi_memory_used_bytes',
    'Amount of `used` memory as seen by the domain.',
  ),
  netRxBytes: counter(
    'kubevirt_vmi_network_receive_bytes_total',
    'Total network traffic received in bytes.',
  ),
  netTxBytes: counter(
    'kubevirt_vmi_network_transmit_bytes_total',
    'Total network traffic transmitted in bytes.',
  ),
  netRxPackets: counter(
    'kubevirt_vmi_network_receive_packets_total',
    'Total network traffic received packets.',
  ),
  netTxPackets: counter(
    'kubevirt_vmi_network_transmit_packets_total',
    'Total network traffic transmitted packets.',
  ),
  netRxErrors: counter(
    'kubevirt_vmi_network_receive_errors_total',
    'Total network received error packets.',
  ),
  netTxErrors: counter(
    'kubevirt_vmi_network_transmit_errors_total',
    'Total network transmitted error packets.',
  ),
  netRxDropped: counter(
    'kubevirt_vmi_network_receive_packets_dropped_total',
    'The total number of rx packets dropped on vNIC interfaces.',
  ),
  netTxDropped: counter(
    'kubevirt_vmi_network_transmit_packets_dropped_total',
    'The total number of tx packets dropped on vNIC interfaces.',
  ),
  iopsRead: counter('kubevirt_vmi_storage_iops_read_total', 'Total number of I/O read operations.'),
  iopsWrite: counter(
    'kubevirt_vmi_storage_iops_write_total',
    'Total number of I/O write operations.',
  ),
  readBytes: counter(
    'kubevirt_vmi_storage_read_traffic_bytes_total',
    'Total number of bytes read from storage.',
  ),
  writeBytes: counter(
    'kubevirt_vmi_storage_write_traffic_bytes_total',
    'Total number of written bytes.',
  ),
  readTimes: counter(
    'kubevirt_vmi_storage_read_times_seconds_total',
    'Total time spent on read operations.',
  ),
  writeTimes: counter(
    'kubevirt_vmi_storage_write_times_seconds_total',
    'Total time spent on write operations.',
  ),
  flushRequests: counter(
    'kubevirt_vmi_storage_flush_requests_total',
    'Total storage flush requests.',
  ),
  flushTimes: counter(
    'kubevirt_vmi_storage_flush_times_seconds_total',
    'Total time spent on cache flushing.',
  ),
  fsCapacity: gauge(
    'kubevirt_vmi_filesystem_capacity_bytes',
    'Total VM filesystem capacity in bytes.',
  ),
  fsUsed: gauge('kubevirt_vmi_filesystem_used_bytes', 'Used VM filesystem capacity in bytes.'),
  vcpuCount: gauge('kubevirt_vmi_vcpu_count', 'The number of the VMI vCPUs.'),
} as const;

/** virt-handler: libvirt's job statistics while a live migration runs. */
export const MIGRATION_JOB = {
  dataProcessed: gauge(
    'kubevirt_vmi_migration_data_processed_bytes',
    'The total Guest OS data processed and migrated to the new VM.',
  ),
  dataRemaining: gauge(
    'kubevirt_vmi_migration_data_remaining_bytes',
    'The remaining guest OS data to be migrated to the new VM.',
  ),
  dataTotal: gauge(
    'kubevirt_vmi_migration_data_total_bytes',
    'The total Guest OS data to be migrated to the new VM.',
  ),
  dirtyRate: gauge(
    'kubevirt_vmi_migration_dirty_memory_rate_bytes',
    'The rate of memory being dirty in the Guest OS.',
  ),
  memoryRate: gauge(
    'kubevirt_vmi_migration_memory_transfer_rate_bytes',
    'The rate at which the memory is being transferred.',
  ),
  diskRate: gauge(
    'kubevirt_vmi_migration_disk_transfer_rate_bytes',
    'The rate at which the disk is being transferred.',
  ),
  // The names KubeVirt used before 1.1; older console plugins still query them.
  legacyDataProcessed: gauge(
    'kubevirt_migrate_vmi_data_processed_bytes',
    'The total Guest OS data processed and migrated to the new VM.',
  ),
  legacyDataRemaining: gauge(
    'kubevirt_migrate_vmi_data_remaining_bytes',
    'The remaining guest OS data to be migrated to the new VM.',
  ),
  legacyDirtyRate: gauge(
    'kubevirt_migrate_vmi_dirty_memory_rate_bytes',
    'The rate of memory being dirty in the Guest OS.',
  ),
  legacyMemoryRate: gauge(
    'kubevirt_migrate_vmi_memory_transfer_rate_bytes',
    'The rate at which the memory is being transferred.',
  ),
  legacyDiskRate: gauge(
    'kubevirt_migrate_vmi_disk_transfer_rate_bytes',
    'The rate at which the disk is being transferred.',
  ),
} as const;

/** virt-controller: VMI objects. */
export const VMI_STATE = {
  info: gauge('kubevirt_vmi_info', 'Information about VirtualMachineInstances.'),
  phaseCount: gauge(
    'kubevirt_vmi_phase_count',
    'Sum of VMIs per phase and node. `phase` can be one of the following: [`Pending`, `Scheduling`, `Scheduled`, `Running`, `Succeeded`, `Failed`, `Unknown`].',
  ),
  nonEvictable: gauge(
    'kubevirt_vmi_non_evictable',
    'Indication for a VirtualMachine that its eviction strategy is set to Live Migration but is not migratable.',
  ),
  addresses: gauge(
    'kubevirt_vmi_status_addresses',
    "The addresses of a VirtualMachineInstance. This metric provides the address of an available network interface associated with the VMI in the 'address' label, and about the type of address, such as internal IP, in the 'type' label.",
  ),
  migrationStart: gauge(
    'kubevirt_vmi_migration_start_time_seconds',
    'The time at which the migration started.',
  ),
  migrationEnd: gauge(
    'kubevirt_vmi_migration_end_time_seconds',
    'The time at which the migration ended.',
  ),
  vnicInfo: gauge(
    'kubevirt_vmi_vnic_info',
    'Details of VirtualMachineInstance (VMI) vNIC interfaces, such as vNIC name, binding type, network name, and binding name for each vNIC of a running instance.',
  ),
} as const;

/** virt-controller: VirtualMachineInstanceMigration objects. */
export const MIGRATIONS = {
  pending: gauge(
    'kubevirt_vmi_migrations_in_pending_phase',
    'Number of current pending migrations.',
  ),
  scheduling: gauge(
    'kubevirt_vmi_migrations_in_scheduling_phase',
    'Number of current scheduling migrations.',
  ),
  running: gauge(
    'kubevirt_vmi_migrations_in_running_phase',
    'Number of current running migrations.',
  ),
  unset: gauge('kubevirt_vmi_migrations_in_unset_phase', 'Number of current unset migrations.'),
  succeeded: gauge('kubevirt_vmi_migration_succeeded', 'Indicates if the VMI migration succeeded.'),
  failed: gauge('kubevirt_vmi_migration_failed', 'Indicates if the VMI migration failed.'),
} as const;

/** virt-controller: VirtualMachine objects. */
export const VM_STATE = {
  starting: counter(
    'kubevirt_vm_starting_status_last_transition_timestamp_seconds',
    'Virtual Machine last transition timestamp to starting status.',
  ),
  running: counter(
    'kubevirt_vm_running_status_last_transition_timestamp_seconds',
    'Virtual Machine last transition timestamp to running status.',
  ),
  migrating: counter(
    'kubevirt_vm_migrating_status_last_transition_timestamp_seconds',
    'Virtual Machine last transition timestamp to migrating status.',
  ),
  nonRunning: counter(
    'kubevirt_vm_non_running_status_last_transition_timestamp_seconds',
    'Virtual Machine last transition timestamp to paused/stopped status.',
  ),
  error: counter(
    'kubevirt_vm_error_status_last_transition_timestamp_seconds',
    'Virtual Machine last transition timestamp to error status.',
  ),
  info: gauge('kubevirt_vm_info', 'Information about Virtual Machines.'),
  requests: gauge(
    'kubevirt_vm_resource_requests',
    'Resources requested by Virtual Machine. Reports memory and CPU requests.',
  ),
  limits: gauge(
    'kubevirt_vm_resource_limits',
    'Resources limits by Virtual Machine. Reports memory and CPU limits.',
  ),
  created: gauge(
    'kubevirt_vm_create_date_timestamp_seconds',
    'Virtual Machine creation timestamp.',
  ),
  vnicInfo: gauge(
    'kubevirt_vm_vnic_info',
    "Details of Virtual Machine (VM) vNIC interfaces, such as vNIC name, binding type, network name, and binding name for each vNIC defined in the VM's configuration.",
  ),
  numberOfVms: gauge('kubevirt_number_of_vms', 'The number of VMs in the cluster by namespace.'),
  snapshotInfo: gauge('kubevirt_vmsnapshot_info', 'Information about VirtualMachineSnapshots.'),
  snapshotCreated: gauge(
    'kubevirt_vmsnapshot_create_date_timestamp_seconds',
    'Virtual Machine Snapshot creation timestamp.',
  ),
} as const;

/** Nodes and operators: kube-state-metrics, KubeVirt recording rules, HCO. */
export const CLUSTER = {
  nodeAllocatable: gauge(
    'kube_node_status_allocatable',
    'The allocatable for different resources of a node that are available for scheduling.',
  ),
  allocatableNodes: gauge(
    'kubevirt_allocatable_nodes',
    'The number of allocatable nodes in the cluster.',
  ),
  nodesWithKvm: gauge(
    'kubevirt_nodes_with_kvm',
    'The number of nodes in the cluster that have the devices.kubevirt.io/kvm resource available.',
  ),
  hcoHealth: gauge(
    'kubevirt_hco_system_health_status',
    'Indicates whether the system health status is healthy (0), warning (1), or error (2), by aggregating the conditions of HCO and its secondary resources',
  ),
  hcoOperatorHealth: gauge(
    'kubevirt_hyperconverged_operator_health_status',
    'Indicates whether HCO and its secondary resources health status is healthy (0), warning (1) or critical (2), based both on the firing alerts that impact the operator health, and on kubevirt_hco_system_health_status metric',
  ),
} as const;

/** virt-launcher pods, as kube-scheduler, kube-state-metrics and cAdvisor report them. */
export const LAUNCHER_POD = {
  podRequest: gauge(
    'kube_pod_resource_request',
    'Resources requested by workloads on the cluster, broken down by pod.',
  ),
  containerRequests: gauge(
    'kube_pod_container_resource_requests',
    'The number of requested request resource by a container.',
  ),
  containerCpu: counter(
    'container_cpu_usage_seconds_total',
    'Cumulative cpu time consumed in seconds.',
  ),
  containerMemory: gauge('container_memory_working_set_bytes', 'Current working set in bytes.'),
} as const;

export const ALL_FAMILIES: MetricFamily[] = [
  ...Object.values(VMI_STATE),
  ...Object.values(DOMAIN),
  ...Object.values(MIGRATION_JOB),
  ...Object.values(MIGRATIONS),
  ...Object.values(VM_STATE),
  ...Object.values(CLUSTER),
  ...Object.values(LAUNCHER_POD),
];

import { describe, expect, it } from 'vitest';
import type { MetricsState } from './collect';
import { collectMetrics, metricsText } from './collect';
import type { Instancetype, Node, Pod, Vm, Vmi, Vmim } from './kubevirtShapes';
import type { ParsedExposition } from './parseExposition';
import { parseExposition, select } from './parseExposition';

const NOW = Date.parse('2026-11-02T10:00:00Z');
const iso = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString();

const runningVmi = (name: string, node: string, over: Partial<Vmi> = {}): Vmi => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: {
    name,
    namespace: 'demo',
    uid: `uid-${name}`,
    labels: { 'kubevirt.io/domain': name, 'kubevirt.io/nodeName': node },
    creationTimestamp: iso(4000),
  },
  spec: {
    domain: {
      cpu: { cores: 1, sockets: 2, threads: 1 },
      memory: { guest: '2Gi' },
      devices: {
        disks: [{ name: 'rootdisk' }, { name: 'cloudinitdisk' }],
        interfaces: [{ name: 'default', masquerade: {} }],
      },
    },
    networks: [{ name: 'default', pod: {} }],
  },
  status: {
    phase: 'Running',
    nodeName: node,
    phaseTransitionTimestamps: [{ phase: 'Running', phaseTransitionTimestamp: iso(3600) }],
    interfaces: [{ name: 'default', ipAddress: '10.128.2.15' }],
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'AgentConnected', status: 'True' },
      { type: 'LiveMigratable', status: 'True' },
    ],
  },
  ...over,
});

const fedora = runningVmi('fedora-1', 'worker-0', {
  metadata: {
    name: 'fedora-1',
    namespace: 'demo',
    uid: 'uid-fedora-1',
    labels: { 'kubevirt.io/domain': 'fedora-1' },
    annotations: {
      'vm.kubevirt.io/os': 'fedora',
      'vm.kubevirt.io/workload': 'server',
      'vm.kubevirt.io/flavor': 'small',
      'kubevirt.io/cluster-instancetype-name': 'u1.medium',
      'kubevirt.io/cluster-preference-name': 'my-own-preference',
    },
    creationTimestamp: iso(4000),
  },
});
fedora.status = {
  ...fedora.status,
  machine: { type: 'pc-q35-rhel9.6.0' },
  guestOSInfo: {
    name: 'Fedora Linux',
    kernelRelease: '6.11.4-301.fc41.x86_64',
    machine: 'x86_64',
    versionId: '41',
  },
  conditions: [
    { type: 'Ready', status: 'True' },
    { type: 'AgentConnected', status: 'True' },
    {
      type: 'LiveMigratable',
      status: 'False',
      reason: 'DisksNotLiveMigratable',
    },
  ],
};

const migrating = runningVmi('db-1', 'worker-1');
migrating.status = {
  ...migrating.status,
  migrationState: {
    startTimestamp: iso(2),
    sourceNode: 'worker-1',
    targetNode: 'worker-2',
    migrationUid: 'uid-mig-running',
  },
};

const scheduling: Vmi = {
  metadata: { name: 'pending-1', namespace: 'demo', uid: 'uid-pending-1' },
  spec: { domain: { devices: {} } },
  status: { phase: 'Scheduling' },
};

const twin1 = runningVmi('twin-1', 'worker-2');
const twin2 = runningVmi('twin-2', 'worker-2');

const vm = (name: string, printableStatus: string, over: Partial<Vm> = {}): Vm => ({
  metadata: { name, namespace: 'demo', creationTimestamp: iso(86400) },
  spec: {
    template: {
      metadata: { annotations: { 'vm.kubevirt.io/os': 'rhel9' } },
      spec: {
        domain: {
          cpu: { cores: 2, sockets: 1, threads: 1 },
          resources: { requests: { memory: '4Gi' } },
          devices: { interfaces: [{ name: 'default', masquerade: {} }] },
        },
        networks: [{ name: 'default', pod: {} }],
      },
    },
  },
  status: {
    printableStatus,
    conditions: [
      { type: 'Ready', status: 'True', lastTransitionTime: iso(100) },
      { type: 'Paused', status: 'False', lastTransitionTime: iso(50) },
    ],
  },
  ...over,
});

const u1medium: Instancetype = {
  metadata: { name: 'u1.medium', labels: { 'instancetype.kubevirt.io/vendor': 'redhat.com' } },
  spec: { cpu: { guest: 1 }, memory: { guest: '4Gi' } },
};

const node = (name: string, kvm: boolean): Node => ({
  metadata: { name },
  status: {
    allocatable: {
      cpu: '7500m',
      memory: '31717228Ki',
      pods: '250',
      'ephemeral-storage': '114396067801',
      ...(kvm ? { 'devices.kubevirt.io/kvm': '1k' } : {}),
    },
  },
});

const launcher: Pod = {
  metadata: {
    name: 'virt-launcher-fedora-1-abcde',
    namespace: 'demo',
    labels: { 'kubevirt.io': 'virt-launcher', 'kubevirt.io/created-by': 'uid-fedora-1' },
  },
  spec: {
    nodeName: 'worker-0',
    containers: [
      { name: 'compute', resources: { requests: { cpu: '200m', memory: '2374Mi' } } },
      { name: 'guest-console-log', resources: { requests: { cpu: '5m', memory: '35Mi' } } },
    ],
  },
  status: { phase: 'Running' },
};

const vmim = (name: string, phase: string | undefined, uid = `uid-${name}`): Vmim => ({
  metadata: { name, namespace: 'demo', uid },
  spec: { vmiName: 'db-1' },
  status: phase ? { phase } : {},
});

const state = (over: Partial<MetricsState> = {}): MetricsState => ({
  vms: [
    vm('fedora-1', 'Running'),
    vm('stopped-1', 'Stopped'),
    vm('crashing-1', 'CrashLoopBackOff'),
    vm('db-1', 'Migrating'),
    vm('sized-1', 'Starting', {
      spec: {
        instancetype: { name: 'u1.medium', kind: 'VirtualMachineClusterInstancetype' },
        preference: { name: 'fedora', kind: 'VirtualMachineClusterPreference' },
        template: { spec: { domain: {} } },
      },
      status: { printableStatus: 'Starting' },
    }),
  ],
  vmis: [fedora, migrating, scheduling, twin1, twin2],
  vmims: [
    vmim('mig-pending', 'Pending'),
    vmim('mig-running', 'Running', 'uid-mig-running'),
    vmim('mig-done', 'Succeeded'),
    vmim('mig-failed', 'Failed'),
    vmim('mig-new', undefined),
  ],
  nodes: [node('worker-0', true), node('worker-1', true), node('control-plane-0', false)],
  pods: [launcher],
  hyperConverged: {
    metadata: { name: 'kubevirt-hyperconverged', namespace: 'openshift-cnv' },
    spec: { evictionStrategy: 'LiveMigrate' },
    status: {
      conditions: [
        { type: 'Available', status: 'True' },
        { type: 'Degraded', status: 'False' },
        { type: 'Progressing', status: 'False' },
      ],
    },
  },
  instancetypes: [],
  clusterInstancetypes: [u1medium],
  preferences: [],
  clusterPreferences: [],
  vmSnapshots: [
    {
      metadata: { name: 'snap-1', namespace: 'demo', uid: 'uid-snap', creationTimestamp: iso(10) },
      spec: { source: { name: 'fedora-1' } },
      status: { phase: 'Succeeded', readyToUse: true },
    },
  ],
  ...over,
});

const scrape = (s: MetricsState = state(), nowMs = NOW): ParsedExposition =>
  parseExposition(metricsText(collectMetrics(s, {}, { nowMs })));

describe('collectMetrics', () => {
  const parsed = scrape();
  const one = (name: string, match: Record<string, string> = {}) => {
    const found = select(parsed, name, match);
    expect(found, `${name} ${JSON.stringify(match)}`).toHaveLength(1);
    return found[0];
  };

  it('exports kubevirt_vmi_info with KubeVirt’s labels for every VMI', () => {
    expect(one('kubevirt_vmi_info', { name: 'fedora-1' }).labels).toEqual({
      node: 'worker-0',
      namespace: 'demo',
      name: 'fedora-1',
      phase: 'running',
      os: 'fedora',
      workload: 'server',
      flavor: 'small',
      instance_type: 'u1.medium',
      preference: '<other>',
      guest_os_kernel_release: '6.11.4-301.fc41.x86_64',
      guest_os_machine: 'pc-q35-rhel9.6.0',
      guest_os_arch: 'x86_64',
      guest_os_name: 'Fedora Linux',
      guest_os_version_id: '41',
      evictable: 'false',
      outdated: 'false',
      vmi_pod: 'virt-launcher-fedora-1-abcde',
    });
    expect(one('kubevirt_vmi_info', { name: 'pending-1' }).labels).toMatchObject({
      node: '',
      phase: 'scheduling',
      vmi_pod: '<none>',
      instance_type: '<none>',
    });
  });

  it('sums VMIs into kubevirt_vmi_phase_count by node, phase and the info labels', () => {
    expect(one('kubevirt_vmi_phase_count', { node: 'worker-2', phase: 'running' }).value).toBe(2);
    expect(one('kubevirt_vmi_phase_count', { phase: 'scheduling' }).value).toBe(1);
    expect(one('kubevirt_vmi_phase_count', { node: 'worker-0' }).labels).toMatchObject({
      os: 'fedora',
      instance_type: 'u1.medium',
      guest_os_name: 'Fedora Linux',
    });
    expect(Object.keys(one('kubevirt_vmi_phase_count', { phase: 'scheduling' }).labels)).toEqual([
      'node',
      'phase',
      'os',
      'workload',
      'flavor',
      'instance_type',
      'preference',
      'guest_os_kernel_release',
      'guest_os_machine',
      'guest_os_arch',
      'guest_os_name',
      'guest_os_version_id',
    ]);
  });

  it('marks LiveMigrate VMIs that cannot migrate as non-evictable, and lists addresses', () => {
    expect(one('kubevirt_vmi_non_evictable', { name: 'fedora-1' }).value).toBe(1);
    expect(one('kubevirt_vmi_non_evictable', { name: 'twin-1' }).value).toBe(0);
    expect(one('kubevirt_vmi_status_addresses', { name: 'twin-1' }).labels).toMatchObject({
      network_name: 'default',
      address: '10.128.2.15',
      type: 'InternalIP',
    });
    expect(one('kubevirt_vmi_vnic_info', { name: 'twin-1' }).labels).toMatchObject({
      vnic_name: 'default',
      binding_type: 'core',
      binding_name: 'masquerade',
      network: 'pod networking',
    });
  });

  it('exports domain statistics for running VMIs only, per vCPU, interface and drive', () => {
    expect(select(parsed, 'kubevirt_vmi_cpu_usage_seconds_total')).toHaveLength(4);
    expect(select(parsed, 'kubevirt_vmi_cpu_usage_seconds_total', { name: 'pending-1' })).toEqual(
      [],
    );
    const cpu = one('kubevirt_vmi_cpu_usage_seconds_total', { name: 'fedora-1' });
    expect(cpu.labels).toEqual({ node: 'worker-0', namespace: 'demo', name: 'fedora-1' });
    expect(cpu.value).toBeGreaterThan(0);
    expect(cpu.value).toBeLessThanOrEqual(2 * 3600);
    expect(
      select(parsed, 'kubevirt_vmi_vcpu_wait_seconds_total', { name: 'fedora-1' }),
    ).toHaveLength(2);
    expect(one('kubevirt_vmi_vcpu_seconds_total', { name: 'fedora-1', id: '1' }).labels.state).toBe(
      'running',
    );
    expect(one('kubevirt_vmi_vcpu_count', { name: 'fedora-1' }).value).toBe(2);
    expect(
      one('kubevirt_vmi_network_receive_bytes_total', { name: 'fedora-1' }).labels.interface,
    ).toBe('default');
    expect(
      select(parsed, 'kubevirt_vmi_storage_iops_read_total', { name: 'fedora-1' }).map(
        (s) => s.labels.drive,
      ),
    ).toEqual(['rootdisk', 'cloudinitdisk']);
    expect(one('kubevirt_vmi_filesystem_used_bytes', { name: 'fedora-1' }).labels).toMatchObject({
      disk_name: 'vda',
      mount_point: '/',
    });

    const domain = one('kubevirt_vmi_memory_domain_bytes', { name: 'fedora-1' }).value;
    const available = one('kubevirt_vmi_memory_available_bytes', { name: 'fedora-1' }).value;
    const usable = one('kubevirt_vmi_memory_usable_bytes', { name: 'fedora-1' }).value;
    const used = one('kubevirt_vmi_memory_used_bytes', { name: 'fedora-1' }).value;
    expect(domain).toBe(2 * 2 ** 30);
    expect(used).toBe(available - usable);
    for (const family of [
      'kubevirt_vmi_memory_resident_bytes',
      'kubevirt_vmi_memory_swap_in_traffic_bytes',
      'kubevirt_vmi_memory_swap_out_traffic_bytes',
      'kubevirt_vmi_storage_write_traffic_bytes_total',
      'kubevirt_vmi_storage_iops_write_total',
      'kubevirt_vmi_network_transmit_bytes_total',
    ])
      expect(select(parsed, family, { name: 'fedora-1' }).length, family).toBeGreaterThan(0);
  });

  it('adds kubernetes_vmi_label_* labels when asked', () => {
    const withLabels = parseExposition(
      metricsText(collectMetrics(state(), {}, { nowMs: NOW, includeVmiLabels: true })),
    );
    expect(
      select(withLabels, 'kubevirt_vmi_cpu_usage_seconds_total', { name: 'twin-1' })[0].labels,
    ).toMatchObject({
      kubernetes_vmi_label_kubevirt_io_domain: 'twin-1',
      kubernetes_vmi_label_kubevirt_io_nodeName: 'worker-2',
    });
  });

  it('reports a running migration from the source node, and migration objects by phase', () => {
    const processed = one('kubevirt_vmi_migration_data_processed_bytes', { name: 'db-1' });
    expect(processed.labels.node).toBe('worker-1');
    const remaining = one('kubevirt_vmi_migration_data_remaining_bytes', { name: 'db-1' }).value;
    expect(processed.value + remaining).toBe(2 * 2 ** 30);
    // Two seconds at ~1 GiB/s copied everything but what the guest keeps dirtying.
    expect(remaining).toBe(Math.floor(2 * 2 ** 30 * 0.002));
    expect(one('kubevirt_migrate_vmi_data_processed_bytes', { name: 'db-1' }).value).toBe(
      processed.value,
    );
    expect(one('kubevirt_vmi_migration_start_time_seconds', { name: 'db-1' }).labels).toMatchObject(
      {
        migration_name: 'mig-running',
      },
    );
    expect(select(parsed, 'kubevirt_vmi_migration_data_processed_bytes')).toHaveLength(1);

    expect(one('kubevirt_vmi_migrations_in_pending_phase').value).toBe(1);
    expect(one('kubevirt_vmi_migrations_in_scheduling_phase').value).toBe(0);
    expect(one('kubevirt_vmi_migrations_in_running_phase').value).toBe(1);
    expect(one('kubevirt_vmi_migrations_in_unset_phase').value).toBe(1);
    expect(one('kubevirt_vmi_migration_succeeded').labels).toEqual({
      vmi: 'db-1',
      vmim: 'mig-done',
      namespace: 'demo',
    });
    expect(one('kubevirt_vmi_migration_failed').labels.vmim).toBe('mig-failed');
  });

  it('stops migration job series once the migration completed', () => {
    const done = runningVmi('db-1', 'worker-2');
    done.status = {
      ...done.status,
      migrationState: {
        startTimestamp: iso(20),
        endTimestamp: iso(5),
        completed: true,
        sourceNode: 'worker-1',
        targetNode: 'worker-2',
        migrationUid: 'uid-mig-running',
      },
    };
    const p = scrape(state({ vmis: [done] }));
    expect(select(p, 'kubevirt_vmi_migration_data_processed_bytes')).toEqual([]);
    expect(select(p, 'kubevirt_vmi_migration_end_time_seconds')[0].labels.status).toBe('succeeded');
  });

  it('exports the VM status timestamps: the current group carries the transition time', () => {
    const running = select(parsed, 'kubevirt_vm_running_status_last_transition_timestamp_seconds', {
      name: 'fedora-1',
    })[0];
    expect(running.value).toBe(Math.floor((NOW - 50_000) / 1000));
    expect(
      one('kubevirt_vm_non_running_status_last_transition_timestamp_seconds', { name: 'fedora-1' })
        .value,
    ).toBe(0);
    expect(
      one('kubevirt_vm_non_running_status_last_transition_timestamp_seconds', { name: 'stopped-1' })
        .value,
    ).toBeGreaterThan(0);
    expect(
      one('kubevirt_vm_error_status_last_transition_timestamp_seconds', { name: 'crashing-1' })
        .value,
    ).toBeGreaterThan(0);
    expect(
      one('kubevirt_vm_migrating_status_last_transition_timestamp_seconds', { name: 'db-1' }).value,
    ).toBeGreaterThan(0);
    expect(
      one('kubevirt_vm_starting_status_last_transition_timestamp_seconds', { name: 'sized-1' })
        .value,
    ).toBe(-1);
    expect(one('kubevirt_vm_info', { name: 'crashing-1' }).labels).toMatchObject({
      status: 'crashloopbackoff',
      status_group: 'error',
      os: 'rhel9',
    });
    expect(one('kubevirt_number_of_vms', { namespace: 'demo' }).value).toBe(5);
  });

  it('reports resource requests, applying the instancetype', () => {
    const req = (name: string) =>
      Object.fromEntries(
        select(parsed, 'kubevirt_vm_resource_requests', { name }).map((s) => [
          `${s.labels.resource}/${s.labels.unit}/${s.labels.source}`,
          s.value,
        ]),
      );
    expect(req('fedora-1')).toEqual({
      'memory/bytes/domain': 4 * 2 ** 30,
      'cpu/cores/domain': 2,
      'cpu/threads/domain': 1,
      'cpu/sockets/domain': 1,
    });
    expect(req('sized-1')).toEqual({
      'memory/bytes/guest': 4 * 2 ** 30,
      'cpu/cores/domain': 1,
      'cpu/threads/domain': 1,
      'cpu/sockets/domain': 1,
    });
    expect(one('kubevirt_vm_info', { name: 'sized-1' }).labels).toMatchObject({
      instance_type: 'u1.medium',
      preference: '<other>',
    });
  });

  it('exports nodes, HCO health, launcher pods and snapshots', () => {
    expect(
      one('kube_node_status_allocatable', { node: 'worker-0', resource: 'cpu' }),
    ).toMatchObject({ value: 7.5, labels: { unit: 'core' } });
    expect(
      one('kube_node_status_allocatable', { node: 'worker-0', resource: 'devices_kubevirt_io_kvm' })
        .value,
    ).toBe(1000);
    expect(
      one('kube_node_status_allocatable', { node: 'worker-0', resource: 'ephemeral_storage' })
        .labels.unit,
    ).toBe('byte');
    expect(one('kubevirt_allocatable_nodes').value).toBe(3);
    expect(one('kubevirt_nodes_with_kvm').value).toBe(2);
    expect(one('kubevirt_hco_system_health_status').value).toBe(0);

    const podCpu = one('kube_pod_resource_request', { resource: 'cpu' });
    expect(podCpu.value).toBeCloseTo(0.205);
    expect(podCpu.labels).toMatchObject({
      pod: 'virt-launcher-fedora-1-abcde',
      namespace: 'demo',
      node: 'worker-0',
    });
    const compute = one('container_cpu_usage_seconds_total', { container: 'compute' }).value;
    expect(compute).toBeGreaterThan(
      one('kubevirt_vmi_cpu_usage_seconds_total', { name: 'fedora-1' }).value,
    );

    expect(one('kubevirt_vmsnapshot_info').labels).toMatchObject({
      name: 'snap-1',
      vm: 'fedora-1',
      phase: 'succeeded',
      ready_to_use: 'true',
    });
  });

  it('degrades HCO health from its conditions', () => {
    const degraded = scrape(
      state({
        hyperConverged: {
          metadata: { name: 'hco' },
          status: { conditions: [{ type: 'Degraded', status: 'True' }] },
        },
      }),
    );
    expect(select(degraded, 'kubevirt_hco_system_health_status')[0].value).toBe(2);
  });

  it('keeps counters monotonic and consistent across scrapes', () => {
    const a = select(scrape(), 'kubevirt_vmi_network_receive_bytes_total', { name: 'fedora-1' })[0];
    const again = select(scrape(), 'kubevirt_vmi_network_receive_bytes_total', {
      name: 'fedora-1',
    })[0];
    const later = select(
      scrape(state(), NOW + 30_000),
      'kubevirt_vmi_network_receive_bytes_total',
      {
        name: 'fedora-1',
      },
    )[0];
    expect(again.value).toBe(a.value);
    expect(later.value).toBeGreaterThan(a.value);
  });

  it('uses real guest and migration figures when the sources have them', () => {
    const text = metricsText(
      collectMetrics(
        state(),
        {
          guestStats: (uid) =>
            uid === 'uid-fedora-1'
              ? {
                  cpuSeconds: 12.5,
                  memoryUsedBytes: 100,
                  memoryAvailableBytes: 1000,
                  netRxBytes: 7,
                  netTxBytes: 8,
                  diskReadBytes: 9,
                  diskWriteBytes: 10,
                  diskReadOps: 1,
                  diskWriteOps: 2,
                }
              : undefined,
          migrationProgress: () => ({
            dataProcessedBytes: 5,
            dataRemainingBytes: 6,
            dataTotalBytes: 11,
            memoryTransferRateBytes: 12,
            dirtyMemoryRateBytes: 13,
          }),
        },
        { nowMs: NOW },
      ),
    );
    const p = parseExposition(text);
    expect(select(p, 'kubevirt_vmi_cpu_usage_seconds_total', { name: 'fedora-1' })[0].value).toBe(
      12.5,
    );
    expect(select(p, 'kubevirt_vmi_memory_used_bytes', { name: 'fedora-1' })[0].value).toBe(100);
    expect(
      select(p, 'kubevirt_vmi_migration_memory_transfer_rate_bytes', { name: 'db-1' })[0].value,
    ).toBe(12);
    expect(
      select(p, 'kubevirt_vmi_migration_dirty_memory_rate_bytes', { name: 'db-1' })[0].value,
    ).toBe(13);
  });

  /**
   * The series kubevirt-plugin's PromQL needs (VM metrics tab, Overview tiles, Top consumers,
   * Migrations tab), with the labels its `by (…)` clauses and selectors use.
   */
  it('has every series the console queries, with the labels it groups by', () => {
    const needs: [string, string[]][] = [
      ['kubevirt_vmi_cpu_usage_seconds_total', ['name', 'namespace', 'node']],
      ['kubevirt_vmi_memory_used_bytes', ['name', 'namespace', 'node']],
      ['kubevirt_vmi_memory_available_bytes', ['name', 'namespace']],
      ['kubevirt_vmi_memory_usable_bytes', ['name', 'namespace']],
      ['kubevirt_vmi_memory_domain_bytes', ['name', 'namespace']],
      ['kubevirt_vmi_memory_resident_bytes', ['name', 'namespace']],
      ['kubevirt_vmi_memory_swap_in_traffic_bytes', ['name', 'namespace', 'node']],
      ['kubevirt_vmi_memory_swap_out_traffic_bytes', ['name', 'namespace', 'node']],
      ['kubevirt_vmi_vcpu_wait_seconds_total', ['name', 'namespace', 'node']],
      ['kubevirt_vmi_vcpu_seconds_total', ['name', 'namespace', 'id']],
      ['kubevirt_vmi_network_receive_bytes_total', ['name', 'namespace', 'interface']],
      ['kubevirt_vmi_network_transmit_bytes_total', ['name', 'namespace', 'interface']],
      ['kubevirt_vmi_storage_read_traffic_bytes_total', ['name', 'namespace', 'drive']],
      ['kubevirt_vmi_storage_write_traffic_bytes_total', ['name', 'namespace', 'drive']],
      ['kubevirt_vmi_storage_iops_read_total', ['name', 'namespace', 'node']],
      ['kubevirt_vmi_storage_iops_write_total', ['name', 'namespace', 'node']],
      ['kubevirt_vmi_storage_read_times_seconds_total', ['name', 'namespace', 'node']],
      ['kubevirt_vmi_storage_write_times_seconds_total', ['name', 'namespace', 'node']],
      ['kubevirt_vmi_filesystem_used_bytes', ['name', 'namespace', 'disk_name']],
      ['kubevirt_vmi_filesystem_capacity_bytes', ['name', 'namespace', 'disk_name']],
      ['kubevirt_vmi_migration_data_processed_bytes', ['name', 'namespace']],
      ['kubevirt_vmi_migration_data_remaining_bytes', ['name', 'namespace']],
      ['kubevirt_vmi_migration_dirty_memory_rate_bytes', ['name', 'namespace']],
      ['kubevirt_vmi_migration_disk_transfer_rate_bytes', ['name', 'namespace']],
      ['kubevirt_vmi_migration_memory_transfer_rate_bytes', ['name', 'namespace']],
      ['kubevirt_migrate_vmi_data_processed_bytes', ['name', 'namespace']],
      ['kubevirt_vmi_phase_count', ['node', 'phase', 'os', 'workload', 'flavor']],
      ['kubevirt_vmi_info', ['name', 'namespace', 'phase', 'guest_os_name']],
      ['kubevirt_vm_running_status_last_transition_timestamp_seconds', ['name', 'namespace']],
      ['kubevirt_vm_error_status_last_transition_timestamp_seconds', ['name', 'namespace']],
      ['kubevirt_vm_non_running_status_last_transition_timestamp_seconds', ['name', 'namespace']],
      ['kubevirt_vm_starting_status_last_transition_timestamp_seconds', ['name', 'namespace']],
      ['kubevirt_vm_migrating_status_last_transition_timestamp_seconds', ['name', 'namespace']],
      ['kubevirt_vm_resource_requests', ['name', 'namespace', 'resource']],
      ['kubevirt_vmi_migrations_in_pending_phase', []],
      ['kubevirt_vmi_migrations_in_scheduling_phase', []],
      ['kubevirt_vmi_migrations_in_running_phase', []],
      ['kubevirt_vmi_migration_succeeded', ['vmi', 'namespace']],
      ['kubevirt_vmi_migration_failed', ['vmi', 'namespace']],
      ['kube_pod_resource_request', ['pod', 'namespace', 'resource']],
      ['container_cpu_usage_seconds_total', ['pod', 'namespace', 'container']],
      ['kube_node_status_allocatable', ['node', 'resource']],
      ['kubevirt_nodes_with_kvm', []],
      ['kubevirt_allocatable_nodes', []],
      ['kubevirt_hco_system_health_status', []],
    ];
    const missing = needs.filter(
      ([name, labels]) =>
        !select(parsed, name).some((s) => labels.every((l) => s.labels[l] !== undefined)),
    );
    expect(missing).toEqual([]);
  });

  it('builds 10,000 running VMIs in one pass (figures printed, time not asserted)', () => {
    const vmis: Vmi[] = [];
    const vms: Vm[] = [];
    for (let i = 0; i < 10_000; i++) {
      const name = `vm-${String(i).padStart(5, '0')}`;
      const v = runningVmi(name, `worker-${i % 3}`);
      v.metadata.uid = `uid-${i}`;
      vmis.push(v);
      vms.push(vm(name, 'Running'));
    }
    const big = state({ vmis, vms, vmims: [], pods: [] });
    const started = performance.now();
    const collected = collectMetrics(big, {}, { nowMs: NOW });
    const ms = performance.now() - started;
    console.log(
      `[metrics] 10,000 running VMIs + VMs: ${collected.samples} samples, ${(collected.byteLength / 2 ** 20).toFixed(1)} MiB, built in ${ms.toFixed(0)} ms`,
    );
    expect(collected.samples).toBeGreaterThan(10_000 * 40);
    // Families are contiguous, so the phase counts are one chunk run: find them by their header.
    const head = collected.chunks.findIndex((c) =>
      c.toString('utf8').startsWith('# HELP kubevirt_vmi_phase_count '),
    );
    const lines = collected.chunks[head + 1].toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => / 333[34]$/.test(l))).toBe(true);
  }, 120_000);
});

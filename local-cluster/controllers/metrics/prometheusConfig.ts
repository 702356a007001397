import yaml from 'js-yaml';

/** The configuration files the local Prometheus runs with, as pure functions of their inputs. */

export interface ScrapeTarget {
  /** Full URL of the metrics endpoint, e.g. http://127.0.0.1:6443/metrics. */
  scrapeUrl: string;
  scrapeIntervalSeconds: number;
  /** File holding a bearer token for the scrape (Prometheus reads it on every scrape). */
  bearerTokenFile?: string;
  rulesFile?: string;
}

export const prometheusConfig = (t: ScrapeTarget): string => {
  const url = new URL(t.scrapeUrl);
  const interval = `${t.scrapeIntervalSeconds}s`;
  const job: Record<string, unknown> = {
    job_name: 'kubevirt',
    scheme: url.protocol.replace(':', ''),
    metrics_path: url.pathname || '/metrics',
    // Several exporters' worth of series in one target; the samples carry their own labels.
    honor_labels: true,
    static_configs: [{ targets: [url.host] }],
  };
  if (t.bearerTokenFile)
    job.authorization = { type: 'Bearer', credentials_file: t.bearerTokenFile };
  if (url.protocol === 'https:') job.tls_config = { insecure_skip_verify: true };
  return yaml.dump({
    global: { scrape_interval: interval, scrape_timeout: interval, evaluation_interval: interval },
    ...(t.rulesFile ? { rule_files: [t.rulesFile] } : {}),
    scrape_configs: [job],
  });
};

const RUNBOOKS = 'https://kubevirt.io/monitoring/runbooks/';
const operatorLabels = {
  kubernetes_operator_part_of: 'kubevirt',
  kubernetes_operator_component: 'kubevirt',
};

/**
 * The few KubeVirt recording rules and alerts whose inputs the local cluster exports (the
 * others watch components that do not exist here: virt-api pods, operators, REST clients).
 */
export const prometheusRules = (): string =>
  yaml.dump({
    groups: [
      {
        name: 'kubevirt.rules',
        rules: [
          {
            record: 'cnv:vmi_status_running:count',
            expr: 'sum(kubevirt_vmi_phase_count{phase="running"}) by (node,os,workload,flavor,instance_type,preference,guest_os_kernel_release,guest_os_machine,guest_os_name,guest_os_version_id)',
          },
          {
            record: 'kubevirt_vm_container_free_memory_bytes_based_on_working_set_bytes',
            expr: "sum by(pod, container, namespace) (kube_pod_container_resource_requests{pod=~'virt-launcher-.*', container='compute', resource='memory'}- on(pod,container, namespace) max by(pod, container, namespace) (container_memory_working_set_bytes{pod=~'virt-launcher-.*', container='compute'}))",
          },
        ],
      },
      {
        name: 'kubevirt.alerts',
        rules: [
          {
            alert: 'LowKVMNodesCount',
            expr: '(kubevirt_allocatable_nodes > 1) and (kubevirt_nodes_with_kvm < 2)',
            for: '5m',
            labels: { severity: 'warning', operator_health_impact: 'warning', ...operatorLabels },
            annotations: {
              description: 'Low number of nodes with KVM resource available.',
              summary: 'At least two nodes with kvm resource required for VM live migration.',
              runbook_url: `${RUNBOOKS}LowKVMNodesCount`,
            },
          },
          {
            alert: 'VMCannotBeEvicted',
            expr: 'kubevirt_vmi_non_evictable > 0',
            for: '1m',
            labels: { severity: 'warning', operator_health_impact: 'none', ...operatorLabels },
            annotations: {
              description:
                'Eviction policy for VirtualMachine {{ $labels.name }} in namespace {{ $labels.namespace }} (on node {{ $labels.node }}) is set to Live Migration but the VM is not migratable',
              summary:
                "The VM's eviction strategy is set to Live Migration but the VM is not migratable",
              runbook_url: `${RUNBOOKS}VMCannotBeEvicted`,
            },
          },
          {
            alert: 'KubevirtVmHighMemoryUsage',
            expr: 'kubevirt_vm_container_free_memory_bytes_based_on_working_set_bytes < 20971520',
            for: '1m',
            labels: { severity: 'warning', operator_health_impact: 'none', ...operatorLabels },
            annotations: {
              description:
                'Container {{ $labels.container }} in pod {{ $labels.pod }} in namespace {{ $labels.namespace }} free memory is less than 20 MB and it is close to requested memory',
              summary:
                'VM is at risk of being evicted and in serious cases of memory exhaustion being terminated by the runtime.',
              runbook_url: `${RUNBOOKS}KubevirtVmHighMemoryUsage`,
            },
          },
          {
            alert: 'KubeVirtVMExcessiveMigrations',
            expr: 'sum by (vmi, namespace) (max_over_time(kubevirt_vmi_migration_succeeded[1d])) >= 12',
            labels: { severity: 'warning', operator_health_impact: 'none', ...operatorLabels },
            annotations: {
              description:
                'VirtualMachineInstance {{ $labels.vmi }} in namespace {{ $labels.namespace }} has been migrated more than 12 times during the last 24 hours',
              summary:
                'An excessive amount of migrations have been detected on a VirtualMachineInstance in the last 24 hours.',
              runbook_url: `${RUNBOOKS}KubeVirtVMExcessiveMigrations`,
            },
          },
        ],
      },
    ],
  });

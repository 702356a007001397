import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { prometheusConfig, prometheusRules } from './prometheusConfig';

describe('Prometheus configuration', () => {
  it('scrapes the metrics URL every interval, with a token file when given', () => {
    const config = yaml.load(
      prometheusConfig({
        scrapeUrl: 'http://127.0.0.1:6443/metrics',
        scrapeIntervalSeconds: 5,
        bearerTokenFile: '/data/scrape-token',
        rulesFile: '/data/rules.yml',
      }),
    ) as Record<string, unknown>;
    expect(config).toEqual({
      global: { scrape_interval: '5s', scrape_timeout: '5s', evaluation_interval: '5s' },
      rule_files: ['/data/rules.yml'],
      scrape_configs: [
        {
          job_name: 'kubevirt',
          scheme: 'http',
          metrics_path: '/metrics',
          honor_labels: true,
          static_configs: [{ targets: ['127.0.0.1:6443'] }],
          authorization: { type: 'Bearer', credentials_file: '/data/scrape-token' },
        },
      ],
    });
  });

  it('accepts the cluster’s self-signed certificate over https', () => {
    const config = yaml.load(
      prometheusConfig({ scrapeUrl: 'https://127.0.0.1:6443/metrics', scrapeIntervalSeconds: 15 }),
    ) as { scrape_configs: Record<string, unknown>[] };
    expect(config.scrape_configs[0]).toMatchObject({
      scheme: 'https',
      tls_config: { insecure_skip_verify: true },
    });
    expect(config.scrape_configs[0].authorization).toBeUndefined();
  });

  it('records cnv:vmi_status_running:count and defines KubeVirt alerts with their labels', () => {
    const rules = yaml.load(prometheusRules()) as {
      groups: { rules: { record?: string; alert?: string; labels?: Record<string, string> }[] }[];
    };
    const all = rules.groups.flatMap((g) => g.rules);
    expect(all.map((r) => r.record ?? r.alert)).toEqual([
      'cnv:vmi_status_running:count',
      'kubevirt_vm_container_free_memory_bytes_based_on_working_set_bytes',
      'LowKVMNodesCount',
      'VMCannotBeEvicted',
      'KubevirtVmHighMemoryUsage',
      'KubeVirtVMExcessiveMigrations',
    ]);
    for (const alert of all.filter((r) => r.alert))
      expect(alert.labels).toMatchObject({
        severity: 'warning',
        kubernetes_operator_part_of: 'kubevirt',
      });
  });
});

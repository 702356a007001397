import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EmptyState,
  EmptyStateBody,
  Gallery,
  PageSection,
  Title,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { PrometheusEndpoint, usePrometheusPoll } from '@openshift-console/dynamic-plugin-sdk';
import type { MetricsTimeRange } from '../../../../../utils/promql';
import { buildVMQueries, METRICS_TIME_RANGES } from '../../../../../utils/promql';
import {
  formatBytes,
  formatBytesPerSecond,
  formatNumber,
} from '../../../../../utils/quantityFormat';
import type { VMTabProps } from '../tabProps';
import MetricChart from './MetricChart';
import { useMetricsNamespace } from './useMetricsNamespace';

const DEFAULT_RANGE = METRICS_TIME_RANGES[1];

/**
 * The VM's charts over a chosen time range: utilization, storage, network and migration, from
 * Prometheus; an empty state when the cluster has no monitoring.
 */
const MetricsTab: FC<VMTabProps> = ({ obj }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [range, setRange] = useState<MetricsTimeRange>(DEFAULT_RANGE);
  const namespace = obj.metadata?.namespace ?? '';
  const queries = buildVMQueries(
    { name: obj.metadata?.name ?? '', namespace },
    { rateWindow: range.rateWindow },
  );
  // One probe tells whether the cluster has monitoring at all (on the path the charts use).
  const [tenancyNamespace, ready] = useMetricsNamespace(namespace);
  const [, , error] = usePrometheusPoll({
    endpoint: PrometheusEndpoint.QUERY,
    query: ready ? 'vector(1)' : '',
    namespace: tenancyNamespace,
  });
  if (error) {
    return (
      <PageSection>
        <EmptyState titleText={t('Metrics are not available')} headingLevel="h2">
          <EmptyStateBody>
            {t('This cluster does not answer Prometheus queries, so no utilization can be shown.')}
          </EmptyStateBody>
        </EmptyState>
      </PageSection>
    );
  }
  const rangeLabels: Record<MetricsTimeRange['key'], string> = {
    '5m': t('5 minutes'),
    '1h': t('1 hour'),
    '6h': t('6 hours'),
    '24h': t('24 hours'),
    '7d': t('7 days'),
  };
  const cores = (v: number | undefined) => formatNumber(v, 3);
  const perSecond = (v: number | undefined) => {
    const n = formatNumber(v, 1);
    return n === undefined ? undefined : t('{{value}}/s', { value: n });
  };
  const sections = [
    {
      title: t('Utilization'),
      charts: [
        {
          title: t('CPU (cores)'),
          series: [{ name: t('CPU'), query: queries.cpuUsage }],
          format: cores,
        },
        {
          title: t('Memory'),
          series: [{ name: t('Used'), query: queries.memoryUsed }],
          format: formatBytes,
        },
      ],
    },
    {
      title: t('Storage'),
      charts: [
        {
          title: t('Storage throughput'),
          series: [
            { name: t('Read'), query: queries.storageRead },
            { name: t('Write'), query: queries.storageWrite },
          ],
          format: formatBytesPerSecond,
        },
        {
          title: t('Storage IOPS'),
          series: [
            { name: t('Read'), query: queries.iopsRead },
            { name: t('Write'), query: queries.iopsWrite },
          ],
          format: perSecond,
        },
      ],
    },
    {
      title: t('Network'),
      charts: [
        {
          title: t('Network transfer'),
          series: [
            { name: t('In'), query: queries.networkIn },
            { name: t('Out'), query: queries.networkOut },
          ],
          format: formatBytesPerSecond,
        },
      ],
    },
    {
      title: t('Migration'),
      charts: [
        {
          title: t('Migration data'),
          series: [
            { name: t('Processed'), query: queries.migrationProcessed },
            { name: t('Remaining'), query: queries.migrationRemaining },
          ],
          format: formatBytes,
        },
        {
          title: t('Memory transfer rate'),
          series: [{ name: t('Rate'), query: queries.migrationTransferRate }],
          format: formatBytesPerSecond,
        },
      ],
    },
  ] as const;

  return (
    <PageSection>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <ToggleGroup aria-label={t('Time range')}>
              {METRICS_TIME_RANGES.map((r) => (
                <ToggleGroupItem
                  key={r.key}
                  text={rangeLabels[r.key]}
                  isSelected={r.key === range.key}
                  onChange={() => setRange(r)}
                />
              ))}
            </ToggleGroup>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {sections.map((section) => (
        <section key={section.title} aria-label={section.title} className="pf-v6-u-mb-lg">
          <Title headingLevel="h2" className="pf-v6-u-mb-sm">
            {section.title}
          </Title>
          <Gallery hasGutter minWidths={{ default: '360px' }}>
            {section.charts.map((chart) => (
              <MetricChart
                key={chart.title}
                title={chart.title}
                series={[...chart.series] as Parameters<typeof MetricChart>[0]['series']}
                range={range}
                format={chart.format}
                namespace={namespace}
              />
            ))}
          </Gallery>
        </section>
      ))}
    </PageSection>
  );
};

export default MetricsTab;

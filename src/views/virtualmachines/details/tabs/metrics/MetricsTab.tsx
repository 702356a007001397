import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Card,
  CardBody,
  CardTitle,
  EmptyState,
  EmptyStateBody,
  Gallery,
  PageSection,
} from '@patternfly/react-core';
import { PrometheusEndpoint, usePrometheusPoll } from '@openshift-console/dynamic-plugin-sdk';
import { buildVMQueries, getVectorValue } from '../../../../../utils/promql';
import {
  formatBytes,
  formatBytesPerSecond,
  formatNumber,
} from '../../../../../utils/quantityFormat';
import type { VMTabProps } from '../tabProps';

type MetricCardProps = {
  title: string;
  query: string;
  format: (v: number | undefined) => string | undefined;
};

/** One current figure from Prometheus; "–" while loading or without a value. */
const MetricCard: FC<MetricCardProps> = ({ title, query, format }) => {
  const [response] = usePrometheusPoll({
    endpoint: PrometheusEndpoint.QUERY,
    query,
    delay: 15_000,
  });
  return (
    <Card isCompact>
      <CardTitle component="h2">{title}</CardTitle>
      <CardBody>{format(getVectorValue(response)) ?? '–'}</CardBody>
    </Card>
  );
};

/** Current utilization of the VM from Prometheus, or why there is none. */
const MetricsTab: FC<VMTabProps> = ({ obj }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const queries = buildVMQueries({
    name: obj.metadata?.name ?? '',
    namespace: obj.metadata?.namespace ?? '',
  });
  // One probe tells whether the cluster has monitoring at all.
  const [, , error] = usePrometheusPoll({ endpoint: PrometheusEndpoint.QUERY, query: 'vector(1)' });
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
  return (
    <PageSection>
      <Gallery hasGutter minWidths={{ default: '220px' }}>
        <MetricCard
          title={t('CPU usage (cores)')}
          query={queries.cpuUsage}
          format={(v) => formatNumber(v, 3)}
        />
        <MetricCard title={t('Memory used')} query={queries.memoryUsed} format={formatBytes} />
        <MetricCard
          title={t('Storage read')}
          query={queries.storageRead}
          format={formatBytesPerSecond}
        />
        <MetricCard
          title={t('Storage write')}
          query={queries.storageWrite}
          format={formatBytesPerSecond}
        />
        <MetricCard
          title={t('Network in')}
          query={queries.networkIn}
          format={formatBytesPerSecond}
        />
        <MetricCard
          title={t('Network out')}
          query={queries.networkOut}
          format={formatBytesPerSecond}
        />
      </Gallery>
    </PageSection>
  );
};

export default MetricsTab;

import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CardBody, CardTitle, Content } from '@patternfly/react-core';
import {
  Chart,
  ChartArea,
  ChartAxis,
  ChartGroup,
  ChartVoronoiContainer,
} from '@patternfly/react-charts/victory';
import { PrometheusEndpoint, usePrometheusPoll } from '@openshift-console/dynamic-plugin-sdk';
import type { MetricsTimeRange } from '../../../../../utils/promql';
import { getMatrixPoints, METRICS_SAMPLES } from '../../../../../utils/promql';
import { useContainerWidth } from './useContainerWidth';
import { useMetricsNamespace } from './useMetricsNamespace';

export type MetricSeries = { name: string; query: string };

type MetricChartProps = {
  title: string;
  /** One or two series (e.g. read and write), each one range query. */
  series: [MetricSeries] | [MetricSeries, MetricSeries];
  range: MetricsTimeRange;
  format: (value: number | undefined) => string | undefined;
  /** The VM's namespace (the tenancy path's, for users who cannot read the cluster-wide one). */
  namespace: string;
};

const HEIGHT = 160;
const POLL_MS = 30_000;

/** A series' points over the range; no request when there is no query. */
const useRangePoints = (range: MetricsTimeRange, namespace: string, query?: string) => {
  const [tenancyNamespace, ready] = useMetricsNamespace(namespace);
  const [response] = usePrometheusPoll({
    endpoint: PrometheusEndpoint.QUERY_RANGE,
    query: ready ? (query ?? '') : '',
    namespace: tenancyNamespace,
    timespan: range.timespan,
    samples: METRICS_SAMPLES,
    delay: POLL_MS,
  });
  return getMatrixPoints(response);
};

const timeTick = (x: number, span: number) =>
  new Date(x).toLocaleString(
    undefined,
    span > 24 * 3600_000
      ? { month: 'short', day: 'numeric' }
      : { hour: '2-digit', minute: '2-digit' },
  );

/**
 * One chart card: an area per series over the chosen range, the latest values above it, values
 * on hover. Without data it says so instead of drawing a flat line.
 */
const MetricChart: FC<MetricChartProps> = ({ title, series, range, format, namespace }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [ref, width] = useContainerWidth<HTMLDivElement>();
  const first = useRangePoints(range, namespace, series[0].query);
  const second = useRangePoints(range, namespace, series[1]?.query);
  const collected = series.length > 1 ? [first, second] : [first];
  const hasData = collected.some((points) => points.length);
  const latest = collected
    .map((points, i) => {
      const value = format(points[points.length - 1]?.y);
      return value === undefined ? undefined : `${series[i].name}: ${value}`;
    })
    .filter(Boolean)
    .join(' · ');
  // The range ends at the newest sample (the render stays pure: no clock reads).
  const end = Math.max(0, ...collected.map((points) => points[points.length - 1]?.x ?? 0));
  return (
    <Card isCompact>
      <CardTitle component="h3">{title}</CardTitle>
      <CardBody>
        <div ref={ref}>
          <Content component="p">{latest || t('No data')}</Content>
          {hasData && (
            <Chart
              ariaTitle={title}
              ariaDesc={latest}
              height={HEIGHT}
              width={width}
              padding={{ top: 10, bottom: 40, left: 100, right: 20 }}
              domain={{ x: [end - range.timespan, end] }}
              containerComponent={
                <ChartVoronoiContainer
                  labels={({ datum }: { datum: { name?: string; y: number } }) =>
                    `${datum.name ?? ''}: ${format(datum.y) ?? ''}`
                  }
                  constrainToVisibleArea
                />
              }
            >
              <ChartAxis tickFormat={(x: number) => timeTick(x, range.timespan)} tickCount={5} />
              <ChartAxis dependentAxis tickFormat={(y: number) => format(y) ?? ''} tickCount={3} />
              <ChartGroup>
                {collected.map((points, i) => (
                  <ChartArea
                    key={series[i].name}
                    data={points.map((p) => ({ ...p, name: series[i].name }))}
                  />
                ))}
              </ChartGroup>
            </Chart>
          )}
        </div>
      </CardBody>
    </Card>
  );
};

export default MetricChart;

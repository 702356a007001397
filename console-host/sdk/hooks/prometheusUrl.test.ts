import { describe, expect, it } from 'vitest';
import { PrometheusEndpoint } from '@openshift-console/dynamic-plugin-sdk/lib/api/common-types';
import { HttpError } from '@openshift-console/dynamic-plugin-sdk/lib/utils/error/http-error';
import { isMetricsUnavailable, prometheusUrl } from './prometheusUrl';

const parse = (url: string) => {
  const [path, search] = url.split('?');
  return { path, params: Object.fromEntries(new URLSearchParams(search)) };
};

describe('prometheusUrl', () => {
  it('builds an instant query', () => {
    const url = prometheusUrl({ endpoint: PrometheusEndpoint.QUERY, query: 'up{job="a b"}' });
    expect(url).toBe('/api/prometheus/api/v1/query?query=up%7Bjob%3D%22a+b%22%7D');
    expect(parse(url).params).toEqual({ query: 'up{job="a b"}' });
  });

  it('builds a range query: start/end in seconds, step = timespan / samples', () => {
    const { path, params } = parse(
      prometheusUrl({
        endpoint: PrometheusEndpoint.QUERY_RANGE,
        query: 'up',
        endTime: 1_700_000_000_000,
        timespan: 30 * 60 * 1000,
        samples: 120,
      }),
    );
    expect(path).toBe('/api/prometheus/api/v1/query_range');
    expect(params).toEqual({
      start: String(1_700_000_000 - 1800),
      end: '1700000000',
      step: '15',
      query: 'up',
    });
  });

  it('defaults a range to the last hour in 60 samples, ending now', () => {
    const { params } = parse(
      prometheusUrl({ endpoint: PrometheusEndpoint.QUERY_RANGE, query: 'up' }, { now: 3_600_000 }),
    );
    expect(params).toMatchObject({ start: '0', end: '3600', step: '60' });
  });

  it('keeps fractional steps as the console does', () => {
    const { params } = parse(
      prometheusUrl({
        endpoint: PrometheusEndpoint.QUERY_RANGE,
        query: 'up',
        endTime: 10_000,
        timespan: 10_000,
        samples: 4,
      }),
    );
    expect(params.step).toBe('2.5');
  });

  it('sends a namespaced query to the tenancy proxy with ?namespace=', () => {
    const url = prometheusUrl({
      endpoint: PrometheusEndpoint.QUERY,
      query: 'up',
      namespace: 'demo',
      timeout: '5s',
    });
    expect(url).toBe('/api/prometheus-tenancy/api/v1/query?namespace=demo&query=up&timeout=5s');
  });

  it('honours server-flag and custom data source base paths', () => {
    const props = { endpoint: PrometheusEndpoint.QUERY, query: 'up' };
    expect(prometheusUrl(props, { prometheusBaseURL: '/x/prom' })).toBe(
      '/x/prom/api/v1/query?query=up',
    );
    expect(
      prometheusUrl({ ...props, namespace: 'n' }, { prometheusTenancyBaseURL: '/x/ten' }),
    ).toBe('/x/ten/api/v1/query?namespace=n&query=up');
    expect(prometheusUrl(props, { basePath: '/api/proxy/plugin/p/thanos/' })).toBe(
      '/api/proxy/plugin/p/thanos/api/v1/query?query=up',
    );
  });

  it('returns no URL (no polling) without a query, except for rules', () => {
    expect(prometheusUrl({ endpoint: PrometheusEndpoint.QUERY })).toBe('');
    expect(prometheusUrl({ endpoint: PrometheusEndpoint.QUERY_RANGE, query: '' })).toBe('');
    expect(prometheusUrl({ endpoint: PrometheusEndpoint.RULES })).toBe(
      '/api/prometheus/api/v1/rules?',
    );
  });
});

describe('isMetricsUnavailable', () => {
  it('recognises the host 503 Status', () => {
    expect(isMetricsUnavailable(new HttpError('Metrics are unavailable', 503))).toBe(true);
    expect(isMetricsUnavailable(new HttpError('Forbidden', 403))).toBe(false);
    expect(isMetricsUnavailable(new Error('network'))).toBe(false);
    expect(isMetricsUnavailable(undefined)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { PrometheusResponse } from '@openshift-console/dynamic-plugin-sdk';
import {
  buildVMListQueries,
  buildVMQueries,
  escapeLabelValue,
  getMatrixPoints,
  getVectorByVM,
  getVectorValue,
  METRICS_TIME_RANGES,
  vmiSelector,
} from './promql';

const target = { name: 'fedora-web-01', namespace: 'demo-apps' };

describe('escapeLabelValue', () => {
  it.each([
    ['plain', 'plain'],
    ['a"b', 'a\\"b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
  ])('%j → %j', (input, expected) => expect(escapeLabelValue(input)).toBe(expected));
});

describe('vmiSelector', () => {
  it.each([
    [{}, '{name="fedora-web-01",namespace="demo-apps"}'],
    [{ interface: 'default' }, '{name="fedora-web-01",namespace="demo-apps",interface="default"}'],
  ])('extra %j', (extra, expected) => expect(vmiSelector(target, extra)).toBe(expected));
});

describe('buildVMQueries', () => {
  const sel = '{name="fedora-web-01",namespace="demo-apps"}';
  it.each([
    ['cpuUsage', `sum(rate(kubevirt_vmi_cpu_usage_seconds_total${sel}[5m]))`],
    ['memoryUsed', `sum(kubevirt_vmi_memory_used_bytes${sel})`],
    ['filesystemCapacity', `sum(kubevirt_vmi_filesystem_capacity_bytes${sel})`],
    ['storageRead', `sum(rate(kubevirt_vmi_storage_read_traffic_bytes_total${sel}[5m]))`],
    ['iopsWrite', `sum(rate(kubevirt_vmi_storage_iops_write_total${sel}[5m]))`],
    ['networkIn', `sum(rate(kubevirt_vmi_network_receive_bytes_total${sel}[5m]))`],
    ['migrationProcessed', `sum(kubevirt_vmi_migration_data_processed_bytes${sel})`],
    ['migrationRemaining', `sum(kubevirt_vmi_migration_data_remaining_bytes${sel})`],
    ['migrationTransferRate', `sum(kubevirt_vmi_migration_memory_transfer_rate_bytes${sel})`],
  ] as const)('%s', (key, expected) => expect(buildVMQueries(target)[key]).toBe(expected));

  it('narrows the network queries to one interface and uses the rate window', () => {
    const q = buildVMQueries(target, { networkInterface: 'nic-1', rateWindow: '1m' });
    expect(q.networkOut).toBe(
      'sum(rate(kubevirt_vmi_network_transmit_bytes_total{name="fedora-web-01",namespace="demo-apps",interface="nic-1"}[1m]))',
    );
    expect(q.networkTotal).toBe(`${q.networkIn} + ${q.networkOut}`);
    expect(q.cpuUsage).toContain('[1m]');
  });
});

describe('METRICS_TIME_RANGES', () => {
  it('grows monotonically', () => {
    const spans = METRICS_TIME_RANGES.map((r) => r.timespan);
    expect(spans).toEqual([...spans].sort((a, b) => a - b));
    expect(METRICS_TIME_RANGES.map((r) => r.key)).toEqual(['5m', '1h', '6h', '24h', '7d']);
  });
});

const response = (result: PrometheusResponse['data']['result']): PrometheusResponse => ({
  status: 'success',
  data: { resultType: 'vector', result },
});

describe('getVectorValue', () => {
  it.each([
    [undefined, undefined],
    [response([]), undefined],
    [response([{ metric: {}, value: [1, '0.25'] }]), 0.25],
    [response([{ metric: {}, value: [1, 'NaN'] }]), undefined],
  ])('%#', (input, expected) => expect(getVectorValue(input)).toBe(expected));
});

describe('getMatrixPoints', () => {
  it('converts seconds to ms and drops non-numbers', () => {
    const r = response([
      {
        metric: {},
        values: [
          [10, '1'],
          [20, 'NaN'],
          [30, '3.5'],
        ],
      },
    ]);
    expect(getMatrixPoints(r)).toEqual([
      { x: 10_000, y: 1 },
      { x: 30_000, y: 3.5 },
    ]);
  });
  it('is empty without data', () => expect(getMatrixPoints(undefined)).toEqual([]));
});

describe('buildVMListQueries', () => {
  it('groups by VMI, for one project or all', () => {
    expect(buildVMListQueries('demo-apps')).toEqual({
      cpuUsage:
        'sum by (namespace, name) (rate(kubevirt_vmi_cpu_usage_seconds_total{namespace="demo-apps"}[5m]))',
      memoryUsed:
        'sum by (namespace, name) (kubevirt_vmi_memory_used_bytes{namespace="demo-apps"})',
    });
    expect(buildVMListQueries().memoryUsed).toBe(
      'sum by (namespace, name) (kubevirt_vmi_memory_used_bytes)',
    );
  });
});

describe('getVectorByVM', () => {
  it('keys samples by namespace/name and drops the unusable', () => {
    const values = getVectorByVM(
      response([
        { metric: { namespace: 'a', name: 'x' }, value: [1, '0.5'] },
        { metric: { namespace: 'a' }, value: [1, '1'] },
        { metric: { namespace: 'b', name: 'y' }, value: [1, 'NaN'] },
      ]),
    );
    expect([...values]).toEqual([['a/x', 0.5]]);
    expect(getVectorByVM(undefined).size).toBe(0);
  });
});

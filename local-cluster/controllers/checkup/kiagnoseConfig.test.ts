import { describe, expect, it } from 'vitest';
import type { Job } from './checkupJob';
import { checkupTypeOfImage, isJobFinished, recognizeCheckupJob } from './checkupJob';
import { finishedStatus, parseGoDuration, readKiagnoseConfig } from './kiagnoseConfig';

describe('Go durations', () => {
  it.each([
    ['5m', 300_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['300ms', 300],
    ['2h45m10.5s', 9_910_500],
    ['0', 0],
    ['-1m', -60_000],
  ])('%s is %d ms', (input, ms) => expect(parseGoDuration(input)).toBe(ms));

  it.each(['', '5', 'm', '5 m', '5min', '1d', 'abc'])('rejects %j', (input) =>
    expect(parseGoDuration(input)).toBeUndefined(),
  );
});

describe('kiagnose ConfigMap', () => {
  it('reads the timeout and the spec.param.* parameters', () => {
    expect(
      readKiagnoseConfig({
        'spec.timeout': '5m',
        'spec.param.networkAttachmentDefinitionName': 'blue',
        'spec.param.sampleDurationSeconds': '5',
        other: 'ignored',
      }),
    ).toEqual({
      ok: true,
      timeoutMs: 300_000,
      params: { networkAttachmentDefinitionName: 'blue', sampleDurationSeconds: '5' },
    });
  });

  it.each([
    [undefined, 'configMap Data field is nil'],
    [{}, 'timeout field is missing'],
    [{ 'spec.timeout': 'soon' }, 'timeout field is illegal'],
    [{ 'spec.timeout': '5m', 'spec.param.': 'x' }, 'param name is illegal'],
    [
      { 'spec.timeout': '5m', 'status.startTimestamp': '2026-01-01T00:00:00Z' },
      'configMap is already in use',
    ],
  ])('fails like kiagnose on %j', (data, error) =>
    expect(readKiagnoseConfig(data)).toEqual({ ok: false, error }),
  );

  it('writes succeeded, failure reason, completion time and results', () => {
    expect(finishedStatus([], { avgLatencyNanoSec: '1' }, '2026-01-01T00:00:10Z')).toEqual({
      'status.succeeded': 'true',
      'status.failureReason': '',
      'status.completionTimestamp': '2026-01-01T00:00:10Z',
      'status.result.avgLatencyNanoSec': '1',
    });
    expect(finishedStatus(['a', 'b'], {}, 'now')['status.failureReason']).toBe('a, b');
    expect(finishedStatus(['a'], {}, 'now')['status.succeeded']).toBe('false');
  });
});

describe('checkup Jobs', () => {
  it.each([
    ['quay.io/kiagnose/kubevirt-vm-latency:main', 'latency'],
    ['quay.io/kiagnose/kubevirt-vm-latency-checkup:main', 'latency'],
    [
      'registry.redhat.io/container-native-virtualization/vm-network-latency-checkup-rhel9:v4.19',
      'latency',
    ],
    [
      'registry.redhat.io/container-native-virtualization/vm-network-latency-checkup-rhel9@sha256:abc',
      'latency',
    ],
    ['quay.io/kiagnose/kubevirt-storage-checkup:main', 'storage'],
    [
      'registry.redhat.io/container-native-virtualization/kubevirt-storage-checkup-rhel9:v4.19',
      'storage',
    ],
    ['quay.io/kiagnose/kubevirt-dpdk-checkup:main', undefined],
    ['registry.example/kubevirt-vm-latency-fake/busybox:1', undefined],
  ])('%s is a %s checkup', (image, type) => expect(checkupTypeOfImage(image)).toBe(type));

  const job = (
    env: { name: string; value?: string }[],
    image = 'quay.io/kiagnose/kubevirt-vm-latency:main',
  ): Job => ({
    metadata: { name: 'j', namespace: 'ns1' },
    spec: { template: { spec: { containers: [{ name: 'c', image, env }] } } },
  });

  it('finds the ConfigMap from the container environment', () => {
    expect(
      recognizeCheckupJob(
        job([
          { name: 'CONFIGMAP_NAMESPACE', value: 'ns2' },
          { name: 'CONFIGMAP_NAME', value: 'cm' },
        ]),
      ),
    ).toMatchObject({ type: 'latency', configMapNamespace: 'ns2', configMapName: 'cm' });
    expect(
      recognizeCheckupJob(job([{ name: 'CONFIGMAP_NAME', value: 'cm' }]))?.configMapNamespace,
    ).toBe('ns1');
    expect(recognizeCheckupJob(job([]))).toBeUndefined();
    expect(
      recognizeCheckupJob(job([{ name: 'CONFIGMAP_NAME', value: 'cm' }], 'busybox')),
    ).toBeUndefined();
  });

  it('knows when a Job finished', () => {
    expect(
      isJobFinished({
        metadata: {},
        status: { conditions: [{ type: 'Complete', status: 'True' }] },
      }),
    ).toBe(true);
    expect(
      isJobFinished({ metadata: {}, status: { conditions: [{ type: 'Failed', status: 'True' }] } }),
    ).toBe(true);
    expect(isJobFinished({ metadata: {}, status: { active: 1 } })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { StatusError } from '../core/statusError';
import type { KubeObject } from '../core/types';
import {
  assertContainerStarted,
  logContainerOf,
  parsePodLogOptions,
  renderLog,
  rfc3339Nano,
} from './podLog';

const T0 = Date.parse('2026-12-07T10:00:00Z');
const lines = [
  { time: T0, text: 'Booting' },
  { time: T0 + 1500, text: '[    0.000000] Linux version 6.1' },
  { time: T0 + 60_000, text: 'vm1 login: ' },
];

const opts = (query: string) => parsePodLogOptions(new URLSearchParams(query), 'p');

const statusOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e.toStatus();
    throw e;
  }
  throw new Error('expected a StatusError');
};

const pod = (containers: string[], states: Record<string, object> = {}): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'virt-launcher-vm1-abcde', namespace: 'ns' },
    spec: { nodeName: 'node-1', containers: containers.map((name) => ({ name })) },
    status: {
      containerStatuses: containers.map((name) => ({ name, state: states[name] ?? {} })),
    },
  }) as KubeObject;

describe('pods/log options', () => {
  it.each([
    ['', 'Booting\n[    0.000000] Linux version 6.1\nvm1 login: \n'],
    ['tailLines=1', 'vm1 login: \n'],
    ['tailLines=0', ''],
    ['limitBytes=10', 'Booting\n[ '],
    ['sinceSeconds=30', 'vm1 login: \n'],
    ['sinceTime=2026-12-07T10:00:01Z', '[    0.000000] Linux version 6.1\nvm1 login: \n'],
    [
      'timestamps=true&tailLines=2',
      '2026-12-07T10:00:01.5Z [    0.000000] Linux version 6.1\n2026-12-07T10:01:00Z vm1 login: \n',
    ],
  ])('%s', (query, expected) => {
    expect(renderLog(lines, opts(query), T0 + 70_000).toString('utf8')).toBe(expected);
  });

  it('cuts at exactly limitBytes bytes, as the kubelet does', () => {
    const out = renderLog([{ time: T0, text: 'ログ' }], opts('limitBytes=4'), T0);
    expect(out.length).toBe(4);
    expect(out.subarray(0, 3).toString('utf8')).toBe('ロ');
  });

  it('formats timestamps as RFC3339Nano', () => {
    expect(rfc3339Nano(T0 + 120)).toBe('2026-12-07T10:00:00.12Z');
    expect(rfc3339Nano(T0)).toBe('2026-12-07T10:00:00Z');
  });

  it.each([
    ['tailLines=-1', 'tailLines: Invalid value: -1: must be greater than or equal to 0', 422],
    ['limitBytes=0', 'limitBytes: Invalid value: 0: must be greater than 0', 422],
    ['sinceSeconds=0', 'sinceSeconds: Invalid value: 0: must be greater than 0', 422],
    [
      'sinceSeconds=5&sinceTime=2026-12-07T10:00:00Z',
      'at most one of `sinceTime` or `sinceSeconds` may be specified',
      422,
    ],
    ['tailLines=ten', 'strconv.ParseInt: parsing "ten": invalid syntax', 400],
    ['follow=maybe', 'strconv.ParseBool: parsing "maybe": invalid syntax', 400],
  ])('rejects %s', (query, message, code) => {
    const status = statusOf(() => opts(query));
    expect(status.code).toBe(code);
    expect(status.message).toContain(message);
    if (code === 422) expect(status.message).toMatch(/^PodLogOptions "p" is invalid: /);
  });
});

describe('pods/log container choice', () => {
  it('needs a container name when the pod has several', () => {
    const status = statusOf(() => logContainerOf(pod(['compute', 'guest-console-log']), undefined));
    expect(status).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message:
        'a container name must be specified for pod virt-launcher-vm1-abcde, choose one of: [compute guest-console-log]',
    });
  });

  it('takes the only container, and refuses unknown ones', () => {
    expect(logContainerOf(pod(['compute']), undefined)).toBe('compute');
    expect(statusOf(() => logContainerOf(pod(['compute']), 'nope'))).toMatchObject({
      code: 400,
      message: 'container nope is not valid for pod virt-launcher-vm1-abcde',
    });
  });

  it('refuses a container that has not started, as the kubelet does', () => {
    const p = pod(['compute'], { compute: { waiting: { reason: 'ContainerCreating' } } });
    expect(statusOf(() => assertContainerStarted(p, 'compute'))).toMatchObject({
      code: 400,
      message:
        'container "compute" in pod "virt-launcher-vm1-abcde" is waiting to start: ContainerCreating',
    });
    const done = pod(['compute'], { compute: { terminated: { exitCode: 0 } } });
    expect(() => assertContainerStarted(done, 'compute')).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import {
  guestLogFileName,
  guestLogLines,
  guestLogUrl,
  hasGuestLogContainer,
  isGuestLogDisabledByCluster,
  isGuestLogEnabled,
  pickLauncherPod,
  setLogSerialConsole,
} from './guestSystemLog';
import { buildPatch } from './vmPatch';

const vmWith = (devices: Record<string, unknown>): VirtualMachine =>
  ({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'vm1', namespace: 'ns', resourceVersion: '7' },
    spec: { template: { spec: { domain: { devices } } } },
  }) as VirtualMachine;

describe('isGuestLogEnabled', () => {
  it.each([
    ['VM on, cluster off', { logSerialConsole: true }, true, true],
    ['VM off, cluster on', { logSerialConsole: false }, false, false],
    ['VM unset, cluster off', {}, true, false],
    ['VM unset, cluster on', {}, false, true],
    ['VM unset, cluster unknown', {}, undefined, undefined],
    ['no serial console', { logSerialConsole: true, autoattachSerialConsole: false }, false, false],
  ])('%s', (_name, devices, clusterDisabled, expected) => {
    expect(isGuestLogEnabled(vmWith(devices), clusterDisabled)).toBe(expected);
  });

  it.each([
    [{ disableSerialConsoleLog: {} }, true],
    [{ disableSerialConsoleLog: true }, true],
    [{ disableSerialConsoleLog: false }, false],
    [{}, false],
  ])('reads the KubeVirt CR %j', (virtualMachineOptions, expected) => {
    expect(
      isGuestLogDisabledByCluster({ spec: { configuration: { virtualMachineOptions } } }),
    ).toBe(expected);
  });
});

describe('setLogSerialConsole', () => {
  it('adds the field, then replaces it, each patch led by the resourceVersion test', () => {
    const on = buildPatch(vmWith({}), setLogSerialConsole(true));
    expect(on).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '7' },
      { op: 'add', path: '/spec/template/spec/domain/devices/logSerialConsole', value: true },
    ]);
    const off = buildPatch(vmWith({ logSerialConsole: true }), setLogSerialConsole(false));
    expect(off.at(-1)).toEqual({
      op: 'replace',
      path: '/spec/template/spec/domain/devices/logSerialConsole',
      value: false,
    });
  });
});

describe('launcher pod and log URL', () => {
  const vmi = {
    metadata: { name: 'vm1', namespace: 'ns', uid: 'u1' },
    status: { nodeName: 'node-a' },
  } as VirtualMachineInstance;
  const pod = (name: string, extra: Record<string, unknown> = {}, uid = 'u1') => ({
    metadata: {
      name,
      labels: { 'kubevirt.io/created-by': uid },
      creationTimestamp: '2026-12-07T10:00:00Z',
    },
    spec: { nodeName: 'node-a', containers: [{ name: 'compute' }] },
    status: { phase: 'Running' },
    ...extra,
  });

  it('picks the running pod on the VMI node', () => {
    const done = pod('old', { status: { phase: 'Succeeded' } });
    const target = pod('target', { spec: { nodeName: 'node-b' } });
    const other = pod('other', {}, 'u2');
    expect(pickLauncherPod([done, target, other, pod('live')], vmi)?.metadata.name).toBe('live');
    expect(pickLauncherPod([done], vmi)).toBeUndefined();
  });

  it('tells a pod with the guest-console-log container', () => {
    expect(hasGuestLogContainer(pod('p'))).toBe(false);
    expect(
      hasGuestLogContainer(
        pod('p', { spec: { containers: [{ name: 'compute' }, { name: 'guest-console-log' }] } }),
      ),
    ).toBe(true);
  });

  it('builds the pods/log URL', () => {
    expect(guestLogUrl('ns', 'virt-launcher-vm1-x', 500)).toBe(
      '/api/kubernetes/api/v1/namespaces/ns/pods/virt-launcher-vm1-x/log?container=guest-console-log&tailLines=500',
    );
    expect(guestLogUrl('ns', 'p', 'all')).toBe(
      '/api/kubernetes/api/v1/namespaces/ns/pods/p/log?container=guest-console-log',
    );
  });

  it('turns raw serial output into lines', () => {
    expect(guestLogLines('[  \x1b[32mOK\x1b[0m  ] Started\r\nlogin: \n')).toEqual([
      '[  OK  ] Started',
      'login: ',
    ]);
    expect(guestLogLines('')).toEqual([]);
    expect(guestLogFileName('ns', 'vm1', new Date('2026-12-07T10:00:00Z'))).toBe(
      'ns-vm1-guest-system-log-2026-12-07T10-00-00-000Z.log',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import { nextPodStatus } from './kubelet';
import { GUEST_CONSOLE_LOG_CONTAINER, launcherPod, serialConsoleLogEnabled } from './launcherPod';
import { planTemplateChange } from './restartRequired';
import { vmiFixture } from './testFixtures';
import { DEFAULT_VIRT_CONFIG, virtConfigFrom } from './virtConfig';
import type { VirtualMachineInstance } from './types';
import { applyVmiDefaults } from './vmiBuilder';

const vmiWith = (devices: Record<string, unknown>): VirtualMachineInstance =>
  vmiFixture(
    'Running',
    [],
    { metadata: { name: 'vm1', namespace: 'ns', uid: 'vmi-uid' } },
    { domain: { devices: { disks: [], ...devices } } },
  );

const kubevirt = (virtualMachineOptions?: Record<string, unknown>): KubeObject => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'KubeVirt',
  metadata: { name: 'kubevirt-kubevirt-hyperconverged', namespace: 'openshift-cnv' },
  spec: { configuration: { ...(virtualMachineOptions ? { virtualMachineOptions } : {}) } },
});

describe('serial console log (guest-console-log)', () => {
  it.each([
    ['cluster default on, VMI unset', {}, undefined, true],
    ['cluster disabled ({}), VMI unset', {}, { disableSerialConsoleLog: {} }, false],
    ['cluster disabled (true), VMI unset', {}, { disableSerialConsoleLog: true }, false],
    [
      'cluster disabled, VMI true',
      { logSerialConsole: true },
      { disableSerialConsoleLog: {} },
      true,
    ],
    ['cluster on, VMI false', { logSerialConsole: false }, undefined, false],
    [
      'no auto-attached serial console',
      { logSerialConsole: true, autoattachSerialConsole: false },
      undefined,
      false,
    ],
  ])('%s', (_name, devices, options, expected) => {
    const config = virtConfigFrom(kubevirt(options));
    expect(serialConsoleLogEnabled(vmiWith(devices), config)).toBe(expected);
    const names = launcherPod(vmiWith(devices), config).spec.containers.map((c) => c.name);
    expect(names.includes(GUEST_CONSOLE_LOG_CONTAINER)).toBe(expected);
  });

  it('renders the virt-tail sidecar on the private volume, read-only', () => {
    const pod = launcherPod(vmiWith({ logSerialConsole: true }), DEFAULT_VIRT_CONFIG);
    const sidecar = pod.spec.containers.find((c) => c.name === GUEST_CONSOLE_LOG_CONTAINER);
    expect(sidecar).toMatchObject({
      command: ['/usr/bin/virt-tail'],
      args: ['--logfile', '/var/run/kubevirt-private/vmi-uid/virt-serial0-log'],
      resources: { requests: { cpu: '5m', memory: '35M' }, limits: { cpu: '15m', memory: '60M' } },
      volumeMounts: [{ name: 'private', mountPath: '/var/run/kubevirt-private', readOnly: true }],
    });
    expect(pod.spec.containers[0].name).toBe('compute');
    expect(pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']).toBe('compute');
  });

  it('keeps containerStatuses in step with the containers', () => {
    const vmi = vmiWith({ logSerialConsole: true });
    const pod = launcherPod(vmi, DEFAULT_VIRT_CONFIG);
    pod.metadata.uid = 'pod-uid';
    pod.metadata.name = 'virt-launcher-vm1-abcde';
    pod.spec.nodeName = 'node-1';
    const base = { pod, node: undefined, vmi, volumesReady: true, killDue: false, now: 'now' };
    const pending = nextPodStatus({ ...base, startDue: false });
    expect(pending.containerStatuses?.map((c) => [c.name, c.state?.waiting?.reason])).toEqual([
      ['compute', 'ContainerCreating'],
      [GUEST_CONSOLE_LOG_CONTAINER, 'ContainerCreating'],
    ]);
    expect(pending.conditions?.find((c) => c.type === 'ContainersReady')?.message).toBe(
      'containers with unready status: [compute guest-console-log]',
    );
    const running = nextPodStatus({ ...base, startDue: true });
    expect(running.containerStatuses?.map((c) => [c.name, c.ready, !!c.state?.running])).toEqual([
      ['compute', true, true],
      [GUEST_CONSOLE_LOG_CONTAINER, true, true],
    ]);
  });

  it('carries logSerialConsole from the VM template; changing it needs a restart', () => {
    for (const value of [true, false])
      expect(
        applyVmiDefaults(
          { domain: { devices: { logSerialConsole: value } } },
          'vm1',
          DEFAULT_VIRT_CONFIG,
        ).domain.devices.logSerialConsole,
      ).toBe(value);
    const running = vmiWith({ logSerialConsole: false });
    const last = structuredClone(running.spec);
    const current = structuredClone(running.spec);
    current.domain.devices.logSerialConsole = true;
    const plan = planTemplateChange(last, current, running, true);
    expect(plan.restartRequired).toBeDefined();
    expect(planTemplateChange(last, structuredClone(last), running, true).restartRequired).toBe(
      undefined,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { findCondition } from '../runtime/conditions';
import type { KubeletInput } from './kubelet';
import { nextPodStatus } from './kubelet';
import { cond, vmiFixture } from './testFixtures';
import type { Node, Pod } from './types';

const NOW = '2026-01-01T00:00:00Z';
const node: Node = {
  metadata: { name: 'worker-1' },
  spec: { podCIDR: '10.128.4.0/23' },
  status: { addresses: [{ type: 'InternalIP', address: '10.0.0.21' }] },
};
const pod: Pod = {
  metadata: { name: 'virt-launcher-vm1-abcde', uid: 'pod-uid' },
  spec: { nodeName: 'worker-1', containers: [{ name: 'compute', image: 'launcher:1' }] },
  status: { phase: 'Pending' },
};

const run = (overrides: Partial<KubeletInput>) =>
  nextPodStatus({
    pod,
    node,
    vmi: vmiFixture('Scheduling'),
    volumesReady: true,
    startDue: true,
    killDue: false,
    now: NOW,
    ...overrides,
  });

describe('nextPodStatus', () => {
  it('waits for volumes and the start delay in ContainerCreating', () => {
    const s = run({ volumesReady: false });
    expect(s.phase).toBe('Pending');
    expect(s.containerStatuses?.[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(run({ startDue: false }).phase).toBe('Pending');
  });

  it('starts the containers with a pod IP from the node CIDR; compute is ready once the guest runs', () => {
    const s = run({});
    expect(s.phase).toBe('Running');
    expect(s.podIP).toMatch(/^10\.128\.(4|5)\.\d+$/);
    expect(s.hostIP).toBe('10.0.0.21');
    expect(s.containerStatuses?.[0]).toMatchObject({
      name: 'compute',
      ready: false,
      state: { running: { startedAt: NOW } },
    });
    expect(findCondition(s.conditions, 'Ready')?.status).toBe('False');
    const ready = nextPodStatus({
      pod: { ...pod, status: s },
      node,
      vmi: vmiFixture('Running'),
      volumesReady: true,
      startDue: true,
      killDue: false,
      now: NOW,
    });
    expect(findCondition(ready.conditions, 'Ready')?.status).toBe('True');
    expect(ready.podIP).toBe(s.podIP);
  });

  it('is not Ready while the VM is paused', () => {
    const s = run({ vmi: vmiFixture('Running', [cond('Paused', 'True', 'PausedByUser')]) });
    expect(findCondition(s.conditions, 'kubevirt.io/virtual-machine-unpaused')?.status).toBe(
      'False',
    );
    expect(findCondition(s.conditions, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ReadinessGatesNotReady',
    });
  });

  it('ends with its VMI', () => {
    expect(run({ vmi: vmiFixture('Succeeded') }).phase).toBe('Succeeded');
    expect(run({ vmi: vmiFixture('Failed') }).phase).toBe('Failed');
    expect(run({ vmi: undefined }).phase).toBe('Failed');
    const killed = run({ vmi: vmiFixture('Running'), killDue: true });
    expect(killed.phase).toBe('Failed');
    expect(killed.containerStatuses?.[0].state?.terminated?.exitCode).toBe(137);
  });

  it('leaves unbound pods to the scheduler', () => {
    const unbound = { ...pod, spec: { ...pod.spec, nodeName: undefined } };
    expect(
      nextPodStatus({
        pod: unbound,
        node: undefined,
        vmi: vmiFixture('Scheduling'),
        volumesReady: true,
        startDue: true,
        killDue: false,
        now: NOW,
      }),
    ).toBe(unbound.status);
  });
});

import { describe, expect, it } from 'vitest';
import type { Vmi } from './kubevirtObjects';
import { macFor, podIpIn, secondaryIpFor } from './podNetwork';
import {
  finalStatus,
  interfacesOf,
  machineTypeOf,
  qosClassOf,
  runningConditions,
  runningStatus,
  volumeStatusOf,
} from './vmiStatus';

const NOW = '2026-11-23T10:00:00Z';
const LATER = '2026-11-23T10:05:00Z';

const vmi = (spec: Record<string, unknown> = {}, status?: Record<string, unknown>): Vmi =>
  ({
    metadata: { name: 'v', namespace: 'ns', uid: 'uid-1' },
    spec: {
      domain: {
        devices: {
          interfaces: [
            { name: 'default', masquerade: {} },
            { name: 'blue', bridge: {} },
          ],
          disks: [
            { name: 'root', disk: { bus: 'virtio' } },
            { name: 'cloudinit', disk: { bus: 'virtio' } },
            { name: 'hot', disk: { bus: 'scsi' } },
          ],
        },
        resources: { requests: { memory: '2Gi' } },
      },
      networks: [
        { name: 'default', pod: {} },
        { name: 'blue', multus: { networkName: 'blue-net' } },
      ],
      volumes: [
        { name: 'root', dataVolume: { name: 'root-dv' } },
        { name: 'cloudinit', cloudInitNoCloud: { userData: '' } },
        { name: 'hot', persistentVolumeClaim: { claimName: 'hot-pvc', hotpluggable: true } },
      ],
      ...spec,
    },
    ...(status ? { status } : {}),
  }) as Vmi;

describe('pod network addresses', () => {
  it('picks a stable host address inside the CIDR, never network, gateway or broadcast', () => {
    const ip = podIpIn('10.128.2.0/23', 'uid-1');
    expect(ip).toBe(podIpIn('10.128.2.0/23', 'uid-1'));
    const [a, b, c, d] = ip.split('.').map(Number);
    expect([a, b]).toEqual([10, 128]);
    const host = (c - 2) * 256 + d;
    expect(host).toBeGreaterThanOrEqual(2);
    expect(host).toBeLessThanOrEqual(510);
    for (let i = 0; i < 200; i++) {
      const [, , c2, d2] = podIpIn('10.0.0.0/30', `seed-${i}`).split('.').map(Number);
      expect(c2 * 256 + d2).toBe(2);
    }
  });

  it('makes QEMU-style MACs and secondary addresses', () => {
    expect(macFor('x')).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
    expect(secondaryIpFor(1, 'x')).toMatch(/^192\.168\.11\.\d+$/);
  });
});

describe('VMI status', () => {
  it('reports the pod IP before the agent, and guest names and secondary IPs after', () => {
    const before = interfacesOf(vmi(), '10.128.2.7', false);
    expect(before[0]).toMatchObject({
      name: 'default',
      ipAddress: '10.128.2.7',
      ipAddresses: ['10.128.2.7'],
      infoSource: 'domain, multus-status',
      podInterfaceName: 'eth0',
    });
    expect(before[0].interfaceName).toBeUndefined();
    expect(before[1].ipAddress).toBeUndefined();
    const after = interfacesOf(vmi(), '10.128.2.7', true);
    expect(after[0]).toMatchObject({
      interfaceName: 'eth0',
      infoSource: 'domain, guest-agent, multus-status',
    });
    expect(after[1]).toMatchObject({
      interfaceName: 'eth1',
      ipAddress: expect.stringMatching(/^192\.168\./),
    });
  });

  it('attaches the pod network when the VMI declares no interface', () => {
    const bare = vmi({ domain: { devices: {} }, networks: undefined });
    expect(interfacesOf(bare, '10.0.0.5', false).map((i) => i.name)).toEqual(['default']);
  });

  it('names disk targets per bus and reports hotplugged volumes ready', () => {
    const statuses = volumeStatusOf(vmi());
    expect(statuses.map((s) => [s.name, s.target])).toEqual([
      ['root', 'vda'],
      ['cloudinit', 'vdb'],
      ['hot', 'sda'],
    ]);
    expect(statuses[2]).toMatchObject({
      phase: 'Ready',
      reason: 'VolumeReady',
      message: 'Successfully attach hotplugged volume hot to VM',
      hotplugVolume: { attachPodName: expect.stringMatching(/^hp-volume-[0-9a-f]{5}$/) },
    });
    expect(statuses[0].hotplugVolume).toBeUndefined();
  });

  it('derives QoS class and machine type', () => {
    expect(qosClassOf(vmi())).toBe('Burstable');
    const guaranteed = vmi({
      domain: {
        devices: {},
        resources: {
          requests: { cpu: '2', memory: '2Gi' },
          limits: { cpu: '2', memory: '2Gi' },
        },
      },
    });
    expect(qosClassOf(guaranteed)).toBe('Guaranteed');
    expect(machineTypeOf(vmi())).toBe('pc-q35-rhel9.6.0');
    expect(
      machineTypeOf(vmi({ domain: { devices: {}, machine: { type: 'pc-q35-rhel8.6.0' } } })),
    ).toBe('pc-q35-rhel8.6.0');
  });

  it('keeps Ready, AgentConnected and Paused, leaving other conditions alone', () => {
    const withOthers = vmi(
      {},
      {
        conditions: [{ type: 'LiveMigratable', status: 'True', lastTransitionTime: NOW }],
      },
    );
    const running = runningConditions(
      withOthers,
      { osName: 'Fedora Linux 42', agentConnected: true },
      NOW,
    );
    expect(running.map((c) => [c.type, c.status])).toEqual([
      ['LiveMigratable', 'True'],
      ['Ready', 'True'],
      ['AgentConnected', 'True'],
    ]);
    const paused = runningConditions(
      vmi({}, { conditions: running }),
      { osName: 'Fedora Linux 42', agentConnected: true, paused: 'PausedByUser' },
      LATER,
    );
    expect(paused.find((c) => c.type === 'Paused')).toMatchObject({
      status: 'True',
      reason: 'PausedByUser',
      message: 'VMI was paused by user',
    });
    expect(paused.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      lastTransitionTime: LATER,
    });
    // Unchanged conditions keep their transition time, so writing them again is a no-op.
    expect(paused.find((c) => c.type === 'AgentConnected')?.lastTransitionTime).toBe(NOW);
  });

  it('writes the Running phase once and the final phase with the guest gone', () => {
    const first = runningStatus(
      vmi({}, { phase: 'Scheduled' }),
      { osName: 'Fedora Linux 42', agentConnected: false },
      '10.0.0.9',
      NOW,
    );
    expect(first).toMatchObject({
      phase: 'Running',
      phaseTransitionTimestamps: [{ phase: 'Running', phaseTransitionTimestamp: NOW }],
      guestOSInfo: {},
      memory: { guestAtBoot: '2Gi', guestCurrent: '2Gi', guestRequested: '2Gi' },
      currentCPUTopology: { sockets: 1, cores: 1, threads: 1 },
    });
    const again = runningStatus(
      vmi({}, first),
      { osName: 'Fedora Linux 42', agentConnected: true },
      '10.0.0.9',
      LATER,
    );
    expect(again.phaseTransitionTimestamps).toEqual(first.phaseTransitionTimestamps);
    expect(again.guestOSInfo).toMatchObject({ id: 'fedora' });

    const done = finalStatus(vmi({}, again), 'Succeeded', LATER);
    expect(done.phase).toBe('Succeeded');
    expect((done.conditions as { type: string }[]).map((c) => c.type)).toEqual(['Ready']);
    expect((done.conditions as { reason?: string }[])[0].reason).toBe('GuestNotRunning');
  });
});

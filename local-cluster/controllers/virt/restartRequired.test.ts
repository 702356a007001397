import { describe, expect, it } from 'vitest';
import { NON_LIVE_UPDATABLE, planTemplateChange } from './restartRequired';
import { cond, vmiFixture } from './testFixtures';
import type { VmiSpec } from './types';

const started: VmiSpec = {
  domain: {
    cpu: { sockets: 1, cores: 1, threads: 1 },
    memory: { guest: '2Gi' },
    devices: {
      disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
      interfaces: [{ name: 'default', masquerade: {} }],
    },
  },
  networks: [{ name: 'default', pod: {} }],
  volumes: [{ name: 'rootdisk', dataVolume: { name: 'root' } }],
};

const running = vmiFixture(
  'Running',
  [cond('LiveMigratable', 'True')],
  {},
  {
    ...structuredClone(started),
    domain: {
      ...structuredClone(started.domain),
      cpu: { sockets: 1, cores: 1, threads: 1, maxSockets: 4 },
    },
  },
);

const edit = (change: (s: VmiSpec) => void): VmiSpec => {
  const s = structuredClone(started);
  change(s);
  return s;
};

describe('planTemplateChange', () => {
  it('needs nothing when the template is unchanged', () => {
    expect(planTemplateChange(started, structuredClone(started), running, true)).toEqual({
      vmiPatch: [],
    });
  });

  it.each([
    ['more cores', (s: VmiSpec) => (s.domain.cpu = { sockets: 1, cores: 2, threads: 1 })],
    [
      'another disk bus',
      (s: VmiSpec) => (s.domain.devices.disks = [{ name: 'rootdisk', disk: { bus: 'sata' } }]),
    ],
    [
      'a new non-hotplug volume',
      (s: VmiSpec) => s.volumes?.push({ name: 'data', persistentVolumeClaim: { claimName: 'd' } }),
    ],
    ['a machine type', (s: VmiSpec) => (s.domain.machine = { type: 'pc-q35-rhel8.6.0' })],
    [
      'the pod NIC binding',
      (s: VmiSpec) => (s.domain.devices.interfaces = [{ name: 'default', bridge: {} }]),
    ],
  ])('requires a restart for %s', (_name, change) => {
    expect(planTemplateChange(started, edit(change), running, true).restartRequired).toBe(
      NON_LIVE_UPDATABLE,
    );
  });

  it('takes the implicit pod NIC written out, plus a hot-pluggable NIC, as no restart', () => {
    const implicit = edit((s) => {
      delete s.domain.devices.interfaces;
      delete s.networks;
    });
    const explicit = edit((s) => {
      s.domain.devices.interfaces?.push({ name: 'office', bridge: {} });
      s.networks?.push({ name: 'office', multus: { networkName: 'bridge-network' } });
    });
    expect(planTemplateChange(implicit, explicit, running, true).restartRequired).toBeUndefined();
    expect(planTemplateChange(implicit, structuredClone(implicit), running, true)).toEqual({
      vmiPatch: [],
    });
    const withoutPod = edit((s) => {
      s.domain.devices.interfaces = [{ name: 'office', bridge: {} }];
      s.networks = [{ name: 'office', multus: { networkName: 'bridge-network' } }];
    });
    expect(planTemplateChange(implicit, withoutPod, running, true).restartRequired).toBe(
      NON_LIVE_UPDATABLE,
    );
  });

  it('hot-plugs more sockets within maxSockets', () => {
    const plan = planTemplateChange(
      started,
      edit((s) => (s.domain.cpu = { sockets: 3, cores: 1, threads: 1 })),
      running,
      true,
    );
    expect(plan).toEqual({
      vmiPatch: [
        { op: 'test', path: '/spec/domain/cpu/sockets', value: 1 },
        { op: 'replace', path: '/spec/domain/cpu/sockets', value: 3 },
      ],
    });
  });

  it.each([[8, "CPU sockets updated in template spec to a value higher than what's available"]])(
    'refuses %i sockets live',
    (sockets, message) => {
      expect(
        planTemplateChange(
          started,
          edit((s) => (s.domain.cpu = { sockets, cores: 1, threads: 1 })),
          running,
          true,
        ).restartRequired,
      ).toBe(message);
    },
  );

  it('needs a restart to remove sockets', () => {
    const two = vmiFixture(
      'Running',
      [],
      {},
      {
        ...structuredClone(started),
        domain: { ...structuredClone(started.domain), cpu: { sockets: 2, maxSockets: 8 } },
      },
    );
    const last = edit((s) => (s.domain.cpu = { sockets: 2, cores: 1, threads: 1 }));
    expect(planTemplateChange(last, structuredClone(started), two, true).restartRequired).toBe(
      'Reduction of CPU socket count requires a restart',
    );
  });

  it('treats any CPU change as needing a restart without LiveUpdate', () => {
    expect(
      planTemplateChange(
        started,
        edit((s) => (s.domain.cpu = { sockets: 2, cores: 1, threads: 1 })),
        running,
        false,
      ).restartRequired,
    ).toBe(NON_LIVE_UPDATABLE);
  });

  it('explains why memory cannot change live', () => {
    const more = edit((s) => (s.domain.memory = { guest: '4Gi' }));
    expect(planTemplateChange(started, more, running, true).restartRequired).toBe(
      'memory updated in template spec. Memory-hotplug is not available for this VM configuration',
    );
    const rwo = {
      ...running,
      status: {
        phase: 'Running',
        conditions: [cond('LiveMigratable', 'False', 'DisksNotLiveMigratable')],
      },
    };
    expect(planTemplateChange(started, more, rwo, true).restartRequired).toBe(
      'memory updated in template spec. Memory-hotplug is only available for migratable VMs',
    );
  });

  it('moves node placement to the running VMI', () => {
    const plan = planTemplateChange(
      started,
      edit((s) => (s.nodeSelector = { zone: 'b' })),
      running,
      true,
    );
    expect(plan).toEqual({
      vmiPatch: [{ op: 'add', path: '/spec/nodeSelector', value: { zone: 'b' } }],
    });
  });

  it('accepts hot-plugged volumes and bridge NICs', () => {
    const hotplugged = edit((s) => {
      s.volumes?.push({
        name: 'hp',
        persistentVolumeClaim: { claimName: 'hp', hotpluggable: true },
      });
      s.domain.devices.disks?.push({ name: 'hp', disk: { bus: 'scsi' } });
      s.domain.devices.interfaces?.push({ name: 'br', bridge: {} });
      s.networks?.push({ name: 'br', multus: { networkName: 'bridge-network' } });
    });
    expect(planTemplateChange(started, hotplugged, running, true)).toEqual({ vmiPatch: [] });
  });

  it('has nothing to say without a running VMI', () => {
    expect(
      planTemplateChange(
        undefined,
        edit((s) => (s.domain.machine = { type: 'x' })),
        undefined,
        true,
      ),
    ).toEqual({ vmiPatch: [] });
  });
});

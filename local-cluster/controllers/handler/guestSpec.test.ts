import { describe, expect, it } from 'vitest';
import { defaultUserOf, guestOsInfoOf, osNameOf } from './guestOs';
import { cpuTopologyOf, guestSpecOf } from './guestSpec';
import type { Vmi } from './kubevirtObjects';

const vmi = (
  name: string,
  domain: Record<string, unknown> = {},
  meta: { annotations?: Record<string, string>; labels?: Record<string, string> } = {},
  spec: Record<string, unknown> = {},
): Vmi =>
  ({
    metadata: { name, namespace: 'ns', uid: 'u-1', ...meta },
    spec: { domain: { devices: {}, ...domain }, ...spec },
  }) as Vmi;

describe('guest OS', () => {
  it.each([
    [
      vmi('a', {}, { annotations: { 'vm.kubevirt.io/os': 'rhel9' } }),
      'Red Hat Enterprise Linux 9.6',
    ],
    [
      vmi('a', {}, { annotations: { 'vm.kubevirt.io/os': 'rhel8' } }),
      'Red Hat Enterprise Linux 8.10',
    ],
    [
      vmi('a', {}, { labels: { 'os.template.kubevirt.io/centos-stream9': 'true' } }),
      'CentOS Stream 9',
    ],
    [
      vmi('a', {}, { annotations: { 'kubevirt.io/cluster-preference-name': 'windows.2k22' } }),
      'Microsoft Windows Server 2022',
    ],
    [
      vmi(
        'a',
        {},
        {},
        {
          volumes: [{ name: 'r', containerDisk: { image: 'quay.io/containerdisks/ubuntu:24.04' } }],
        },
      ),
      'Ubuntu 24.04',
    ],
    [vmi('my-cirros'), 'CirrOS 0.6.2'],
    [vmi('anything'), 'Fedora Linux 42'],
  ])('%#: %s', (instance, osName) => {
    expect(osNameOf(instance)).toBe(osName);
  });

  it('reports guest OS info as the agent would', () => {
    expect(guestOsInfoOf('Red Hat Enterprise Linux 9.6')).toMatchObject({
      id: 'rhel',
      name: 'Red Hat Enterprise Linux',
      versionId: '9.6',
      machine: 'x86_64',
    });
    expect(guestOsInfoOf('Microsoft Windows Server 2022')).toMatchObject({
      id: 'mswindows',
      name: 'Microsoft Windows',
      kernelRelease: '20348',
      prettyName: 'Windows Server 2022 Datacenter',
    });
  });

  it('knows the cloud images’ default users', () => {
    expect(defaultUserOf('Fedora Linux 42')).toBe('fedora');
    expect(defaultUserOf('Red Hat Enterprise Linux 9.6')).toBe('cloud-user');
    expect(defaultUserOf('Ubuntu 24.04')).toBe('ubuntu');
  });
});

describe('guest spec', () => {
  it.each([
    [{ cpu: { sockets: 2, cores: 2, threads: 1 } }, { sockets: 2, cores: 2, threads: 1 }],
    [{ cpu: { cores: 4 } }, { sockets: 1, cores: 4, threads: 1 }],
    [{ resources: { requests: { cpu: '1500m' } } }, { sockets: 1, cores: 2, threads: 1 }],
    [{}, { sockets: 1, cores: 1, threads: 1 }],
  ])('topology of %j', (domain, topology) => {
    expect(cpuTopologyOf(vmi('a', domain))).toEqual(topology);
  });

  it('takes hostname, memory and login from the VMI and cloud-init', () => {
    const instance = vmi(
      'web',
      { cpu: { sockets: 2 }, memory: { guest: '4Gi' } },
      { annotations: { 'vm.kubevirt.io/os': 'rhel9' } },
      { hostname: 'web-host' },
    );
    expect(guestSpecOf(instance, { password: 'pw' })).toEqual({
      uid: 'u-1',
      namespace: 'ns',
      name: 'web',
      hostname: 'web-host',
      osName: 'Red Hat Enterprise Linux 9.6',
      cpus: 2,
      memoryMiB: 4096,
      user: 'cloud-user',
      password: 'pw',
    });
  });

  it('falls back to cloud-init’s hostname, then the VMI name', () => {
    expect(
      guestSpecOf(vmi('a', { resources: { requests: { memory: '512Mi' } } }), { hostname: 'h' }),
    ).toMatchObject({ hostname: 'h', memoryMiB: 512 });
    expect(guestSpecOf(vmi('b'), {})).toMatchObject({ hostname: 'b', memoryMiB: 1024 });
    expect(guestSpecOf(vmi('b'), {}).user).toBeUndefined();
  });
});

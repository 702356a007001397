import { describe, expect, it } from 'vitest';
import type { DataVolume, StorageClass, StorageProfileStatus } from './cdiTypes';
import { formatBytes, renderClaimSpec, sizeWithOverhead } from './claimSpec';

const Gi = 2 ** 30;

const sc = (name: string, annotations: Record<string, string> = {}): StorageClass => ({
  metadata: { name, annotations, creationTimestamp: '2026-01-01T00:00:00Z' },
  provisioner: `${name}.csi`,
});

const classes = [
  sc('standard-csi', { 'storageclass.kubernetes.io/is-default-class': 'true' }),
  sc('shared-rwx'),
  sc('no-profile'),
];
const profiles = new Map<string, StorageProfileStatus>([
  [
    'standard-csi',
    {
      claimPropertySets: [
        { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' },
        { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
      ],
    },
  ],
  [
    'shared-rwx',
    {
      claimPropertySets: [
        { accessModes: ['ReadWriteMany'], volumeMode: 'Block' },
        { accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' },
      ],
    },
  ],
  ['no-profile', {}],
]);

const render = (
  spec: DataVolume['spec'],
  extra: { sourceBytes?: number; classes?: StorageClass[] } = {},
) =>
  renderClaimSpec({
    dv: { metadata: { name: 'd', namespace: 'ns' }, spec },
    storageClasses: extra.classes ?? classes,
    profiles,
    overheadFor: () => 0.055,
    sourceBytes: extra.sourceBytes,
  });

describe('claim sizes', () => {
  it.each([
    [Gi, '1Gi'],
    [512 * 2 ** 20, '512Mi'],
    [1536, '1536'],
    [4096, '4Ki'],
    [1234567, '1234567'],
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('adds the filesystem overhead after aligning to 1 MiB (CDI GetRequiredSpace)', () => {
    expect(sizeWithOverhead(30 * Gi, 0.055)).toBe(Math.ceil((30 * Gi) / 0.945));
    expect(sizeWithOverhead(2 ** 20 + 1, 0)).toBe(2 * 2 ** 20);
  });
});

describe('renderClaimSpec', () => {
  it.each<[string, DataVolume['spec'], Record<string, unknown>]>([
    [
      'storage API on the default class takes the first claim property set (Block: no overhead)',
      { storage: { resources: { requests: { storage: '30Gi' } } } },
      {
        storageClassName: 'standard-csi',
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Block',
        size: '30Gi',
      },
    ],
    [
      'a volume mode picks the matching set and Filesystem adds 5.5%',
      { storage: { volumeMode: 'Filesystem', resources: { requests: { storage: '10Gi' } } } },
      {
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Filesystem',
        size: String(Math.ceil((10 * Gi) / 0.945)),
      },
    ],
    [
      'access modes given select the set that has them',
      {
        storage: {
          storageClassName: 'shared-rwx',
          accessModes: ['ReadWriteMany'],
          resources: { requests: { storage: '1Gi' } },
        },
      },
      {
        storageClassName: 'shared-rwx',
        accessModes: ['ReadWriteMany'],
        volumeMode: 'Block',
        size: '1Gi',
      },
    ],
    [
      'spec.pvc is taken as written',
      {
        pvc: {
          accessModes: ['ReadWriteOnce'],
          volumeMode: 'Filesystem',
          resources: { requests: { storage: '5Gi' } },
        },
      },
      { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem', size: '5Gi' },
    ],
  ])('%s', (_name, spec, want) => {
    const r = render(spec);
    if (!r.ok) throw new Error(r.message);
    expect(r.spec.accessModes).toEqual(want.accessModes);
    expect(r.spec.volumeMode).toBe(want.volumeMode);
    expect(r.spec.resources?.requests?.storage).toBe(want.size);
    if (want.storageClassName) expect(r.spec.storageClassName).toBe(want.storageClassName);
  });

  it('prefers the default virt class for VM disks', () => {
    const withVirt = [
      ...classes.slice(0, 1),
      sc('shared-rwx', { 'storageclass.kubevirt.io/is-default-virt-class': 'true' }),
    ];
    const r = render(
      { storage: { resources: { requests: { storage: '1Gi' } } } },
      { classes: withVirt },
    );
    expect(r.ok && r.spec.storageClassName).toBe('shared-rwx');
  });

  it('takes the clone source size when the DV names none', () => {
    const r = render({ storage: { storageClassName: 'shared-rwx' } }, { sourceBytes: 7 * Gi });
    expect(r.ok && r.spec.resources?.requests?.storage).toBe('7Gi');
  });

  it.each<[string, DataVolume['spec'], string]>([
    [
      'a profile without claim property sets',
      { storage: { storageClassName: 'no-profile', resources: { requests: { storage: '1Gi' } } } },
      'no accessMode specified in StorageProfile no-profile',
    ],
    [
      'a class that does not exist',
      { storage: { storageClassName: 'gold', resources: { requests: { storage: '1Gi' } } } },
      'storageclass.storage.k8s.io "gold" not found',
    ],
    ['no size at all', { storage: { storageClassName: 'shared-rwx' } }, 'missing storage size'],
  ])('refuses %s', (_name, spec, message) => {
    expect(render(spec)).toEqual({ ok: false, message });
  });
});

import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../../models/types';
import { applyRecipes, buildPatch } from '../vmPatch';
import {
  addDisk,
  addEnvironmentDisk,
  dataVolumeSpec,
  editDisk,
  generateSerial,
  getDiskRows,
  hotplugAddVolumeOptions,
  hotplugDataVolume,
  isDiskNameTaken,
  removeDisk,
  type DiskForm,
} from './disks';

const vm: VirtualMachine = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', namespace: 'ns', resourceVersion: '7' },
  spec: {
    runStrategy: 'Halted',
    dataVolumeTemplates: [
      {
        metadata: { name: 'vm1-root' },
        spec: {
          storage: { resources: { requests: { storage: '30Gi' } }, storageClassName: 'fast' },
        },
      } as never,
    ],
    template: {
      spec: {
        domain: {
          devices: {
            disks: [
              { name: 'rootdisk', disk: { bus: 'virtio' }, bootOrder: 1 },
              { name: 'cloudinitdisk', disk: { bus: 'virtio' } },
            ],
          },
        },
        volumes: [
          { name: 'rootdisk', dataVolume: { name: 'vm1-root' } },
          { name: 'cloudinitdisk', cloudInitNoCloud: { userData: '#cloud-config\n' } },
        ],
      },
    },
  },
};

const form = (over: Partial<DiskForm>): DiskForm => ({
  name: 'data',
  source: 'blank',
  size: '5Gi',
  drive: 'disk',
  bus: 'virtio',
  ...over,
});

describe('dataVolumeSpec', () => {
  it.each<[Partial<DiskForm>, object]>([
    [{ source: 'blank' }, { blank: {} }],
    [{ source: 'http', url: 'http://x/img.qcow2' }, { http: { url: 'http://x/img.qcow2' } }],
    [
      { source: 'registry', image: 'quay.io/a/b:1' },
      { registry: { url: 'docker://quay.io/a/b:1' } },
    ],
    [
      { source: 'registry', image: 'docker://quay.io/a/b' },
      { registry: { url: 'docker://quay.io/a/b' } },
    ],
    [{ source: 'pvcClone', pvcName: 'golden' }, { pvc: { name: 'golden', namespace: 'ns' } }],
    [
      { source: 'pvcClone', pvcName: 'g', pvcNamespace: 'os' },
      { pvc: { name: 'g', namespace: 'os' } },
    ],
  ])('%o → source %o', (over, source) => {
    expect(dataVolumeSpec(form(over), 'ns').source).toEqual(source);
  });

  it('puts size and storage class in storage', () => {
    expect(dataVolumeSpec(form({ storageClass: 'slow' }), 'ns').storage).toEqual({
      resources: { requests: { storage: '5Gi' } },
      storageClassName: 'slow',
    });
  });

  it('leaves volume and access mode to the storage profile unless chosen', () => {
    const spec = dataVolumeSpec(form({}), 'ns');
    expect(spec.storage).not.toHaveProperty('volumeMode');
    expect(spec.storage).not.toHaveProperty('accessModes');
    expect(spec).not.toHaveProperty('preallocation');
  });

  it('writes chosen volume mode, access mode and preallocation', () => {
    const spec = dataVolumeSpec(
      form({ volumeMode: 'Block', accessMode: 'ReadWriteMany', preallocation: true }),
      'ns',
    );
    expect(spec.storage).toMatchObject({ volumeMode: 'Block', accessModes: ['ReadWriteMany'] });
    expect(spec.preallocation).toBe(true);
  });
});

describe('addDisk', () => {
  it('adds a DataVolume template, a volume and a disk', () => {
    const next = applyRecipes(vm, addDisk(form({ drive: 'cdrom', bus: 'sata' })));
    expect(next.spec?.dataVolumeTemplates?.[1]).toEqual({
      metadata: { name: 'vm1-data' },
      spec: { source: { blank: {} }, storage: { resources: { requests: { storage: '5Gi' } } } },
    });
    expect(next.spec?.template.spec?.volumes?.[2]).toEqual({
      name: 'data',
      dataVolume: { name: 'vm1-data' },
    });
    expect(next.spec?.template.spec?.domain.devices.disks?.[2]).toEqual({
      name: 'data',
      cdrom: { bus: 'sata' },
    });
  });

  it('uses an existing PVC as it is', () => {
    const next = applyRecipes(vm, addDisk(form({ source: 'pvc', pvcName: 'claim' })));
    expect(next.spec?.dataVolumeTemplates).toHaveLength(1);
    expect(next.spec?.template.spec?.volumes?.[2]).toEqual({
      name: 'data',
      persistentVolumeClaim: { claimName: 'claim' },
    });
  });

  it('gives a patch of adds led by the resourceVersion test', () => {
    const ops = buildPatch(vm, addDisk(form({})));
    expect(ops[0]).toEqual({ op: 'test', path: '/metadata/resourceVersion', value: '7' });
    expect(ops.slice(1).every((op) => op.op === 'add')).toBe(true);
  });
});

describe('hot-plug', () => {
  it('creates the DataVolume and adds it on the SCSI bus, hotpluggable', () => {
    expect(hotplugDataVolume(vm, form({})).metadata).toEqual({ name: 'vm1-data', namespace: 'ns' });
    expect(hotplugAddVolumeOptions(vm, form({}))).toEqual({
      name: 'data',
      disk: { disk: { bus: 'scsi' } },
      volumeSource: { dataVolume: { name: 'vm1-data', hotpluggable: true } },
    });
    expect(hotplugAddVolumeOptions(vm, form({ source: 'pvc', pvcName: 'c' })).volumeSource).toEqual(
      { persistentVolumeClaim: { claimName: 'c', hotpluggable: true } },
    );
  });
});

describe('removeDisk / editDisk', () => {
  it('removes disk, volume and its DataVolume template', () => {
    const next = applyRecipes(vm, removeDisk('rootdisk'));
    expect(next.spec?.dataVolumeTemplates).toBeUndefined();
    expect(next.spec?.template.spec?.volumes?.map((v) => v.name)).toEqual(['cloudinitdisk']);
    expect(next.spec?.template.spec?.domain.devices.disks?.map((d) => d.name)).toEqual([
      'cloudinitdisk',
    ]);
  });

  it('changes drive and bus, keeping the boot order', () => {
    const next = applyRecipes(vm, editDisk('rootdisk', 'cdrom', 'scsi'));
    expect(next.spec?.template.spec?.domain.devices.disks?.[0]).toEqual({
      name: 'rootdisk',
      cdrom: { bus: 'scsi' },
      bootOrder: 1,
    });
  });
});

describe('environment disks', () => {
  it.each([
    ['configMap', 'app-cfg', { name: 'configmap-app-cfg', configMap: { name: 'app-cfg' } }],
    ['secret', 'tls', { name: 'secret-tls', secret: { secretName: 'tls' } }],
    [
      'serviceAccount',
      'default',
      { name: 'sa-default', serviceAccount: { serviceAccountName: 'default' } },
    ],
  ] as const)('%s %s', (kind, name, volume) => {
    const next = applyRecipes(vm, addEnvironmentDisk(kind, name, 'abc123'));
    expect(next.spec?.template.spec?.volumes?.[2]).toEqual(volume);
    expect(next.spec?.template.spec?.domain.devices.disks?.[2]).toEqual({
      name: volume.name,
      serial: 'abc123',
      disk: { bus: 'virtio' },
    });
  });

  it('generates 6 lowercase alphanumerics', () => {
    expect(generateSerial(() => 0)).toBe('aaaaaa');
    expect(generateSerial(() => 0.999)).toBe('999999');
    expect(generateSerial()).toMatch(/^[a-z0-9]{6}$/);
  });
});

describe('getDiskRows', () => {
  it('describes each disk with source, size, class and boot order', () => {
    const rows = getDiskRows(vm);
    expect(rows[0]).toMatchObject({
      name: 'rootdisk',
      source: 'vm1-root',
      sourceKind: 'dataVolume',
      size: '30Gi',
      storageClass: 'fast',
      drive: 'disk',
      bus: 'virtio',
      bootOrder: 1,
      hotplug: false,
      pending: false,
    });
    expect(rows[1]).toMatchObject({ name: 'cloudinitdisk', sourceKind: 'cloudInit' });
  });

  it('marks disks the instance lacks as pending', () => {
    const vmi = { spec: { domain: { devices: {} }, volumes: [{ name: 'rootdisk' }] } } as never;
    expect(getDiskRows(vm, vmi).map((r) => r.pending)).toEqual([false, true]);
  });

  it('knows taken names', () => {
    expect(isDiskNameTaken(vm, 'rootdisk')).toBe(true);
    expect(isDiskNameTaken(vm, 'data')).toBe(false);
  });
});

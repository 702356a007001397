import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../../models/types';
import { applyRecipes, buildPatch } from '../vmPatch';
import type { DiskRow } from './disks';
import {
  getStorageDiskRows,
  needsStorageObjects,
  persistHotplugDisk,
  vmiOnlyHotplugVolumes,
  withClaimSize,
} from './hotplugDisks';

const vm: VirtualMachine = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', namespace: 'ns', resourceVersion: '7' },
  spec: {
    runStrategy: 'Always',
    template: {
      spec: {
        domain: { devices: { disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }] } },
        volumes: [{ name: 'rootdisk', containerDisk: { image: 'quay.io/os:1' } }],
      },
    },
  },
};

const vmi = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name: 'vm1', namespace: 'ns' },
  spec: {
    domain: {
      devices: {
        disks: [
          { name: 'rootdisk', disk: { bus: 'virtio' } },
          { name: 'hot', disk: { bus: 'scsi' }, serial: 'abc' },
          { name: 'hotpvc', disk: { bus: 'scsi' } },
          { name: 'old', disk: { bus: 'virtio' } },
        ],
      },
    },
    volumes: [
      { name: 'rootdisk', containerDisk: { image: 'quay.io/os:1' } },
      { name: 'hot', dataVolume: { name: 'hot-dv', hotpluggable: true } },
      { name: 'hotpvc', persistentVolumeClaim: { claimName: 'claim', hotpluggable: true } },
      // Removed from the VM spec but still in the instance until a restart: not hot-plugged.
      { name: 'old', dataVolume: { name: 'old-dv' } },
    ],
  },
} as VirtualMachineInstance;

describe('vmiOnlyHotplugVolumes', () => {
  it('lists hot-plugged volumes of the instance the VM template lacks', () => {
    expect(vmiOnlyHotplugVolumes(vm, vmi).map((v) => v.volume.name)).toEqual(['hot', 'hotpvc']);
  });

  it('is empty without an instance', () => {
    expect(vmiOnlyHotplugVolumes(vm, undefined)).toEqual([]);
  });

  it('skips a volume without a disk', () => {
    const noDisk = {
      spec: {
        domain: { devices: {} },
        volumes: [{ name: 'hot', dataVolume: { name: 'hot-dv', hotpluggable: true } }],
      },
    } as VirtualMachineInstance;
    expect(vmiOnlyHotplugVolumes(vm, noDisk)).toEqual([]);
  });
});

describe('getStorageDiskRows', () => {
  it('adds the instance-only disks as not persistent, hot plugged rows', () => {
    const rows = getStorageDiskRows(vm, vmi);
    expect(rows.map((r) => [r.name, r.persistent])).toEqual([
      ['rootdisk', true],
      ['hot', false],
      ['hotpvc', false],
    ]);
    expect(rows[1]).toMatchObject({
      source: 'hot-dv',
      sourceKind: 'dataVolume',
      drive: 'disk',
      bus: 'scsi',
      hotplug: true,
      pending: false,
    });
    expect(rows[2]).toMatchObject({ source: 'claim', sourceKind: 'pvc' });
  });

  it('shows only the VM disks of a stopped VM', () => {
    expect(getStorageDiskRows(vm).map((r) => r.name)).toEqual(['rootdisk']);
  });
});

describe('sizes of hot-plugged disks', () => {
  const objects = {
    claims: [
      {
        metadata: { name: 'claim' },
        spec: { resources: { requests: { storage: '1Gi' } }, storageClassName: 'local' },
        status: { capacity: { storage: '2Gi' } },
      },
      {
        metadata: { name: 'pending-claim' },
        spec: { resources: { requests: { storage: '3Gi' } } },
      },
    ],
    dataVolumes: [
      {
        metadata: { name: 'hot-dv' },
        spec: {
          storage: { resources: { requests: { storage: '5Gi' } }, storageClassName: 'fast' },
        },
      },
      {
        metadata: { name: 'old-style' },
        spec: { pvc: { resources: { requests: { storage: '7Gi' } } } },
      },
    ],
  };
  const row = (over: Partial<DiskRow>): DiskRow => ({
    name: 'd',
    source: '',
    sourceKind: 'pvc',
    drive: 'disk',
    hotplug: true,
    pending: false,
    ...over,
  });

  it('gives the instance-only rows the size and storage class of their PVC / DataVolume', () => {
    const rows = getStorageDiskRows(vm, vmi, objects);
    expect(rows.map((r) => [r.name, r.size, r.storageClass])).toEqual([
      ['rootdisk', undefined, undefined],
      ['hot', '5Gi', 'fast'],
      ['hotpvc', '2Gi', 'local'],
    ]);
  });

  it('leaves the size unknown without the objects, or when none matches', () => {
    expect(getStorageDiskRows(vm, vmi).map((r) => r.size)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(withClaimSize(row({ source: 'nope' }), objects).size).toBeUndefined();
  });

  it("prefers a PVC's capacity, then its request, then the DataVolume's request", () => {
    expect(withClaimSize(row({ source: 'claim' }), objects).size).toBe('2Gi');
    expect(withClaimSize(row({ source: 'pending-claim' }), objects).size).toBe('3Gi');
    // A DataVolume's PVC has its name: once bound, its capacity wins over the request.
    const bound = { ...objects, claims: [{ ...objects.claims[0], metadata: { name: 'hot-dv' } }] };
    expect(withClaimSize(row({ source: 'hot-dv', sourceKind: 'dataVolume' }), bound).size).toBe(
      '2Gi',
    );
    expect(
      withClaimSize(row({ source: 'old-style', sourceKind: 'dataVolume' }), objects).size,
    ).toBe('7Gi');
  });

  it('keeps what the row already has and ignores sources that are no claim', () => {
    expect(
      withClaimSize(row({ source: 'claim', size: '9Gi', storageClass: 'x' }), objects),
    ).toMatchObject({ size: '9Gi', storageClass: 'x' });
    const image = row({ source: 'claim', sourceKind: 'containerDisk' });
    expect(withClaimSize(image, objects)).toBe(image);
  });

  it('asks for the objects only when a PVC / DataVolume row lacks its size or class', () => {
    expect(needsStorageObjects(getStorageDiskRows(vm, vmi))).toBe(true);
    expect(needsStorageObjects(getStorageDiskRows(vm))).toBe(false);
    expect(needsStorageObjects([row({ source: 'c', size: '1Gi', storageClass: 's' })])).toBe(false);
  });
});

describe('persistHotplugDisk', () => {
  it('copies the disk and the hotpluggable volume into the template', () => {
    const next = applyRecipes(vm, persistHotplugDisk(vmi, 'hot'));
    const spec = next.spec?.template?.spec;
    expect(spec?.domain.devices.disks?.[1]).toEqual({
      name: 'hot',
      disk: { bus: 'scsi' },
      serial: 'abc',
    });
    expect(spec?.volumes?.[1]).toEqual({
      name: 'hot',
      dataVolume: { name: 'hot-dv', hotpluggable: true },
    });
    expect(getStorageDiskRows(next, vmi).map((r) => [r.name, r.persistent])).toEqual([
      ['rootdisk', true],
      ['hot', true],
      ['hotpvc', false],
    ]);
  });

  it('keeps a PVC source hotpluggable', () => {
    const next = applyRecipes(vm, persistHotplugDisk(vmi, 'hotpvc'));
    expect(next.spec?.template?.spec?.volumes?.[1]).toEqual({
      name: 'hotpvc',
      persistentVolumeClaim: { claimName: 'claim', hotpluggable: true },
    });
  });

  it('patches only the two added entries, led by the resourceVersion test', () => {
    expect(buildPatch(vm, persistHotplugDisk(vmi, 'hot'))).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '7' },
      {
        op: 'add',
        path: '/spec/template/spec/volumes/1',
        value: { name: 'hot', dataVolume: { name: 'hot-dv', hotpluggable: true } },
      },
      {
        op: 'add',
        path: '/spec/template/spec/domain/devices/disks/1',
        value: { name: 'hot', disk: { bus: 'scsi' }, serial: 'abc' },
      },
    ]);
  });

  it('does not duplicate what the template already has', () => {
    const once = applyRecipes(vm, persistHotplugDisk(vmi, 'hot'));
    expect(buildPatch(once, persistHotplugDisk(vmi, 'hot'))).toEqual([]);
  });

  it('changes nothing for a disk the instance does not have', () => {
    expect(buildPatch(vm, persistHotplugDisk(vmi, 'nope'))).toEqual([]);
  });
});

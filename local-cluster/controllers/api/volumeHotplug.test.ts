import type { V1Volume } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { StatusError } from '../../apiserver/core/statusError';
import {
  applyVolumeRequest,
  normalizeAddOptions,
  validateRemoveOptions,
  volumeRequestConflict,
} from './volumeHotplug';

const volumes: V1Volume[] = [
  { name: 'rootdisk', dataVolume: { name: 'vm1-root' } },
  { name: 'extra', persistentVolumeClaim: { claimName: 'extra-pvc', hotpluggable: true } },
];
const disks = [
  { name: 'rootdisk', disk: { bus: 'virtio' } },
  { name: 'extra', disk: { bus: 'scsi' } },
];

const badRequest = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError && e.code === 400) return e.message;
  }
  throw new Error('expected a 400');
};

describe('volume hotplug', () => {
  it('names the disk after the volume and marks the source hotpluggable', () => {
    expect(
      normalizeAddOptions({
        name: 'data',
        disk: { name: 'ignored', disk: { bus: 'scsi' } },
        volumeSource: { dataVolume: { name: 'data-dv' } },
      }),
    ).toEqual({
      name: 'data',
      disk: { name: 'data', disk: { bus: 'scsi' } },
      volumeSource: { dataVolume: { name: 'data-dv', hotpluggable: true } },
    });
  });

  it.each([
    [undefined, 'Request with no body, a new name is expected as the request body'],
    [{ disk: {}, volumeSource: {} }, 'AddVolumeOptions requires name to be set'],
    [{ name: 'x', volumeSource: {} }, 'AddVolumeOptions requires disk to not be nil'],
    [{ name: 'x', disk: {} }, 'AddVolumeOptions requires VolumeSource to not be nil'],
  ])('refuses add options %j', (opts, message) => {
    expect(badRequest(() => normalizeAddOptions(opts as never))).toBe(message);
  });

  it('refuses remove options without a name', () => {
    expect(badRequest(() => validateRemoveOptions({} as never))).toBe(
      'RemoveVolumeOptions requires name to be set',
    );
  });

  it.each([
    [
      { add: { name: 'rootdisk', disk: {}, volumeSource: { dataVolume: { name: 'new' } } } },
      'Unable to add volume [rootdisk] because volume with that name already exists',
    ],
    [
      { add: { name: 'other', disk: {}, volumeSource: { dataVolume: { name: 'vm1-root' } } } },
      'Unable to add volume source [vm1-root] because it already exists',
    ],
    [
      { add: { name: 'new', disk: {}, volumeSource: { dataVolume: { name: 'new-dv' } } } },
      undefined,
    ],
    [
      { remove: { name: 'rootdisk' } },
      'Unable to remove volume [rootdisk] because it is not hotpluggable',
    ],
    [{ remove: { name: 'ghost' } }, 'Unable to remove volume [ghost] because it does not exist'],
    [{ remove: { name: 'extra-pvc' } }, undefined],
  ] as const)('checks %j', (request, message) => {
    expect(volumeRequestConflict(volumes, request as never)).toBe(message);
  });

  it('adds and removes the volume with its disk', () => {
    const added = applyVolumeRequest(
      { volumes, disks },
      {
        add: {
          name: 'data',
          disk: { name: 'data', disk: { bus: 'scsi' } },
          volumeSource: { persistentVolumeClaim: { claimName: 'd', hotpluggable: true } },
        },
      },
    );
    expect(added.volumes.at(-1)).toEqual({
      name: 'data',
      persistentVolumeClaim: { claimName: 'd', hotpluggable: true },
    });
    expect(added.disks.at(-1)).toEqual({ name: 'data', disk: { bus: 'scsi' } });
    // Removing by claim name works as well as by volume name.
    const removed = applyVolumeRequest(added, { remove: { name: 'extra-pvc' } });
    expect(removed.volumes.map((v) => v.name)).toEqual(['rootdisk', 'data']);
    expect(removed.disks.map((d) => d.name)).toEqual(['rootdisk', 'data']);
  });
});

import { describe, expect, it } from 'vitest';
import { validateHTTPURL, validateImageReference } from '../validation';
import { buildPatch } from '../vmPatch';
import { addDisk, hotplugDataVolume, type DiskForm } from './disks';
import {
  claimSize,
  dataVolumeSource,
  diskSourceFields,
  isCloneTooSmall,
  isSmallerThanUpload,
  registryURL,
  uploadDiskSize,
} from './diskSource';
import { validateDiskForm } from './forms';

const form = (over: Partial<DiskForm>): DiskForm => ({
  name: 'data',
  source: 'blank',
  size: '5Gi',
  drive: 'disk',
  bus: 'virtio',
  ...over,
});

const vm = {
  metadata: { name: 'vm1', namespace: 'ns' },
  spec: { template: { spec: { domain: { devices: {} } } } },
} as never;

describe('dataVolumeSource', () => {
  it.each<[Partial<DiskForm>, object]>([
    [{}, { blank: {} }],
    [{ source: 'http', url: ' https://x/a.qcow2 ' }, { http: { url: 'https://x/a.qcow2' } }],
    [{ source: 'registry', image: 'quay.io/a/b' }, { registry: { url: 'docker://quay.io/a/b' } }],
    [{ source: 'pvcClone', pvcName: 'g' }, { pvc: { name: 'g', namespace: 'ns' } }],
    [
      { source: 'pvcClone', pvcName: 'g', pvcNamespace: 'os' },
      { pvc: { name: 'g', namespace: 'os' } },
    ],
    [{ source: 'upload', uploadBytes: 5 }, { upload: {} }],
  ])('%o', (over, expected) => {
    expect(dataVolumeSource(form(over), 'ns')).toEqual(expected);
  });

  it('keeps a docker:// prefix', () => {
    expect(registryURL('docker://a/b:1')).toBe('docker://a/b:1');
  });
});

describe('validators', () => {
  it.each([
    ['https://example.com/disk.qcow2', undefined],
    ['http://10.0.0.1:8080/a.img', undefined],
    ['', 'required'],
    ['ftp://example.com/a', 'http-url'],
    ['example.com/disk.qcow2', 'http-url'],
    ['https://exa mple.com/a', 'http-url'],
    ['not a url', 'http-url'],
  ])('URL %j', (url, code) => {
    expect(validateHTTPURL(url)?.code).toBe(code);
  });

  it.each([
    ['quay.io/containerdisks/fedora:latest', undefined],
    ['docker://registry:5000/os/rhel9', undefined],
    ['fedora', undefined],
    [`quay.io/a/b@sha256:${'a'.repeat(64)}`, undefined],
    ['', 'required'],
    ['Quay.io/UPPER/x', 'image-reference'],
    ['https://quay.io/a', 'image-reference'],
    ['quay.io/a b', 'image-reference'],
    ['quay.io/a:', 'image-reference'],
  ])('image %j', (image, code) => {
    expect(validateImageReference(image)?.code).toBe(code);
  });
});

describe('clone size', () => {
  it('takes the claim request, then its capacity', () => {
    expect(
      claimSize({
        spec: { resources: { requests: { storage: '10Gi' } } },
        status: { capacity: { storage: '12Gi' } },
      }),
    ).toBe('10Gi');
    expect(claimSize({ status: { capacity: { storage: '12Gi' } } })).toBe('12Gi');
    expect(claimSize(undefined)).toBeUndefined();
  });

  it.each<[string | undefined, string | undefined, boolean]>([
    ['10Gi', '30Gi', true],
    ['30Gi', '30Gi', false],
    ['1Ti', '30Gi', false],
    ['x', '30Gi', false],
    ['10Gi', undefined, false],
  ])('%s from %s too small: %s', (size, source, expected) => {
    expect(isCloneTooSmall(size, source)).toBe(expected);
  });
});

describe('validateDiskForm by source', () => {
  it.each<[Partial<DiskForm>, string | undefined, object]>([
    [{ source: 'http', url: 'https://x/a' }, undefined, {}],
    [{ source: 'http', url: 'x' }, undefined, { url: { code: 'http-url' } }],
    [{ source: 'registry', image: 'a/b' }, undefined, {}],
    [{ source: 'registry', image: '' }, undefined, { image: { code: 'required' } }],
    [{ source: 'pvcClone', pvcName: 'g' }, '10Gi', { size: { code: 'clone-size', min: '10Gi' } }],
    [{ source: 'pvcClone', pvcName: 'g', size: '10Gi' }, '10Gi', {}],
    [{ source: 'pvcClone' }, undefined, { pvcName: { code: 'required' } }],
    [{ source: 'upload', uploadBytes: 2 ** 30 }, undefined, {}],
    [{ source: 'upload' }, undefined, { file: { code: 'required' } }],
    [{ source: 'upload', uploadBytes: 0 }, undefined, { file: { code: 'required' } }],
    [
      { source: 'upload', uploadBytes: 6 * 2 ** 30 },
      undefined,
      { size: { code: 'upload-size', bytes: 6 * 2 ** 30 } },
    ],
  ])('%o (source %s)', (over, sourceSize, expected) => {
    expect(validateDiskForm(vm, form(over), sourceSize)).toEqual(expected);
  });
});

describe('upload', () => {
  it('shows the file field and the storage fields', () => {
    expect(diskSourceFields('upload')).toEqual({
      url: false,
      image: false,
      project: false,
      pvc: false,
      file: true,
      storage: true,
    });
  });

  it.each<[string | undefined, number | undefined, boolean]>([
    ['1Gi', 2 ** 30 + 1, true],
    ['1Gi', 2 ** 30, false],
    ['500M', 2 ** 30, true],
    ['bad', 2 ** 30, false],
    ['1Gi', undefined, false],
  ])('%s smaller than %s bytes: %s', (size, bytes, expected) => {
    expect(isSmallerThanUpload(size, bytes)).toBe(expected);
  });

  it('binds the upload claim at once, in a template and in a hot-plugged DataVolume', () => {
    const upload = form({ name: 'iso', source: 'upload', uploadBytes: 10, size: '1Gi' });
    const annotations = { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' };
    expect(hotplugDataVolume(vm, upload).metadata.annotations).toEqual(annotations);
    expect(hotplugDataVolume(vm, form({})).metadata.annotations).toBeUndefined();
    expect(buildPatch(vm, addDisk(upload))).toContainEqual({
      op: 'add',
      path: '/spec/dataVolumeTemplates',
      value: [
        {
          metadata: { name: 'vm1-iso', annotations },
          spec: {
            source: { upload: {} },
            storage: { resources: { requests: { storage: '1Gi' } } },
          },
        },
      ],
    });
  });

  it.each([
    [1, '1Gi'],
    [2 ** 30, '1Gi'],
    [2 ** 30 + 1, '2Gi'],
    [0, '1Gi'],
  ])('a %d-byte file gets %s', (bytes, want) => expect(uploadDiskSize(bytes)).toBe(want));
});

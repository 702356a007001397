import { describe, expect, it } from 'vitest';
import {
  defaultTokenSecretName,
  EXPORT_PROXY_HOST,
  exportExpiry,
  exportLinks,
  exportServiceName,
  exportSourceKind,
} from './exportPlan';
import { getName } from './snapshotNames';
import type { Pvc, VmExport } from './snapshotTypes';

const vmExport = (spec: Partial<VmExport['spec']> = {}): VmExport => ({
  metadata: { name: 'exp', namespace: 'ns', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora' }, ...spec },
});
const pvc = (name: string, volumeMode: 'Block' | 'Filesystem'): Pvc => ({
  metadata: { name },
  spec: { volumeMode },
});

describe('export plan', () => {
  it('names the service, pod and token secret as KubeVirt does', () => {
    expect(exportServiceName('exp')).toBe('virt-export-exp');
    expect(defaultTokenSecretName('exp')).toBe('export-token-exp');
    expect(getName('virt-export', 'x'.repeat(80))).toMatch(/^virt-export-[0-9a-f]{1,8}$/);
    const longBase = getName('b'.repeat(70), 'exp');
    expect(longBase.length).toBeLessThanOrEqual(63);
    expect(longBase).toMatch(/^b+-[0-9a-f]{1,8}-exp$/);
  });

  it.each([
    [undefined, Date.parse('2026-01-01T02:00:00Z')],
    ['30m', Date.parse('2026-01-01T00:30:00Z')],
  ])('expires after the TTL (%s)', (ttlDuration, at) => {
    expect(exportExpiry(vmExport({ ttlDuration }))).toBe(at);
  });

  it.each([
    [{ apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'a' }, 'VirtualMachine'],
    [
      { apiGroup: 'snapshot.kubevirt.io', kind: 'VirtualMachineSnapshot', name: 'a' },
      'VirtualMachineSnapshot',
    ],
    [{ apiGroup: '', kind: 'PersistentVolumeClaim', name: 'a' }, 'PersistentVolumeClaim'],
    [{ apiGroup: 'x', kind: 'PersistentVolumeClaim', name: 'a' }, undefined],
  ])('source %o is %s', (source, kind) => {
    expect(exportSourceKind(vmExport({ source }))).toBe(kind);
  });

  it('links raw and gzip images of disk volumes, dir and tarball of others, and VM manifests', () => {
    const links = exportLinks({
      vmExport: vmExport(),
      serviceName: 'virt-export-exp',
      volumes: [
        { pvc: pvc('root', 'Block'), name: 'root', kubevirtContent: true },
        { pvc: pvc('files', 'Filesystem'), name: 'files', kubevirtContent: false },
      ],
      hasManifests: true,
      cert: 'PEM',
    });
    expect(links.internal).toEqual({
      cert: 'PEM',
      volumes: [
        {
          name: 'root',
          formats: [
            { format: 'raw', url: 'https://virt-export-exp.ns.svc/volumes/root/disk.img' },
            { format: 'gzip', url: 'https://virt-export-exp.ns.svc/volumes/root/disk.img.gz' },
          ],
        },
        {
          name: 'files',
          formats: [
            { format: 'dir', url: 'https://virt-export-exp.ns.svc/volumes/files/dir/' },
            { format: 'tar.gz', url: 'https://virt-export-exp.ns.svc/volumes/files/disk.tar.gz' },
          ],
        },
      ],
      manifests: [
        { type: 'all', url: 'https://virt-export-exp.ns.svc/internal/manifests/all' },
        {
          type: 'auth-header-secret',
          url: 'https://virt-export-exp.ns.svc/internal/manifests/secret',
        },
      ],
    });
    expect(links.external?.volumes?.[0].formats?.[0].url).toBe(
      `https://${EXPORT_PROXY_HOST}/api/export.kubevirt.io/v1beta1/namespaces/ns/virtualmachineexports/exp/volumes/root/disk.img`,
    );
  });

  it('has no manifests for a PVC export', () => {
    const links = exportLinks({
      vmExport: vmExport(),
      serviceName: 's',
      volumes: [],
      hasManifests: false,
      cert: '',
    });
    expect(links.internal?.manifests).toBeUndefined();
  });
});

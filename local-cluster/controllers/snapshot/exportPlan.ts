import type {
  V1beta1VirtualMachineExportLink,
  V1beta1VirtualMachineExportLinks,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { parseGoDuration } from './goDuration';
import { getName } from './snapshotNames';
import type { Pvc, VmExport } from './snapshotTypes';

/** VirtualMachineExport names, links and expiry as KubeVirt's export controller makes them. */

export const DEFAULT_EXPORT_TTL_MS = 2 * 3_600_000;

/** The route host of virt-exportproxy in openshift-cnv on the local cluster's apps domain. */
export const EXPORT_PROXY_HOST =
  'virt-exportproxy-openshift-cnv.apps.local-cluster.virt-console.dev';

export const exportServiceName = (exportName: string): string => getName('virt-export', exportName);
export const exporterPodName = exportServiceName;
export const defaultTokenSecretName = (exportName: string): string =>
  getName('export-token', exportName);

/** When the export deletes itself: creation + `ttlDuration` (2h by default). */
export const exportExpiry = (vmExport: VmExport): number => {
  const created = Date.parse(vmExport.metadata.creationTimestamp ?? '');
  const ttl = parseGoDuration(vmExport.spec.ttlDuration) ?? DEFAULT_EXPORT_TTL_MS;
  return (Number.isNaN(created) ? Date.now() : created) + ttl;
};

export type ExportSourceKind =
  'VirtualMachine' | 'VirtualMachineSnapshot' | 'PersistentVolumeClaim';

/** Which kind of source the export names (`apiGroup` + `kind`), or undefined when unsupported. */
export const exportSourceKind = (vmExport: VmExport): ExportSourceKind | undefined => {
  const { apiGroup, kind } = vmExport.spec.source;
  if (kind === 'VirtualMachine' && apiGroup === 'kubevirt.io') return 'VirtualMachine';
  if (kind === 'VirtualMachineSnapshot' && apiGroup === 'snapshot.kubevirt.io') {
    return 'VirtualMachineSnapshot';
  }
  if (kind === 'PersistentVolumeClaim' && !apiGroup) return 'PersistentVolumeClaim';
  return undefined;
};

/** KubeVirt disk images (Block, or content type kubevirt) export as raw and gzip; other
 * filesystem volumes as a directory and a tarball. */
const formatsFor = (
  pvc: Pvc,
  isKubevirtContent: boolean,
  base: string,
): { format: string; url: string }[] => {
  const path = `${base}/volumes/${pvc.metadata.name ?? ''}`;
  return pvc.spec.volumeMode === 'Block' || isKubevirtContent
    ? [
        { format: 'raw', url: `${path}/disk.img` },
        { format: 'gzip', url: `${path}/disk.img.gz` },
      ]
    : [
        { format: 'dir', url: `${path}/dir/` },
        { format: 'tar.gz', url: `${path}/disk.tar.gz` },
      ];
};

export interface ExportVolume {
  pvc: Pvc;
  /** The name the volume is listed under (a snapshot export strips its `<export>-` prefix). */
  name: string;
  kubevirtContent: boolean;
}

const link = (
  base: string,
  linkType: 'internal' | 'external',
  volumes: readonly ExportVolume[],
  hasManifests: boolean,
  cert: string,
): V1beta1VirtualMachineExportLink => ({
  cert,
  volumes: volumes.map((v) => ({
    name: v.name,
    formats: formatsFor(v.pvc, v.kubevirtContent, base),
  })),
  ...(hasManifests
    ? {
        manifests: [
          { type: 'all', url: `${base}/${linkType}/manifests/all` },
          { type: 'auth-header-secret', url: `${base}/${linkType}/manifests/secret` },
        ],
      }
    : {}),
});

/** Internal (service) and external (export proxy route) links of a ready export. VM manifests
 * are served for VM and snapshot sources, not for a bare PVC. */
export const exportLinks = (input: {
  vmExport: VmExport;
  serviceName: string;
  volumes: readonly ExportVolume[];
  hasManifests: boolean;
  cert: string;
}): V1beta1VirtualMachineExportLinks => {
  const { vmExport } = input;
  const ns = vmExport.metadata.namespace ?? '';
  const internal = `https://${input.serviceName}.${ns}.svc`;
  const external = `https://${EXPORT_PROXY_HOST}/api/export.kubevirt.io/v1beta1/namespaces/${ns}/virtualmachineexports/${vmExport.metadata.name ?? ''}`;
  return {
    internal: link(internal, 'internal', input.volumes, input.hasManifests, input.cert),
    external: link(external, 'external', input.volumes, input.hasManifests, input.cert),
  };
};

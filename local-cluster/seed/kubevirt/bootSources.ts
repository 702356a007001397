import { createHash } from 'node:crypto';
import type { KubeObject } from '../../apiserver/core/types';
import type { SeedContributor } from '../../apiserver/seedLoader';
import { HCO_VERSION, INSTALL_TIME, OS_IMAGES_NAMESPACE, sspLabels } from './seedMeta';

/**
 * The golden images in `openshift-virtualization-os-images`, as a cluster shows them once the
 * first automatic imports finished: for each auto-updated OS a DataImportCron (SSP renders it
 * from HCO's dataImportCronTemplates), the DataSource it manages, and the imported volume
 * (`<os>-<12 hex of the image digest>`, Bound, with its PV). Windows has no public image, so its
 * DataSources exist but point at a volume nobody has uploaded yet. A user-uploaded image without
 * a default preference completes the set.
 */

/** Golden images live on the shared class: every node can clone from them, and its storage
 * profile keeps DataImportCron sources as PVCs rather than snapshots. */
const STORAGE_CLASS = 'shared-rwx';
const PROVISIONER = 'shared.csi.virt-console.dev';
const IMPORTED_AT = '2026-11-02T08:31:12Z';
const CRON_RAN_AT = '2026-11-03T08:17:00Z';

interface AutoImported {
  name: string;
  registry: string;
  schedule: string;
  size: string;
  instancetype: string;
  preference: string;
}

/** The images HCO imports by default (its `enableCommonBootImageImport`). */
export const AUTO_IMPORTED: AutoImported[] = [
  {
    name: 'rhel8',
    registry: 'registry.redhat.io/rhel8/rhel-guest-image',
    schedule: '17 */12 * * *',
    size: '30Gi',
    instancetype: 'u1.medium',
    preference: 'rhel.8',
  },
  {
    name: 'rhel9',
    registry: 'registry.redhat.io/rhel9/rhel-guest-image',
    schedule: '23 */12 * * *',
    size: '30Gi',
    instancetype: 'u1.medium',
    preference: 'rhel.9',
  },
  {
    name: 'centos-stream9',
    registry: 'quay.io/containerdisks/centos-stream:9',
    schedule: '41 */12 * * *',
    size: '30Gi',
    instancetype: 'u1.medium',
    preference: 'centos.stream9',
  },
  {
    name: 'fedora',
    registry: 'quay.io/containerdisks/fedora:latest',
    schedule: '5 */12 * * *',
    size: '30Gi',
    instancetype: 'u1.small',
    preference: 'fedora',
  },
];

/** Windows DataSources SSP creates for the Windows templates; the image must be uploaded. */
export const WINDOWS_SOURCES: { name: string; preference: string }[] = [
  { name: 'win2k19', preference: 'windows.2k19.virtio' },
  { name: 'win2k22', preference: 'windows.2k22.virtio' },
  { name: 'win11', preference: 'windows.11.virtio' },
];

/** Stable fake digests and ids, so every seeded cluster shows the same names. */
const hex = (seed: string): string => createHash('sha256').update(seed).digest('hex');
const uuidOf = (seed: string): string => {
  const h = hex(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The name CDI gives an imported volume: the managed DataSource and 12 hex of the digest. */
export const importedVolumeName = (source: string): string =>
  `${source}-${hex(`${source}-image`).slice(0, 12)}`;

export const cronName = (source: string): string => `${source}-image-cron`;

const instancetypeLabels = (instancetype: string, preference?: string): Record<string, string> => ({
  'instancetype.kubevirt.io/default-instancetype': instancetype,
  ...(preference ? { 'instancetype.kubevirt.io/default-preference': preference } : {}),
});

const condition = (
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  at: string,
) => ({
  type,
  status,
  reason,
  message,
  lastHeartbeatTime: at,
  lastTransitionTime: at,
});

interface VolumeSpec {
  name: string;
  size: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** A Bound PVC on the shared class and the CSI volume provisioned for it. */
const boundVolume = ({ name, size, labels, annotations }: VolumeSpec): KubeObject[] => {
  const pvName = `pvc-${uuidOf(`${OS_IMAGES_NAMESPACE}/${name}`)}`;
  return [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: pvName,
        annotations: { 'pv.kubernetes.io/provisioned-by': PROVISIONER },
      },
      spec: {
        accessModes: ['ReadWriteMany'],
        capacity: { storage: size },
        claimRef: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          namespace: OS_IMAGES_NAMESPACE,
          name,
        },
        csi: { driver: PROVISIONER, fsType: 'xfs', volumeHandle: uuidOf(`volume/${name}`) },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: STORAGE_CLASS,
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name,
        namespace: OS_IMAGES_NAMESPACE,
        labels: {
          app: 'containerized-data-importer',
          'app.kubernetes.io/component': 'storage',
          'app.kubernetes.io/managed-by': 'cdi-controller',
          'app.kubernetes.io/part-of': 'hyperconverged-cluster',
          'app.kubernetes.io/version': HCO_VERSION,
          ...labels,
        },
        annotations: {
          'cdi.kubevirt.io/storage.condition.running': 'false',
          'cdi.kubevirt.io/storage.condition.running.message': 'Import Complete',
          'cdi.kubevirt.io/storage.condition.running.reason': 'Completed',
          'cdi.kubevirt.io/storage.contentType': 'kubevirt',
          'cdi.kubevirt.io/storage.pod.phase': 'Succeeded',
          'cdi.kubevirt.io/storage.pod.restarts': '0',
          'cdi.kubevirt.io/storage.preallocation.requested': 'false',
          'pv.kubernetes.io/bind-completed': 'yes',
          'pv.kubernetes.io/bound-by-controller': 'yes',
          'volume.beta.kubernetes.io/storage-provisioner': PROVISIONER,
          'volume.kubernetes.io/storage-provisioner': PROVISIONER,
          ...annotations,
        },
      },
      spec: {
        accessModes: ['ReadWriteMany'],
        resources: { requests: { storage: size } },
        storageClassName: STORAGE_CLASS,
        volumeMode: 'Filesystem',
        volumeName: pvName,
      },
      status: { phase: 'Bound', accessModes: ['ReadWriteMany'], capacity: { storage: size } },
    },
  ];
};

const readyDataSource = (
  name: string,
  labels: Record<string, string>,
  pvc: string,
): KubeObject => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataSource',
  metadata: { name, namespace: OS_IMAGES_NAMESPACE, labels },
  spec: { source: { pvc: { name: pvc, namespace: OS_IMAGES_NAMESPACE } } },
  status: {
    conditions: [
      condition('Ready', 'True', 'Ready', 'DataSource is ready to be consumed', IMPORTED_AT),
    ],
    source: { pvc: { name: pvc, namespace: OS_IMAGES_NAMESPACE } },
  },
});

const autoImported = (s: AutoImported): KubeObject[] => {
  const digest = `sha256:${hex(`${s.name}-image-digest`)}`;
  const volume = importedVolumeName(s.name);
  const cron = cronName(s.name);
  const itLabels = instancetypeLabels(s.instancetype, s.preference);
  return [
    {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataImportCron',
      metadata: {
        name: cron,
        namespace: OS_IMAGES_NAMESPACE,
        labels: { ...sspLabels('data-sources'), ...itLabels },
        annotations: {
          // Golden images are imported at once, not when a first VM asks for them.
          'cdi.kubevirt.io/storage.bind.immediate.requested': 'true',
          'cdi.kubevirt.io/storage.import.lastCronTime': CRON_RAN_AT,
          'cdi.kubevirt.io/storage.import.sourceDesiredDigest': digest,
        },
      },
      spec: {
        garbageCollect: 'Outdated',
        importsToKeep: 3,
        managedDataSource: s.name,
        schedule: s.schedule,
        template: {
          spec: {
            source: { registry: { url: `docker://${s.registry}`, pullMethod: 'node' } },
            storage: {
              resources: { requests: { storage: s.size } },
              storageClassName: STORAGE_CLASS,
            },
          },
        },
      },
      status: {
        conditions: [
          condition('Progressing', 'False', 'NoImport', 'No current import', CRON_RAN_AT),
          condition('UpToDate', 'True', 'UpToDate', 'Latest import is up to date', IMPORTED_AT),
        ],
        lastExecutionTimestamp: CRON_RAN_AT,
        lastImportTimestamp: IMPORTED_AT,
        lastImportedPVC: { name: volume, namespace: OS_IMAGES_NAMESPACE },
        sourceFormat: 'pvc',
      },
    },
    readyDataSource(
      s.name,
      { ...sspLabels('data-sources'), 'cdi.kubevirt.io/dataImportCron': cron, ...itLabels },
      volume,
    ),
    ...boundVolume({
      name: volume,
      size: s.size,
      labels: { 'cdi.kubevirt.io/dataImportCron': cron, ...itLabels },
      annotations: {
        'cdi.kubevirt.io/storage.import.endpoint': `docker://${s.registry.replace(/:[^/]*$/, '')}@${digest}`,
        'cdi.kubevirt.io/storage.import.registryImportMethod': 'node',
        'cdi.kubevirt.io/storage.import.source': 'registry',
      },
    }),
  ];
};

const windowsSource = ({ name, preference }: { name: string; preference: string }): KubeObject => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataSource',
  metadata: {
    name,
    namespace: OS_IMAGES_NAMESPACE,
    labels: { ...sspLabels('data-sources'), ...instancetypeLabels('u1.large', preference) },
  },
  spec: { source: { pvc: { name, namespace: OS_IMAGES_NAMESPACE } } },
  status: {
    conditions: [condition('Ready', 'False', 'NotFound', 'PVC not found', INSTALL_TIME)],
  },
});

/** An image an admin uploaded with `virtctl image-upload`: bootable, but with no default
 * preference, so the InstanceTypes catalog does not list it. */
const UPLOADED = 'rhel7-legacy';
const uploadedImage = (): KubeObject[] => [
  readyDataSource(UPLOADED, instancetypeLabels('u1.small'), UPLOADED),
  ...boundVolume({
    name: UPLOADED,
    size: '20Gi',
    labels: instancetypeLabels('u1.small'),
    annotations: {
      'cdi.kubevirt.io/storage.upload.target': '',
      'cdi.kubevirt.io/storage.condition.running.message': 'Upload Complete',
      'cdi.kubevirt.io/storage.condition.running.reason': 'Completed',
    },
  }),
];

export const bootSources: SeedContributor = () => [
  ...AUTO_IMPORTED.flatMap(autoImported),
  ...WINDOWS_SOURCES.map(windowsSource),
  ...uploadedImage(),
];

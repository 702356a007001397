import { describe, expect, it } from 'vitest';
import type { StorageInputs } from './storageCheckup';
import {
  ERR_EMPTY_CLAIM_PROPERTY_SETS,
  ERR_GOLDEN_NO_SOURCE,
  ERR_GOLDEN_NOT_UP_TO_DATE,
  ERR_MULTIPLE_DEFAULT_SC,
  ERR_NO_DEFAULT_SC,
  ERR_UNSET_EFS,
  MSG_SKIP_NO_DEFAULT_SC,
  MSG_SKIP_NO_GOLDEN_IMAGE,
  MSG_SKIP_NO_VMI,
  MSG_SKIP_SINGLE_NODE,
  STORAGE_RESULT_KEYS,
  runStorageCheckup,
  storageParamsError,
} from './storageCheckup';

const OS = 'openshift-virtualization-os-images';
const ready = (type: string) => ({ type, status: 'True' as const });

/** The local cluster's seed, reduced: a default RWO class with snapshots and a shared RWX class
 * that holds the golden images. */
const seedLike = (over: Partial<StorageInputs> = {}): StorageInputs => ({
  cdis: [{ metadata: { name: 'cdi', labels: { 'app.kubernetes.io/version': '4.22.0' } } }],
  clusterVersionHistory: [
    { state: 'Partial', version: '4.22.1' },
    { state: 'Completed', version: '4.22.0' },
  ],
  storageClasses: [
    {
      metadata: {
        name: 'standard-csi',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'local.csi.example',
    },
    { metadata: { name: 'shared-rwx' }, provisioner: 'shared.csi.example' },
  ],
  storageProfiles: [
    {
      metadata: { name: 'standard-csi' },
      status: {
        provisioner: 'local.csi.example',
        storageClass: 'standard-csi',
        cloneStrategy: 'csi-clone',
        claimPropertySets: [{ accessModes: ['ReadWriteOnce'], volumeMode: 'Block' }],
      },
    },
    {
      metadata: { name: 'shared-rwx' },
      status: {
        provisioner: 'shared.csi.example',
        storageClass: 'shared-rwx',
        cloneStrategy: 'csi-clone',
        claimPropertySets: [{ accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' }],
      },
    },
  ],
  volumeSnapshotClasses: [{ metadata: { name: 'vsc' }, driver: 'local.csi.example' }],
  csiDrivers: undefined,
  namespaces: ['default', OS, 'team-a'],
  dataImportCrons: [
    {
      metadata: { name: 'fedora-image-cron', namespace: OS },
      spec: { managedDataSource: 'fedora' },
      status: { conditions: [ready('UpToDate')], lastImportTimestamp: '2026-11-02T08:00:00Z' },
    },
  ],
  dataSources: [
    {
      metadata: { name: 'fedora', namespace: OS },
      spec: { source: { pvc: { name: 'fedora-abc', namespace: OS } } },
      status: { conditions: [ready('Ready')] },
    },
  ],
  pvcs: [
    {
      metadata: { name: 'fedora-abc', namespace: OS },
      spec: { storageClassName: 'shared-rwx', volumeName: 'pv-fedora' },
      status: { phase: 'Bound' },
    },
  ],
  volumeSnapshots: [],
  vmis: [],
  pvs: [],
  nodeCount: 6,
  seed: 'run-1',
  ...over,
});

describe('storage checkup', () => {
  it('checks a cluster and reports every result key', () => {
    const { failures, results } = runStorageCheckup(seedLike());
    // The golden image is on another provisioner than the default class: CDI copies, and the
    // checkup fails on that, as the real one does on such a cluster.
    expect(failures).toEqual(['DV clone fallback reason: Provisioners are incompatible']);
    expect(Object.keys(results)).toEqual([...STORAGE_RESULT_KEYS]);
    expect(results).toMatchObject({
      ocpVersion: '4.22.0',
      cnvVersion: '4.22.0',
      defaultStorageClass: 'standard-csi',
      pvcBound: 'PVC "checkup-pvc" bound',
      storageProfilesWithEmptyClaimPropertySets: '',
      storageProfilesWithSmartClone: 'standard-csi\nshared-rwx',
      storageProfilesWithRWX: 'shared-rwx',
      storageProfileMissingVolumeSnapshotClass: '',
      goldenImagesNotUpToDate: '',
      goldenImagesNoDataSource: '',
      concurrentVMBoot: 'Boot completed on all VMs on time',
    });
    expect(results.vmBootFromGoldenImage).toMatch(
      /^VMI "vmi-under-test-[a-z0-9]{5}" successfully booted$/,
    );
    expect(results.vmVolumeClone).toBe(
      'DV cloneType: "copy"\nDV clone fallback reason: Provisioners are incompatible',
    );
    // RWO default class: the test VM is not live-migratable, which is reported, not failed.
    expect(results.vmLiveMigration).toMatch(
      /^cannot migrate VMI: PVC vmi-under-test-\w+-dv is not shared/,
    );
    expect(results.vmHotplugVolume).toMatch(
      /hotplug volume ready\nVMI "vmi-under-test-\w+" hotplug volume removed$/,
    );
  });

  it('passes when the test VM clones within one class', () => {
    const sameClass = seedLike({ storageClassParam: 'shared-rwx' });
    const { failures, results } = runStorageCheckup(sameClass);
    expect(failures).toEqual([]);
    expect(results.vmVolumeClone).toBe('DV cloneType: "csi-clone"');
    expect(results.vmLiveMigration).toMatch(/^VMI "vmi-under-test-\w+" migration completed$/);
  });

  it('falls back like CDI: no snapshot class, different volume modes', () => {
    const snapshotStrategy = seedLike({ storageClassParam: 'shared-rwx' });
    snapshotStrategy.storageProfiles[1].status = {
      ...snapshotStrategy.storageProfiles[1].status,
      cloneStrategy: 'snapshot',
    };
    expect(runStorageCheckup(snapshotStrategy).results.vmVolumeClone).toBe(
      'DV cloneType: "copy"\nDV clone fallback reason: No compatible volumesnapshotclass found',
    );
    const blockTarget = seedLike({ storageClassParam: 'shared-rwx' });
    blockTarget.storageProfiles[1].status = {
      ...blockTarget.storageProfiles[1].status,
      claimPropertySets: [{ accessModes: ['ReadWriteMany'], volumeMode: 'Block' }],
    };
    expect(runStorageCheckup(blockTarget).failures).toEqual([
      'DV clone fallback reason: The volume modes of source and target are incompatible',
    ]);
  });

  it('treats two default classes, or none, as errors and skips the VM checks without one', () => {
    const two = seedLike();
    two.storageClasses[1].metadata.annotations = {
      'storageclass.kubernetes.io/is-default-class': 'true',
    };
    expect(runStorageCheckup(two)).toMatchObject({
      failures: [expect.stringContaining(ERR_MULTIPLE_DEFAULT_SC)],
      results: { defaultStorageClass: ERR_MULTIPLE_DEFAULT_SC },
    });

    const none = seedLike();
    none.storageClasses[0].metadata.annotations = {};
    const { failures, results } = runStorageCheckup(none);
    expect(failures[0].split('\n')).toEqual([ERR_NO_DEFAULT_SC]);
    expect(results).toMatchObject({
      defaultStorageClass: ERR_NO_DEFAULT_SC,
      pvcBound: MSG_SKIP_NO_DEFAULT_SC,
      vmBootFromGoldenImage: MSG_SKIP_NO_DEFAULT_SC,
      vmLiveMigration: MSG_SKIP_NO_VMI,
      vmHotplugVolume: MSG_SKIP_NO_VMI,
      concurrentVMBoot: MSG_SKIP_NO_DEFAULT_SC,
    });
  });

  it('prefers the virt default class', () => {
    const virt = seedLike();
    virt.storageClasses[1].metadata.annotations = {
      'storageclass.kubevirt.io/is-default-virt-class': 'true',
    };
    expect(runStorageCheckup(virt).results.defaultStorageClass).toBe('shared-rwx');
  });

  it('reports StorageProfiles with empty or spec claim property sets and missing snapshot classes', () => {
    const inputs = seedLike();
    inputs.storageProfiles.push(
      {
        metadata: { name: 'mystery' },
        status: { provisioner: 'mystery.example', storageClass: 'mystery' },
      },
      {
        metadata: { name: 'no-provisioner' },
        status: { provisioner: 'kubernetes.io/no-provisioner' },
      },
      {
        metadata: { name: 'tuned' },
        spec: { claimPropertySets: [{ accessModes: ['ReadWriteOnce'] }] },
        status: {
          provisioner: 'tuned.example',
          cloneStrategy: 'snapshot',
          claimPropertySets: [{ accessModes: ['ReadWriteOnce'] }],
        },
      },
    );
    const { failures, results } = runStorageCheckup(inputs);
    expect(failures[0].split('\n')).toContain(ERR_EMPTY_CLAIM_PROPERTY_SETS);
    expect(results.storageProfilesWithEmptyClaimPropertySets).toBe('mystery');
    expect(results.storageProfilesWithSpecClaimPropertySets).toBe('tuned');
    expect(results.storageProfileMissingVolumeSnapshotClass).toBe('mystery\ntuned');
  });

  it('checks golden images: not up to date, not ready, without a source, or none at all', () => {
    const inputs = seedLike();
    inputs.dataImportCrons.push(
      {
        metadata: { name: 'old-cron', namespace: OS },
        spec: { managedDataSource: 'old' },
        status: { conditions: [{ type: 'UpToDate', status: 'False' }] },
      },
      {
        metadata: { name: 'empty-cron', namespace: 'team-a' },
        spec: { managedDataSource: 'empty' },
        status: { conditions: [ready('UpToDate')] },
      },
    );
    inputs.dataSources.push({
      metadata: { name: 'empty', namespace: 'team-a' },
      spec: { source: {} },
      status: { conditions: [ready('Ready')] },
    });
    const { failures, results } = runStorageCheckup(inputs);
    expect(failures[0].split('\n')).toEqual([
      ERR_GOLDEN_NOT_UP_TO_DATE,
      ERR_GOLDEN_NO_SOURCE,
      expect.stringContaining('fallback'),
    ]);
    expect(results.goldenImagesNotUpToDate).toBe(`${OS}/old-cron`);
    expect(results.goldenImagesNoDataSource).toBe('team-a/empty-cron');

    const noImages = runStorageCheckup(seedLike({ dataImportCrons: [] }));
    expect(noImages.failures).toEqual([]);
    expect(noImages.results).toMatchObject({
      vmBootFromGoldenImage: MSG_SKIP_NO_GOLDEN_IMAGE,
      concurrentVMBoot: MSG_SKIP_NO_GOLDEN_IMAGE,
      vmLiveMigration: MSG_SKIP_NO_VMI,
    });
  });

  it('uses a snapshot golden image', () => {
    const inputs = seedLike({
      dataSources: [
        {
          metadata: { name: 'fedora', namespace: OS },
          spec: { source: { snapshot: { name: 'fedora-snap', namespace: OS } } },
          status: { conditions: [ready('Ready')] },
        },
      ],
      volumeSnapshots: [{ metadata: { name: 'fedora-snap', namespace: OS } }],
    });
    expect(runStorageCheckup(inputs).results.vmVolumeClone).toBe('DV cloneType: snapshot');
  });

  it('finds running VMs on plain RBD or unset EFS classes', () => {
    const inputs = seedLike({ nodeCount: 1 });
    inputs.storageClasses.push(
      {
        metadata: { name: 'ocs-storagecluster-ceph-rbd-virtualization' },
        provisioner: 'openshift-storage.rbd.csi.ceph.com',
        parameters: { mounter: 'rbd', mapOptions: 'krbd:rxbounce' },
      },
      {
        metadata: { name: 'ocs-storagecluster-ceph-rbd' },
        provisioner: 'openshift-storage.rbd.csi.ceph.com',
      },
      { metadata: { name: 'efs' }, provisioner: 'efs.csi.aws.com', parameters: {} },
    );
    inputs.pvcs.push(
      { metadata: { name: 'rbd-disk', namespace: 'team-a' }, spec: { volumeName: 'pv-rbd' } },
      { metadata: { name: 'efs-disk', namespace: 'team-a' }, spec: { volumeName: 'pv-efs' } },
    );
    inputs.pvs.push(
      {
        metadata: { name: 'pv-rbd' },
        spec: {
          storageClassName: 'ocs-storagecluster-ceph-rbd',
          csi: { driver: 'openshift-storage.rbd.csi.ceph.com' },
        },
      },
      {
        metadata: { name: 'pv-efs' },
        spec: { storageClassName: 'efs', csi: { driver: 'efs.csi.aws.com' } },
      },
    );
    inputs.vmis.push(
      {
        metadata: { name: 'on-rbd', namespace: 'team-a' },
        spec: { volumes: [{ name: 'root', dataVolume: { name: 'rbd-disk' } }] },
        status: { phase: 'Running' },
      },
      {
        metadata: { name: 'on-efs', namespace: 'team-a' },
        spec: { volumes: [{ name: 'root', persistentVolumeClaim: { claimName: 'efs-disk' } }] },
        status: { phase: 'Running' },
      },
      {
        metadata: { name: 'stopped', namespace: 'team-a' },
        spec: { volumes: [{ name: 'root', dataVolume: { name: 'rbd-disk' } }] },
        status: { phase: 'Succeeded' },
      },
    );
    const { failures, results } = runStorageCheckup(inputs);
    expect(results.vmsWithNonVirtRbdStorageClass).toBe('team-a/on-rbd');
    expect(results.vmsWithUnsetEfsStorageClass).toBe('team-a/on-efs');
    expect(failures[0].split('\n')).toContain(ERR_UNSET_EFS);
    expect(results.vmLiveMigration).toBe(MSG_SKIP_SINGLE_NODE);
  });

  it('stops on hard errors, keeping what it found so far', () => {
    expect(runStorageCheckup(seedLike({ cdis: [] }))).toMatchObject({
      failures: ['no CDI deployed in cluster'],
      results: { ocpVersion: '4.22.0', defaultStorageClass: '' },
    });
    const two = seedLike();
    two.cdis.push({ metadata: { name: 'other' } });
    expect(runStorageCheckup(two).failures).toEqual(['expecting single CDI instance in cluster']);
  });

  it('validates its own parameters', () => {
    expect(storageParamsError({})).toBeUndefined();
    expect(
      storageParamsError({ vmiTimeout: '3m', numOfVMs: '10', skipTeardown: 'onfailure' }),
    ).toBeUndefined();
    expect(storageParamsError({ vmiTimeout: 'soon' })).toBe('invalid VMI timeout');
    expect(storageParamsError({ numOfVMs: '0' })).toBe('invalid number of VMIs');
    expect(storageParamsError({ numOfVMs: '101' })).toBe('invalid number of VMIs');
    expect(storageParamsError({ numOfDataVolumes: '11' })).toBe('invalid number of data volumes');
    expect(storageParamsError({ skipTeardown: 'maybe' })).toBe('invalid skip teardown mode');
  });
});

import type { KubeObject } from '../../apiserver/core/types';
import type { Condition } from '../runtime/conditions';
import { isConditionTrue } from '../runtime/conditions';
import { parseGoDuration } from './kiagnoseConfig';
import { randomSuffix } from './latencyCheckup';

/**
 * The storage checkup (kiagnose `kubevirt-storage-checkup`): cluster-wide checks over storage
 * classes, StorageProfiles, snapshot classes, golden images and running VMIs, computed here from
 * the real objects exactly as the checkup does, plus the checks that create a VM from a golden
 * image (boot, clone type, live migration, hotplug, concurrent boots), whose outcome is derived
 * from the same objects instead of booting test VMs.
 */

export const ANN_DEFAULT_SC = 'storageclass.kubernetes.io/is-default-class';
export const ANN_DEFAULT_VIRT_SC = 'storageclass.kubevirt.io/is-default-virt-class';
export const GOLDEN_IMAGES_NAMESPACE = 'openshift-virtualization-os-images';

export const ERR_NO_DEFAULT_SC = 'no default storage class';
export const ERR_PVC_NOT_BOUND = 'pvc failed to bound';
export const ERR_MULTIPLE_DEFAULT_SC = 'there are multiple default storage classes';
export const ERR_EMPTY_CLAIM_PROPERTY_SETS =
  'there are StorageProfiles with empty ClaimPropertySets (unknown provisioners)';
export const ERR_UNSET_EFS =
  'there are VMs using an EFS storageclass where the gid and uid are not set in the storageclass';
export const ERR_GOLDEN_NOT_UP_TO_DATE =
  'there are golden images whose DataImportCron is not up to date or DataSource is not ready';
export const ERR_GOLDEN_NO_SOURCE = 'dataSource has no PVC or Snapshot source';
export const MSG_SKIP_NO_DEFAULT_SC = 'Skip check - no default storage class';
export const MSG_SKIP_NO_GOLDEN_IMAGE = 'Skip check - no golden image PVC or Snapshot';
export const MSG_SKIP_NO_VMI = 'Skip check - no VMI';
export const MSG_SKIP_SINGLE_NODE = 'Skip check - single node';
export const MSG_BOOT_COMPLETED = 'Boot completed on all VMs on time';

/** Provisioners CDI cannot provision for (object buckets, static local volumes). */
const UNSUPPORTED_PROVISIONERS = new Set([
  'kubernetes.io/no-provisioner',
  'openshift-storage.ceph.rook.io/bucket',
  'openshift-storage.noobaa.io/obc',
]);

interface ClaimPropertySet {
  accessModes?: string[];
  volumeMode?: string;
}

export interface StorageClass extends KubeObject {
  provisioner?: string;
  parameters?: Record<string, string>;
}

export interface StorageProfile extends KubeObject {
  spec?: { claimPropertySets?: ClaimPropertySet[]; cloneStrategy?: string };
  status?: {
    provisioner?: string;
    storageClass?: string;
    cloneStrategy?: string;
    claimPropertySets?: ClaimPropertySet[];
  };
}

export interface VolumeSnapshotClass extends KubeObject {
  driver?: string;
}

export interface DataImportCron extends KubeObject {
  spec?: { managedDataSource?: string };
  status?: { conditions?: Condition[]; lastImportTimestamp?: string };
}

export interface DataSource extends KubeObject {
  spec?: {
    source?: {
      pvc?: { name: string; namespace?: string };
      snapshot?: { name: string; namespace?: string };
    };
  };
  status?: { conditions?: Condition[] };
}

export interface Pvc extends KubeObject {
  spec?: {
    storageClassName?: string;
    volumeName?: string;
    volumeMode?: string;
    accessModes?: string[];
  };
  status?: { phase?: string; accessModes?: string[] };
}

export interface Pv extends KubeObject {
  spec?: { storageClassName?: string; csi?: { driver?: string } };
}

export interface StorageVmi extends KubeObject {
  spec?: {
    volumes?: {
      name: string;
      persistentVolumeClaim?: { claimName: string };
      dataVolume?: { name: string };
    }[];
  };
  status?: { phase?: string };
}

export interface StorageInputs {
  cdis: KubeObject[];
  /** `status.history` of the OpenShift ClusterVersion, when the cluster has one. */
  clusterVersionHistory?: { state?: string; version?: string }[];
  storageClasses: StorageClass[];
  storageProfiles: StorageProfile[];
  volumeSnapshotClasses: VolumeSnapshotClass[];
  /** Names of installed CSIDriver objects; undefined when the API has no CSIDriver kind, in
   * which case every provisioner a StorageClass uses counts as an installed driver. */
  csiDrivers?: string[];
  namespaces: string[];
  dataImportCrons: DataImportCron[];
  dataSources: DataSource[];
  pvcs: Pvc[];
  volumeSnapshots: KubeObject[];
  vmis: StorageVmi[];
  pvs: Pv[];
  nodeCount: number;
  /** `spec.param.storageClass`, if given. */
  storageClassParam?: string;
  /** Makes the test VM names stable for one run. */
  seed: string;
}

export interface StorageOutcome {
  failures: string[];
  results: Record<string, string>;
}

/** The result keys, in the order the checkup's reporter writes them. */
export const STORAGE_RESULT_KEYS = [
  'ocpVersion',
  'cnvVersion',
  'defaultStorageClass',
  'pvcBound',
  'storageProfilesWithEmptyClaimPropertySets',
  'storageProfilesWithSpecClaimPropertySets',
  'storageProfilesWithSmartClone',
  'storageProfilesWithRWX',
  'storageProfileMissingVolumeSnapshotClass',
  'goldenImagesNotUpToDate',
  'goldenImagesNoDataSource',
  'vmsWithNonVirtRbdStorageClass',
  'vmsWithUnsetEfsStorageClass',
  'vmBootFromGoldenImage',
  'vmVolumeClone',
  'vmLiveMigration',
  'vmHotplugVolume',
  'concurrentVMBoot',
] as const;

type Results = Record<(typeof STORAGE_RESULT_KEYS)[number], string>;

class HardError extends Error {}

const intIn = (value: string | undefined, min: number, max: number): boolean => {
  if (value === undefined || value.trim() === '') return true;
  if (!/^\d+$/.test(value.trim())) return false;
  const n = Number(value);
  return n >= min && n <= max;
};

/** The checkup's own parameters; an invalid one stops it before any check. */
export const storageParamsError = (params: Record<string, string>): string | undefined => {
  const timeout = params.vmiTimeout?.trim();
  if (timeout && parseGoDuration(timeout) === undefined) return 'invalid VMI timeout';
  if (!intIn(params.numOfVMs, 1, 100)) return 'invalid number of VMIs';
  if (!intIn(params.numOfDataVolumes, 0, 10)) return 'invalid number of data volumes';
  const teardown = params.skipTeardown?.trim();
  if (teardown && !['always', 'true', 'onfailure', 'never', 'false'].includes(teardown))
    return 'invalid skip teardown mode';
  return undefined;
};

const append = (current: string, next: string, sep = '\n'): string =>
  current ? `${current}${sep}${next}` : next;

const key = (namespace: string | undefined, name: string | undefined) =>
  `${namespace ?? ''}/${name ?? ''}`;

const hasRwx = (sets: ClaimPropertySet[] | undefined): boolean =>
  (sets ?? []).some((s) => (s.accessModes ?? []).includes('ReadWriteMany'));

/** Runs every check; a hard error (what makes the real checkup stop) ends up as the only
 * failure, with the results gathered so far. */
export const runStorageCheckup = (input: StorageInputs): StorageOutcome => {
  const results = Object.fromEntries(STORAGE_RESULT_KEYS.map((k) => [k, ''])) as Results;
  let errors = '';
  try {
    errors = checks(input, results);
  } catch (err) {
    if (!(err instanceof HardError)) throw err;
    return { failures: [err.message], results };
  }
  return { failures: errors ? [errors] : [], results };
};

const checks = (input: StorageInputs, r: Results): string => {
  let errors = '';
  const fail = (message: string) => {
    errors = append(errors, message);
  };

  // Versions: OpenShift from the last completed update, OpenShift Virtualization from CDI's label.
  r.ocpVersion = input.clusterVersionHistory?.find((h) => h.state === 'Completed')?.version ?? '';
  if (input.cdis.length === 0) throw new HardError('no CDI deployed in cluster');
  if (input.cdis.length !== 1) throw new HardError('expecting single CDI instance in cluster');
  r.cnvVersion = input.cdis[0].metadata.labels?.['app.kubernetes.io/version'] ?? '';

  // Default storage class: the virt default wins over the Kubernetes default; two of either kind
  // is an error.
  let defaultSc = '';
  let hasVirtDefault = false;
  let hasDefault = false;
  let multiple = false;
  for (const sc of input.storageClasses) {
    const ann = sc.metadata.annotations ?? {};
    if (ann[ANN_DEFAULT_VIRT_SC] === 'true') {
      if (hasVirtDefault) multiple = true;
      else {
        hasVirtDefault = true;
        defaultSc = sc.metadata.name ?? '';
      }
    }
    if (ann[ANN_DEFAULT_SC] === 'true') {
      if (hasDefault) multiple = true;
      else {
        hasDefault = true;
        if (!hasVirtDefault) defaultSc = sc.metadata.name ?? '';
      }
    }
  }
  if (multiple) {
    r.defaultStorageClass = ERR_MULTIPLE_DEFAULT_SC;
    fail(ERR_MULTIPLE_DEFAULT_SC);
  } else if (defaultSc) r.defaultStorageClass = defaultSc;
  else {
    r.defaultStorageClass = ERR_NO_DEFAULT_SC;
    fail(ERR_NO_DEFAULT_SC);
  }
  const targetSc = input.storageClassParam || defaultSc;

  // A 10Mi blank DataVolume binds when its class exists and a provisioner serves it.
  if (!targetSc) r.pvcBound = MSG_SKIP_NO_DEFAULT_SC;
  else {
    const sc = input.storageClasses.find((s) => s.metadata.name === targetSc);
    if (sc?.provisioner && !UNSUPPORTED_PROVISIONERS.has(sc.provisioner))
      r.pvcBound = 'PVC "checkup-pvc" bound';
    else {
      r.pvcBound = ERR_PVC_NOT_BOUND;
      fail(ERR_PVC_NOT_BOUND);
    }
  }

  // StorageProfiles.
  const drivers = new Set(
    input.csiDrivers ??
      input.storageClasses.map((s) => s.provisioner).filter((p): p is string => !!p),
  );
  const snapshotDrivers = new Set(input.volumeSnapshotClasses.map((v) => v.driver));
  const smartClone = (sp: StorageProfile): boolean => {
    const strategy = sp.status?.cloneStrategy;
    const provisioner = sp.status?.provisioner;
    if (strategy === 'copy') return false;
    if (strategy === 'csi-clone' && provisioner) return drivers.has(provisioner);
    if ((!strategy || strategy === 'snapshot') && provisioner)
      return snapshotDrivers.has(provisioner);
    return false;
  };
  const goldenImageScs: string[] = [];
  let empty = '';
  let fromSpec = '';
  let withSmartClone = '';
  let withRwx = '';
  let missingVsc = '';
  for (const sp of input.storageProfiles) {
    const provisioner = sp.status?.provisioner;
    if (!provisioner || UNSUPPORTED_PROVISIONERS.has(provisioner)) continue;
    const name = sp.metadata.name ?? '';
    const smart = smartClone(sp);
    const rwx = hasRwx(sp.status?.claimPropertySets);
    if (sp.status?.storageClass && smart && rwx) goldenImageScs.push(sp.status.storageClass);
    if (!(sp.status?.claimPropertySets ?? []).length) empty = append(empty, name);
    if ((sp.spec?.claimPropertySets ?? []).length) fromSpec = append(fromSpec, name);
    if (smart) withSmartClone = append(withSmartClone, name);
    if (rwx) withRwx = append(withRwx, name);
    const strategy = sp.status?.cloneStrategy;
    if ((!strategy || strategy === 'snapshot') && !snapshotDrivers.has(provisioner))
      missingVsc = append(missingVsc, name);
  }
  if (empty) {
    r.storageProfilesWithEmptyClaimPropertySets = empty;
    fail(ERR_EMPTY_CLAIM_PROPERTY_SETS);
  }
  r.storageProfilesWithSpecClaimPropertySets = fromSpec;
  r.storageProfilesWithSmartClone = withSmartClone;
  r.storageProfilesWithRWX = withRwx;
  // Reported, not failed: the checkup only recommends adding a VolumeSnapshotClass.
  r.storageProfileMissingVolumeSnapshotClass = missingVsc;

  // Golden images: DataImportCrons in the golden-images namespace first, newest import first.
  const dataSources = new Map(
    input.dataSources.map((d) => [key(d.metadata.namespace, d.metadata.name), d]),
  );
  const pvcs = new Map(input.pvcs.map((p) => [key(p.metadata.namespace, p.metadata.name), p]));
  const snapshots = new Map(
    input.volumeSnapshots.map((s) => [key(s.metadata.namespace, s.metadata.name), s]),
  );
  const namespaces = [
    ...(input.namespaces.includes(GOLDEN_IMAGES_NAMESPACE) ? [GOLDEN_IMAGES_NAMESPACE] : []),
    ...input.namespaces.filter((n) => n !== GOLDEN_IMAGES_NAMESPACE),
  ];
  let notUpToDate = '';
  let noSource = '';
  let goldenPvc: Pvc | undefined;
  let goldenSnapshot: KubeObject | undefined;
  let fallbackDefault: Pvc | undefined;
  let fallback: Pvc | undefined;
  for (const ns of namespaces) {
    const crons = input.dataImportCrons
      .filter((c) => c.metadata.namespace === ns)
      .sort((a, b) =>
        (b.status?.lastImportTimestamp ?? '').localeCompare(a.status?.lastImportTimestamp ?? ''),
      );
    for (const dic of crons) {
      const dicName = key(dic.metadata.namespace, dic.metadata.name);
      if (!isConditionTrue(dic.status?.conditions, 'UpToDate')) {
        notUpToDate = append(notUpToDate, dicName);
        continue;
      }
      const dsName = dic.spec?.managedDataSource ?? '';
      const ds = dataSources.get(key(ns, dsName));
      if (!ds) throw new HardError(`datasources.cdi.kubevirt.io "${dsName}" not found`);
      if (!isConditionTrue(ds.status?.conditions, 'Ready')) {
        notUpToDate = append(notUpToDate, dicName);
        continue;
      }
      const src = ds.spec?.source;
      if (src?.pvc) {
        const pvc = pvcs.get(key(src.pvc.namespace ?? ns, src.pvc.name));
        if (!pvc) throw new HardError(`persistentvolumeclaims "${src.pvc.name}" not found`);
        const sc = pvc.spec?.storageClassName;
        const preferred =
          goldenPvc?.spec?.storageClassName &&
          (goldenPvc.spec.storageClassName === r.defaultStorageClass ||
            goldenPvc.spec.storageClassName === input.storageClassParam);
        if (goldenPvc && (preferred || !goldenPvc.spec?.storageClassName)) continue;
        if (sc && goldenImageScs.includes(sc)) goldenPvc = pvc;
        else if (!fallbackDefault && (!sc || sc === r.defaultStorageClass)) fallbackDefault = pvc;
        else fallback ??= pvc;
      } else if (src?.snapshot) {
        const snap = snapshots.get(key(src.snapshot.namespace ?? ns, src.snapshot.name));
        if (!snap)
          throw new HardError(
            `volumesnapshots.snapshot.storage.k8s.io "${src.snapshot.name}" not found`,
          );
        goldenSnapshot ??= snap;
      } else noSource = append(noSource, dicName);
    }
  }
  goldenPvc ??= fallbackDefault ?? fallback;
  if (notUpToDate) {
    r.goldenImagesNotUpToDate = notUpToDate;
    fail(ERR_GOLDEN_NOT_UP_TO_DATE);
  }
  if (noSource) {
    r.goldenImagesNoDataSource = noSource;
    fail(ERR_GOLDEN_NO_SOURCE);
  }

  // Running VMIs on plain RBD while a virtualization RBD class exists, or on EFS without uid/gid.
  const isVirtRbd = (sc: StorageClass) =>
    (sc.provisioner ?? '').includes('rbd.csi.ceph.com') &&
    sc.parameters?.mounter === 'rbd' &&
    sc.parameters?.mapOptions === 'krbd:rxbounce';
  let virtSc: string | undefined;
  for (const sc of input.storageClasses.filter((s) =>
    (s.metadata.name ?? '').endsWith('-ceph-rbd-virtualization'),
  )) {
    if (virtSc) throw new HardError('multiple virt StorageClasses');
    if (isVirtRbd(sc)) virtSc = sc.metadata.name;
  }
  if (!virtSc)
    for (const sc of input.storageClasses.filter(isVirtRbd)) {
      if (virtSc) throw new HardError('multiple virt StorageClasses');
      virtSc = sc.metadata.name;
    }
  let unsetEfs: string | undefined;
  for (const sc of input.storageClasses) {
    if (!(sc.provisioner ?? '').includes('efs.csi.aws.com')) continue;
    if (sc.parameters?.uid && sc.parameters?.gid) continue;
    if (unsetEfs) throw new HardError('multiple unset EFS StorageClasses');
    unsetEfs = sc.metadata.name;
  }
  if (virtSc || unsetEfs) {
    const pvs = new Map(input.pvs.map((p) => [p.metadata.name ?? '', p]));
    let nonVirtRbd = '';
    let efs = '';
    for (const vmi of input.vmis) {
      if (vmi.status?.phase !== 'Running') continue;
      let rbd = false;
      let unset = false;
      for (const vol of vmi.spec?.volumes ?? []) {
        const claim = vol.persistentVolumeClaim?.claimName ?? vol.dataVolume?.name;
        if (!claim) continue;
        const pv = pvs.get(pvcs.get(key(vmi.metadata.namespace, claim))?.spec?.volumeName ?? '');
        if (!pv) continue;
        const driver = pv.spec?.csi?.driver ?? '';
        if (virtSc && driver.includes('rbd.csi.ceph.com') && pv.spec?.storageClassName !== virtSc)
          rbd = true;
        if (unsetEfs && driver === 'efs.csi.aws.com' && pv.spec?.storageClassName === unsetEfs)
          unset = true;
      }
      const vmiName = key(vmi.metadata.namespace, vmi.metadata.name);
      if (rbd) nonVirtRbd = append(nonVirtRbd, vmiName);
      if (unset) efs = append(efs, vmiName);
    }
    // Reported, not failed.
    r.vmsWithNonVirtRbdStorageClass = nonVirtRbd;
    if (efs) {
      r.vmsWithUnsetEfsStorageClass = efs;
      fail(ERR_UNSET_EFS);
    }
  }

  // The VM under test: a VM cloned from the golden image onto the target class.
  if (!targetSc) {
    r.vmBootFromGoldenImage = MSG_SKIP_NO_DEFAULT_SC;
    r.vmLiveMigration = MSG_SKIP_NO_VMI;
    r.vmHotplugVolume = MSG_SKIP_NO_VMI;
    r.concurrentVMBoot = MSG_SKIP_NO_DEFAULT_SC;
    return errors;
  }
  if (!goldenPvc && !goldenSnapshot) {
    r.vmBootFromGoldenImage = MSG_SKIP_NO_GOLDEN_IMAGE;
    r.vmLiveMigration = MSG_SKIP_NO_VMI;
    r.vmHotplugVolume = MSG_SKIP_NO_VMI;
    r.concurrentVMBoot = MSG_SKIP_NO_GOLDEN_IMAGE;
    return errors;
  }
  const vmName = `vmi-under-test-${randomSuffix(input.seed)}`;
  r.vmBootFromGoldenImage = `VMI "${vmName}" successfully booted`;

  const targetProfile = input.storageProfiles.find((p) => p.metadata.name === targetSc);
  if (goldenSnapshot && !goldenPvc) r.vmVolumeClone = 'DV cloneType: snapshot';
  else {
    // CDI's clone planner for a PVC source: the target profile's strategy (snapshot by default);
    // snapshots need a VolumeSnapshotClass; smart clones need one CSI driver and one volume mode
    // on both sides, else it copies through pods ("host-assisted", cloneType copy).
    const sourceSc = input.storageClasses.find(
      (s) => s.metadata.name === goldenPvc?.spec?.storageClassName,
    );
    const targetClass = input.storageClasses.find((s) => s.metadata.name === targetSc);
    const strategy = targetProfile?.status?.cloneStrategy ?? 'snapshot';
    const targetMode = targetProfile?.status?.claimPropertySets?.[0]?.volumeMode ?? 'Filesystem';
    const sourceMode = goldenPvc?.spec?.volumeMode ?? 'Filesystem';
    let cloneType = strategy === 'copy' ? 'copy' : strategy;
    let fallbackReason = '';
    if (strategy === 'snapshot' && !snapshotDrivers.has(sourceSc?.provisioner))
      fallbackReason = 'No compatible volumesnapshotclass found';
    else if (
      strategy !== 'copy' &&
      (!sourceSc?.provisioner || sourceSc.provisioner !== targetClass?.provisioner)
    )
      fallbackReason = 'Provisioners are incompatible';
    else if (strategy !== 'copy' && sourceMode !== targetMode)
      fallbackReason = 'The volume modes of source and target are incompatible';
    if (fallbackReason) cloneType = 'copy';
    r.vmVolumeClone = `DV cloneType: "${cloneType}"`;
    if (fallbackReason) {
      const reason = `DV clone fallback reason: ${fallbackReason}`;
      r.vmVolumeClone = append(r.vmVolumeClone, reason);
      fail(reason);
    }
  }

  // Live migration needs a second node and a shared (RWX) disk; the test DV takes the first
  // access mode its StorageProfile lists.
  if (input.nodeCount <= 1) r.vmLiveMigration = MSG_SKIP_SINGLE_NODE;
  else {
    const modes = targetProfile?.status?.claimPropertySets?.[0]?.accessModes ?? ['ReadWriteOnce'];
    r.vmLiveMigration = modes.includes('ReadWriteMany')
      ? `VMI "${vmName}" migration completed`
      : `cannot migrate VMI: PVC ${vmName}-dv is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)`;
  }
  r.vmHotplugVolume = `VMI "${vmName}" hotplug volume ready\nVMI "${vmName}" hotplug volume removed`;
  r.concurrentVMBoot = MSG_BOOT_COMPLETED;
  return errors;
};

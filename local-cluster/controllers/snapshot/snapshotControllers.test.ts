import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import {
  DV,
  EVENT,
  POD,
  PVC,
  SECRET,
  SERVICE,
  VM,
  VMI,
  VM_CLONE,
  VM_EXPORT,
  VM_RESTORE,
  VM_SNAPSHOT,
  VM_SNAPSHOT_CONTENT,
  VOLUME_SNAPSHOT,
} from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import { startSnapshotControllers } from './index';
import { VOLUME_SNAPSHOT_CONTENT } from './snapshotNames';
import type {
  DataVolume,
  Pvc,
  VirtualMachine,
  Vmi,
  VmClone,
  VmExport,
  VmRestore,
  VmSnapshot,
  VmSnapshotContent,
  VolumeSnapshot,
} from './snapshotTypes';

const NS = 'demo-apps';

describe('snapshot, restore, clone and export controllers', { timeout: 30_000 }, () => {
  let t: TestCluster;
  const frozenSeen = new Set<string>();

  beforeAll(async () => {
    t = await startTestCluster();
    await t.start(startSnapshotControllers);
    // CDI's part for restored DataVolumes: a pre-populated DataVolume adopts its PVC and is done.
    t.runtime.informers.for<DataVolume>(DV).onChange((type, dv) => {
      if (type === 'DELETED' || dv.status?.phase) return;
      if (dv.metadata.annotations?.['cdi.kubevirt.io/storage.prePopulated']) {
        void t.admin.patchStatus(DV, dv.metadata.namespace, dv.metadata.name ?? '', {
          phase: 'Succeeded',
          progress: '100.0%',
        });
      }
    });
    t.runtime.informers.for<Vmi>(VMI).onChange((_type, vmi) => {
      if (vmi.status?.fsFreezeStatus === 'frozen') frozenSeen.add(vmi.metadata.name ?? '');
    });
  }, 60_000);
  afterAll(() => t.close());

  /** A stopped VM with an imported root disk (DataVolume template, snapshot-capable class), a data
   * disk on the shared class (no snapshot class) and a cloud-init disk. */
  const createVm = async (name: string): Promise<VirtualMachine> => {
    const vm = await t.admin.create<VirtualMachine>(VM, NS, {
      metadata: { name, labels: { app: name, team: 'blue' } },
      spec: {
        runStrategy: 'Halted',
        dataVolumeTemplates: [
          {
            metadata: { name: `${name}-root` },
            spec: {
              source: { blank: {} },
              storage: { resources: { requests: { storage: '10Gi' } } },
            },
          },
        ],
        template: {
          metadata: { labels: { 'kubevirt.io/domain': name } },
          spec: {
            domain: {
              devices: {
                interfaces: [{ name: 'default', masquerade: {}, macAddress: '02:00:00:00:00:01' }],
              },
              firmware: { uuid: '5d307ca9-b3ef-428c-8861-06e72d69f223' },
              memory: { guest: '1Gi' },
            },
            networks: [{ name: 'default', pod: {} }],
            volumes: [
              { name: 'rootdisk', dataVolume: { name: `${name}-root` } },
              { name: 'data', persistentVolumeClaim: { claimName: `${name}-data` } },
              { name: 'cloudinitdisk', cloudInitNoCloud: { userData: '#cloud-config\n' } },
            ],
          },
        },
      },
    });
    const dv = await t.admin.create<DataVolume>(DV, NS, {
      metadata: {
        name: `${name}-root`,
        ownerReferences: [
          {
            apiVersion: VM.apiVersion,
            kind: 'VirtualMachine',
            name,
            uid: vm.metadata.uid ?? '',
            controller: true,
          },
        ],
      },
      spec: { source: { blank: {} }, storage: { resources: { requests: { storage: '10Gi' } } } },
    });
    await t.admin.patchStatus(DV, NS, `${name}-root`, { phase: 'Succeeded', progress: '100.0%' });
    const pvcs: [string, string, string, KubeObject['metadata']['ownerReferences']][] = [
      [
        `${name}-root`,
        'standard-csi',
        'Block',
        [
          {
            apiVersion: DV.apiVersion,
            kind: 'DataVolume',
            name: `${name}-root`,
            uid: dv.metadata.uid ?? '',
            controller: true,
          },
        ],
      ],
      [`${name}-data`, 'shared-rwx', 'Filesystem', undefined],
    ];
    for (const [pvcName, storageClassName, volumeMode, ownerReferences] of pvcs) {
      await t.admin.create(PVC, NS, {
        metadata: { name: pvcName, ownerReferences },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName,
          volumeMode,
          resources: { requests: { storage: '10Gi' } },
        },
      });
      await t.admin.patchStatus(PVC, NS, pvcName, {
        phase: 'Bound',
        capacity: { storage: '10Gi' },
      });
    }
    return vm;
  };

  /** Starts the VM as virt-controller and virt-handler would leave it: a Running VMI, agent on. */
  const startVm = async (name: string): Promise<void> => {
    await t.admin.create(VMI, NS, {
      metadata: { name },
      spec: { domain: { devices: {}, memory: { guest: '1Gi' } } },
    });
    await t.admin.patchStatus(VMI, NS, name, {
      phase: 'Running',
      nodeName: 'worker-0',
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'AgentConnected', status: 'True' },
      ],
    });
  };

  const stopVm = async (name: string): Promise<void> => {
    await t.admin.delete(VMI, NS, name);
    await eventually(
      () => t.runtime.informers.for(VMI).get(NS, name),
      (v) => !v,
      5000,
      'VMI gone',
    );
  };

  const reasonsOf = async (name: string): Promise<string[]> =>
    (
      await t.admin.list<KubeObject & { reason?: string }>(EVENT, NS, {
        fieldSelector: `involvedObject.name=${name}`,
      })
    ).items.map((e) => e.reason ?? '');

  const snapshotOf = async (snapshot: string, vm: string): Promise<VmSnapshot> => {
    await t.admin.create(VM_SNAPSHOT, NS, {
      metadata: { name: snapshot },
      spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vm } },
    });
    return eventually(
      () => t.admin.get<VmSnapshot>(VM_SNAPSHOT, NS, snapshot),
      (s) => s.status?.phase === 'Succeeded' && s.status.readyToUse === true,
      10_000,
      `${snapshot} to succeed`,
    );
  };

  it('snapshots a running VM with a guest agent (online, frozen)', async () => {
    await createVm('fedora');
    await startVm('fedora');
    await eventually(
      () => t.runtime.informers.for(VMI).get(NS, 'fedora'),
      (v) => !!v,
      5000,
      'VMI seen',
    );
    const snap = await snapshotOf('snap-online', 'fedora');
    const vm = await t.admin.get<VirtualMachine>(VM, NS, 'fedora');
    expect(snap.status).toMatchObject({
      phase: 'Succeeded',
      readyToUse: true,
      sourceUID: vm.metadata.uid,
      indications: ['GuestAgent', 'Online'],
      snapshotVolumes: {
        includedVolumes: ['rootdisk'],
        excludedVolumes: ['data', 'cloudinitdisk'],
      },
    });
    expect(snap.status?.creationTime).toBeTruthy();
    expect(snap.status?.sourceIndications?.map((i) => i.indication)).toEqual([
      'GuestAgent',
      'Online',
    ]);
    const conditions = Object.fromEntries((snap.status?.conditions ?? []).map((c) => [c.type, c]));
    expect(conditions.Ready).toMatchObject({ status: 'True', reason: 'Ready' });
    expect(conditions.Progressing).toMatchObject({ status: 'False', reason: 'Operation complete' });
    expect(snap.metadata.finalizers).toContain('snapshot.kubevirt.io/vmsnapshot-protection');

    const content = await t.admin.get<VmSnapshotContent>(
      VM_SNAPSHOT_CONTENT,
      NS,
      snap.status?.virtualMachineSnapshotContentName ?? '',
    );
    expect(content.spec.source.virtualMachine?.metadata.name).toBe('fedora');
    expect(content.spec.source.virtualMachine?.spec.template.spec?.volumes).toHaveLength(3);
    expect(content.spec.volumeBackups?.map((b) => b.volumeName)).toEqual(['rootdisk']);
    expect(content.status).toMatchObject({ readyToUse: true });

    const vsName = content.spec.volumeBackups?.[0].volumeSnapshotName ?? '';
    const vs = await t.admin.get<VolumeSnapshot>(VOLUME_SNAPSHOT, NS, vsName);
    expect(vs.spec).toMatchObject({
      source: { persistentVolumeClaimName: 'fedora-root' },
      volumeSnapshotClassName: 'standard-csi-snapclass',
    });
    expect(vs.status).toMatchObject({ readyToUse: true, restoreSize: '10Gi' });
    expect(vs.metadata.labels).toMatchObject({ 'snapshot.kubevirt.io/source-vm-name': 'fedora' });
    const vsc = await t.admin.get(
      VOLUME_SNAPSHOT_CONTENT,
      undefined,
      vs.status?.boundVolumeSnapshotContentName ?? '',
    );
    expect(vsc.spec).toMatchObject({
      driver: 'local.csi.virt-console.dev',
      deletionPolicy: 'Delete',
    });

    // The guest was frozen while the volume snapshot was cut, and thawed after.
    expect(frozenSeen.has('fedora')).toBe(true);
    const vmi = await t.admin.get<Vmi>(VMI, NS, 'fedora');
    expect(vmi.status?.fsFreezeStatus).toBeUndefined();
    // The VM is unlocked again.
    const unlocked = await eventually(
      () => t.admin.get<VirtualMachine>(VM, NS, 'fedora'),
      (v) =>
        !v.status?.snapshotInProgress &&
        !(v.metadata.finalizers ?? []).includes('snapshot.kubevirt.io/snapshot-source-protection'),
      5000,
      'VM unlocked',
    );
    expect(unlocked.status?.snapshotInProgress).toBeUndefined();
    expect(await reasonsOf('snap-online')).toContain(
      'SuccessfulVirtualMachineSnapshotContentCreate',
    );
    expect(await reasonsOf(vsName)).toEqual(
      expect.arrayContaining(['CreatingSnapshot', 'SnapshotReady']),
    );
  });

  it('waits for a running target, then fails the restore after the grace period', async () => {
    await t.admin.create(VM_RESTORE, NS, {
      metadata: { name: 'restore-running' },
      spec: {
        target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora' },
        virtualMachineSnapshotName: 'snap-online',
      },
    });
    const waiting = await eventually(
      () => t.admin.get<VmRestore>(VM_RESTORE, NS, 'restore-running'),
      (r) =>
        (r.status?.conditions ?? []).some((c) => c.reason === 'Waiting for target to be ready'),
      5000,
      'restore waiting',
    );
    expect(waiting.status?.complete).toBe(false);
    expect(waiting.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'VirtualMachine',
      name: 'fedora',
    });
    expect(await reasonsOf('restore-running')).toContain('RestoreTargetNotReady');
    // The grace period is 5 minutes, scaled by the test's time scale.
    const failed = await eventually(
      () => t.admin.get<VmRestore>(VM_RESTORE, NS, 'restore-running'),
      (r) => (r.status?.conditions ?? []).some((c) => c.type === 'Failure'),
      10_000,
      'restore failed',
    );
    expect(failed.status?.conditions?.find((c) => c.type === 'Failure')).toMatchObject({
      status: 'True',
      reason: 'Restore target failed to be ready within 5m0s',
    });
    await t.admin.delete(VM_RESTORE, NS, 'restore-running');
  });

  it('restores a stopped VM from its snapshot', async () => {
    await stopVm('fedora');
    const before = await t.admin.get<VirtualMachine>(VM, NS, 'fedora');
    await t.admin.create(VM_RESTORE, NS, {
      metadata: { name: 'restore-stopped' },
      spec: {
        target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'fedora' },
        virtualMachineSnapshotName: 'snap-online',
      },
    });
    const done = await eventually(
      () => t.admin.get<VmRestore>(VM_RESTORE, NS, 'restore-stopped'),
      (r) => r.status?.complete === true,
      10_000,
      'restore complete',
    );
    const uid = done.metadata.uid ?? '';
    const restored = `restore-${uid}-rootdisk`;
    expect(done.status?.restores).toEqual([
      {
        volumeName: 'rootdisk',
        persistentVolumeClaim: restored,
        volumeSnapshotName: expect.stringMatching(
          /^vmsnapshot-.*-volume-rootdisk$/,
        ) as unknown as string,
        dataVolumeName: restored,
      },
    ]);
    expect(done.status?.deletedDataVolumes).toEqual(['fedora-root']);
    expect(done.status?.restoreTime).toBeTruthy();
    expect(done.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'True',
      reason: 'Operation complete',
    });

    const pvc = await t.admin.get<Pvc>(PVC, NS, restored);
    expect(pvc.spec).toMatchObject({
      storageClassName: 'standard-csi',
      volumeMode: 'Block',
      dataSource: { kind: 'VolumeSnapshot', apiGroup: 'snapshot.storage.k8s.io' },
    });
    expect(pvc.metadata.annotations).toMatchObject({
      'restore.kubevirt.io/name': 'restore-stopped',
      'cdi.kubevirt.io/storage.populatedFor': restored,
    });
    const vm = await t.admin.get<VirtualMachine>(VM, NS, 'fedora');
    expect(vm.metadata.uid).toBe(before.metadata.uid);
    expect(vm.metadata.annotations?.['restore.kubevirt.io/lastRestoreUID']).toBe(
      `restore-stopped-${uid}`,
    );
    expect(vm.spec.runStrategy).toBe('Halted');
    expect(vm.spec.dataVolumeTemplates?.map((d) => d.metadata?.name)).toEqual([restored]);
    expect(vm.spec.template.spec?.volumes?.[0]).toEqual({
      name: 'rootdisk',
      dataVolume: { name: restored },
    });
    expect(vm.spec.template.spec?.volumes?.[1]).toEqual({
      name: 'data',
      persistentVolumeClaim: { claimName: 'fedora-data' },
    });
    expect(vm.status?.restoreInProgress).toBeUndefined();
    const dv = await t.admin.get<DataVolume>(DV, NS, restored);
    expect(dv.metadata.annotations).toMatchObject({
      'cdi.kubevirt.io/storage.prePopulated': 'true',
    });
    expect(dv.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'VirtualMachine',
      name: 'fedora',
    });
    await eventually(
      () => t.admin.find(DV, NS, 'fedora-root'),
      (d) => !d,
      5000,
      'old DV deleted',
    );
    expect(await reasonsOf('restore-stopped')).toContain('VirtualMachineRestoreComplete');
  });

  it('clones a VM into a new VM with new MAC addresses', async () => {
    await createVm('rhel');
    await t.admin.create(VM_CLONE, NS, {
      metadata: { name: 'clone-rhel' },
      spec: {
        source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'rhel' },
        target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'rhel-copy' },
        newMacAddresses: { default: '02:aa:bb:cc:dd:ee' },
        labelFilters: ['*', '!team'],
      },
    });
    const clone = await eventually(
      () => t.admin.get<VmClone>(VM_CLONE, NS, 'clone-rhel'),
      (c) => c.status?.phase === 'Succeeded' && !c.status.restoreName,
      10_000,
      'clone to succeed',
    );
    expect(clone.status).toMatchObject({ phase: 'Succeeded', targetName: 'rhel-copy' });
    expect(clone.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'True',
    });
    const copy = await t.admin.get<VirtualMachine>(VM, NS, 'rhel-copy');
    const source = await t.admin.get<VirtualMachine>(VM, NS, 'rhel');
    expect(copy.metadata.uid).not.toBe(source.metadata.uid);
    expect(copy.spec.runStrategy).toBe('Halted');
    expect(copy.metadata.labels).toEqual({ app: 'rhel' });
    expect(copy.spec.template.spec?.domain.devices.interfaces?.[0].macAddress).toBe(
      '02:aa:bb:cc:dd:ee',
    );
    expect(copy.spec.template.spec?.domain.firmware?.uuid).toBeUndefined();
    const root = copy.spec.template.spec?.volumes?.[0];
    expect(root?.dataVolume?.name).toMatch(/^restore-.*-rootdisk$/);
    expect((await t.admin.find(PVC, NS, root?.dataVolume?.name ?? ''))?.metadata.name).toBe(
      root?.dataVolume?.name,
    );
    // The temporary snapshot and restore are gone.
    await eventually(
      () => t.admin.list(VM_SNAPSHOT, NS),
      (l) => !l.items.some((s) => s.metadata.name?.startsWith('tmp-snapshot-')),
      5000,
      'temporary snapshot deleted',
    );
    expect(
      (await t.admin.list(VM_RESTORE, NS)).items.some((r) =>
        r.metadata.name?.startsWith('tmp-restore-'),
      ),
    ).toBe(false);
    expect(await reasonsOf('clone-rhel')).toEqual(
      expect.arrayContaining([
        'SnapshotCreated',
        'SnapshotReady',
        'RestoreCreated',
        'RestoreReady',
        'TargetVMCreated',
      ]),
    );
  });

  it('exports a stopped VM with links and a token, and keeps a running one Pending', async () => {
    await createVm('centos');
    await startVm('centos');
    await t.admin.create(VM_EXPORT, NS, {
      metadata: { name: 'exp-centos' },
      spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'centos' } },
    });
    const pending = await eventually(
      () => t.admin.get<VmExport>(VM_EXPORT, NS, 'exp-centos'),
      (e) => (e.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.reason === 'InUse'),
      5000,
      'export pending while running',
    );
    expect(pending.status).toMatchObject({
      phase: 'Pending',
      serviceName: 'virt-export-exp-centos',
    });
    expect(pending.status?.conditions?.find((c) => c.type === 'Ready')?.message).toBe(
      `Virtual Machine ${NS}/centos is running`,
    );
    expect(pending.status?.ttlExpirationTime).toBeTruthy();

    await stopVm('centos');
    const ready = await eventually(
      () => t.admin.get<VmExport>(VM_EXPORT, NS, 'exp-centos'),
      (e) => e.status?.phase === 'Ready',
      10_000,
      'export ready',
    );
    expect(ready.status).toMatchObject({
      tokenSecretRef: 'export-token-exp-centos',
      virtualMachineName: 'centos',
      serviceName: 'virt-export-exp-centos',
    });
    const internal = ready.status?.links?.internal;
    expect(internal?.cert).toContain('BEGIN CERTIFICATE');
    expect(internal?.volumes?.find((v) => v.name === 'centos-root')?.formats).toEqual([
      {
        format: 'raw',
        url: `https://virt-export-exp-centos.${NS}.svc/volumes/centos-root/disk.img`,
      },
      {
        format: 'gzip',
        url: `https://virt-export-exp-centos.${NS}.svc/volumes/centos-root/disk.img.gz`,
      },
    ]);
    expect(internal?.manifests?.map((m) => m.type)).toEqual(['all', 'auth-header-secret']);
    expect(ready.status?.links?.external?.volumes?.[0].formats?.[0].url).toMatch(
      /^https:\/\/virt-exportproxy-openshift-cnv\.apps\..*\/virtualmachineexports\/exp-centos\/volumes\//,
    );
    const secret = await t.admin.get<KubeObject & { data?: Record<string, string> }>(
      SECRET,
      NS,
      'export-token-exp-centos',
    );
    expect(Buffer.from(secret.data?.token ?? '', 'base64').toString()).toHaveLength(20);
    expect(
      (await t.admin.get(SERVICE, NS, 'virt-export-exp-centos')).metadata.ownerReferences?.[0],
    ).toMatchObject({
      kind: 'VirtualMachineExport',
    });
    const pod = await t.admin.get<KubeObject & { status?: { phase?: string } }>(
      POD,
      NS,
      'virt-export-exp-centos',
    );
    expect(pod.status?.phase).toBe('Running');
    expect(await reasonsOf('exp-centos')).toEqual(
      expect.arrayContaining(['ServiceCreated', 'SecretCreated', 'ExporterPodCreated']),
    );
  });

  it('deletes an export when its TTL expires', async () => {
    await t.admin.create(VM_EXPORT, NS, {
      metadata: { name: 'exp-short' },
      spec: {
        source: { apiGroup: '', kind: 'PersistentVolumeClaim', name: 'centos-data' },
        ttlDuration: '30s',
      },
    });
    await eventually(
      () => t.admin.find(SERVICE, NS, 'virt-export-exp-short'),
      (s) => !!s,
      5000,
      'service',
    );
    await eventually(
      () => t.admin.find(VM_EXPORT, NS, 'exp-short'),
      (e) => !e,
      10_000,
      'export expired',
    );
  });
});

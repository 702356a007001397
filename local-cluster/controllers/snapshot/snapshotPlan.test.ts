import { describe, expect, it } from 'vitest';
import {
  indicationsFor,
  isPvcPopulated,
  lockBlocker,
  snapshotVolumeLists,
  sourceStateOf,
  vmVolumeClaims,
  volumeBackupsFor,
} from './snapshotPlan';
import type { DataVolume, Pod, Pvc, VirtualMachine, Vmi } from './snapshotTypes';

const vm = (status: VirtualMachine['status'] = {}, finalizers?: string[]): VirtualMachine => ({
  metadata: { name: 'fedora', namespace: 'ns', uid: 'vm-uid', finalizers, managedFields: [] },
  spec: {
    runStrategy: 'Halted',
    template: {
      spec: {
        domain: { devices: {} },
        volumes: [
          { name: 'rootdisk', dataVolume: { name: 'fedora-root' } },
          { name: 'data', persistentVolumeClaim: { claimName: 'fedora-data' } },
          { name: 'cloudinit', cloudInitNoCloud: { userData: '#cloud-config' } },
        ],
      },
    },
  },
  status,
});

const pvc = (
  name: string,
  phase: 'Bound' | 'Pending' = 'Bound',
  sc = 'standard-csi',
  dvOwner?: string,
): Pvc => ({
  metadata: {
    name,
    namespace: 'ns',
    ownerReferences: dvOwner
      ? [{ apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume', name: dvOwner, uid: 'x' }]
      : undefined,
  },
  spec: {
    storageClassName: sc,
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '30Gi' } },
  },
  status: { phase },
});

const dv = (name: string, phase: string): DataVolume => ({
  metadata: { name, namespace: 'ns' },
  status: { phase },
});

describe('snapshot plan', () => {
  it('lists the claims of DataVolume and PVC volumes', () => {
    expect(vmVolumeClaims(vm())).toEqual([
      { volumeName: 'rootdisk', claimName: 'fedora-root' },
      { volumeName: 'data', claimName: 'fedora-data' },
    ]);
  });

  it.each([
    ['a PVC without DataVolume', pvc('p'), [], true],
    [
      'a PVC of a succeeded DataVolume',
      pvc('p', 'Bound', 'standard-csi', 'd'),
      [dv('d', 'Succeeded')],
      true,
    ],
    [
      'a PVC of an importing DataVolume',
      pvc('p', 'Bound', 'standard-csi', 'd'),
      [dv('d', 'ImportInProgress')],
      false,
    ],
  ])('isPvcPopulated: %s', (_what, p, dvs, expected) => {
    expect(isPvcPopulated(p, dvs)).toBe(expected);
  });

  const claims = vmVolumeClaims(vm());
  const base = {
    vm: vm(),
    snapshotName: 'snap',
    online: false,
    claims,
    pvcs: [pvc('fedora-root'), pvc('fedora-data')],
    dataVolumes: [] as DataVolume[],
    pods: [] as Pod[],
  };
  const podUsing = (claim: string): Pod => ({
    metadata: { name: 'virt-launcher-x' },
    spec: { containers: [], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: claim } }] },
    status: { phase: 'Running' },
  });

  it.each([
    ['all claims ready', {}, undefined],
    [
      'a missing claim',
      { pvcs: [pvc('fedora-root')] },
      'source ns/fedora volume doesnt exist: fedora-data',
    ],
    [
      'an unbound claim',
      { pvcs: [pvc('fedora-root'), pvc('fedora-data', 'Pending')] },
      'source ns/fedora volume not bound: fedora-data',
    ],
    [
      'an offline VM whose claim a pod uses',
      { pods: [podUsing('fedora-data')] },
      'source is offline but 1 pods using PVCs [fedora-root fedora-data]',
    ],
    [
      'an online VM (its launcher uses the claims)',
      { online: true, pods: [podUsing('fedora-data')] },
      undefined,
    ],
    [
      'another snapshot in progress',
      { vm: vm({ snapshotInProgress: 'other' }) },
      'snapshot "other" in progress',
    ],
  ])('lockBlocker: %s', (_what, over, expected) => {
    expect(lockBlocker({ ...base, ...over })).toBe(expected);
  });

  it('source state reads the VMI conditions and the lock', () => {
    const vmi: Vmi = {
      metadata: { name: 'fedora' },
      spec: { domain: { devices: {} } },
      status: {
        conditions: [{ type: 'AgentConnected', status: 'True' }],
        fsFreezeStatus: 'frozen',
      },
    };
    expect(
      sourceStateOf(
        vm({ snapshotInProgress: 'snap' }, ['snapshot.kubevirt.io/snapshot-source-protection']),
        vmi,
        'snap',
        'snapshot.kubevirt.io/snapshot-source-protection',
      ),
    ).toEqual({
      online: true,
      paused: false,
      guestAgent: true,
      frozen: true,
      locked: true,
    });
    expect(sourceStateOf(vm({ snapshotInProgress: 'snap' }), undefined, 'snap', 'f').locked).toBe(
      false,
    );
  });

  it('backs up bound claims whose class can snapshot, and lists the others as excluded', () => {
    const backups = volumeBackupsFor(
      'uid1',
      claims,
      [pvc('fedora-root'), pvc('fedora-data', 'Bound', 'shared-rwx')],
      (sc) => sc === 'standard-csi',
    );
    expect(backups).toEqual([
      {
        volumeName: 'rootdisk',
        volumeSnapshotName: 'vmsnapshot-uid1-volume-rootdisk',
        persistentVolumeClaim: {
          metadata: { name: 'fedora-root', namespace: 'ns' },
          spec: {
            storageClassName: 'standard-csi',
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: '30Gi' } },
          },
        },
      },
    ]);
    expect(snapshotVolumeLists(vm().spec.template.spec?.volumes ?? [], backups)).toEqual({
      includedVolumes: ['rootdisk'],
      excludedVolumes: ['data', 'cloudinit'],
    });
  });

  it.each([
    [{ online: false, paused: false, guestAgent: false }, []],
    [{ online: true, paused: false, guestAgent: true }, ['GuestAgent', 'Online']],
    [{ online: true, paused: false, guestAgent: false }, ['NoGuestAgent', 'Online']],
    [{ online: true, paused: true, guestAgent: true }, ['Online', 'Paused']],
  ])('indications of %o', (source, expected) => {
    const i = indicationsFor(source);
    expect(i.indications).toEqual(expected);
    expect(i.sourceIndications.map((s) => s.indication)).toEqual(expected);
    for (const s of i.sourceIndications) expect(s.message).toBeTruthy();
  });
});

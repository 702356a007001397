import { describe, expect, it } from 'vitest';
import { findCondition } from '../runtime/conditions';
import { cond, dvFixture, pvcFixture, vmiFixture } from './testFixtures';
import type { Pod } from './types';
import { nextVmiStatus } from './vmiStatus';

const NOW = '2026-01-01T00:00:00Z';

const pod = (phase: string, extra: Partial<Pod['status']> = {}, nodeName?: string): Pod => ({
  metadata: { name: 'virt-launcher-vm1-abcde', uid: 'pod-uid' },
  spec: { nodeName, containers: [{ name: 'compute', image: 'launcher:1' }] },
  status: { phase, ...extra },
});

const running = (node: string) =>
  pod(
    'Running',
    {
      containerStatuses: [
        {
          name: 'compute',
          image: 'launcher:1',
          imageID: '',
          ready: false,
          restartCount: 0,
          state: { running: {} },
        },
      ],
    },
    node,
  );

const base = {
  pods: [] as Pod[],
  dataVolumes: [],
  pvc: (n: string) =>
    n === 'root' ? pvcFixture('root', 'Bound', { accessModes: ['ReadWriteOnce'] }) : undefined,
  now: NOW,
};

const vmi = (phase: string | undefined) =>
  vmiFixture(
    phase,
    [],
    {},
    {
      domain: { devices: { interfaces: [{ name: 'default', masquerade: {} }] } },
      networks: [{ name: 'default', pod: {} }],
      volumes: [{ name: 'rootdisk', persistentVolumeClaim: { claimName: 'root' } }],
    },
  );

describe('nextVmiStatus', () => {
  it('moves a new VMI to Pending, not ready, without a pod', () => {
    const { status } = nextVmiStatus({ ...base, vmi: vmi(undefined), pod: undefined });
    expect(status.phase).toBe('Pending');
    expect(status.phaseTransitionTimestamps).toEqual([
      { phase: 'Pending', phaseTransitionTimestamp: NOW },
    ]);
    expect(findCondition(status.conditions, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'PodNotExists',
    });
  });

  it('reports a missing PVC as unschedulable and unsynchronized', () => {
    const { status } = nextVmiStatus({
      ...base,
      vmi: vmi('Pending'),
      pod: undefined,
      syncError: {
        reason: 'FailedPvcNotFound',
        message: 'PVC ns/root does not exist, waiting for it to appear',
      },
    });
    expect(findCondition(status.conditions, 'Synchronized')).toMatchObject({
      status: 'False',
      reason: 'FailedPvcNotFound',
    });
    expect(findCondition(status.conditions, 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
    });
  });

  it('fails a pending VMI whose DataVolume failed', () => {
    const { status } = nextVmiStatus({
      ...base,
      vmi: vmi('Pending'),
      pod: undefined,
      dataVolumes: [dvFixture('root', 'Failed', [cond('Ready', 'False')])],
    });
    expect(status.phase).toBe('Failed');
    expect(findCondition(status.conditions, 'DataVolumesReady')).toMatchObject({
      status: 'False',
      reason: 'NotAllDVsReady',
    });
  });

  it('is Scheduling once its pod exists and copies the pod’s unschedulable condition', () => {
    const unschedulable = pod('Pending', {
      conditions: [cond('PodScheduled', 'False', 'Unschedulable', '0/6 nodes are available: …')],
    });
    const first = nextVmiStatus({ ...base, vmi: vmi('Pending'), pod: unschedulable });
    expect(first.status.phase).toBe('Scheduling');
    const second = nextVmiStatus({
      ...base,
      vmi: { ...vmi('Scheduling'), status: first.status },
      pod: unschedulable,
    });
    expect(findCondition(second.status.conditions, 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: '0/6 nodes are available: …',
    });
  });

  it('hands a started pod over as Scheduled with node, label, active pods and migratability', () => {
    const p = running('worker-1');
    const { status, labels } = nextVmiStatus({
      ...base,
      vmi: vmi('Scheduling'),
      pod: p,
      pods: [p],
    });
    expect(status).toMatchObject({
      phase: 'Scheduled',
      nodeName: 'worker-1',
      activePods: { 'pod-uid': 'worker-1' },
      launcherContainerImageVersion: 'launcher:1',
      migrationMethod: 'LiveMigration',
    });
    expect(labels).toMatchObject({ 'kubevirt.io/nodeName': 'worker-1' });
    expect(findCondition(status.conditions, 'LiveMigratable')).toMatchObject({
      status: 'False',
      reason: 'DisksNotLiveMigratable',
    });
    expect(findCondition(status.conditions, 'Ready')).toMatchObject({ reason: 'GuestNotRunning' });
  });

  it('leaves readiness of a running VMI to virt-handler', () => {
    const v = vmi('Running');
    v.status = { phase: 'Running', conditions: [cond('Ready', 'True')] };
    const p = running('worker-1');
    const { status } = nextVmiStatus({ ...base, vmi: v, pod: p, pods: [p] });
    expect(findCondition(status.conditions, 'Ready')?.status).toBe('True');
  });

  it('fails a running VMI whose pod is gone', () => {
    expect(nextVmiStatus({ ...base, vmi: vmi('Running'), pod: undefined }).status.phase).toBe(
      'Failed',
    );
  });
});

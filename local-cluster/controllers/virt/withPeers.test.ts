import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestManager } from '../../guests/guestManager';
import { startCdi } from '../cdi/index';
import { findCondition } from '../runtime/conditions';
import { DV, POD, PVC, VM } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { startTestCluster } from '../runtime/testCluster';
import { startVirtHandler } from '../handler/index';
import { startVirtController } from './index';
import {
  NS,
  TEST_TIMEOUT_MS,
  printable,
  templateSpecOf,
  vmSpec,
  waitForVm,
  waitForVmi,
} from './integrationHelpers';
import type { DataVolume, PersistentVolumeClaim } from './types';

/**
 * The whole chain with the real neighbours: CDI provisions and fills the root disk once the
 * launcher pod picks a node (WaitForFirstConsumer), virt-handler boots the built-in guest.
 */
describe('virt-controller with CDI and virt-handler', { timeout: TEST_TIMEOUT_MS }, () => {
  let t: TestCluster;
  let guests: GuestManager;
  const dir = mkdtempSync(join(tmpdir(), 'virt-controller-test-'));

  beforeAll(async () => {
    t = await startTestCluster();
    guests = new GuestManager({ workDir: dir, qemuBinary: null, bootDelayMs: 30 });
    await t.start(startCdi);
    await t.start((runtime) => startVirtHandler(runtime, guests));
    await t.start(startVirtController);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await t.close();
    await guests.closeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a VM whose disk binds where its pod lands, then stops it', async () => {
    const vm = vmSpec(
      'chain-vm',
      {
        dataVolumeTemplates: [
          {
            metadata: { name: 'chain-vm-root' },
            spec: {
              source: { blank: {} },
              storage: { resources: { requests: { storage: '1Gi' } } },
            },
          },
        ],
      },
      { volumes: [{ name: 'rootdisk', dataVolume: { name: 'chain-vm-root' } }] },
    );
    templateSpecOf(vm).domain.devices.disks = [{ name: 'rootdisk', disk: { bus: 'virtio' } }];
    await t.admin.create(VM, NS, vm);
    const running = await waitForVm(
      t,
      'chain-vm',
      (v) =>
        printable('Running')(v) && Boolean(findCondition(v.status?.conditions, 'AgentConnected')),
      'Running with the guest agent',
    );
    expect(running.status?.ready).toBe(true);
    const vmi = await waitForVmi(
      t,
      'chain-vm',
      (v) => v?.status?.phase === 'Running',
      'VMI Running',
    );
    const pvc = await t.admin.get<PersistentVolumeClaim>(PVC, NS, 'chain-vm-root');
    expect(pvc.status?.phase).toBe('Bound');
    expect(pvc.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(
      vmi?.status?.nodeName,
    );
    expect((await t.admin.get<DataVolume>(DV, NS, 'chain-vm-root')).status?.phase).toBe(
      'Succeeded',
    );
    // A node-local RWO disk pins the VM: not live-migratable.
    expect(findCondition(running.status?.conditions, 'LiveMigratable')?.reason).toBe(
      'DisksNotLiveMigratable',
    );

    await t.admin.patch(VM, NS, 'chain-vm', { spec: { runStrategy: 'Halted' } });
    await waitForVm(t, 'chain-vm', printable('Stopped'), 'Stopped');
    await waitForVmi(t, 'chain-vm', (v) => v === undefined, 'VMI gone');
    const pods = await t.admin.list(POD, NS, {
      labelSelector: `kubevirt.io/created-by=${vmi?.metadata.uid ?? ''}`,
    });
    expect(pods.items).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestManager } from '../../guests/guestManager';
import { KUBEVIRT_SEED } from '../../seed/kubevirt';
import { startCdi } from '../cdi/index';
import { startVirtHandler } from '../handler/index';
import { findCondition } from '../runtime/conditions';
import type { TestCluster } from '../runtime/testCluster';
import { startTestCluster } from '../runtime/testCluster';
import { startVirtController } from './index';
import { TEST_TIMEOUT_MS, waitForVm, waitForVmi } from './integrationHelpers';

/**
 * The demo data brought to life: every seeded VM reaches the state its description promises,
 * with CDI and virt-handler running next to virt-controller.
 */
describe('the seeded demo VMs', { timeout: TEST_TIMEOUT_MS }, () => {
  let t: TestCluster;
  let guests: GuestManager;
  const dir = mkdtempSync(join(tmpdir(), 'virt-demo-test-'));

  beforeAll(async () => {
    t = await startTestCluster({ seedContributors: KUBEVIRT_SEED });
    guests = new GuestManager({ workDir: dir, qemuBinary: null, bootDelayMs: 30 });
    await t.start(startCdi);
    await t.start((runtime) => startVirtHandler(runtime, guests));
    await t.start(startVirtController);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await t?.close();
    await guests?.closeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['fedora-web-01', 'Running'],
    ['rhel9-db-01', 'Running'],
    ['centos-stream9-ci', 'Stopped'],
    ['paused-vm', 'Paused'],
    ['bigmem-vm', 'ErrorUnschedulable'],
    ['broken-import', 'DataVolumeError'],
    ['crashing-vm', 'CrashLoopBackOff'],
    ['bridge-vm', 'Running'],
    ['manual-vm', 'Stopped'],
  ])('%s becomes %s', async (name, status) => {
    const vm = await waitForVm(
      t,
      name,
      (v) => v.status?.printableStatus === status,
      `${name} ${status}`,
    );
    expect(vm.status?.printableStatus).toBe(status);
  });

  it('explains why the bridge VM cannot live-migrate', async () => {
    const vm = await waitForVm(
      t,
      'bridge-vm',
      (v) => Boolean(findCondition(v.status?.conditions, 'LiveMigratable')),
      'LiveMigratable',
    );
    expect(findCondition(vm.status?.conditions, 'LiveMigratable')).toMatchObject({
      status: 'False',
      reason: 'InterfaceNotLiveMigratable',
    });
  });

  it('runs the standalone VMI', async () => {
    const vmi = await waitForVmi(
      t,
      'standalone-vmi',
      (v) => v?.status?.phase === 'Running',
      'Running',
    );
    expect(vmi?.status?.nodeName).toMatch(/^worker-/);
  });
});

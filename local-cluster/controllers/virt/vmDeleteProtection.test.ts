import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, isNotFound } from '../runtime/apiClient';
import { NAMESPACE, VM, VM_SNAPSHOT } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import { startVirtController } from './index';
import { NS, TEST_TIMEOUT_MS, WAIT_MS, getVm, vmSpec } from './integrationHelpers';
import { DELETE_PROTECTION_LABEL } from './vmDeleteProtection';

const protectedVm = (name: string, value: string) => {
  const vm = vmSpec(name, { runStrategy: 'Halted' });
  vm.metadata.labels = { [DELETE_PROTECTION_LABEL]: value };
  return vm;
};

const deleteError = async (t: TestCluster, name: string): Promise<ApiError | undefined> => {
  try {
    await t.admin.delete(VM, NS, name);
    return undefined;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
};

describe('VM delete protection', { timeout: TEST_TIMEOUT_MS }, () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
    await t.start(startVirtController);
    await t.runtime.informers.synced();
  }, TEST_TIMEOUT_MS);
  afterAll(() => t.close());

  it('refuses to delete a protected VM with a 403 Status that names the label', async () => {
    await t.admin.create(VM, NS, protectedVm('guarded', 'true'));
    const err = await deleteError(t, 'guarded');
    expect(err?.code).toBe(403);
    expect(err?.status.reason).toBe('Forbidden');
    expect(err?.message).toContain(DELETE_PROTECTION_LABEL);
    expect((await getVm(t, 'guarded')).metadata.deletionTimestamp).toBeUndefined();
  });

  it('deletes it once the label is removed', async () => {
    await t.admin.patch(VM, NS, 'guarded', {
      metadata: { labels: { [DELETE_PROTECTION_LABEL]: null } },
    });
    expect(await deleteError(t, 'guarded')).toBeUndefined();
    await expect(getVm(t, 'guarded')).rejects.toSatisfy(isNotFound);
  });

  it('matches only "true" and "True", as KubeVirt’s policy does', async () => {
    await t.admin.create(VM, NS, protectedVm('capital', 'True'));
    expect((await deleteError(t, 'capital'))?.code).toBe(403);
    await t.admin.create(VM, NS, protectedVm('shouting', 'TRUE'));
    await t.admin.create(VM, NS, protectedVm('off', 'false'));
    expect(await deleteError(t, 'shouting')).toBeUndefined();
    expect(await deleteError(t, 'off')).toBeUndefined();
  });

  it('keeps a protected VM, and only it, in a terminating namespace until the label goes', async () => {
    const ns = 'doomed';
    await t.admin.create(NAMESPACE, undefined, { metadata: { name: ns } });
    const vm = protectedVm('keeper', 'true');
    vm.metadata.namespace = ns;
    await t.admin.create(VM, ns, vm);
    // A kind the namespace cleanup reaches after VirtualMachines: the refusal must not stop it.
    await t.admin.create(VM_SNAPSHOT, ns, {
      metadata: { name: 'before-upgrade' },
      spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'keeper' } },
    });
    await t.admin.delete(NAMESPACE, undefined, ns);
    await eventually(
      () => t.admin.find(VM_SNAPSHOT, ns, 'before-upgrade'),
      (snapshot) => !snapshot,
      WAIT_MS,
      'the snapshot to go',
    );
    expect(await t.admin.find(VM, ns, 'keeper')).toBeDefined();
    expect(await t.admin.find(NAMESPACE, undefined, ns)).toBeDefined();
    await t.admin.patch(VM, ns, 'keeper', {
      metadata: { labels: { [DELETE_PROTECTION_LABEL]: null } },
    });
    await eventually(
      () => t.admin.find(NAMESPACE, undefined, ns),
      (namespace) => !namespace,
      WAIT_MS,
      'the namespace to go',
    );
  });
});

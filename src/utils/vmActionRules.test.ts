import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import { DELETE_PROTECTION_LABEL, getVMActionRules, type VMActionId } from './vmActionRules';

const vm = (printableStatus: string, runStrategy = 'Always', labels = {}): VirtualMachine => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm', namespace: 'ns', labels },
  spec: { runStrategy, template: { spec: { domain: { devices: {} } } } },
  status: { printableStatus },
});

const vmi = (phase: string, liveMigratable?: { status: string; message?: string }) =>
  ({
    metadata: { name: 'vm', namespace: 'ns' },
    spec: { domain: { devices: {} } },
    status: {
      phase,
      conditions: liveMigratable ? [{ type: 'LiveMigratable', ...liveMigratable }] : [],
    },
  }) as VirtualMachineInstance;

/** The ids of the visible actions, with `!` before those that are disabled. */
const menu = (...args: Parameters<typeof getVMActionRules>) =>
  Object.entries(getVMActionRules(...args))
    .filter(([, rule]) => rule.visible)
    .map(([id, rule]) => (rule.block ? `!${id}` : id) as VMActionId);

const ALWAYS = ['clone', 'snapshot', 'copy-ssh', 'edit-labels', 'edit-annotations', 'delete'];

describe('getVMActionRules', () => {
  it.each([
    ['Stopped, Halted', vm('Stopped', 'Halted'), undefined, ['start']],
    ['Running', vm('Running'), vmi('Running'), ['stop', 'restart', 'pause', 'migrate']],
    ['Paused', vm('Paused'), vmi('Running'), ['stop', 'restart', 'unpause', 'migrate']],
    ['Stopping', vm('Stopping', 'Halted'), vmi('Running'), ['force-stop']],
    ['Starting', vm('Starting'), vmi('Scheduling'), ['stop', '!restart']],
    ['Provisioning (importing)', vm('Provisioning'), undefined, ['stop', '!restart']],
    ['CrashLoopBackOff', vm('CrashLoopBackOff'), undefined, ['stop', '!restart']],
    ['ErrorUnschedulable', vm('ErrorUnschedulable'), vmi('Pending'), ['stop', '!restart']],
    ['Manual, stopped', vm('Stopped', 'Manual'), undefined, ['start']],
    [
      'Manual, running',
      vm('Running', 'Manual'),
      vmi('Running'),
      ['stop', 'restart', 'pause', 'migrate'],
    ],
  ])('%s', (_name, machine, instance, expected) => {
    expect(menu({ vm: machine, vmi: instance })).toEqual([...expected, ...ALWAYS]);
  });

  it('reads the old spec.running boolean', () => {
    const old = {
      ...vm('Stopped'),
      spec: { running: false, template: { spec: { domain: { devices: {} } } } },
    };
    expect(menu({ vm: old as VirtualMachine })).toContain('start');
  });

  it('disables Migrate with KubeVirt reason when the VMI cannot live migrate', () => {
    const message = 'cannot migrate VMI: PVC rootdisk is not shared';
    const rules = getVMActionRules({
      vm: vm('Running'),
      vmi: vmi('Running', { status: 'False', message }),
    });
    expect(rules.migrate).toEqual({
      visible: true,
      block: 'not-live-migratable',
      blockDetail: message,
    });
  });

  it('offers Cancel migration instead of Migrate while a migration runs', () => {
    const ids = menu({ vm: vm('Migrating'), vmi: vmi('Running'), migrating: true });
    expect(ids).toContain('cancel-migration');
    expect(ids).not.toContain('migrate');
  });

  it('disables Delete for a delete-protected VM', () => {
    const rules = getVMActionRules({
      vm: vm('Stopped', 'Halted', { [DELETE_PROTECTION_LABEL]: 'True' }),
    });
    expect(rules.delete.block).toBe('delete-protected');
  });

  it('reads the protection label as KubeVirt does: only "true" and "True" protect', () => {
    const blockFor = (value: string) =>
      getVMActionRules({ vm: vm('Stopped', 'Halted', { [DELETE_PROTECTION_LABEL]: value }) }).delete
        .block;
    expect(blockFor('true')).toBe('delete-protected');
    expect(blockFor('TRUE')).toBeUndefined();
    expect(blockFor('false')).toBeUndefined();
  });

  it('disables Take snapshot while one is in progress', () => {
    const machine = {
      ...vm('Stopped', 'Halted'),
      status: { printableStatus: 'Stopped', snapshotInProgress: 's1' },
    };
    expect(getVMActionRules({ vm: machine }).snapshot.block).toBe('snapshot-in-progress');
  });
});

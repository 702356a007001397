import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../../models/types';
import { toStandaloneVMIEntry, toVMListEntry } from './entries';
import { isEntryMigrating, planBulkAction, runBulkAction, selectableEntries } from './bulk';

const vm = (name: string, printableStatus: string, runStrategy: string): VirtualMachine => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name, namespace: 'ns' },
  spec: { runStrategy, template: { spec: { domain: { devices: {} } } } },
  status: { printableStatus },
});
const vmi = (name: string, migrationState?: object): VirtualMachineInstance => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name, namespace: 'ns' },
  spec: { domain: { devices: {} } },
  status: { phase: 'Running', migrationState },
});

const running = toVMListEntry(vm('run', 'Running', 'Always'), vmi('run'));
const stopped = toVMListEntry(vm('off', 'Stopped', 'Halted'));
const paused = toVMListEntry(vm('pause', 'Paused', 'Always'), vmi('pause'));
const names = (list: { name: string }[]) => list.map((e) => e.name);

describe('planBulkAction', () => {
  it.each([
    ['start', ['off'], ['run', 'pause']],
    ['stop', ['run', 'pause'], ['off']],
    ['pause', ['run'], ['off', 'pause']],
    ['unpause', ['pause'], ['run', 'off']],
    ['migrate', ['run', 'pause'], ['off']],
    ['delete', ['run', 'off', 'pause'], []],
  ] as const)('%s applies to %j, skips %j', (action, apply, skip) => {
    const plan = planBulkAction([running, stopped, paused], action);
    expect(names(plan.apply)).toEqual(apply);
    expect(names(plan.skip)).toEqual(skip);
  });

  it('skips migrating a VM that already migrates', () => {
    const migrating = toVMListEntry(vm('m', 'Running', 'Always'), vmi('m', { completed: false }));
    expect(isEntryMigrating(migrating)).toBe(true);
    expect(names(planBulkAction([migrating], 'migrate').skip)).toEqual(['m']);
  });

  it('never applies to a standalone VMI, which cannot be selected either', () => {
    const lone = toStandaloneVMIEntry(vmi('lone'));
    expect(names(planBulkAction([lone, stopped], 'delete').apply)).toEqual(['off']);
    expect(names(planBulkAction([lone, stopped], 'delete').skip)).toEqual(['lone']);
    expect(names(selectableEntries([running, lone, stopped]))).toEqual(['run', 'off']);
  });
});

describe('runBulkAction', () => {
  it('reports each VM, failures included', async () => {
    const results = await runBulkAction([running, stopped], (e) =>
      e.name === 'off' ? Promise.reject(new Error('denied')) : Promise.resolve(),
    );
    expect(results.map((r) => [r.entry.name, (r.error as Error | undefined)?.message])).toEqual([
      ['run', undefined],
      ['off', 'denied'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import {
  filterConditionRows,
  getConditionRows,
  isGuestAgentConnected,
  type ConditionFilter,
} from './vmConditions';

const vm = {
  metadata: { name: 'vm', namespace: 'ns' },
  status: {
    conditions: [
      { type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' },
      { type: 'Paused', status: 'False', reason: 'NotPaused' },
    ],
  },
} as unknown as VirtualMachine;

const vmi = {
  metadata: { name: 'vm', namespace: 'ns' },
  status: {
    conditions: [
      {
        type: 'LiveMigratable',
        status: 'False',
        reason: 'InterfaceNotLiveMigratable',
        message: 'm',
      },
      { type: 'AgentConnected', status: 'True' },
    ],
  },
} as unknown as VirtualMachineInstance;

describe('getConditionRows', () => {
  it('lists VM conditions, then VMI conditions', () => {
    expect(getConditionRows(vm, vmi)).toEqual([
      { category: 'VM', type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' },
      { category: 'VM', type: 'Paused', status: 'False', reason: 'NotPaused' },
      {
        category: 'VMI',
        type: 'LiveMigratable',
        status: 'False',
        reason: 'InterfaceNotLiveMigratable',
        message: 'm',
      },
      { category: 'VMI', type: 'AgentConnected', status: 'True' },
    ]);
  });
  it('has only the VM rows without a VMI', () => {
    expect(getConditionRows(vm).map((r) => r.category)).toEqual(['VM', 'VM']);
  });
});

describe('filterConditionRows', () => {
  const rows = getConditionRows(vm, vmi);
  const none: ConditionFilter = { categories: new Set(), statuses: new Set(), reason: '' };
  it.each<[string, ConditionFilter, string[]]>([
    ['nothing', none, ['Ready', 'Paused', 'LiveMigratable', 'AgentConnected']],
    ['VMI only', { ...none, categories: new Set(['VMI']) }, ['LiveMigratable', 'AgentConnected']],
    ['status False', { ...none, statuses: new Set(['False']) }, ['Paused', 'LiveMigratable']],
    ['reason search', { ...none, reason: ' interface ' }, ['LiveMigratable']],
    [
      'all together',
      { categories: new Set(['VM']), statuses: new Set(['False']), reason: 'notp' },
      ['Paused'],
    ],
  ])('%s', (_, filter, types) =>
    expect(filterConditionRows(rows, filter).map((r) => r.type)).toEqual(types),
  );
});

describe('isGuestAgentConnected', () => {
  it.each([
    [undefined, false],
    [vmi, true],
    [{ status: { conditions: [{ type: 'AgentConnected', status: 'False' }] } }, false],
  ])('%#', (input, expected) =>
    expect(isGuestAgentConnected(input as VirtualMachineInstance | undefined)).toBe(expected),
  );
});

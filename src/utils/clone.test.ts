import { describe, expect, it } from 'vitest';
import type { VirtualMachineClone } from '../models/types';
import { buildVMClone, defaultCloneName, getCloneProgress, vmDetailsPath } from './clone';

describe('clone', () => {
  it.each([
    ['web', 'web-clone'],
    ['w'.repeat(253), `${'w'.repeat(247)}-clone`],
  ])('defaultCloneName(%s)', (name, expected) => {
    expect(defaultCloneName(name)).toBe(expected);
  });

  it.each([
    ['VirtualMachine', 'kubevirt.io'],
    ['VirtualMachineSnapshot', 'snapshot.kubevirt.io'],
  ] as const)('clones a %s', (kind, apiGroup) => {
    expect(
      buildVMClone({
        namespace: 'ns',
        source: { kind, name: 'src' },
        targetName: 'copy',
        suffix: 'abcde',
      }),
    ).toEqual({
      apiVersion: 'clone.kubevirt.io/v1beta1',
      kind: 'VirtualMachineClone',
      metadata: { name: 'copy-clone-abcde', namespace: 'ns' },
      spec: {
        source: { apiGroup, kind, name: 'src' },
        target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'copy' },
      },
    });
  });

  const clone = (status?: VirtualMachineClone['status']): VirtualMachineClone => ({
    metadata: { name: 'c' },
    spec: { source: { kind: 'VirtualMachine', name: 'src' } },
    status,
  });

  it.each<[string, VirtualMachineClone | undefined, object]>([
    ['not loaded', undefined, { phase: '', fraction: 0, done: false }],
    ['no phase', clone(), { phase: '', fraction: 0, done: false }],
    ['snapshot', clone({ phase: 'SnapshotInProgress' }), { fraction: 0, done: false }],
    ['restore', clone({ phase: 'RestoreInProgress' }), { fraction: 0.25, done: false }],
    ['creating', clone({ phase: 'CreatingTargetVM' }), { fraction: 0.5, done: false }],
    ['succeeded', clone({ phase: 'Succeeded' }), { fraction: 1, done: true, succeeded: true }],
    [
      'failed',
      clone({
        phase: 'Failed',
        conditions: [{ type: 'Ready', status: 'False', reason: 'Failed', message: 'no source' }],
      }),
      { done: true, failed: true, succeeded: false, reason: 'no source' },
    ],
  ])('getCloneProgress: %s', (_what, c, expected) => {
    expect(getCloneProgress(c)).toMatchObject(expected);
  });

  it('links to the details page', () => {
    expect(vmDetailsPath('ns', 'copy')).toBe('/k8s/ns/ns/kubevirt.io~v1~VirtualMachine/copy');
  });
});

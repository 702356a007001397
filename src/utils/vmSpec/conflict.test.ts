import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../../models/types';
import { isConflictError } from '../errors';
import { changedSinceOpened, editConflictError } from './conflict';

const opened = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', resourceVersion: '1', labels: { app: 'a' } },
  spec: { runStrategy: 'Always', template: { spec: { domain: { devices: {} } } } },
  status: { printableStatus: 'Starting' },
} as VirtualMachine;

describe('changedSinceOpened', () => {
  it.each<[string, Partial<VirtualMachine>, boolean]>([
    ['same object', {}, false],
    [
      'status and resourceVersion only',
      {
        metadata: { ...opened.metadata, resourceVersion: '5' },
        status: { printableStatus: 'Running' },
      },
      false,
    ],
    ['label changed', { metadata: { ...opened.metadata, labels: { app: 'b' } } }, true],
    [
      'annotation added',
      { metadata: { ...opened.metadata, annotations: { description: 'x' } } },
      true,
    ],
    ['spec changed', { spec: { ...opened.spec, runStrategy: 'Halted' } as never }, true],
  ])('%s', (_name, change, expected) => {
    expect(changedSinceOpened(opened, { ...opened, ...change } as VirtualMachine)).toBe(expected);
  });

  it('reports an edit conflict the error helpers recognise', () => {
    expect(isConflictError(editConflictError('vm1'))).toBe(true);
  });
});

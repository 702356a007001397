import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../models/types';
import { buildPatch, setAnnotations, setLabels } from './vmPatch';

const vm: VirtualMachine = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: {
    name: 'vm',
    namespace: 'ns',
    resourceVersion: '42',
    labels: { app: 'web', tier: 'a/b' },
  },
  spec: { runStrategy: 'Halted', template: { spec: { domain: { devices: {} } } } },
};

describe('buildPatch', () => {
  it('leads with the resourceVersion test and changes only what changed', () => {
    expect(buildPatch(vm, setLabels({ app: 'web', tier: 'a/b', env: 'prod' }))).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '42' },
      { op: 'add', path: '/metadata/env'.replace('/env', '/labels/env'), value: 'prod' },
    ]);
  });

  it('escapes JSON pointer characters in keys', () => {
    const ops = buildPatch(vm, setLabels({ app: 'web', tier: 'c', 'a~b/c': 'x' }));
    expect(ops).toContainEqual({ op: 'add', path: '/metadata/labels/a~0b~1c', value: 'x' });
    expect(ops).toContainEqual({ op: 'replace', path: '/metadata/labels/tier', value: 'c' });
  });

  it('removes the map when it becomes empty, and adds it when it was missing', () => {
    expect(buildPatch(vm, setLabels({}))).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '42' },
      { op: 'remove', path: '/metadata/labels' },
    ]);
    expect(buildPatch(vm, setAnnotations({ description: 'db' }))).toContainEqual({
      op: 'add',
      path: '/metadata/annotations',
      value: { description: 'db' },
    });
  });

  it('sends nothing when nothing changed, and never mutates the input', () => {
    expect(buildPatch(vm, setLabels({ app: 'web', tier: 'a/b' }))).toEqual([]);
    buildPatch(vm, (d) => {
      d.spec.runStrategy = 'Always';
    });
    expect(vm.spec.runStrategy).toBe('Halted');
  });
});

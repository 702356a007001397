import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../../models/types';
import { applyRecipes } from '../vmPatch';
import {
  DESCHEDULER_ANNOTATION,
  isDedicatedCPU,
  isDeschedulerEnabled,
  parseAffinity,
  setAffinity,
  setDedicatedCPU,
  setDescheduler,
  setEvictionStrategy,
  setNodeSelector,
  setTolerations,
} from './scheduling';

const vm: VirtualMachine = {
  metadata: { name: 'vm1' },
  spec: { template: { spec: { domain: { devices: {} } } } },
};
const spec = (v: VirtualMachine) => v.spec?.template.spec;

describe('scheduling recipes', () => {
  it('node selector set and cleared', () => {
    const next = applyRecipes(vm, setNodeSelector({ zone: 'a' }));
    expect(spec(next)?.nodeSelector).toEqual({ zone: 'a' });
    expect(spec(applyRecipes(next, setNodeSelector({}))))?.not.toHaveProperty('nodeSelector');
  });

  it('tolerations drop empty fields and values with Exists', () => {
    const next = applyRecipes(
      vm,
      setTolerations([
        { key: 'gpu', operator: 'Exists', value: 'x', effect: 'NoSchedule' },
        { key: 'dedicated', operator: 'Equal', value: 'db', effect: '' as never },
      ]),
    );
    expect(spec(next)?.tolerations).toEqual([
      { key: 'gpu', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'dedicated', operator: 'Equal', value: 'db' },
    ]);
  });

  it.each([
    ['', {}],
    ['nodeAffinity: {}', { affinity: { nodeAffinity: {} } }],
    ['- a', { issue: { code: 'cloud-init-mapping' } }],
    ['foo: 1', { issue: { code: 'yaml', detail: 'unknown field foo' } }],
  ])('parseAffinity(%j)', (text, out) => {
    expect(parseAffinity(text)).toEqual(out);
  });

  it('parseAffinity reports YAML errors', () => {
    expect(parseAffinity('a: [').issue?.code).toBe('yaml');
  });

  it('affinity, dedicated CPU, eviction strategy, descheduler', () => {
    const next = applyRecipes(
      vm,
      setAffinity({ nodeAffinity: {} }),
      setDedicatedCPU(true),
      setEvictionStrategy('LiveMigrateIfPossible'),
      setDescheduler(true),
    );
    expect(spec(next)?.affinity).toEqual({ nodeAffinity: {} });
    expect(isDedicatedCPU(next)).toBe(true);
    expect(spec(next)?.evictionStrategy).toBe('LiveMigrateIfPossible');
    expect(next.spec?.template.metadata?.annotations).toEqual({ [DESCHEDULER_ANNOTATION]: 'true' });
    expect(isDeschedulerEnabled(next)).toBe(true);
    const back = applyRecipes(
      next,
      setAffinity(undefined),
      setDedicatedCPU(false),
      setEvictionStrategy(undefined),
      setDescheduler(false),
    );
    expect(spec(back)).toEqual({ domain: { devices: {} } });
    expect(back.spec?.template.metadata?.annotations).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { pruneUnknownFields } from '../../apiserver/validation/pruneUnknownFields';
import { schemaFor } from '../../apiserver/validation/schemaStore';
import { validateAgainstSchema } from '../../apiserver/validation/validateAgainstSchema';
import { validateAgainstTemplate } from '../../controllers/templates/templateValidator';
import { KUBEVIRT_SEED } from '.';
import {
  PROFILES,
  SCALE_LABEL,
  profileOf,
  scaleNamespace,
  scaleVirtualMachine,
} from './scaleVirtualMachines';

const options = { namespaces: 100, runningPercent: 5 };
const N = 5000;
const vms = Array.from({ length: N }, (_, i) => scaleVirtualMachine(i, options));
const seeded = KUBEVIRT_SEED.flatMap((c) => c());
const exists = (kind: string, name: unknown) =>
  seeded.some((o) => o.kind === kind && o.metadata.name === name);

describe('scale data set', () => {
  it('is the same on every run, so reruns can skip what exists', () => {
    expect(scaleVirtualMachine(1234, options)).toEqual(vms[1234]);
    expect(new Set(vms.map((v) => v.metadata.name)).size).toBe(N);
  });

  it('spreads VMs evenly over the namespaces and marks everything it creates', () => {
    const perNamespace = new Map<string, number>();
    for (const vm of vms) {
      const ns = vm.metadata.namespace ?? '';
      perNamespace.set(ns, (perNamespace.get(ns) ?? 0) + 1);
      expect(vm.metadata.labels?.[SCALE_LABEL]).toBe('true');
    }
    expect([...perNamespace.values()]).toEqual(Array(100).fill(50));
    expect(scaleNamespace(7).metadata).toMatchObject({
      name: 'scale-007',
      labels: { [SCALE_LABEL]: 'true' },
    });
  });

  it('runs about the requested share and mixes the profiles by weight', () => {
    const running = vms.filter((v) => (v.spec as { runStrategy: string }).runStrategy === 'Always');
    expect(running.length / N).toBeGreaterThan(0.035);
    expect(running.length / N).toBeLessThan(0.065);
    const total = PROFILES.reduce((n, p) => n + p.weight, 0);
    for (const p of PROFILES) {
      const share = vms.filter((_, i) => profileOf(i) === p).length / N;
      expect(
        Math.abs(share - p.weight / total),
        `${p.os} ${p.template?.name ?? p.instancetype}`,
      ).toBeLessThan(0.02);
    }
    expect(scaleVirtualMachine(1, { namespaces: 1, runningPercent: 100 }).spec).toMatchObject({
      runStrategy: 'Always',
    });
    expect(scaleVirtualMachine(1, { namespaces: 1, runningPercent: 0 }).spec).toMatchObject({
      runStrategy: 'Halted',
    });
  });

  it('builds VMs the server accepts, with references to seeded content and valid rules', () => {
    const schema = schemaFor('kubevirt.io', 'v1', 'VirtualMachine');
    if (!schema) throw new Error('no VirtualMachine schema');
    for (const vm of vms.slice(0, 200)) {
      expect(pruneUnknownFields(schema, vm).unknownFields).toEqual([]);
      expect(validateAgainstSchema(schema, vm)).toEqual([]);
      const spec = vm.spec as { instancetype?: { name: string }; preference?: { name: string } };
      if (spec.instancetype) {
        expect(exists('VirtualMachineClusterInstancetype', spec.instancetype.name)).toBe(true);
        expect(exists('VirtualMachineClusterPreference', spec.preference?.name)).toBe(true);
      }
      const template = vm.metadata.labels?.['vm.kubevirt.io/template'];
      if (template) {
        expect(exists('Template', template), template).toBe(true);
        // The VM carries the template's rules, so no template lookup is needed.
        expect(validateAgainstTemplate(vm, undefined).allowed).toBe(true);
      }
    }
    // The first validation compiles the large VirtualMachine schema.
  }, 60_000);
});

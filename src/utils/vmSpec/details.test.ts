import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../../models/types';
import { applyRecipes, buildPatch } from '../vmPatch';
import {
  getBootDevices,
  getBootMode,
  getCPUMemory,
  isHeadless,
  isStartPaused,
  moveItem,
  setBootMode,
  setBootOrder,
  setCPUMemory,
  setDescription,
  setHeadless,
  setHostname,
  setStartPaused,
} from './details';
import { draftTemplateSpec } from './types';

const vm: VirtualMachine = {
  metadata: {
    name: 'vm1',
    namespace: 'ns',
    resourceVersion: '1',
    annotations: { description: 'old' },
  },
  spec: {
    template: {
      spec: {
        domain: {
          cpu: { cores: 1, sockets: 1, threads: 1 },
          resources: { requests: { memory: '2Gi' } },
          devices: {
            disks: [{ name: 'root', bootOrder: 1 }, { name: 'data' }],
            interfaces: [{ name: 'default', masquerade: {} }],
          },
        },
      },
    },
  },
};

const spec = (v: VirtualMachine) => v.spec?.template.spec;

describe('details recipes', () => {
  it('description: set and remove', () => {
    expect(applyRecipes(vm, setDescription('new')).metadata?.annotations).toEqual({
      description: 'new',
    });
    expect(applyRecipes(vm, setDescription('  ')).metadata?.annotations).toBeUndefined();
  });

  it('CPU and memory: topology and request, or guest memory when used', () => {
    const next = applyRecipes(
      vm,
      setCPUMemory({ sockets: 2, cores: 2, threads: 1, memory: '4Gi' }),
    );
    expect(spec(next)?.domain.cpu).toEqual({ sockets: 2, cores: 2, threads: 1 });
    expect(spec(next)?.domain.resources?.requests?.memory).toBe('4Gi');
    expect(getCPUMemory(next)).toEqual({ sockets: 2, cores: 2, threads: 1, memory: '4Gi' });
    const guest = applyRecipes(vm, (d) => {
      draftTemplateSpec(d as VirtualMachine).domain.memory = { guest: '1Gi' };
    });
    const g2 = applyRecipes(
      guest,
      setCPUMemory({ sockets: 1, cores: 1, threads: 1, memory: '3Gi' }),
    );
    expect(spec(g2)?.domain.memory?.guest).toBe('3Gi');
    expect(spec(g2)?.domain.resources?.requests?.memory).toBe('2Gi');
  });

  it('hostname, headless, start paused toggle their fields', () => {
    expect(spec(applyRecipes(vm, setHostname('web')))?.hostname).toBe('web');
    expect(spec(applyRecipes(vm, setHostname('')))?.hostname).toBeUndefined();
    const headless = applyRecipes(vm, setHeadless(true));
    expect(spec(headless)?.domain.devices.autoattachGraphicsDevice).toBe(false);
    expect(isHeadless(headless)).toBe(true);
    expect(isHeadless(applyRecipes(headless, setHeadless(false)))).toBe(false);
    const paused = applyRecipes(vm, setStartPaused(true));
    expect(spec(paused)?.startStrategy).toBe('Paused');
    expect(isStartPaused(applyRecipes(paused, setStartPaused(false)))).toBe(false);
  });

  it.each(['bios', 'uefi', 'uefi-secure'] as const)('boot mode %s round-trips', (mode) => {
    const next = applyRecipes(vm, setBootMode('uefi-secure'), setBootMode(mode));
    expect(getBootMode(next)).toBe(mode);
  });

  it('secure boot enables SMM', () => {
    const next = applyRecipes(vm, setBootMode('uefi-secure'));
    expect(spec(next)?.domain.features?.smm).toEqual({ enabled: true });
    expect(spec(next)?.domain.firmware?.bootloader?.efi?.secureBoot).toBe(true);
    expect(spec(applyRecipes(next, setBootMode('bios')))?.domain.firmware).toBeUndefined();
  });
});

describe('boot order', () => {
  it('lists devices with a boot order first', () => {
    expect(getBootDevices(vm).map((d) => d.name)).toEqual(['root', 'data', 'default']);
  });

  it('sets 1..n on the chosen devices and removes it elsewhere', () => {
    const next = applyRecipes(
      vm,
      setBootOrder([
        { kind: 'interface', name: 'default' },
        { kind: 'disk', name: 'data' },
      ]),
    );
    const devices = spec(next)?.domain.devices;
    expect(devices?.interfaces?.[0].bootOrder).toBe(1);
    expect(devices?.disks?.[1].bootOrder).toBe(2);
    expect(devices?.disks?.[0].bootOrder).toBeUndefined();
    expect(buildPatch(vm, setBootOrder([{ kind: 'disk', name: 'root' }]))).toEqual([]);
  });

  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ])('moveItem(%i, %i)', (index, delta, out) => {
    expect(moveItem(['a', 'b', 'c'], index, delta)).toEqual(out);
  });
});

import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import { getScreenPreviewBlock, vncScreenshotPath } from './vncScreenshot';

const vm = (devices: object = {}) =>
  ({
    metadata: { name: 'vm', namespace: 'ns' },
    spec: { template: { spec: { domain: { devices } } } },
  }) as VirtualMachine;
const vmi = (phase?: string) =>
  ({ metadata: { name: 'vm', namespace: 'ns' }, status: { phase } }) as VirtualMachineInstance;

describe('vncScreenshotPath', () => {
  it('is the VMI subresource under the Kubernetes proxy, names encoded', () => {
    expect(vncScreenshotPath('demo', 'fedora')).toBe(
      '/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/demo/virtualmachineinstances/fedora/vnc/screenshot',
    );
    expect(vncScreenshotPath('a b', 'c/d')).toContain(
      '/namespaces/a%20b/virtualmachineinstances/c%2Fd/',
    );
  });
});

describe('getScreenPreviewBlock', () => {
  it('shows a running VMI with a graphics device', () => {
    expect(getScreenPreviewBlock(vm(), vmi('Running'))).toBeUndefined();
    expect(
      getScreenPreviewBlock(vm({ autoattachGraphicsDevice: true }), vmi('Running')),
    ).toBeUndefined();
  });

  it('not without a running VMI, nor for a headless VM', () => {
    expect(getScreenPreviewBlock(vm(), undefined)).toBe('not-running');
    expect(getScreenPreviewBlock(vm(), vmi('Scheduling'))).toBe('not-running');
    expect(getScreenPreviewBlock(vm(), vmi())).toBe('not-running');
    expect(getScreenPreviewBlock(vm({ autoattachGraphicsDevice: false }), vmi('Running'))).toBe(
      'headless',
    );
  });
});

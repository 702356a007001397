import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import { isHeadless } from './vmSpec/details';

/** virt-api's `vnc/screenshot` of a VMI through the console's Kubernetes proxy (a PNG). */
export const vncScreenshotPath = (namespace: string, name: string): string =>
  `/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/${encodeURIComponent(namespace)}` +
  `/virtualmachineinstances/${encodeURIComponent(name)}/vnc/screenshot`;

/** Why the Overview shows no screen preview, or undefined when it can show one. */
export type ScreenPreviewBlock = 'not-running' | 'headless';

/** A preview needs a running VMI with a graphics device (a headless VM has no VNC). */
export const getScreenPreviewBlock = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
): ScreenPreviewBlock | undefined => {
  if (vmi?.status?.phase !== 'Running') return 'not-running';
  if (isHeadless(vm)) return 'headless';
  return undefined;
};

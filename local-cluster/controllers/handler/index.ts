import type { Stoppable } from '../runtime/runtime';
import type { ControllerRuntime } from '../runtime/runtime';
import type { NodeApi } from './nodeApi';
import { nodeService } from './nodeService';
import type { GuestHost } from './virtHandler';
import { VirtHandler } from './virtHandler';

export type { NodeApi, VmiRef } from './nodeApi';

/**
 * Starts virt-handler: the guests of scheduled VMIs (through the guests layer's GuestManager) and
 * the node API virt-api uses. Stop it before closing the GuestManager, so that guests killed by
 * the shutdown are not reported as VMIs that ended.
 */
export const startVirtHandler = (
  runtime: ControllerRuntime,
  guests: GuestHost,
): Stoppable & { node: NodeApi } => {
  const handler = new VirtHandler(runtime, guests);
  return { node: nodeService(handler), stop: () => handler.stop() };
};

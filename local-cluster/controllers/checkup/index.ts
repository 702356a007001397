import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { startCheckupController } from './checkupController';

/** The kiagnose checkups (network latency, storage) that the Checkups pages run as Jobs. */
export const startCheckups = (runtime: ControllerRuntime): Stoppable =>
  startCheckupController(runtime);

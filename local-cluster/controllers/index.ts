import type { LocalCluster } from '../apiserver/localCluster';
import { GuestManager } from '../guests/guestManager';
import { startMetrics } from './metrics';
import { startVirtApi } from './api';
import { startCdi } from './cdi';
import { startCheckups } from './checkup';
import { startVirtHandler } from './handler';
import { launcherLogSource } from './handler/launcherLogs';
import { progressOf, startMigrationController } from './migration';
import { startServiceLoadBalancer } from './network/serviceLoadBalancer';
import type { ControllerRuntime, RuntimeOptions, Stoppable } from './runtime/runtime';
import { createControllerRuntime } from './runtime/runtime';
import { startSnapshotControllers } from './snapshot';
import { registerTemplateValidator } from './templates';
import { startVirtController } from './virt';

export interface VirtualizationOptions extends RuntimeOptions {
  /** Guest sockets and pid files; keep the path short (unix socket paths end at 107 bytes). */
  guestWorkDir: string;
  /** Real QEMU guests at most (default: env LOCAL_CLUSTER_MAX_GUESTS, else 4); 0 = built-in only. */
  maxRealGuests?: number;
}

export interface Virtualization {
  runtime: ControllerRuntime;
  guests: GuestManager;
  close(): Promise<void>;
}

/** Simulated time a built-in guest takes from power-on to its login prompt. */
const BUILTIN_BOOT_MS = 4000;

/**
 * KubeVirt, CDI and their neighbours on a running local cluster: the controllers (API clients),
 * virt-api's subresources and consoles, SSP's template validator, checkups and metrics.
 */
export const startVirtualization = async (
  cluster: LocalCluster,
  options: VirtualizationOptions,
): Promise<Virtualization> => {
  const runtime = createControllerRuntime(cluster, options);
  const guests = new GuestManager({
    workDir: options.guestWorkDir,
    maxRealGuests: options.maxRealGuests,
    bootDelayMs: runtime.timing.ms(BUILTIN_BOOT_MS),
    log: runtime.log,
  });
  const handler = startVirtHandler(runtime, guests);
  const logs = launcherLogSource(guests);
  runtime.server.containerLogs.push(logs);
  const sets: Stoppable[] = [
    {
      stop: () => {
        const i = runtime.server.containerLogs.indexOf(logs);
        if (i >= 0) runtime.server.containerLogs.splice(i, 1);
      },
    },
    registerTemplateValidator(runtime),
    startVirtController(runtime),
    handler,
    startVirtApi(runtime, handler.node),
    await startCdi(runtime),
    await startMigrationController(runtime),
    await startSnapshotControllers(runtime),
    startCheckups(runtime),
    startServiceLoadBalancer(runtime),
    startMetrics(runtime, {
      guestStats: (uid) => guests.get(uid)?.stats(),
      migrationProgress: progressOf,
    }),
  ];
  return {
    runtime,
    guests,
    close: async () => {
      // virt-handler stops before the guests do, or their exits would read as crashed VMIs.
      for (const s of sets.reverse()) await s.stop();
      runtime.informers.stop();
      await guests.closeAll();
    },
  };
};

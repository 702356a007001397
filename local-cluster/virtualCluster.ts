import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import type { LocalCluster, LocalClusterOptions } from './apiserver/localCluster';
import { startLocalCluster } from './apiserver/localCluster';
import type { Virtualization, VirtualizationOptions } from './controllers';
import { startVirtualization } from './controllers';
import { KUBEVIRT_SEED } from './seed/kubevirt';

export interface VirtualClusterOptions
  extends Omit<LocalClusterOptions, 'addons'>, Partial<VirtualizationOptions> {}

export interface VirtualCluster extends LocalCluster {
  virtualization: Virtualization;
}

/**
 * The local cluster as `npm start` runs it: the API server seeded with the KubeVirt content
 * (templates, instance types, boot sources, demo VMs) and the virtualization layer on top.
 */
export const startVirtualCluster = async (
  options: VirtualClusterOptions = {},
): Promise<VirtualCluster> => {
  let virtualization: Virtualization | undefined;
  const guestWorkDir =
    options.guestWorkDir ??
    (options.dataDir ? join(options.dataDir, 'guests') : mkdtempSync(join(tmpdir(), 'guests-')));
  const cluster = await startLocalCluster({
    ...options,
    seedContributors: [...KUBEVIRT_SEED, ...(options.seedContributors ?? [])],
    addons: [
      async (c) => {
        virtualization = await startVirtualization(c, { ...options, guestWorkDir });
        return virtualization;
      },
    ],
  });
  return Object.assign(cluster, { virtualization: virtualization as Virtualization });
};
